"""What each GAD needs (project profiles) and its expressions of interest in offers."""

import uuid

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sioc.common.models import TimeStampedModel
from sioc.demands.choices import (
    OPEN_INTEREST_STATUSES,
    DigestFrequency,
    InterestStatus,
    Maturity,
    NeedStatus,
    NotPursuedReason,
    Party,
)


class GadProfile(TimeStampedModel):
    """A GAD's cooperation profile, kept current by its officers."""

    organization = models.OneToOneField(
        "organizations.Organization",
        verbose_name=_("GAD"),
        on_delete=models.CASCADE,
        related_name="gad_profile",
    )
    mayor_name = models.CharField(_("alcalde o alcaldesa"), max_length=200, blank=True)
    term_start = models.DateField(_("inicio del período"), null=True, blank=True)
    term_end = models.DateField(_("fin del período"), null=True, blank=True)
    officer_name = models.CharField(_("responsable de cooperación"), max_length=200, blank=True)
    officer_email = models.EmailField(_("correo del responsable"), blank=True)
    officer_phone = models.CharField(_("teléfono del responsable"), max_length=40, blank=True)
    pdot_priorities = models.TextField(_("prioridades del PDOT"), blank=True)
    priority_sdgs = models.ManyToManyField(
        "codelists.SdgGoal", verbose_name=_("ODS prioritarios"), blank=True
    )
    priority_competencies = models.ManyToManyField(
        "codelists.CootadCompetency", verbose_name=_("competencias prioritarias"), blank=True
    )
    networks = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("redes de ciudades a las que pertenece"),
        blank=True,
        related_name="member_gad_profiles",
    )
    digest_frequency = models.CharField(
        _("resumen de oportunidades por correo"),
        max_length=20,
        choices=DigestFrequency.choices,
        default=DigestFrequency.NONE,
    )
    digest_email = models.EmailField(_("correo para el resumen"), blank=True)
    feed_token = models.UUIDField(
        _("clave del calendario"), default=uuid.uuid4, unique=True, editable=False
    )

    class Meta:
        verbose_name = _("perfil del GAD")
        verbose_name_plural = _("perfiles de GAD")

    def __str__(self):
        return str(self.organization)


class NeedQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=NeedStatus.ACTIVE)


