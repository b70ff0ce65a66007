"""Reads for the project pages, the portal, the exports and the overdue list."""

import csv
import io

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sioc.audit.models import AuditEvent
from sioc.projects import permissions
from sioc.projects.choices import OrganisationRole, PeriodStatus
from sioc.projects.filters import PortalFilter, ProjectFilter
from sioc.projects.models import (
    Evidence,
    Indicator,
    IndicatorValue,
    Project,
    ProjectOrganization,
    ProjectSdg,
    ProjectSector,
    ReportingPeriod,
    Result,
)
from sioc.projects.services import overdue_periods
from sioc.territory.models import Canton

PAGE_SIZE = 25
MAX_EXPORT_ROWS = 50_000


def _list_queryset(qs):
    return qs.select_related("activity_status", "currency", "reporting_org").prefetch_related(
        Prefetch("gads", to_attr="gad_list"),
        Prefetch(
            "participations",
            queryset=ProjectOrganization.objects.filter(
                role=OrganisationRole.FUNDING
            ).select_related("organization"),
            to_attr="funders",
        ),
    )


def project_list(user, params, *, page_number=None):
    """The signed-in list: the projects ``user`` sees, filtered."""
    filterset = ProjectFilter(params or None, queryset=permissions.visible_to(user))
    qs = filterset.qs if filterset.is_valid() else filterset.queryset
    page = Paginator(_list_queryset(qs.order_by("-year", "title", "pk")), PAGE_SIZE).get_page(
        page_number
    )
    return filterset, page


def portal_list(params, *, page_number=None):
    """The public portal: published projects and external IATI projects."""
    filterset = PortalFilter(params or None, queryset=permissions.public())
    qs = filterset.qs if filterset.is_valid() else filterset.queryset
    page = Paginator(_list_queryset(qs.order_by("-year", "title", "pk")), PAGE_SIZE).get_page(
        page_number
    )
    return filterset, page


COOPERANTE_PROJECTS = 10


def cooperante_projects(user, slug) -> dict:
    """The cooperante 360 view of its projects: those it funds, implements or reports (from
    SIOC or from its IATI files), as far as ``user`` may see them."""
    from django.db.models import Count, Q, Sum

    from sioc.organizations.models import Organization

    org = get_object_or_404(Organization.objects.cooperantes(), slug=slug)
    involved = Q(reporting_org=org) | Q(
        pk__in=ProjectOrganization.objects.filter(organization=org).values("project")
    )
    qs = permissions.visible_to(user).filter(involved)
    totals = qs.aggregate(
        n=Count("pk"), committed=Sum("committed_usd"), iati=Count("pk", filter=Q(source="iati"))
    )
    recent = list(
        _list_queryset(qs.order_by("-year", "title", "pk")).prefetch_related(
            Prefetch("cantons", queryset=Canton.objects.defer("boundary"))
        )[:COOPERANTE_PROJECTS]
    )
    return {"org": org, "projects": recent, "totals": totals}


def visible_project(user, pk) -> Project:
    return get_object_or_404(permissions.visible_to(user).select_related("currency"), pk=pk)


def project_detail(user, pk) -> dict:
    project = get_object_or_404(
        permissions.visible_to(user).select_related(
            "activity_status",
            "modality",
            "cooperation_type",
            "competency",
            "currency",
            "origin_offer__cooperante",
            "origin_interest__gad",
            "reporting_org",
        ),
        pk=pk,
    )
    internal = permissions.can(user, "view_internal", project)
    periods = list(project.periods.order_by("starts_on")) if internal else []
    values = {}
    if periods:
        for v in IndicatorValue.objects.filter(period__project=project):
            values[(v.indicator_id, v.period_id)] = v
    results = list(
        Result.objects.filter(project=project).prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.order_by("order", "id"))
        )
    )
    for result in results:
        for indicator in result.indicators.all():
            indicator.per_period = [(p, values.get((indicator.pk, p.pk))) for p in periods]
    today = timezone.localdate()
    for period in periods:
        period.is_overdue = period.due_on < today and period.status in (
            PeriodStatus.OPEN,
            PeriodStatus.RETURNED,
        )
    context = {
        "project": project,
        "gads": list(project.gads.select_related("canton__province")),
        "participations": list(
            project.participations.select_related("organization").order_by("role", "pk")
        ),
        "sdgs": list(ProjectSdg.objects.filter(project=project).select_related("goal", "target")),
        "sectors": list(ProjectSector.objects.filter(project=project).select_related("sector")),
        "cantons": list(project.cantons.select_related("province")),
        "parishes": list(project.parishes.all()),
        "transactions": list(project.transactions.select_related("currency")),
        "results": results,
        "periods": periods,
        "documents": list(project.documents.all()),
        "risks": list(project.risks.all()) if internal else [],
        "events": history(project) if internal else [],
        "can_view_internal": internal,
        "can_change": permissions.can(user, "change", project),
        "can_review": permissions.can(user, "review", project),
    }
    return context


def history(project, limit=100):
    ct = ContentType.objects.get_for_model(Project)
    return list(
        AuditEvent.objects.filter(content_type=ct, object_id=str(project.pk))
        .select_related("actor")
        .order_by("-created_at", "-pk")[:limit]
    )


