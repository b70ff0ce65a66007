"""Every change to GAD profiles, needs and expressions of interest: atomic, audited, notified."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from sioc.audit.choices import Action
from sioc.audit.services import diff, record, snapshot
from sioc.common.errors import ConflictError
from sioc.common.files import checked_pdf_name
from sioc.common.roles import AME_ROLES, GAD_ROLES, Role
from sioc.demands.choices import (
    INTEREST_TRANSITIONS,
    NEED_TRANSITIONS,
    REASONS_BY_PARTY,
    TRIAGE_WORKING_DAYS,
    InterestStatus,
    NeedStatus,
    Party,
)
from sioc.demands.models import (
    ExpressionOfInterest,
    GadProfile,
    InterestEvent,
    Need,
    NeedAttachment,
)

NEED_SCALAR_FIELDS = [
    "title",
    "problem",
    "objective",
    "beneficiaries_count",
    "beneficiary_groups",
    "competency",
    "sector",
    "estimated_budget",
    "counterpart_funds",
    "maturity",
    "pdot_programme",
    "status",
]
NEED_M2M_FIELDS = ["parishes", "sdgs", "sdg_targets", "modalities"]
PROFILE_SCALAR_FIELDS = [
    "mayor_name",
    "term_start",
    "term_end",
    "officer_name",
    "officer_email",
    "officer_phone",
    "pdot_priorities",
    "digest_frequency",
    "digest_email",
]
PROFILE_M2M_FIELDS = ["priority_sdgs", "priority_competencies", "networks"]


def _apply(obj, fields, scalar, m2m):
    later = {}
    for name, value in fields.items():
        if name in m2m:
            later[name] = value
        elif name in scalar:
            setattr(obj, name, value)
        else:
            raise ValueError(f"Field {name} is not editable")
    obj.full_clean()
    obj.save()
    for name, value in later.items():
        getattr(obj, name).set(value)


# --- GAD profile --------------------------------------------------------------------------


def profile_for(gad) -> GadProfile:
    """The GAD's profile, created empty the first time it is needed."""
    profile, _created = GadProfile.objects.get_or_create(organization=gad)
    return profile


@transaction.atomic
def update_profile(profile: GadProfile, *, actor, expected_version=None, **fields) -> GadProfile:
    current = GadProfile.objects.select_for_update().get(pk=profile.pk)
    if expected_version and current.updated_at.isoformat() != expected_version:
        raise ConflictError(profile)
    audited = PROFILE_SCALAR_FIELDS + PROFILE_M2M_FIELDS
    before = snapshot(current, audited)
    _apply(current, fields, PROFILE_SCALAR_FIELDS, PROFILE_M2M_FIELDS)
    changes = diff(before, snapshot(current, audited))
    if changes:
        record(
            actor=actor,
            action=Action.UPDATE,
            obj=current.organization,
            changes=changes,
            note=_("Perfil del GAD"),
        )
    return current


# --- needs --------------------------------------------------------------------------------


@transaction.atomic
def create_need(*, actor, gad, **fields) -> Need:
    need = Need(gad=gad)
    _apply(need, fields, NEED_SCALAR_FIELDS, NEED_M2M_FIELDS)
    _check_parishes(need)
    audited = NEED_SCALAR_FIELDS + NEED_M2M_FIELDS
    record(actor=actor, action=Action.CREATE, obj=need, changes=diff({}, snapshot(need, audited)))
    return need


@transaction.atomic
def update_need(need: Need, *, actor, expected_version=None, **fields) -> Need:
    current = Need.objects.select_for_update().get(pk=need.pk)
    if expected_version and current.updated_at.isoformat() != expected_version:
        raise ConflictError(need)
    audited = NEED_SCALAR_FIELDS + NEED_M2M_FIELDS
    before = snapshot(current, audited)
    _apply(current, fields, NEED_SCALAR_FIELDS, NEED_M2M_FIELDS)
    _check_parishes(current)
    changes = diff(before, snapshot(current, audited))
    if changes:
        record(actor=actor, action=Action.UPDATE, obj=current, changes=changes)
    return current


