"""The SIOC catalogue: what each cooperante offers to Ecuador's municipalities."""

import datetime

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sioc.common.models import TimeStampedModel
from sioc.offers.choices import PUBLIC_STATUSES, VERIFICATION_MONTHS, OfferStatus, Schedule


def today():
    return timezone.localdate()


class OfferQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=OfferStatus.PUBLISHED)

    def public(self):
        """What anonymous visitors may see: published and closed (past) offers."""
        return self.filter(status__in=PUBLIC_STATUSES)

    def open_on(self, date=None):
        """Published offers accepting applications on ``date``.

        A published window whose closing date has passed is never open, even before the
        scheduled task closes it. Yearly offers are open inside their window each year.
        """
        date = date or today()
        window = (
            Q(schedule=Schedule.WINDOW)
            & (Q(opens_on__isnull=True) | Q(opens_on__lte=date))
            & (Q(closes_on__isnull=True) | Q(closes_on__gte=date))
        )
        return self.published().filter(
            Q(schedule=Schedule.PERMANENT) | Q(schedule=Schedule.YEARLY) | window
        )

    def closing_within(self, days, date=None):
        date = date or today()
        return self.open_on(date).filter(
            closes_on__gte=date, closes_on__lte=date + datetime.timedelta(days=days)
        )

    def covering_canton(self, canton):
        return self.filter(
            Q(is_national=True) | Q(cantons=canton) | Q(provinces=canton.province_id)
        ).distinct()


