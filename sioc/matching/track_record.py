"""The cooperante's track record: its projects (recorded in SIOC or imported from IATI) in the
need's province that share an SDG or the COOTAD competency with the need.

An offer whose cooperante has such a record gets a bonus (``WEIGHTS["track_record"]``, outside
the divisor like the closing bonus: an offer is never penalised because its cooperante has no
projects yet) and a reason that says so. Funding and extending organisations and the
organisation that reported the project (IATI) count as its cooperantes.

One need: ``for_need`` asks the database (two queries). Many needs (``rank_many``): ``table``
reads every project once and answers each need in memory.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

COOPERANTE_ROLES = ("1", "3")  # IATI roles: funding, extending


@dataclass
class Record:
    """Every project's (cooperante ids, SDG goals, competency letter), by province."""

    by_province: dict = field(default_factory=dict)

    def cooperantes(self, province_code: str, goals, competencies) -> dict[int, int]:
        """{cooperante id: number of its projects in the province on the need's themes}."""
        found: dict[int, int] = defaultdict(int)
        goals, competencies = set(goals), set(competencies)
        if not province_code or not (goals or competencies):
            return found
        for coops, project_goals, letter in self.by_province.get(province_code, ()):
            if (goals & project_goals) or (letter and letter in competencies):
                for pk in coops:
                    found[pk] += 1
        return found


def for_need(province_code: str, goals, competencies) -> dict[int, int]:
    """{cooperante id: its projects in the province on the need's themes}, from the database."""
    from sioc.projects.models import Project, ProjectOrganization

    found: dict[int, int] = defaultdict(int)
    goals, competencies = list(goals), list(competencies)
    if not province_code or not (goals or competencies):
        return found
    themes = Q()
    if goals:
        themes |= Q(sdg_shares__goal__code__in=goals)
    if competencies:
        themes |= Q(competency__code__in=competencies)
    projects = (
        Project.objects.filter(cantons__province__code=province_code)
        .filter(themes)
        .values("pk")
        .distinct()
    )
    pairs = set(
        ProjectOrganization.objects.filter(
            project__in=projects, role__in=COOPERANTE_ROLES
        ).values_list("organization_id", "project_id")
    )
    pairs.update(
        Project.objects.filter(pk__in=projects)
        .exclude(reporting_org=None)
        .values_list("reporting_org_id", "pk")
    )
    for organization_id, _project_id in pairs:
        found[organization_id] += 1
    return found


def table(*, provinces=None, cooperantes=None) -> Record:
    """Every project's cooperantes, SDGs and competency, by province: all of them, or only the
    projects in ``provinces`` (codes) and/or of ``cooperantes`` (ids)."""
    from sioc.projects.models import Project, ProjectOrganization, ProjectSdg

    links = Project.cantons.through.objects.all()
    projects = Project.objects.all()
    if provinces is not None:
        links = links.filter(canton__province__code__in=list(provinces))
        projects = projects.filter(pk__in=links.values("project_id"))
    if cooperantes is not None:
        ids = list(cooperantes)
        projects = projects.filter(
            Q(reporting_org__in=ids)
            | Q(
                pk__in=ProjectOrganization.objects.filter(
                    organization__in=ids, role__in=COOPERANTE_ROLES
                ).values("project_id")
            )
        )
    chosen = projects.values("pk")
    coops = defaultdict(set)
    for project_id, reporter in projects.exclude(reporting_org=None).values_list(
        "pk", "reporting_org_id"
    ):
        coops[project_id].add(reporter)
    for project_id, org in ProjectOrganization.objects.filter(
        role__in=COOPERANTE_ROLES, project__in=chosen
    ).values_list("project_id", "organization_id"):
        coops[project_id].add(org)
    if not coops:
        return Record()
    goals = defaultdict(set)
    for project_id, goal in ProjectSdg.objects.filter(project__in=chosen).values_list(
        "project_id", "goal__code"
    ):
        goals[project_id].add(goal)
    letters = dict(projects.exclude(competency=None).values_list("pk", "competency__code"))
    provinces_of = defaultdict(set)
    for project_id, province in links.filter(project__in=chosen).values_list(
        "project_id", "canton__province__code"
    ):
        provinces_of[project_id].add(province)
    by_province = defaultdict(list)
    for project_id, ids in coops.items():
        entry = (frozenset(ids), frozenset(goals.get(project_id, ())), letters.get(project_id))
        if not entry[1] and not entry[2]:
            continue
        for province in provinces_of.get(project_id, ()):
            by_province[province].append(entry)
    return Record(dict(by_province))
