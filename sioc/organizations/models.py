"""Every actor in SIOC: AME, the 221 GAD municipales and cooperantes of every kind."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sioc.common.models import TimeStampedModel
from sioc.common.text import fold
from sioc.organizations.choices import COOPERANTE_KINDS, OrganizationKind


class OrganizationQuerySet(models.QuerySet):
    def gads(self):
        return self.filter(kind=OrganizationKind.GAD_MUNICIPAL)

    def cooperantes(self):
        return self.filter(kind__in=COOPERANTE_KINDS)

    def active(self):
        return self.filter(is_active=True)


class Organization(TimeStampedModel):
    """One model for every actor; a GAD municipal carries its canton."""

    slug = models.SlugField(_("identificador"), max_length=120, unique=True)
    kind = models.CharField(
        _("tipo"), max_length=40, choices=OrganizationKind.choices, db_index=True
    )
    name = models.CharField(_("nombre"), max_length=250)
    acronym = models.CharField(_("siglas"), max_length=40, blank=True)
    country = models.CharField(
        _("país"),
        max_length=2,
        blank=True,
        help_text=_("Código ISO 3166-1 alfa-2, p. ej. EC, DE, KR."),
    )
    website = models.URLField(_("sitio web"), blank=True)
    iati_identifier = models.CharField(
        _("identificador IATI"), max_length=100, blank=True, db_index=True
    )
    description = models.TextField(_("descripción"), blank=True)
    canton = models.OneToOneField(
        "territory.Canton",
        verbose_name=_("cantón"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gad",
        help_text=_("Solo para GAD municipales: el cantón que gobierna."),
    )
    # Institutional contact (not personal data): shown to everyone.
    public_email = models.EmailField(_("correo institucional"), blank=True)
    phone = models.CharField(_("teléfono institucional"), max_length=40, blank=True)
    address = models.CharField(_("dirección"), max_length=250, blank=True)
    is_active = models.BooleanField(_("activa"), default=True)
    # Accent- and case-folded name, acronym and canton, kept by the services for search.
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organización")
        verbose_name_plural = _("organizaciones")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind=OrganizationKind.GAD_MUNICIPAL)
                | models.Q(canton__isnull=False),
                name="gad_has_canton",
                violation_error_message=_("Un GAD municipal debe tener su cantón."),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organizations:detail", args=[self.slug])

    def compute_search_text(self):
        parts = [self.name, self.acronym, self.canton.name if self.canton_id else ""]
        return fold(" ".join(p for p in parts if p))

    @property
    def is_gad(self):
        return self.kind == OrganizationKind.GAD_MUNICIPAL

    @property
    def is_cooperante(self):
        return self.kind in COOPERANTE_KINDS

    @property
    def display_name(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class Contact(TimeStampedModel):
    """A person to reach at an organisation. Personal data: only for authorised roles."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organización"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    name = models.CharField(_("nombre"), max_length=200)
    position = models.CharField(_("cargo"), max_length=200, blank=True)
    email = models.EmailField(_("correo"), blank=True)
    phone = models.CharField(_("teléfono"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("contacto")
        verbose_name_plural = _("contactos")
        ordering = ["name"]

    def __str__(self):
        return self.name
