"""Missions: paradiplomatic agendas, events and assemblies, their meetings and what they opened."""

import uuid

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sioc.common.models import TimeStampedModel
from sioc.missions.choices import (
    FollowUpStatus,
    MissionKind,
    MissionStatus,
    OpportunityKind,
    ParticipantRole,
)


class MissionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=MissionStatus.PUBLISHED)


class Mission(TimeStampedModel):
    """A mission recorded as data, from which the informe de sistematización is generated."""

    slug = models.SlugField(_("identificador"), max_length=120, unique=True)
    kind = models.CharField(_("tipo"), max_length=30, choices=MissionKind.choices)
    name = models.CharField(_("nombre"), max_length=300)
    country = models.CharField(
        _("país"), max_length=2, blank=True, help_text=_("Código ISO 3166-1 alfa-2, p. ej. SV.")
    )
    cities = models.CharField(_("ciudades"), max_length=300, blank=True)
    starts_on = models.DateField(_("fecha de inicio"))
    ends_on = models.DateField(_("fecha de fin"))
    organiser = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organizador"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organised_missions",
    )
    hosts = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("anfitriones"),
        blank=True,
        related_name="hosted_missions",
    )
    objective = models.TextField(_("objetivo"), blank=True)
    presentation_letter = models.TextField(_("carta de presentación"), blank=True)
    keywords = models.CharField(
        _("palabras clave"), max_length=500, blank=True, help_text=_("Separadas por comas.")
    )
    credits = models.TextField(_("créditos"), blank=True, help_text=_("Una persona por línea."))
    contact = models.TextField(_("contacto"), blank=True)
    status = models.CharField(
        _("estado"),
        max_length=20,
        choices=MissionStatus.choices,
        default=MissionStatus.PLANNED,
        db_index=True,
    )
    published_at = models.DateTimeField(_("publicada el"), null=True, blank=True)

    objects = MissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("misión")
        verbose_name_plural = _("misiones")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__lte=models.F("ends_on")),
                name="mission_date_range",
                violation_error_message=_("La fecha de inicio no puede ser posterior a la de fin."),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("missions:detail", args=[self.slug])

    @property
    def keyword_list(self):
        return [k.strip() for k in self.keywords.split(",") if k.strip()]

    @property
    def is_assembly(self):
        return self.kind == MissionKind.NATIONAL_ASSEMBLY


class Participant(models.Model):
    """A member of the delegation: a GAD's authority or staff, or AME's team."""

    mission = models.ForeignKey(
        Mission, verbose_name=_("misión"), on_delete=models.CASCADE, related_name="participants"
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organización"),
        on_delete=models.PROTECT,
        related_name="mission_participations",
    )
    person_name = models.CharField(_("nombre"), max_length=200, blank=True)
    position = models.CharField(_("cargo"), max_length=200, blank=True)
    role = models.CharField(
        _("en calidad de"),
        max_length=20,
        choices=ParticipantRole.choices,
        default=ParticipantRole.GAD_AUTHORITY,
    )
    order = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        verbose_name = _("participante")
        verbose_name_plural = _("participantes")
        ordering = ["order", "id"]

    def __str__(self):
        return self.person_name or str(self.organization)


class Meeting(models.Model):
    """One meeting or activity of the mission, written in AME's three-part structure."""

    mission = models.ForeignKey(
        Mission, verbose_name=_("misión"), on_delete=models.CASCADE, related_name="meetings"
    )
    order = models.PositiveSmallIntegerField(_("orden"), default=0)
    date = models.DateField(_("fecha"))
    place = models.CharField(_("lugar"), max_length=300, blank=True)
    title = models.CharField(_("título"), max_length=300)
    subject = models.TextField(_("asunto"), blank=True)
    development = models.TextField(_("desarrollo"), blank=True, help_text=_("Un punto por línea."))
    conclusions = models.TextField(
        _("conclusiones"), blank=True, help_text=_("Un punto por línea.")
    )

    class Meta:
        verbose_name = _("reunión o actividad")
        verbose_name_plural = _("reuniones y actividades")
        ordering = ["date", "order", "id"]

    def __str__(self):
        return self.title

    @property
    def development_points(self):
        return [line.strip() for line in self.development.splitlines() if line.strip()]

    @property
    def conclusion_points(self):
        return [line.strip() for line in self.conclusions.splitlines() if line.strip()]


class Counterpart(models.Model):
    """Who AME's delegation met: an organisation (known to SIOC or not) and a person."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("reunión"), on_delete=models.CASCADE, related_name="counterparts"
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organización"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mission_counterparts",
    )
    organization_name = models.CharField(
        _("organización (si no está en SIOC)"), max_length=300, blank=True
    )
    person_name = models.CharField(_("nombre"), max_length=200, blank=True)
    position = models.CharField(_("cargo"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("contraparte")
        verbose_name_plural = _("contrapartes")
        ordering = ["id"]

    def __str__(self):
        return self.person_name or self.display_organization

    @property
    def display_organization(self):
        return str(self.organization) if self.organization_id else self.organization_name


class Recommendation(models.Model):
    """A recommendation for the GADs, followed up until it produces something."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("reunión"),
        on_delete=models.CASCADE,
        related_name="recommendations",
    )
    order = models.PositiveSmallIntegerField(_("orden"), default=0)
    text = models.TextField(_("recomendación"))

    class Meta:
        verbose_name = _("recomendación para los GAD")
        verbose_name_plural = _("recomendaciones para los GAD")
        ordering = ["order", "id"]

    def __str__(self):
        return self.text[:80]


