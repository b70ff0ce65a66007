"""The dashboards rows of the permission matrix (conventions of tests/permission_matrix.py).

Every dashboard page is public: what changes with the persona is what it counts (published and
IATI projects for everyone, all projects for AME, a GAD's private projects for its own staff on
its dashboard), never the status code. ``make_records`` creates a published and a private project
of Cuenca so that every page has something to aggregate; the entries use literal kwargs.
"""

from decimal import Decimal

from sioc.organizations.models import Organization
from sioc.projects.choices import OrganisationRole, Visibility
from sioc.projects.models import Project, ProjectOrganization, ProjectSdg
from sioc.territory.models import Canton
from tests.permission_matrix import NOT_ALLOWED_METHOD, Entry, everyone

CUENCA_SLUG = "gad-0101-cuenca"
PUBLIC = everyone(200)

DASHBOARDS_MATRIX = {
    "dashboards:national": Entry(get=PUBLIC, post=NOT_ALLOWED_METHOD),
    "dashboards:gad": [
        Entry(kwargs={"slug": CUENCA_SLUG}, get=PUBLIC, post=NOT_ALLOWED_METHOD),
        Entry(kwargs={"slug": "giz-prueba"}, get=everyone(404)),  # not a GAD
    ],
    "dashboards:data": [
        Entry(kwargs={"chart": "ods", "format": "csv"}, get=PUBLIC, post=NOT_ALLOWED_METHOD),
        Entry(
            kwargs={"chart": "canton", "format": "xlsx"},
            query=f"?gad={CUENCA_SLUG}&desde=2020",
            get=PUBLIC,
        ),
    ],
    "dashboards:map": Entry(get=PUBLIC, post=NOT_ALLOWED_METHOD),
    "dashboards:map_data": Entry(get=PUBLIC, post=NOT_ALLOWED_METHOD),
    "dashboards:cantons_geojson": Entry(get=PUBLIC, post=NOT_ALLOWED_METHOD),
    "dashboards:canton": [
        Entry(kwargs={"code": "0101"}, get=PUBLIC, post=NOT_ALLOWED_METHOD),
        Entry(kwargs={"code": "9999"}, get=everyone(404)),
    ],
}


def make_records(focal_org, n) -> dict:
    """A published and a private project of Cuenca (canton 0101), funded by ``focal_org``."""
    cuenca = Organization.objects.get(slug=CUENCA_SLUG)
    canton = Canton.objects.get(code="0101")
    records = {}
    for visibility in (Visibility.PUBLISHED, Visibility.PRIVATE):
        project = Project.objects.create(
            title=f"Proyecto {visibility} de tablero {n}",
            visibility=visibility,
            year=2024,
            committed_usd=Decimal(10_000),
        )
        project.gads.add(cuenca)
        project.cantons.add(canton)
        ProjectOrganization.objects.create(
            project=project, organization=focal_org, role=OrganisationRole.FUNDING
        )
        ProjectSdg.objects.create(project=project, goal_id=_goal(6), percentage=100)
        records[f"dashboards_{visibility}_pk"] = project.pk
    return records


def _goal(code):
    from sioc.codelists.models import SdgGoal

    return SdgGoal.objects.get(code=code).pk
