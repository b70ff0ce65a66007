"""Reads for the pages of demands: GAD profiles, needs and expressions of interest.

Every read starts from the policy in ``permissions.py`` (``needs_visible_to``,
``interests_visible_to``), so a record the user may not see is a 404 here, before any view
decides what the user may change.
"""

import dataclasses
import datetime

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sioc.codelists.models import Modality, SdgGoal
from sioc.common.roles import Role, principal
from sioc.demands import permissions
from sioc.demands.choices import (
    NEED_TRANSITIONS,
    REASONS_BY_PARTY,
    TRIAGE_WORKING_DAYS,
    InterestStatus,
    NeedStatus,
    NotPursuedReason,
    Party,
)
from sioc.demands.models import ExpressionOfInterest, GadProfile, Need
from sioc.demands.services import is_overdue_for_triage
from sioc.offers import permissions as offer_permissions
from sioc.offers.models import Offer
from sioc.organizations import permissions as org_permissions
from sioc.organizations.models import Organization

PAGE_SIZE = 25
QUEUE_LIMIT = 200

# Labels and button styles of each step, seen from the person who does it.
INTEREST_ACTION_LABELS = {
    InterestStatus.IN_REVIEW: (_("Tomar en revisión"), "btn-primary"),
    InterestStatus.REFERRED: (_("Remitir al cooperante"), "btn-primary"),
    InterestStatus.NEGOTIATION: (_("Pasar a negociación"), "btn-primary"),
    InterestStatus.APPROVED: (_("Marcar como aprobada"), "btn-success"),
    InterestStatus.NOT_PURSUED: (_("Cerrar: no continúa"), "btn-outline-danger"),
}
GAD_WITHDRAW_LABEL = _("Retirar la solicitud")
NEED_ACTION_LABELS = {
    "activate": (_("Activar"), "btn-success"),
    "cover": (_("Marcar como cubierta"), "btn-outline-primary"),
    "withdraw": (_("Retirar"), "btn-outline-danger"),
}
REACTIVATE_LABEL = _("Reactivar")
# The pipeline as the GAD sees it (the last step is one of two endings).
PIPELINE = [
    InterestStatus.SUBMITTED,
    InterestStatus.IN_REVIEW,
    InterestStatus.REFERRED,
    InterestStatus.NEGOTIATION,
]


# --- GAD profile --------------------------------------------------------------------------


def gad(user, slug) -> Organization:
    """A GAD municipal the user may see (inactive ones only for AME), or 404."""
    qs = org_permissions.visible_to(user).gads().select_related("canton__province")
    return get_object_or_404(qs, slug=slug)


def existing_profile(organization) -> GadProfile:
    """The saved profile, or an unsaved empty one: reading a page never writes."""
    return GadProfile.objects.filter(organization=organization).first() or GadProfile(
        organization=organization
    )


def profile_page(user, slug):
    organization = gad(user, slug)
    profile = existing_profile(organization)
    saved = profile.pk is not None
    needs = needs_visible_to_user(user).filter(gad=organization)
    return {
        "gad": organization,
        "profile": profile,
        "sdgs": list(profile.priority_sdgs.order_by("code")) if saved else [],
        "competencies": list(profile.priority_competencies.all()) if saved else [],
        "networks": list(profile.networks.order_by("name")) if saved else [],
        "can_change": permissions.can_profile(user, "change", profile),
        "can_view_private": permissions.can_profile(user, "view_private", profile),
        "can_create_need": permissions.can_need(user, "create", gad=organization),
        "needs": list(needs.order_by("-updated_at")[:10]),
        "needs_count": needs.count(),
    }


# --- needs --------------------------------------------------------------------------------


def needs_visible_to_user(user):
    return permissions.needs_visible_to(user)


def gad_choices_for_needs(user):
    """The GADs ``user`` may record needs for: all of them for AME, their own for officers."""
    qs = Organization.objects.gads().active().select_related("canton__province").order_by("name")
    if principal(user).is_ame_staff:
        return qs
    return qs.filter(pk__in=permissions.gad_ids(user, Role.GAD_OFFICER))


@dataclasses.dataclass
class NeedFilters:
    q: str = ""
    gad: Organization | None = None
    province: str = ""
    status: str = ""
    sdg: int | None = None


def need_list(user, filters: NeedFilters, *, page_number=None):
    qs = needs_visible_to_user(user)
    if filters.q:
        for word in filters.q.split():
            qs = qs.filter(Q(title__icontains=word) | Q(problem__icontains=word))
    if filters.gad is not None:
        qs = qs.filter(gad=filters.gad)
    if filters.province:
        qs = qs.filter(gad__canton__province__code=filters.province)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.sdg:
        qs = qs.filter(sdgs__code=filters.sdg)
    qs = (
        qs.select_related("gad__canton__province", "competency")
        .prefetch_related(Prefetch("sdgs", queryset=SdgGoal.objects.order_by("code")))
        .order_by("-updated_at", "-pk")
    )
    return Paginator(qs, PAGE_SIZE).get_page(page_number)