class Offer(TimeStampedModel):
    """An offer of a cooperante: what, for whom, where, how much and until when."""

    code = models.CharField(
        _("código"),
        max_length=40,
        unique=True,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
                _(
                    "Use solo letras sin tildes, números, punto, guion y guion bajo (p. ej. JICA-VOL-2026)."
                ),
            )
        ],
    )
    cooperante = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("cooperante"),
        on_delete=models.PROTECT,
        related_name="offers",
    )
    title = models.CharField(_("título"), max_length=300)
    summary = models.CharField(_("resumen"), max_length=600, blank=True)
    description = models.TextField(_("descripción"), blank=True)
    modalities = models.ManyToManyField(
        "codelists.Modality", verbose_name=_("modalidades"), blank=True
    )
    cooperation_type = models.ForeignKey(
        "codelists.CooperationType",
        verbose_name=_("tipo de cooperación"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    sdgs = models.ManyToManyField("codelists.SdgGoal", verbose_name=_("ODS"), blank=True)
    sdg_targets = models.ManyToManyField(
        "codelists.SdgTarget", verbose_name=_("metas ODS"), blank=True
    )
    competencies = models.ManyToManyField(
        "codelists.CootadCompetency", verbose_name=_("competencias COOTAD"), blank=True
    )
    sectors = models.ManyToManyField(
        "codelists.DacSector", verbose_name=_("sectores CAD"), blank=True
    )
    is_national = models.BooleanField(_("cobertura nacional"), default=True)
    provinces = models.ManyToManyField(
        "territory.Province", verbose_name=_("provincias"), blank=True
    )
    cantons = models.ManyToManyField("territory.Canton", verbose_name=_("cantones"), blank=True)
    open_to_gad = models.BooleanField(_("pueden postular GAD municipales"), default=True)
    open_to_mancomunidad = models.BooleanField(_("pueden postular mancomunidades"), default=False)
    open_to_others = models.BooleanField(_("pueden postular otros actores"), default=False)
    amount_min = models.DecimalField(
        _("monto mínimo"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    amount_max = models.DecimalField(
        _("monto máximo"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    currency = models.ForeignKey(
        "codelists.Currency",
        verbose_name=_("moneda"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        to_field="code",
    )
    counterpart_percent = models.DecimalField(
        _("contraparte requerida (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    schedule = models.CharField(
        _("plazo"), max_length=20, choices=Schedule.choices, default=Schedule.WINDOW
    )
    opens_on = models.DateField(_("fecha de apertura"), null=True, blank=True)
    closes_on = models.DateField(_("fecha de cierre"), null=True, blank=True, db_index=True)
    requirements = models.TextField(_("requisitos"), blank=True)
    how_to_apply = models.TextField(_("cómo postular"), blank=True)
    contact = models.CharField(_("contacto"), max_length=300, blank=True)
    source_url = models.URLField(_("enlace a la fuente"), max_length=500, blank=True)
    status = models.CharField(
        _("estado"),
        max_length=20,
        choices=OfferStatus.choices,
        default=OfferStatus.DRAFT,
        db_index=True,
    )
    review_comment = models.TextField(_("observaciones de la revisión"), blank=True)
    last_verified_on = models.DateField(_("verificada el"), null=True, blank=True)
    published_at = models.DateTimeField(_("publicada el"), null=True, blank=True, db_index=True)
    closed_at = models.DateTimeField(_("cerrada el"), null=True, blank=True)
    # Analysed title for search relevance, written by sioc.offers.search.index_offers (derived).
    search_title = models.CharField(
        _("título analizado"), max_length=600, blank=True, default="", editable=False
    )

    objects = OfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("oferta")
        verbose_name_plural = _("ofertas")
        ordering = ["-published_at", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_min__isnull=True)
                | Q(amount_max__isnull=True)
                | Q(amount_min__lte=models.F("amount_max")),
                name="offer_amount_range",
                violation_error_message=_("El monto mínimo no puede ser mayor que el máximo."),
            ),
            models.CheckConstraint(
                condition=Q(opens_on__isnull=True)
                | Q(closes_on__isnull=True)
                | Q(opens_on__lte=models.F("closes_on")),
                name="offer_date_range",
                violation_error_message=_(
                    "La fecha de apertura no puede ser posterior a la de cierre."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("offers:detail", args=[self.code])

    @property
    def is_reimbursable(self):
        return any(m.is_reimbursable for m in self.modalities.all())

    def is_open_on(self, date=None):
        date = date or today()
        if self.status != OfferStatus.PUBLISHED:
            return False
        if self.schedule in (Schedule.PERMANENT, Schedule.YEARLY):
            return True
        return (self.opens_on is None or self.opens_on <= date) and (
            self.closes_on is None or self.closes_on >= date
        )

    def days_to_close(self, date=None):
        date = date or today()
        if not self.closes_on or self.schedule == Schedule.PERMANENT:
            return None
        return (self.closes_on - date).days

    @property
    def possibly_outdated(self):
        """Not verified for 12 months (or never): the catalogue flags it."""
        if self.last_verified_on is None:
            return True
        limit = today() - datetime.timedelta(days=round(VERIFICATION_MONTHS * 30.44))
        return self.last_verified_on < limit


def attachment_path(instance, filename):
    return f"ofertas/{instance.offer.code}/{filename}"


class OfferAttachment(models.Model):
    offer = models.ForeignKey(
        Offer, verbose_name=_("oferta"), on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("título"), max_length=200)
    file = models.FileField(_("archivo PDF"), upload_to=attachment_path)
    uploaded_at = models.DateTimeField(_("subido el"), auto_now_add=True)

    class Meta:
        verbose_name = _("adjunto")
        verbose_name_plural = _("adjuntos")
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.title


class ReviewNote(models.Model):
    """A step of the review conversation between a cooperante and AME."""

    offer = models.ForeignKey(
        Offer, verbose_name=_("oferta"), on_delete=models.CASCADE, related_name="review_notes"
    )
    author = models.ForeignKey(
        "accounts.User",
        verbose_name=_("autor"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_status = models.CharField(_("de"), max_length=20, choices=OfferStatus.choices)
    to_status = models.CharField(_("a"), max_length=20, choices=OfferStatus.choices)
    comment = models.TextField(_("comentario"), blank=True)
    created_at = models.DateTimeField(_("fecha"), auto_now_add=True)

    class Meta:
        verbose_name = _("nota de revisión")
        verbose_name_plural = _("notas de revisión")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
