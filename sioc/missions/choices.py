from django.db import models
from django.utils.translation import gettext_lazy as _


class MissionKind(models.TextChoices):
    PARADIPLOMATIC_AGENDA = "paradiplomatic_agenda", _("Agenda paradiplomática")
    INTERNATIONAL_EVENT = "international_event", _("Evento internacional")
    NATIONAL_ASSEMBLY = "national_assembly", _("Asamblea o foro nacional")
    TECHNICAL_VISIT = "technical_visit", _("Visita técnica")


class MissionStatus(models.TextChoices):
    PLANNED = "planned", _("Planificada")
    IN_PROGRESS = "in_progress", _("En curso")
    SYSTEMATISED = "systematised", _("Sistematizada")
    PUBLISHED = "published", _("Publicada")


class OpportunityKind(models.TextChoices):
    TECHNICAL_ASSISTANCE = "technical_assistance", _("Asistencia técnica")
    TWINNING = "twinning", _("Hermanamiento")
    TRADE = "trade", _("Comercio y exportación")
    TRAINING = "training", _("Capacitación")
    FINANCING = "financing", _("Financiamiento")
    EXCHANGE = "exchange", _("Intercambio de experiencias")


class FollowUpStatus(models.TextChoices):
    PENDING = "pending", _("Pendiente")
    IN_PROGRESS = "in_progress", _("En curso")
    DONE = "done", _("Cumplida")
    DROPPED = "dropped", _("Descartada")


class ParticipantRole(models.TextChoices):
    GAD_AUTHORITY = "gad_authority", _("Autoridad del GAD")
    GAD_STAFF = "gad_staff", _("Técnico del GAD")
    AME_STAFF = "ame_staff", _("Equipo de AME")
    OTHER = "other", _("Otro")
