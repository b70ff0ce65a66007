from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "sioc.projects"
    verbose_name = _("Proyectos de cooperación")
