"""Who sees and changes cooperation projects and their reporting periods.

- AME staff (administrators and officers) see and edit every project recorded in SIOC.
- A GAD's officers see and edit the projects of their GAD (``project.gads``); its authorities
  see them.
- A cooperante's focal points see the projects where their organisation participates (any IATI
  role), read-only.
- Everyone, anonymous visitors included, sees published projects and the external projects
  imported from IATI: IATI data is public by definition (the reporting organisation published
  it), so those projects are public too.
- External IATI projects are read-only for everybody (403 on edit): the source of truth is the
  reporting organisation's IATI file, and a re-import would overwrite any local change.
- Reporting periods, risks and the history are internal: AME, the project's GADs and the
  participating cooperantes. A progress report is written by the GAD's officers (and AME);
  only AME approves, returns or reopens it.
- Anyone else: 404.
"""

from django.db.models import Q

from sioc.common.roles import GAD_ROLES, Role, principal
from sioc.projects.choices import Source, Visibility
from sioc.projects.models import Project, ProjectOrganization

PUBLIC = Q(visibility=Visibility.PUBLISHED) | Q(source=Source.IATI)


def public(queryset=None):
    """Projects anybody may see: published ones and external IATI projects."""
    qs = Project.objects.all() if queryset is None else queryset
    return qs.filter(PUBLIC)


def visible_to(user, queryset=None):
    qs = Project.objects.all() if queryset is None else queryset
    p = principal(user)
    if p.is_ame_staff:
        return qs
    condition = PUBLIC
    gads = p.organization_ids(*GAD_ROLES)
    focal = p.organization_ids(Role.FOCAL_POINT)
    if not gads and not focal:
        return qs.filter(condition)
    if gads:
        through = Project.gads.through.objects.filter(organization_id__in=gads)
        condition |= Q(pk__in=through.values("project_id"))
    if focal:
        mine = ProjectOrganization.objects.filter(organization_id__in=focal)
        condition |= Q(pk__in=mine.values("project_id"))
    return qs.filter(condition)


def _gad_ids(project):
    cached = getattr(project, "_gad_ids", None)
    if cached is None:
        cached = {g.pk for g in project.gads.all()}
        project._gad_ids = cached
    return cached


def is_insider(user, project) -> bool:
    """AME, a member of one of the project's GADs, or a focal point of a participant."""
    p = principal(user)
    if not p.is_authenticated:
        return False
    if p.is_ame_staff or _gad_ids(project) & p.organization_ids(*GAD_ROLES):
        return True
    focal = p.organization_ids(Role.FOCAL_POINT)
    return bool(focal) and project.participations.filter(organization_id__in=focal).exists()


def can(user, action, obj=None, gad=None) -> bool:
    """Actions: ``create`` (``gad`` optional), ``view``, ``view_internal``, ``change``,
    ``report`` (write the GAD's progress report), ``review`` (approve, return, reopen)."""
    p = principal(user)
    if not p.is_authenticated:
        return action == "view" and obj is not None and (obj.is_external or _is_published(obj))
    if action == "create":
        officer = p.organization_ids(Role.GAD_OFFICER)
        if p.is_ame_staff:
            return True
        return (gad.pk in officer) if gad is not None else bool(officer)
    if obj is None:
        return False
    if action == "view":
        return obj.is_external or _is_published(obj) or is_insider(user, obj)
    if action == "view_internal":
        return is_insider(user, obj)
    if obj.is_external:
        return False  # imported from IATI: read-only for everybody
    if action in ("change", "report"):
        return p.is_ame_staff or bool(_gad_ids(obj) & p.organization_ids(Role.GAD_OFFICER))
    if action == "review":
        return p.is_ame_staff
    return False


def _is_published(project):
    return project.visibility == Visibility.PUBLISHED
