"""Projects for the dashboards tests, created through the ORM with their derived USD totals set
(the projects services keep them in the application; here the numbers are what is tested)."""

from decimal import Decimal

from sioc.codelists.models import ActivityStatus, DacSector, Modality, SdgGoal
from sioc.organizations.models import Organization
from sioc.projects.choices import OrganisationRole, Source, Visibility
from sioc.projects.models import Project, ProjectOrganization, ProjectSdg, ProjectSector
from sioc.territory.models import Canton


def cooperante(slug, name=None, kind="bilateral_agency", country="DE"):
    return Organization.objects.get_or_create(
        slug=slug, defaults={"name": name or slug.upper(), "kind": kind, "country": country}
    )[0]


def gad(canton_code):
    return Organization.objects.get(kind="gad_municipal", canton__code=canton_code)


def project(
    title="Proyecto",
    *,
    cantons=(),
    gads=(),
    funders=(),
    sdgs=(),
    sectors=(),
    year=2024,
    committed=0,
    budget=None,
    disbursed=0,
    spent=0,
    visibility=Visibility.PUBLISHED,
    source=Source.SIOC,
    modality=None,
    status=None,
):
    """``sdgs`` and ``sectors``: [(code, percentage)]; ``gads``/``cantons``: INEC codes."""
    p = Project.objects.create(
        title=title,
        source=source,
        visibility=visibility,
        year=year,
        committed_usd=Decimal(committed),
        budget_usd=None if budget is None else Decimal(budget),
        budget=None if budget is None else Decimal(budget),
        disbursed_usd=Decimal(disbursed),
        spent_usd=Decimal(spent),
        modality=Modality.objects.get(code=modality) if modality else None,
        activity_status=ActivityStatus.objects.get(code=status) if status else None,
    )
    if cantons:
        p.cantons.set(Canton.objects.filter(code__in=cantons))
    if gads:
        p.gads.set([gad(code) for code in gads])
    for org in funders:
        ProjectOrganization.objects.create(
            project=p, organization=org, role=OrganisationRole.FUNDING
        )
    for code, pct in sdgs:
        ProjectSdg.objects.create(project=p, goal=SdgGoal.objects.get(code=code), percentage=pct)
    for code, pct in sectors:
        ProjectSector.objects.create(
            project=p, sector=DacSector.objects.get(code=code), percentage=pct
        )
    return p
