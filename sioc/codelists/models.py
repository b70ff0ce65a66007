"""Reference code lists: SDGs, COOTAD competencies, modalities, cooperation types, IATI lists.

Every row is written by ``sioc.codelists.loaders.load_codelists`` (the only writer): codes are
never deleted, a code that leaves its source is marked ``is_active=False``, so records of other
apps that point at it keep working.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from sioc.common.text import fold


def search_q(q: str) -> models.Q:
    """Every word of ``q`` in the code or a name, ignoring case and accents (empty: everything)."""
    condition = models.Q()
    for word in fold(q).split():
        condition &= models.Q(search_text__contains=word)
    return condition


def matches(item, q: str) -> bool:
    """The same test as ``search_q`` for an item already in memory."""
    return all(word in item.search_text for word in fold(q).split())


class CodeListQuerySet(models.QuerySet):
    def active(self):
        """Codes in force (IATI marks some as withdrawn; they stay for old records)."""
        return self.filter(is_active=True)

    def search(self, q: str):
        return self.filter(search_q(q))


class CodeListItem(models.Model):
    code = models.CharField(_("código"), max_length=40, unique=True)
    name = models.CharField(_("nombre"), max_length=300)
    is_active = models.BooleanField(_("vigente"), default=True)
    position = models.PositiveIntegerField(_("orden"), default=0, editable=False)
    # Accent- and case-folded code and names, kept by the loader for search.
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = CodeListQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "code"]

    def __str__(self):
        return f"{self.code} – {self.name}"


class IatiCodeListItem(CodeListItem):
    """An item of an IATI codelist: Spanish name (SIOC's translation) and the English original."""

    name_en = models.CharField(_("nombre en inglés"), max_length=300, blank=True)

    class Meta(CodeListItem.Meta):
        abstract = True


class SdgGoal(models.Model):
    """One of the 17 Sustainable Development Goals (Objetivos de Desarrollo Sostenible)."""

    code = models.PositiveSmallIntegerField(_("número"), unique=True)
    short_title = models.CharField(_("título corto"), max_length=150)
    title = models.TextField(_("título"))
    short_title_en = models.CharField(_("título corto en inglés"), max_length=150, blank=True)
    title_en = models.TextField(_("título en inglés"), blank=True)
    color = models.CharField(
        _("color oficial"), max_length=7, help_text=_("Hexadecimal, p. ej. #26BDE2.")
    )
    is_active = models.BooleanField(_("vigente"), default=True)
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = CodeListQuerySet.as_manager()

    class Meta:
        verbose_name = _("objetivo de desarrollo sostenible")
        verbose_name_plural = _("objetivos de desarrollo sostenible")
        ordering = ["code"]

    def __str__(self):
        return f"ODS {self.code}: {self.short_title}"

    @property
    def name(self):
        return self.short_title


class SdgTarget(CodeListItem):
    """A target of an SDG: '6.1' … '6.b'."""

    goal = models.ForeignKey(
        SdgGoal, verbose_name=_("objetivo"), on_delete=models.PROTECT, related_name="targets"
    )
    name = models.TextField(_("texto de la meta"))
    name_en = models.TextField(_("texto en inglés"), blank=True)

    class Meta(CodeListItem.Meta):
        verbose_name = _("meta de los ODS")
        verbose_name_plural = _("metas de los ODS")

    def __str__(self):
        return f"{self.code} {self.name}"


class CootadCompetency(CodeListItem):
    """Exclusive competency of the GAD municipales (COOTAD, art. 55); the code is its letter."""

    name = models.TextField(_("competencia"))
    short_name = models.CharField(_("nombre corto"), max_length=150)

    class Meta(CodeListItem.Meta):
        verbose_name = _("competencia COOTAD")
        verbose_name_plural = _("competencias COOTAD")

    def __str__(self):
        return f"{self.code}) {self.short_name}"


class Modality(CodeListItem):
    """Cooperation modality: how something is offered (finance, technical assistance …)."""

    description = models.TextField(_("descripción"), blank=True)
    is_reimbursable = models.BooleanField(_("reembolsable"), default=False)

    class Meta(CodeListItem.Meta):
        verbose_name = _("modalidad de cooperación")
        verbose_name_plural = _("modalidades de cooperación")

    def __str__(self):
        return self.name


class CooperationType(CodeListItem):
    """Type of cooperation: bilateral, multilateral, descentralizada, Sur-Sur …"""

    description = models.TextField(_("descripción"), blank=True)

    class Meta(CodeListItem.Meta):
        verbose_name = _("tipo de cooperación")
        verbose_name_plural = _("tipos de cooperación")

    def __str__(self):
        return self.name


class DacSectorCategory(IatiCodeListItem):
    """OECD DAC sector category, 3 digits (IATI SectorCategory)."""

    class Meta(IatiCodeListItem.Meta):
        verbose_name = _("categoría de sector CAD")
        verbose_name_plural = _("categorías de sectores CAD")


class DacSector(IatiCodeListItem):
    """OECD DAC CRS purpose code, 5 digits (IATI Sector)."""

    category = models.ForeignKey(
        DacSectorCategory,
        verbose_name=_("categoría"),
        on_delete=models.PROTECT,
        related_name="sectors",
    )

    class Meta(IatiCodeListItem.Meta):
        verbose_name = _("sector CAD")
        verbose_name_plural = _("sectores CAD")


class IatiOrganisationType(IatiCodeListItem):
    class Meta(IatiCodeListItem.Meta):
        verbose_name = _("tipo de organización IATI")
        verbose_name_plural = _("tipos de organización IATI")


class ActivityStatus(IatiCodeListItem):
    class Meta(IatiCodeListItem.Meta):
        verbose_name = _("estado de actividad")
        verbose_name_plural = _("estados de actividad")


class AidTypeCategory(IatiCodeListItem):
    class Meta(IatiCodeListItem.Meta):
        verbose_name = _("categoría de tipo de ayuda")
        verbose_name_plural = _("categorías de tipos de ayuda")


class AidType(IatiCodeListItem):
    """IATI AidType; B021 and the like are subdivisions of another aid type (``parent``)."""

    category = models.ForeignKey(
        AidTypeCategory,
        verbose_name=_("categoría"),
        on_delete=models.PROTECT,
        related_name="aid_types",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("tipo de ayuda superior"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta(IatiCodeListItem.Meta):
        verbose_name = _("tipo de ayuda")
        verbose_name_plural = _("tipos de ayuda")


class FinanceTypeCategory(IatiCodeListItem):
    class Meta(IatiCodeListItem.Meta):
        verbose_name = _("categoría de tipo de financiamiento")
        verbose_name_plural = _("categorías de tipos de financiamiento")


class FinanceType(IatiCodeListItem):
    """IATI FinanceType. A few withdrawn codes name a category that IATI never published."""

    category = models.ForeignKey(
        FinanceTypeCategory,
        verbose_name=_("categoría"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="finance_types",
    )

    class Meta(IatiCodeListItem.Meta):
        verbose_name = _("tipo de financiamiento")
        verbose_name_plural = _("tipos de financiamiento")


class FlowType(IatiCodeListItem):
    class Meta(IatiCodeListItem.Meta):
        verbose_name = _("tipo de flujo")
        verbose_name_plural = _("tipos de flujo")


class Currency(IatiCodeListItem):
    """ISO 4217 currency as listed by IATI; Spanish name from pycountry or SIOC's own file."""

    name_is_english = models.BooleanField(
        _("nombre solo en inglés"),
        default=False,
        help_text=_("No hay traducción al español: se muestra el nombre en inglés."),
    )

    class Meta(IatiCodeListItem.Meta):
        verbose_name = _("moneda")
        verbose_name_plural = _("monedas")


class Country(IatiCodeListItem):
    """ISO 3166-1 country as listed by IATI; Spanish name from pycountry or SIOC's own file."""

    name_is_english = models.BooleanField(
        _("nombre solo en inglés"),
        default=False,
        help_text=_("No hay traducción al español: se muestra el nombre en inglés."),
    )

    class Meta(IatiCodeListItem.Meta):
        verbose_name = _("país")
        verbose_name_plural = _("países")
        ordering = ["position", "code"]  # position = Spanish alphabetical order of the name

    def __str__(self):
        return self.name
