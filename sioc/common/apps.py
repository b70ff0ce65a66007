from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "sioc.common"
    verbose_name = "Común"
