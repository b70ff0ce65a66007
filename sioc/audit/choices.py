from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    CREATE = "create", _("Creación")
    UPDATE = "update", _("Modificación")
    DELETE = "delete", _("Eliminación")
    LOAD = "load", _("Carga de datos")
    LOGIN = "login", _("Inicio de sesión")
    GRANT = "grant", _("Asignación de rol")
    REVOKE = "revoke", _("Retiro de rol")