class FollowUpAction(TimeStampedModel):
    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recomendación"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    description = models.TextField(_("acción"))
    responsible = models.CharField(_("responsable"), max_length=200)
    due_on = models.DateField(_("fecha límite"), null=True, blank=True)
    status = models.CharField(
        _("estado"),
        max_length=20,
        choices=FollowUpStatus.choices,
        default=FollowUpStatus.PENDING,
        db_index=True,
    )

    class Meta:
        verbose_name = _("acción de seguimiento")
        verbose_name_plural = _("acciones de seguimiento")
        ordering = ["due_on", "id"]

    def __str__(self):
        return self.description[:80]


class Panel(models.Model):
    """A panel or dialogue of an assembly."""

    mission = models.ForeignKey(
        Mission, verbose_name=_("misión"), on_delete=models.CASCADE, related_name="panels"
    )
    order = models.PositiveSmallIntegerField(_("orden"), default=0)
    title = models.CharField(_("título"), max_length=300)
    objective = models.TextField(_("objetivo"), blank=True)
    moderator = models.CharField(_("moderador o moderadora"), max_length=300, blank=True)
    conclusions = models.TextField(
        _("conclusiones"), blank=True, help_text=_("Un punto por línea.")
    )

    class Meta:
        verbose_name = _("panel o diálogo")
        verbose_name_plural = _("paneles y diálogos")
        ordering = ["order", "id"]

    def __str__(self):
        return self.title

    @property
    def conclusion_points(self):
        return [line.strip() for line in self.conclusions.splitlines() if line.strip()]


class Speaker(models.Model):
    panel = models.ForeignKey(
        Panel, verbose_name=_("panel"), on_delete=models.CASCADE, related_name="speakers"
    )
    order = models.PositiveSmallIntegerField(_("orden"), default=0)
    name = models.CharField(_("nombre"), max_length=200)
    organization_name = models.CharField(_("organización"), max_length=300, blank=True)
    contribution = models.TextField(_("aporte"), blank=True)

    class Meta:
        verbose_name = _("panelista")
        verbose_name_plural = _("panelistas")
        ordering = ["order", "id"]

    def __str__(self):
        return self.name


def photo_path(instance, filename):
    """Photos are stored re-encoded under a random name (the uploaded name is not kept)."""
    return f"misiones/{instance.mission_id}/{uuid.uuid4().hex}.jpg"


class Photo(models.Model):
    mission = models.ForeignKey(
        Mission, verbose_name=_("misión"), on_delete=models.CASCADE, related_name="photos"
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("reunión"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="photos",
    )
    image = models.ImageField(
        _("imagen"), upload_to=photo_path, width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(_("ancho"), default=0, editable=False)
    height = models.PositiveIntegerField(_("alto"), default=0, editable=False)
    caption = models.CharField(_("leyenda"), max_length=300, blank=True)
    credit = models.CharField(_("crédito"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("orden"), default=0)
    uploaded_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("subida por"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("subida el"), auto_now_add=True)

    class Meta:
        verbose_name = _("foto")
        verbose_name_plural = _("fotos")
        ordering = ["order", "uploaded_at", "id"]

    def __str__(self):
        return self.caption or _("Foto %(id)s") % {"id": self.pk}


class Note(models.Model):
    """A note a participating GAD (or AME) adds to the mission record."""

    mission = models.ForeignKey(
        Mission, verbose_name=_("misión"), on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        "accounts.User",
        verbose_name=_("autor"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organización"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("nota"))
    created_at = models.DateTimeField(_("fecha"), auto_now_add=True)

    class Meta:
        verbose_name = _("nota")
        verbose_name_plural = _("notas")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:80]


class Opportunity(models.Model):
    """An opportunity a meeting opened. Its public face is an offer of the catalogue (``offer``),
    so search, feeds, matching and expressions of interest treat it like any other offer."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("reunión de origen"),
        on_delete=models.PROTECT,
        related_name="opportunities",
    )
    offer = models.OneToOneField(
        "offers.Offer",
        verbose_name=_("oferta en el catálogo"),
        on_delete=models.PROTECT,
        related_name="opportunity",
    )
    kind = models.CharField(_("tipo"), max_length=30, choices=OpportunityKind.choices)
    counterpart = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organización contraparte"),
        on_delete=models.PROTECT,
        related_name="mission_opportunities",
    )
    gad_action = models.TextField(_("qué puede hacer un GAD"), blank=True)
    deadline = models.DateField(_("hasta cuándo"), null=True, blank=True)

    class Meta:
        verbose_name = _("oportunidad")
        verbose_name_plural = _("oportunidades")
        ordering = ["id"]

    def __str__(self):
        return str(self.offer)
