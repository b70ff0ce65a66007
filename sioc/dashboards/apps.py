from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "sioc.dashboards"
    verbose_name = _("Tableros y mapas")
