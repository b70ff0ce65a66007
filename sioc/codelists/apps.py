from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CodelistsConfig(AppConfig):
    name = "sioc.codelists"
    verbose_name = _("Catálogos de códigos")
