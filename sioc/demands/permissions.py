"""Who sees and changes GAD profiles, needs and expressions of interest.

- Needs: a GAD's officers create and edit its needs; its authorities view them; AME sees all;
  cooperante focal points see active needs only, without personal data; the public sees nothing.
- Expressions of interest: the GAD's members see their own; AME sees all; a cooperante's focal
  points see those referred to it (referred, negotiation, approved or stopped after referral).
"""

from django.db.models import Q

from sioc.common.roles import GAD_ROLES, Role, principal
from sioc.demands.choices import INTEREST_TRANSITIONS, PARTY_PRECEDENCE, InterestStatus, NeedStatus
from sioc.demands.models import ExpressionOfInterest, GadProfile, Need


def gad_ids(user, *roles):
    return principal(user).organization_ids(*(roles or GAD_ROLES))


# --- needs --------------------------------------------------------------------------------


def needs_visible_to(user, queryset=None):
    qs = Need.objects.all() if queryset is None else queryset
    p = principal(user)
    if p.is_ame_staff:
        return qs
    mine = gad_ids(user)
    if p.organization_ids(Role.FOCAL_POINT):
        return qs.filter(Q(gad_id__in=mine) | Q(status=NeedStatus.ACTIVE))
    if mine:
        return qs.filter(gad_id__in=mine)
    return qs.none()


def can_need(user, action, need: Need | None = None, gad=None) -> bool:
    p = principal(user)
    if not p.is_authenticated:
        return False
    if action == "create":
        target = gad.pk if gad is not None else None
        officer_gads = gad_ids(user, Role.GAD_OFFICER)
        return p.is_ame_staff or (target in officer_gads if target else bool(officer_gads))
    if need is None:
        return False
    if action == "change":
        return p.is_ame_staff or need.gad_id in gad_ids(user, Role.GAD_OFFICER)
    if action == "view_private":  # contacts, budget notes, history
        return p.is_ame_staff or need.gad_id in gad_ids(user)
    return False


# --- GAD profile --------------------------------------------------------------------------


def can_profile(user, action, profile: GadProfile) -> bool:
    p = principal(user)
    if not p.is_authenticated:
        return False
    if action == "change":
        return p.is_ame_staff or profile.organization_id in gad_ids(user, Role.GAD_OFFICER)
    if action == "view_private":
        return p.is_ame_staff or profile.organization_id in gad_ids(user)
    return False


# --- expressions of interest --------------------------------------------------------------


def interests_visible_to(user, queryset=None):
    qs = ExpressionOfInterest.objects.all() if queryset is None else queryset
    p = principal(user)
    if p.is_ame_staff:
        return qs
    condition = Q(gad_id__in=gad_ids(user))
    focal = p.organization_ids(Role.FOCAL_POINT)
    if focal:
        # Only requests AME has referred to the cooperante (at some point).
        condition |= Q(offer__cooperante_id__in=focal, events__to_status=InterestStatus.REFERRED)
    if not p.is_authenticated:
        return qs.none()
    return qs.filter(condition).distinct()


def parties(user, interest: ExpressionOfInterest) -> set[str]:
    """The roles ``user`` plays in ``interest``: 'ame', 'gad' (officer), 'cooperante'."""
    p = principal(user)
    result = set()
    if p.is_ame_staff:
        result.add("ame")
    if interest.gad_id in gad_ids(user, Role.GAD_OFFICER):
        result.add("gad")
    if interest.offer.cooperante_id in p.organization_ids(Role.FOCAL_POINT):
        result.add("cooperante")
    return result


def can_interest(
    user, action, interest: ExpressionOfInterest | None = None, gad=None, to_status=None
) -> bool:
    p = principal(user)
    if not p.is_authenticated:
        return False
    if action == "create":
        officer_gads = gad_ids(user, Role.GAD_OFFICER)
        return (gad.pk in officer_gads) if gad is not None else bool(officer_gads)
    if interest is None:
        return False
    if action == "transition":
        allowed = INTEREST_TRANSITIONS.get((interest.status, to_status), set())
        return bool(allowed & parties(user, interest))
    if action == "comment":
        return bool(parties(user, interest))
    return False


def allowed_transitions(user, interest):
    who = parties(user, interest)
    return [
        to
        for (frm, to), allowed in INTEREST_TRANSITIONS.items()
        if frm == interest.status and allowed & who
    ]


def acting_party(user, interest, to_status) -> str | None:
    """The party ``user`` acts as for this step: AME before the cooperante before the GAD."""
    allowed = INTEREST_TRANSITIONS.get((interest.status, to_status), set())
    who = parties(user, interest)
    for party in PARTY_PRECEDENCE:
        if party in allowed and party in who:
            return str(party)
    return None
