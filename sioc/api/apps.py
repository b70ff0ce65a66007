from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "sioc.api"
    verbose_name = "API"
