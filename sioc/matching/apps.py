from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "sioc.matching"
    verbose_name = _("Coincidencias oferta–demanda")
