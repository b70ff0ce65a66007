from django.db import models
from django.utils.translation import gettext_lazy as _


class Maturity(models.TextChoices):
    IDEA = "idea", _("Idea")
    PROFILE = "profile", _("Perfil")
    STUDIES = "studies", _("Estudios")
    FINAL_DESIGN = "final_design", _("Diseño definitivo")


class NeedStatus(models.TextChoices):
    DRAFT = "draft", _("Borrador")
    ACTIVE = "active", _("Activa")
    COVERED = "covered", _("Cubierta")
    WITHDRAWN = "withdrawn", _("Retirada")


class InterestStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Enviada")
    IN_REVIEW = "in_review", _("En revisión de AME")
    REFERRED = "referred", _("Remitida al cooperante")
    NEGOTIATION = "negotiation", _("En negociación")
    APPROVED = "approved", _("Aprobada")
    NOT_PURSUED = "not_pursued", _("No continúa")


class NotPursuedReason(models.TextChoices):
    NOT_ELIGIBLE = "not_eligible", _("No es elegible")
    DEADLINE_PASSED = "deadline_passed", _("Venció el plazo")
    COOPERANTE_DECLINED = "cooperante_declined", _("El cooperante declinó")
    GAD_WITHDREW = "gad_withdrew", _("El GAD se retiró")
    DUPLICATE = "duplicate", _("Duplicada")


class DigestFrequency(models.TextChoices):
    NONE = "none", _("No enviar")
    WEEKLY = "weekly", _("Resumen semanal")
    ON_PUBLICATION = "on_publication", _("Al publicarse cada oferta")


class Party(models.TextChoices):
    """The role in which someone moves an expression of interest."""

    AME = "ame", _("AME")
    COOPERANTE = "cooperante", _("cooperante")
    GAD = "gad", _("GAD")


# When a user plays several parties, the first one that may do a step acts.
PARTY_PRECEDENCE = (Party.AME, Party.COOPERANTE, Party.GAD)

OPEN_INTEREST_STATUSES = (
    InterestStatus.SUBMITTED,
    InterestStatus.IN_REVIEW,
    InterestStatus.REFERRED,
    InterestStatus.NEGOTIATION,
)

# (from, to) -> who may do it: "ame", "cooperante", "gad"
INTEREST_TRANSITIONS = {
    (InterestStatus.SUBMITTED, InterestStatus.IN_REVIEW): {"ame"},
    (InterestStatus.IN_REVIEW, InterestStatus.REFERRED): {"ame"},
    (InterestStatus.REFERRED, InterestStatus.NEGOTIATION): {"ame", "cooperante"},
    (InterestStatus.NEGOTIATION, InterestStatus.APPROVED): {"ame", "cooperante"},
    (InterestStatus.SUBMITTED, InterestStatus.NOT_PURSUED): {"ame", "gad"},
    (InterestStatus.IN_REVIEW, InterestStatus.NOT_PURSUED): {"ame", "gad"},
    (InterestStatus.REFERRED, InterestStatus.NOT_PURSUED): {"ame", "cooperante", "gad"},
    (InterestStatus.NEGOTIATION, InterestStatus.NOT_PURSUED): {"ame", "cooperante", "gad"},
}

# Which reasons each party may give when it stops a request.
REASONS_BY_PARTY = {
    "ame": set(NotPursuedReason.values),
    "cooperante": {NotPursuedReason.COOPERANTE_DECLINED, NotPursuedReason.NOT_ELIGIBLE},
    "gad": {NotPursuedReason.GAD_WITHDREW},
}

TRIAGE_WORKING_DAYS = 5

# Need status changes offered on the need page: (from, to) -> action name.
NEED_TRANSITIONS = {
    (NeedStatus.DRAFT, NeedStatus.ACTIVE): "activate",
    (NeedStatus.COVERED, NeedStatus.ACTIVE): "activate",
    (NeedStatus.WITHDRAWN, NeedStatus.ACTIVE): "activate",
    (NeedStatus.ACTIVE, NeedStatus.COVERED): "cover",
    (NeedStatus.DRAFT, NeedStatus.WITHDRAWN): "withdraw",
    (NeedStatus.ACTIVE, NeedStatus.WITHDRAWN): "withdraw",
}
