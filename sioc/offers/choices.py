from django.db import models
from django.utils.translation import gettext_lazy as _


class OfferStatus(models.TextChoices):
    DRAFT = "draft", _("Borrador")
    IN_REVIEW = "in_review", _("En revisión")
    PUBLISHED = "published", _("Publicada")
    CLOSED = "closed", _("Cerrada")
    ARCHIVED = "archived", _("Archivada")


class Schedule(models.TextChoices):
    WINDOW = "window", _("Convocatoria con fechas")
    PERMANENT = "permanent", _("Permanente")
    YEARLY = "yearly", _("Recurrente cada año")


class Applicant(models.TextChoices):
    GAD_MUNICIPAL = "gad_municipal", _("GAD municipales")
    MANCOMUNIDAD = "mancomunidad", _("Mancomunidades")
    OTHER = "other", _("Otros actores")


# Allowed workflow transitions: (from, to) -> action name used by the policy.
TRANSITIONS = {
    (OfferStatus.DRAFT, OfferStatus.IN_REVIEW): "submit",
    (OfferStatus.IN_REVIEW, OfferStatus.DRAFT): "return",
    (OfferStatus.IN_REVIEW, OfferStatus.PUBLISHED): "publish",
    (OfferStatus.DRAFT, OfferStatus.PUBLISHED): "publish",
    (OfferStatus.PUBLISHED, OfferStatus.CLOSED): "close",
    (OfferStatus.CLOSED, OfferStatus.PUBLISHED): "reopen",
    (OfferStatus.PUBLISHED, OfferStatus.ARCHIVED): "archive",
    (OfferStatus.CLOSED, OfferStatus.ARCHIVED): "archive",
    (OfferStatus.DRAFT, OfferStatus.ARCHIVED): "archive",
}

PUBLIC_STATUSES = (OfferStatus.PUBLISHED, OfferStatus.CLOSED)
VERIFICATION_MONTHS = 12