@transaction.atomic
def change_need_status(need: Need, to_status, *, actor) -> Need:
    """Activate, mark covered or withdraw a need (the steps in ``NEED_TRANSITIONS``)."""
    if (need.status, to_status) not in NEED_TRANSITIONS:
        raise ValidationError(
            _("Una necesidad «%(from)s» no puede pasar a «%(to)s».")
            % {"from": need.get_status_display(), "to": NeedStatus(to_status).label}
        )
    return update_need(need, actor=actor, status=to_status)


@transaction.atomic
def add_need_attachment(need: Need, *, actor, title, uploaded_file) -> NeedAttachment:
    """Attach a PDF (checked by its signature, not its name), at most 10 MB."""
    name = checked_pdf_name(uploaded_file)
    attachment = NeedAttachment(need=need, title=(title or name)[:200])
    attachment.file.save(name, uploaded_file, save=False)
    attachment.full_clean()
    attachment.save()
    record(
        actor=actor, action=Action.UPDATE, obj=need, changes={"adjunto": [None, attachment.title]}
    )
    return attachment


@transaction.atomic
def remove_need_attachment(attachment: NeedAttachment, *, actor) -> None:
    need, title = attachment.need, attachment.title
    attachment.file.delete(save=False)
    attachment.delete()
    record(actor=actor, action=Action.UPDATE, obj=need, changes={"adjunto": [title, None]})


def _check_parishes(need):
    foreign = need.parishes.exclude(canton=need.gad.canton_id)
    if foreign.exists():
        raise ValidationError(
            _("Estas parroquias no pertenecen al cantón del GAD: %s.")
            % ", ".join(p.name for p in foreign)
        )


# --- expressions of interest --------------------------------------------------------------


@transaction.atomic
def express_interest(
    *,
    actor,
    gad,
    offer,
    justification,
    contact_name,
    contact_email,
    contact_phone="",
    need=None,
    notify=True,
):
    """A GAD asks to take up an offer (or an opportunity from a mission, which is an offer).

    ``notify=False`` only for loaders (demo data): nobody is e-mailed about records they did
    not make."""
    if not offer.is_open_on():
        raise ValidationError(_("Esta oferta no está abierta: no se puede expresar interés."))
    if not offer.open_to_gad:
        raise ValidationError(_("Esta oferta no admite postulaciones de GAD municipales."))
    if need is not None and need.gad_id != gad.pk:
        raise ValidationError(_("La necesidad elegida no es de su GAD."))
    if ExpressionOfInterest.objects.open().filter(gad=gad, offer=offer).exists():
        raise ValidationError(
            _("Su GAD ya tiene una expresión de interés abierta para esta oferta.")
        )
    now = timezone.now()
    interest = ExpressionOfInterest(
        gad=gad,
        offer=offer,
        need=need,
        justification=justification,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        last_action_at=now,
    )
    interest.full_clean()
    interest.save()
    InterestEvent.objects.create(
        interest=interest, actor=_user(actor), party=Party.GAD, to_status=InterestStatus.SUBMITTED
    )
    record(
        actor=actor,
        action=Action.CREATE,
        obj=interest,
        changes={"estado": [None, str(InterestStatus.SUBMITTED.label)]},
    )
    if notify:
        _notify(interest, InterestStatus.SUBMITTED)
    return interest