def need(user, pk) -> Need:
    """A need the user may see, or 404."""
    qs = needs_visible_to_user(user).select_related("gad__canton__province")
    return get_object_or_404(qs, pk=pk)


def need_detail(user, pk):
    qs = (
        needs_visible_to_user(user)
        .select_related("gad__canton__province", "competency", "sector")
        .prefetch_related(
            Prefetch("sdgs", queryset=SdgGoal.objects.order_by("code")),
            "sdg_targets",
            "parishes",
            Prefetch("modalities", queryset=Modality.objects.order_by("position")),
        )
    )
    obj = get_object_or_404(qs, pk=pk)
    can_change = permissions.can_need(user, "change", obj)
    private = permissions.can_need(user, "view_private", obj)
    transitions = []
    if can_change:
        for (frm, to), action in NEED_TRANSITIONS.items():
            if frm == obj.status:
                label, css = NEED_ACTION_LABELS[action]
                if action == "activate" and frm != NeedStatus.DRAFT:
                    label = REACTIVATE_LABEL
                transitions.append({"to": to, "action": action, "label": label, "css": css})
    interests = []
    if private:
        interests = list(
            permissions.interests_visible_to(user, obj.interests.all())
            .select_related("offer__cooperante")
            .order_by("-last_action_at")
        )
    return {
        "need": obj,
        "can_change": can_change,
        "can_view_private": private,
        "attachments": list(obj.attachments.all()) if private else [],
        "interests": interests,
        "transitions": transitions,
    }


def need_attachment(user, pk, attachment_id):
    """An attachment of a need the user may see privately (404 otherwise: it may hold
    personal data, so its existence is not revealed)."""
    obj = need(user, pk)
    if not permissions.can_need(user, "view_private", obj):
        raise Http404
    return get_object_or_404(obj.attachments.all(), pk=attachment_id)


def parishes_for(organization):
    return organization.canton.parishes.order_by("name") if organization.canton_id else []


# --- expressions of interest --------------------------------------------------------------


def visible_offer(user, code) -> Offer:
    qs = offer_permissions.visible_to(user).select_related("cooperante")
    return get_object_or_404(qs, code=code)


def officer_gads(user):
    ids = permissions.gad_ids(user, Role.GAD_OFFICER)
    return list(Organization.objects.filter(pk__in=ids).order_by("name"))


def open_interests_of(gad_ids, offer):
    return list(
        ExpressionOfInterest.objects.open()
        .filter(gad_id__in=gad_ids, offer=offer)
        .select_related("gad")
        .order_by("gad__name")
    )


def offer_interest_button(user, code):
    """What the offer page shows a GAD officer: the button, or where the GAD's request stands."""
    offer = visible_offer(user, code)
    gads = officer_gads(user)
    context = {"offer": offer, "show": bool(gads), "open_interests": [], "can_express": False}
    if not gads:
        return context
    open_interests = open_interests_of([g.pk for g in gads], offer)
    waiting = {i.gad_id for i in open_interests}
    context.update(
        open_interests=open_interests,
        is_open=offer.is_open_on(),
        open_to_gad=offer.open_to_gad,
        can_express=offer.is_open_on()
        and offer.open_to_gad
        and any(g.pk not in waiting for g in gads),
    )
    return context


def needs_for_interest(organization):
    """The needs a request may serve: the GAD's drafts and active ones."""
    return Need.objects.filter(
        gad=organization, status__in=(NeedStatus.DRAFT, NeedStatus.ACTIVE)
    ).order_by("-updated_at")


def contact_defaults(user, organization):
    profile = GadProfile.objects.filter(organization=organization).first()
    phone = ""
    if profile and profile.officer_email and profile.officer_email.lower() == user.email.lower():
        phone = profile.officer_phone
    return {"contact_name": user.full_name, "contact_email": user.email, "contact_phone": phone}


def interest_base(user):
    return permissions.interests_visible_to(user).select_related(
        "gad__canton__province", "offer__cooperante", "need"
    )


def interest(user, pk) -> ExpressionOfInterest:
    return get_object_or_404(interest_base(user), pk=pk)