class Need(TimeStampedModel):
    """A project profile: a problem a GAD wants cooperation for."""

    gad = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("GAD"),
        on_delete=models.PROTECT,
        related_name="needs",
    )
    title = models.CharField(_("título"), max_length=300)
    problem = models.TextField(_("problema"), blank=True)
    objective = models.TextField(_("objetivo"), blank=True)
    beneficiaries_count = models.PositiveIntegerField(
        _("número de beneficiarios"), null=True, blank=True
    )
    beneficiary_groups = models.CharField(_("grupos beneficiarios"), max_length=300, blank=True)
    parishes = models.ManyToManyField("territory.Parish", verbose_name=_("parroquias"), blank=True)
    sdgs = models.ManyToManyField("codelists.SdgGoal", verbose_name=_("ODS"), blank=True)
    sdg_targets = models.ManyToManyField(
        "codelists.SdgTarget", verbose_name=_("metas ODS"), blank=True
    )
    competency = models.ForeignKey(
        "codelists.CootadCompetency",
        verbose_name=_("competencia COOTAD"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    sector = models.ForeignKey(
        "codelists.DacSector",
        verbose_name=_("sector CAD"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    modalities = models.ManyToManyField(
        "codelists.Modality",
        verbose_name=_("modalidades buscadas"),
        blank=True,
        help_text=_(
            "Solo se recomiendan ofertas con alguna de estas modalidades. Vacío: cualquiera."
        ),
    )
    estimated_budget = models.DecimalField(
        _("presupuesto estimado (USD)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    counterpart_funds = models.DecimalField(
        _("fondos de contraparte (USD)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    maturity = models.CharField(
        _("madurez"), max_length=20, choices=Maturity.choices, default=Maturity.IDEA
    )
    pdot_programme = models.CharField(_("programa del PDOT"), max_length=300, blank=True)
    status = models.CharField(
        _("estado"),
        max_length=20,
        choices=NeedStatus.choices,
        default=NeedStatus.DRAFT,
        db_index=True,
    )

    objects = NeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("necesidad")
        verbose_name_plural = _("necesidades")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("demands:need_detail", args=[self.pk])


def need_attachment_path(instance, filename):
    """A random folder per file: attachments are served only through a permission check, and
    their storage paths must not be guessable if the media folder is ever exposed."""
    return f"necesidades/{instance.need_id}/{uuid.uuid4().hex}/{filename}"


class NeedAttachment(models.Model):
    need = models.ForeignKey(
        Need, verbose_name=_("necesidad"), on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("título"), max_length=200)
    file = models.FileField(_("archivo PDF"), upload_to=need_attachment_path)
    uploaded_at = models.DateTimeField(_("subido el"), auto_now_add=True)

    class Meta:
        verbose_name = _("adjunto de la necesidad")
        verbose_name_plural = _("adjuntos de la necesidad")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.title


class InterestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_INTEREST_STATUSES)


class ExpressionOfInterest(TimeStampedModel):
    """A GAD's request to take up an offer, tracked from submission to agreement."""

    gad = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("GAD"),
        on_delete=models.PROTECT,
        related_name="interests",
    )
    offer = models.ForeignKey(
        "offers.Offer", verbose_name=_("oferta"), on_delete=models.PROTECT, related_name="interests"
    )
    need = models.ForeignKey(
        Need,
        verbose_name=_("necesidad que atiende"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interests",
    )
    justification = models.TextField(_("justificación"))
    contact_name = models.CharField(_("persona de contacto"), max_length=200)
    contact_email = models.EmailField(_("correo de contacto"))
    contact_phone = models.CharField(_("teléfono de contacto"), max_length=40, blank=True)
    status = models.CharField(
        _("estado"),
        max_length=20,
        choices=InterestStatus.choices,
        default=InterestStatus.SUBMITTED,
        db_index=True,
    )
    reason = models.CharField(
        _("motivo"), max_length=30, choices=NotPursuedReason.choices, blank=True
    )
    last_action_at = models.DateTimeField(_("última acción"), db_index=True)

    objects = InterestQuerySet.as_manager()

    class Meta:
        verbose_name = _("expresión de interés")
        verbose_name_plural = _("expresiones de interés")
        ordering = ["-last_action_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["gad", "offer"],
                condition=Q(status__in=OPEN_INTEREST_STATUSES),
                name="one_open_interest_per_gad_and_offer",
                violation_error_message=_(
                    "Su GAD ya tiene una expresión de interés abierta para esta oferta."
                ),
            )
        ]

    def __str__(self):
        return f"{self.gad} → {self.offer}"

    def get_absolute_url(self):
        return reverse("demands:interest_detail", args=[self.pk])

    @property
    def is_open(self):
        return self.status in OPEN_INTEREST_STATUSES


class InterestEvent(models.Model):
    """One step of an expression of interest: who moved it, when, and why."""

    interest = models.ForeignKey(
        ExpressionOfInterest,
        verbose_name=_("expresión de interés"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    actor = models.ForeignKey(
        "accounts.User",
        verbose_name=_("usuario"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    party = models.CharField(_("en calidad de"), max_length=20, choices=Party.choices, blank=True)
    from_status = models.CharField(
        _("de"), max_length=20, choices=InterestStatus.choices, blank=True
    )
    to_status = models.CharField(_("a"), max_length=20, choices=InterestStatus.choices)
    reason = models.CharField(
        _("motivo"), max_length=30, choices=NotPursuedReason.choices, blank=True
    )
    comment = models.TextField(_("comentario"), blank=True)
    created_at = models.DateTimeField(_("fecha"), auto_now_add=True)

    class Meta:
        verbose_name = _("paso de la expresión de interés")
        verbose_name_plural = _("pasos de las expresiones de interés")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
