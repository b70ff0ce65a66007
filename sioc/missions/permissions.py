"""Who sees and who changes missions (one policy for the model and everything inside it).

- Everyone, anonymous included, sees published missions and their report.
- AME staff (administrators and officers) see, create and edit every mission.
- Officers and authorities of a GAD that took part in a mission (a Participant organisation) see
  it even before it is published, add photos and notes to it and see its dashboard and history.
- Any other unpublished mission answers 404.
"""

from django.db.models import Q

from sioc.common.roles import GAD_ROLES, principal
from sioc.missions.choices import MissionStatus
from sioc.missions.models import Mission

AME_ACTIONS = {
    "change",
    "change_status",
    "view_dashboard",
    "view_history",
    "contribute",
    "view_all",
}
# What the officers and authorities of a GAD of the delegation may do with their mission.
PARTICIPANT_ACTIONS = {"contribute", "view_dashboard", "view_history"}


def participant_gad_ids(user):
    """The GADs in which ``user`` is an officer or an authority."""
    return principal(user).organization_ids(*GAD_ROLES)


def visible_to(user, queryset=None):
    qs = Mission.objects.all() if queryset is None else queryset
    p = principal(user)
    if p.is_ame_staff:
        return qs
    mine = participant_gad_ids(user)
    if mine:
        own = Mission.objects.filter(participants__organization_id__in=mine).values("pk")
        return qs.filter(Q(status=MissionStatus.PUBLISHED) | Q(pk__in=own))
    return qs.filter(status=MissionStatus.PUBLISHED)


def takes_part(user, mission: Mission) -> bool:
    """Is ``user`` a member (officer or authority) of a GAD of the mission's delegation?"""
    mine = participant_gad_ids(user)
    return bool(mine) and mission.participants.filter(organization_id__in=mine).exists()


def can(user, action: str, obj: Mission | None = None) -> bool:
    """Actions: create, change (the mission and everything in it), change_status, contribute
    (photos and notes), view_dashboard (one mission, or all with ``obj=None``), view_history
    (the mission's audit trail: AME and the GADs of the delegation, as an organisation's own
    people see its history)."""
    p = principal(user)
    if not p.is_authenticated:
        return False
    if p.is_ame_staff:
        return action == "create" or action in AME_ACTIONS
    if obj is None:
        return False
    if action in PARTICIPANT_ACTIONS:
        return takes_part(user, obj)
    return False
