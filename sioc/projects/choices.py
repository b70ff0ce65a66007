from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    SIOC = "sioc", _("Registrado en SIOC")
    IATI = "iati", _("Importado de IATI")


class Visibility(models.TextChoices):
    PRIVATE = "private", _("Privado (GAD y AME)")
    PUBLISHED = "published", _("Publicado en el portal")


class OrganisationRole(models.TextChoices):
    """IATI OrganisationRole codes."""

    FUNDING = "1", _("Financiador")
    ACCOUNTABLE = "2", _("Responsable")
    EXTENDING = "3", _("Canalizador")
    IMPLEMENTING = "4", _("Ejecutor")


class TransactionType(models.TextChoices):
    """IATI TransactionType codes SIOC records (others are skipped on import)."""

    INCOMING_FUNDS = "1", _("Ingreso de fondos")
    COMMITMENT = "2", _("Compromiso")
    DISBURSEMENT = "3", _("Desembolso")
    EXPENDITURE = "4", _("Gasto")
    INCOMING_COMMITMENT = "11", _("Compromiso entrante")


class PeriodStatus(models.TextChoices):
    OPEN = "open", _("Abierto")
    SUBMITTED = "submitted", _("Enviado a AME")
    RETURNED = "returned", _("Devuelto con observaciones")
    APPROVED = "approved", _("Aprobado")


class RiskLevel(models.TextChoices):
    LOW = "low", _("Bajo")
    MEDIUM = "medium", _("Medio")
    HIGH = "high", _("Alto")


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("En cola")
    RUNNING = "running", _("En curso")
    DONE = "done", _("Terminada")
    FAILED = "failed", _("Fallida")