def interest_actions(user, obj):
    """The steps ``user`` may take now, each with the party that acts and its reasons."""
    actions = []
    for to_status in permissions.allowed_transitions(user, obj):
        party = permissions.acting_party(user, obj, to_status)
        label, css = INTEREST_ACTION_LABELS[to_status]
        reasons = []
        if to_status == InterestStatus.NOT_PURSUED:
            allowed = REASONS_BY_PARTY[party]
            reasons = [(r.value, r.label) for r in NotPursuedReason if r in allowed]
            if party == "gad":
                label = GAD_WITHDRAW_LABEL
        actions.append(
            {
                "to": str(to_status),
                "party": party,
                "party_label": Party(party).label,
                "label": label,
                "css": css,
                "reasons": reasons,
                "id": f"accion-{to_status}",
            }
        )
    return actions


def interest_detail(user, pk):
    obj = interest(user, pk)
    events = list(obj.events.select_related("actor"))
    reached = {e.to_status for e in events}
    steps = []
    current_index = PIPELINE.index(obj.status) if obj.status in PIPELINE else None
    for index, status in enumerate(PIPELINE):
        steps.append(
            {
                "label": status.label,
                "done": status in reached and status != obj.status,
                "current": status == obj.status,
                "future": current_index is not None and index > current_index,
            }
        )
    need_visible = (
        obj.need_id is not None and needs_visible_to_user(user).filter(pk=obj.need_id).exists()
    )
    return {
        "interest": obj,
        "events": events,
        "steps": steps,
        "ended": obj.status in (InterestStatus.APPROVED, InterestStatus.NOT_PURSUED),
        "actions": interest_actions(user, obj),
        "parties": permissions.parties(user, obj),
        "need_visible": need_visible,
        "overdue": is_overdue_for_triage(obj),
    }


def mark_overdue(interests, today=None):
    today = today or timezone.localdate()
    for item in interests:
        item.overdue = is_overdue_for_triage(item, today)
    return interests


def my_interests(user):
    """The requests of the user's GADs, newest step first."""
    ids = permissions.gad_ids(user)
    qs = interest_base(user).filter(gad_id__in=ids).order_by("-last_action_at", "-pk")
    rows = mark_overdue(list(qs[:QUEUE_LIMIT]))
    return {
        "open": [i for i in rows if i.is_open],
        "closed": [i for i in rows if not i.is_open],
    }


def triage_cutoff(today=None) -> datetime.datetime:
    """Requests waiting for AME whose last action is before this instant are overdue.

    ``is_overdue_for_triage`` counts working days after the last action's local date; the
    count only falls as that date moves forward, so the overdue dates are those up to the
    latest date that still counts more than ``TRIAGE_WORKING_DAYS``.
    """
    today = today or timezone.localdate()
    day = today
    count = 0
    while count <= TRIAGE_WORKING_DAYS:
        if day.weekday() < 5:
            count += 1
        day -= datetime.timedelta(days=1)
    # ``day`` is now the latest overdue date: the day after it starts the not-overdue range.
    first_fine = day + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(first_fine, datetime.time.min))


WAITING_FOR_AME = (InterestStatus.SUBMITTED, InterestStatus.IN_REVIEW)


@dataclasses.dataclass
class QueueFilters:
    overdue_only: bool = False
    status: str = ""
    gad: Organization | None = None


def interest_queue(user, filters: QueueFilters, *, page_number=None, today=None):
    """AME's queue: what waits for AME first (oldest first, overdue flagged), then the rest."""
    today = today or timezone.localdate()
    base = interest_base(user)
    if filters.gad is not None:
        base = base.filter(gad=filters.gad)
    cutoff = triage_cutoff(today)
    waiting_qs = base.filter(status__in=WAITING_FOR_AME)
    overdue_count = waiting_qs.filter(last_action_at__lt=cutoff).count()
    if filters.overdue_only:
        waiting_qs = waiting_qs.filter(last_action_at__lt=cutoff)
    waiting = mark_overdue(list(waiting_qs.order_by("last_action_at", "pk")[:QUEUE_LIMIT]), today)
    others = base.exclude(status__in=WAITING_FOR_AME)
    if filters.status:
        others = others.filter(status=filters.status)
    page = Paginator(others.order_by("-last_action_at", "-pk"), PAGE_SIZE).get_page(page_number)
    return {
        "waiting": waiting,
        "waiting_total": base.filter(status__in=WAITING_FOR_AME).count(),
        "overdue_count": overdue_count,
        "others": page,
    }


def referred_interests(user):
    """The requests AME referred to the focal point's organisations."""
    focal = principal(user).organization_ids(Role.FOCAL_POINT)
    qs = (
        interest_base(user)
        .filter(offer__cooperante_id__in=focal)
        .order_by("-last_action_at", "-pk")
    )
    rows = list(qs[:QUEUE_LIMIT])
    return {
        "open": [i for i in rows if i.is_open],
        "closed": [i for i in rows if not i.is_open],
    }