def period_detail(user, project_pk, pk) -> dict:
    project = visible_project(user, project_pk)
    if not permissions.can(user, "view_internal", project):
        raise Http404
    period = get_object_or_404(
        ReportingPeriod.objects.select_related("submitted_by", "reviewed_by"),
        project=project,
        pk=pk,
    )
    period.project = project
    indicators = list(
        Indicator.objects.filter(result__project=project)
        .select_related("result")
        .order_by("result__order", "result_id", "order", "id")
    )
    values = {v.indicator_id: v for v in IndicatorValue.objects.filter(period=period)}
    rows = [(indicator, values.get(indicator.pk)) for indicator in indicators]
    return {
        "project": project,
        "period": period,
        "rows": rows,
        "evidence": list(Evidence.objects.filter(period=period)),
        "can_report": permissions.can(user, "report", project),
        "can_review": permissions.can(user, "review", project),
        "is_overdue": period.due_on < timezone.localdate()
        and period.status in (PeriodStatus.OPEN, PeriodStatus.RETURNED),
    }


def evidence_item(user, project_pk, period_pk, pk) -> Evidence:
    project = visible_project(user, project_pk)
    if not permissions.can(user, "view_internal", project):
        raise Http404
    return get_object_or_404(
        Evidence.objects.select_related("period"), period__project=project, period=period_pk, pk=pk
    )


def document_item(user, project_pk, pk):
    project = visible_project(user, project_pk)
    return get_object_or_404(project.documents, pk=pk)


def overdue(user, today=None):
    """AME's list of overdue reports, oldest first."""
    today = today or timezone.localdate()
    periods = list(
        overdue_periods(today)
        .select_related("project")
        .prefetch_related(Prefetch("project__gads", to_attr="gad_list"))
        .order_by("due_on", "project__title")
    )
    for period in periods:
        period.days_late = (today - period.due_on).days
    return periods


def interest_for_project(user, pk):
    """The expression of interest a project is recorded from, if ``user`` sees it."""
    from sioc.demands.permissions import interests_visible_to

    return get_object_or_404(
        interests_visible_to(user).select_related("gad__canton", "offer__cooperante", "need"),
        pk=pk,
    )


def interest_initial(interest) -> dict:
    """The project form prefilled from an expression of interest."""
    offer = interest.offer
    need = interest.need
    initial = {
        "title": offer.title,
        "description": (need.objective or need.problem) if need else interest.justification,
        "gads": [interest.gad.pk],
        "cantons": [interest.gad.canton_id] if interest.gad.canton_id else [],
        "origin_offer": offer.pk,
    }
    modality = offer.modalities.first() if hasattr(offer, "modalities") else None
    if modality is not None:
        initial["modality"] = modality.pk
    if need is not None:
        initial["competency"] = need.competency_id
        initial["budget"] = need.estimated_budget
        initial["counterpart_funds"] = need.counterpart_funds
        initial["parishes"] = list(need.parishes.values_list("pk", flat=True))
    return initial


# --- exports ------------------------------------------------------------------------------

EXPORT_HEADERS = [
    _("id"),
    _("identificador IATI"),
    _("título"),
    _("origen"),
    _("GAD"),
    _("cooperantes financiadores"),
    _("estado"),
    _("año"),
    _("inicio planificado"),
    _("fin planificado"),
    _("moneda"),
    _("presupuesto"),
    _("presupuesto (USD)"),
    _("comprometido (USD)"),
    _("desembolsado (USD)"),
    _("ejecutado (USD)"),
    _("ODS"),
    _("sectores CAD"),
    _("publicación"),
]


def export_rows(qs):
    """One row per project; numbers and dates machine-readable (never localised)."""
    qs = (
        _list_queryset(qs)
        .prefetch_related(
            Prefetch("sdg_shares", queryset=ProjectSdg.objects.select_related("goal")),
            Prefetch("sector_shares", queryset=ProjectSector.objects.select_related("sector")),
        )
        .order_by("-year", "title", "pk")
    )
    for p in qs[:MAX_EXPORT_ROWS]:
        yield [
            p.pk,
            p.iati_identifier or "",
            p.title,
            p.source,
            "; ".join(g.name for g in p.gad_list),
            "; ".join(f.organization.name for f in p.funders)
            or (p.reporting_org.name if p.reporting_org else ""),
            p.activity_status.name if p.activity_status else "",
            p.year or "",
            p.planned_start.isoformat() if p.planned_start else "",
            p.planned_end.isoformat() if p.planned_end else "",
            p.currency_id,
            _num(p.budget),
            _num(p.budget_usd),
            _num(p.committed_usd),
            _num(p.disbursed_usd),
            _num(p.spent_usd),
            "; ".join(f"{s.goal.code} ({_num(s.percentage)} %)" for s in p.sdg_shares.all()),
            "; ".join(f"{s.sector.code} ({_num(s.percentage)} %)" for s in p.sector_shares.all()),
            p.visibility,
        ]


def _num(value):
    return "" if value is None else f"{value:f}"


def export_dataset(qs):
    import tablib

    data = tablib.Dataset(headers=[str(h) for h in EXPORT_HEADERS], title=str(_("Proyectos")))
    for row in export_rows(qs):
        data.append(row)
    return data


def export_csv(qs) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(h) for h in EXPORT_HEADERS])
    writer.writerows(export_rows(qs))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_xlsx(qs) -> bytes:
    return export_dataset(qs).export("xlsx")


def filtered_for_export(user, params):
    filterset = ProjectFilter(params or None, queryset=permissions.visible_to(user))
    return filterset.qs if filterset.is_valid() else filterset.queryset
