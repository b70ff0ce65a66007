"""Ecuador's political-administrative division (INEC DPA): provinces, cantons, parishes."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Province(models.Model):
    code = models.CharField(_("código INEC"), max_length=2, unique=True)
    name = models.CharField(_("nombre"), max_length=100)
    inec_name = models.CharField(_("nombre INEC"), max_length=100)
    iso_code = models.CharField(_("código ISO 3166-2"), max_length=6, blank=True)
    population_2020 = models.PositiveIntegerField(
        _("población proyectada 2020"), null=True, blank=True
    )
    wikidata_id = models.CharField(_("Wikidata"), max_length=20, blank=True)
    boundary = models.JSONField(_("límite (GeoJSON)"), null=True, blank=True)

    class Meta:
        verbose_name = _("provincia")
        verbose_name_plural = _("provincias")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("territory:province", args=[self.code])


class Canton(models.Model):
    code = models.CharField(_("código INEC"), max_length=4, unique=True)
    province = models.ForeignKey(
        Province, verbose_name=_("provincia"), on_delete=models.PROTECT, related_name="cantons"
    )
    name = models.CharField(_("nombre"), max_length=100)
    inec_name = models.CharField(_("nombre INEC"), max_length=100)
    population_2020 = models.PositiveIntegerField(
        _("población proyectada 2020"), null=True, blank=True
    )
    wikidata_id = models.CharField(_("Wikidata"), max_length=20, blank=True)
    boundary = models.JSONField(_("límite (GeoJSON)"), null=True, blank=True)

    class Meta:
        verbose_name = _("cantón")
        verbose_name_plural = _("cantones")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("territory:canton", args=[self.code])


class Parish(models.Model):
    class Kind(models.TextChoices):
        URBAN = "urbana", _("Urbana")
        SEAT = "cabecera_cantonal", _("Cabecera cantonal")
        RURAL = "rural", _("Rural")

    code = models.CharField(_("código INEC"), max_length=6, unique=True)
    canton = models.ForeignKey(
        Canton, verbose_name=_("cantón"), on_delete=models.PROTECT, related_name="parishes"
    )
    name = models.CharField(_("nombre"), max_length=100)
    inec_name = models.CharField(_("nombre INEC"), max_length=100)
    kind = models.CharField(_("tipo"), max_length=20, choices=Kind.choices)

    class Meta:
        verbose_name = _("parroquia")
        verbose_name_plural = _("parroquias")
        ordering = ["name"]

    def __str__(self):
        return self.name


class UndelimitedZone(models.Model):
    """Zonas no delimitadas (INEC code 90xx): territory with no agreed boundary, not a canton."""

    code = models.CharField(_("código INEC"), max_length=4, unique=True)
    name = models.CharField(_("nombre"), max_length=100)
    inec_name = models.CharField(_("nombre INEC"), max_length=100)
    population_2020 = models.PositiveIntegerField(
        _("población proyectada 2020"), null=True, blank=True
    )
    boundary = models.JSONField(_("límite (GeoJSON)"), null=True, blank=True)

    class Meta:
        verbose_name = _("zona no delimitada")
        verbose_name_plural = _("zonas no delimitadas")
        ordering = ["code"]

    def __str__(self):
        return self.name