@transaction.atomic
def move_interest(interest, to_status, *, actor, party, comment="", reason="", notify=True):
    """Move a request one step, as ``party`` ('ame', 'gad' or 'cooperante')."""
    if to_status not in InterestStatus.values:
        raise ValidationError(_("Ese estado no existe."))
    current = (
        ExpressionOfInterest.objects.select_for_update()
        .select_related("offer", "gad")
        .get(pk=interest.pk)
    )
    allowed = INTEREST_TRANSITIONS.get((current.status, to_status))
    if not allowed or party not in allowed:
        raise ValidationError(
            _("No se puede pasar de «%(from)s» a «%(to)s».")
            % {"from": current.get_status_display(), "to": InterestStatus(to_status).label}
        )
    if to_status == InterestStatus.NOT_PURSUED:
        if not reason:
            raise ValidationError(_("Indique el motivo por el que no continúa."))
        if reason not in REASONS_BY_PARTY[party]:
            raise ValidationError(_("Ese motivo no corresponde a su rol."))
    else:
        reason = ""
    before = current.status
    current.status = to_status
    current.reason = reason
    current.last_action_at = timezone.now()
    current.save(update_fields=["status", "reason", "last_action_at", "updated_at"])
    InterestEvent.objects.create(
        interest=current,
        actor=_user(actor),
        party=party,
        from_status=before,
        to_status=to_status,
        reason=reason,
        comment=comment,
    )
    record(
        actor=actor,
        action=Action.UPDATE,
        obj=current,
        changes={
            "estado": [str(InterestStatus(before).label), str(InterestStatus(to_status).label)]
        },
        note=comment[:500],
    )
    if notify:
        _notify(current, to_status, comment=comment)
    return current


def _user(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Monday–Friday days after ``start`` up to and including ``end``."""
    days = 0
    current = start
    while current < end:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5:
            days += 1
    return days


def is_overdue_for_triage(interest, today=None) -> bool:
    """Waiting for AME (submitted or in review) with no action within 5 working days."""
    if interest.status not in (InterestStatus.SUBMITTED, InterestStatus.IN_REVIEW):
        return False
    today = today or timezone.localdate()
    return (
        working_days_between(timezone.localdate(interest.last_action_at), today)
        > TRIAGE_WORKING_DAYS
    )


# --- notifications ------------------------------------------------------------------------


def _emails(organization_ids, roles):
    from sioc.accounts.models import Membership

    return sorted(
        set(
            Membership.objects.filter(
                organization_id__in=organization_ids, role__in=roles, user__is_active=True
            ).values_list("user__email", flat=True)
        )
    )


def recipients(interest, to_status):
    """Who hears about a step: the GAD always; AME while it must act; the cooperante once referred."""
    from sioc.organizations.models import Organization

    people = set(_emails([interest.gad_id], GAD_ROLES))
    people.add(interest.contact_email)
    ame = Organization.objects.filter(slug="ame").values_list("pk", flat=True)
    if to_status in (
        InterestStatus.SUBMITTED,
        InterestStatus.NEGOTIATION,
        InterestStatus.APPROVED,
        InterestStatus.NOT_PURSUED,
    ):
        people.update(_emails(list(ame), AME_ROLES))
    if to_status in (
        InterestStatus.REFERRED,
        InterestStatus.NEGOTIATION,
        InterestStatus.APPROVED,
        InterestStatus.NOT_PURSUED,
    ):
        was_referred = interest.events.filter(to_status=InterestStatus.REFERRED).exists()
        if was_referred:
            people.update(_emails([interest.offer.cooperante_id], [Role.FOCAL_POINT]))
    return sorted(p for p in people if p)


def _notify(interest, to_status, comment=""):
    people = recipients(interest, to_status)
    if not people:
        return
    context = {
        "interest": interest,
        "status": InterestStatus(to_status).label,
        "comment": comment,
        "url": settings.SITE_URL + interest.get_absolute_url(),
    }
    subject = _("SIOC · Expresión de interés: %(status)s · %(offer)s") % {
        "status": InterestStatus(to_status).label,
        "offer": interest.offer.title[:80],
    }
    body = render_to_string("demands/email/interest_step.txt", context)
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [person]) for person in people]
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))
