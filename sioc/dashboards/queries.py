"""Reads of the dashboards and the map: aggregated SQL over the projects a user may see.

Definitions (shown on the pages, see ``DEFINITIONS``):

- *Monto movilizado* of a project: what its funders committed in US dollars (``committed_usd``,
  kept by the projects services from the commitment transactions); when nothing is committed
  yet, its budget in US dollars (``budget_usd``); otherwise 0.
- A project in N cantons counts 1/N of its amount in each canton (and so in each province);
  its number of projects counts it once in every canton.
- SDG and DAC sector amounts are weighted by the project's percentages, in proportion to their
  sum (a project tagged SDG 6 at 60 % and SDG 11 at 40 % puts 60/40 of its amount in each;
  two tags at 100 % each put half in each), so every breakdown adds up to the total.
- A project with several funding organisations splits its amount evenly among them.

Every breakdown is one ``values().annotate(Sum(...))`` query; nothing loops over projects in
Python. The filters are applied once, as a subquery of project ids shared by every chart.
"""

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.db import connection
from django.db.models import (
    Case,
    Count,
    DecimalField,
    Exists,
    F,
    FloatField,
    OuterRef,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, NullIf
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from sioc.common.roles import GAD_ROLES, Role, principal
from sioc.organizations.choices import OrganizationKind
from sioc.organizations.models import Organization
from sioc.projects import permissions as project_permissions
from sioc.projects.choices import OrganisationRole
from sioc.projects.models import Project, ProjectOrganization, ProjectSdg, ProjectSector
from sioc.territory.models import Canton

CantonLink = Project.cantons.through
GadLink = Project.gads.through

DEFINITIONS = {
    "amount": gettext_lazy(
        "Monto movilizado: lo comprometido por los cooperantes en dólares (transacciones de "
        "compromiso convertidas a USD a la fecha de cada transacción); si un proyecto aún no "
        "tiene compromisos registrados, su presupuesto en USD."
    ),
    "split": gettext_lazy(
        "Un proyecto en varios cantones reparte su monto en partes iguales entre ellos (y entre "
        "sus provincias por la misma regla); en el número de proyectos cuenta una vez en cada "
        "cantón. Con varios cooperantes financiadores, el monto se reparte en partes iguales."
    ),
    "weights": gettext_lazy(
        "Por ODS y por sector CAD, el monto se pondera con los porcentajes del proyecto, en "
        "proporción a su suma, de modo que cada desglose suma el total."
    ),
    "execution": gettext_lazy(
        "Ejecución frente a lo planificado: desembolsado y gastado (transacciones de desembolso "
        "y de gasto en USD) frente al monto movilizado."
    ),
}

TOP_ROWS = 12  # bars drawn per chart on the page; the downloads have every row


# --- visibility -----------------------------------------------------------------------------


def visible_projects(user, gad=None):
    """The projects ``user`` may count: the projects policy (sioc/projects/permissions.py):
    published and external IATI projects for everyone, every project for AME staff, plus their
    GAD's projects for GAD staff and their organisation's projects for focal points.

    (``gad`` is accepted for the dashboards' call sites; the policy already lets a GAD's staff
    see that GAD's private projects.)"""
    return project_permissions.visible_to(user, Project.objects.all())


def gad_projects(projects, gad):
    """Projects of a GAD: those it takes part in, or located in its canton."""
    of_gad = Exists(GadLink.objects.filter(project=OuterRef("pk"), organization=gad))
    if gad.canton_id:
        in_canton = Exists(CantonLink.objects.filter(project=OuterRef("pk"), canton=gad.canton_id))
        return projects.filter(of_gad | in_canton)
    return projects.filter(of_gad)


# --- filters --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """Cleaned filter values (see forms.DashboardFilterForm); empty means "all"."""

    year_from: int | None = None
    year_to: int | None = None
    province: str = ""
    cooperante: str = ""
    sdg: int | None = None
    modality: str = ""
    source: str = ""
    status: str = ""
    extra: dict = field(default_factory=dict, compare=False)


def apply_filters(projects, f: Filters):
    if f.year_from is not None:
        projects = projects.filter(year__gte=f.year_from)
    if f.year_to is not None:
        projects = projects.filter(year__lte=f.year_to)
    if f.province:
        projects = projects.filter(
            Exists(
                CantonLink.objects.filter(project=OuterRef("pk"), canton__province__code=f.province)
            )
        )
    if f.cooperante:
        projects = projects.filter(
            Exists(
                ProjectOrganization.objects.filter(
                    project=OuterRef("pk"),
                    role=OrganisationRole.FUNDING,
                    organization__slug=f.cooperante,
                )
            )
        )
    if f.sdg is not None:
        projects = projects.filter(
            Exists(ProjectSdg.objects.filter(project=OuterRef("pk"), goal__code=f.sdg))
        )
    if f.modality:
        projects = projects.filter(modality__code=f.modality)
    if f.source:
        projects = projects.filter(source=f.source)
    if f.status:
        projects = projects.filter(activity_status__code=f.status)
    return projects


def scope(user, filters: Filters, gad=None):
    """The filtered projects a user may count (on ``gad``'s dashboard: that GAD's)."""
    projects = visible_projects(user, gad)
    if gad is not None:
        projects = gad_projects(projects, gad)
    return apply_filters(projects, filters)


# --- SQL expressions ------------------------------------------------------------------------


def _f(name):
    return Cast(F(name), FloatField())


def mobilised(prefix=""):
    """The project's *monto movilizado* in USD, as a float expression."""
    return Case(
        When(**{f"{prefix}committed_usd__gt": 0}, then=_f(f"{prefix}committed_usd")),
        default=Coalesce(_f(f"{prefix}budget_usd"), Value(0.0)),
        output_field=FloatField(),
    )


def _count_of(model, outer="project", **conditions):
    rows = model.objects.filter(project=OuterRef(outer), **conditions).order_by().values("project")
    return Subquery(rows.annotate(n=Count("pk")).values("n"), output_field=FloatField())


def _percent_sum(model, outer="project"):
    rows = model.objects.filter(project=OuterRef(outer)).order_by().values("project")
    total = Subquery(
        rows.annotate(s=Sum(Cast("percentage", FloatField()))).values("s"),
        output_field=FloatField(),
    )
    return NullIf(total, Value(0.0))


def canton_share(prefix="project__", outer="project"):
    """Amount a project puts in each of its cantons (a row of the project-canton table)."""
    return mobilised(prefix) / _count_of(CantonLink, outer)


# --- charts ---------------------------------------------------------------------------------


@dataclass
class Row:
    label: str
    amount: float
    count: int | None = None
    code: str = ""
    url: str = ""

    @property
    def amount_label(self):
        return usd(self.amount)


@dataclass
class Chart:
    key: str
    title: str
    rows: list[Row]
    kind: str = "bars"  # "bars" (horizontal) or "columns" (years)
    note: str = ""
    count_label: str = field(default_factory=lambda: _("Proyectos"))
    total_rows: int = 0

    @property
    def top_rows(self):
        """The rows drawn (and tabulated) on the page: every year, else the largest ones."""
        return self.rows if self.kind == "columns" else self.rows[:TOP_ROWS]


def _rows(values, label_key, code_key=None, empty_label=""):
    rows = []
    for v in values:
        label = v[label_key]
        rows.append(
            Row(
                label=str(label) if label not in (None, "") else empty_label,
                amount=float(v["amount"] or 0),
                count=v.get("n"),
                code=str(v[code_key]) if code_key and v[code_key] is not None else "",
            )
        )
    rows.sort(key=lambda r: (-r.amount, -(r.count or 0), r.label))
    return rows


def _ids(projects):
    return projects.order_by().values("pk")


def by_year(projects) -> list[Row]:
    values = (
        projects.order_by()
        .values("year")
        .annotate(amount=Sum(mobilised()), n=Count("pk"))
        .order_by("year")
    )
    rows = [
        Row(
            label=str(v["year"]) if v["year"] else _("Sin año"),
            amount=float(v["amount"] or 0),
            count=v["n"],
            code=str(v["year"] or ""),
        )
        for v in values
    ]
    # Years in order, projects without a year last.
    return [r for r in rows if r.code] + [r for r in rows if not r.code]


def by_cooperante(projects) -> list[Row]:
    funders = ProjectOrganization.objects.filter(
        role=OrganisationRole.FUNDING, project__in=_ids(projects)
    )
    share = mobilised("project__") / _count_of(ProjectOrganization, role=OrganisationRole.FUNDING)
    values = (
        funders.order_by()
        .values("organization__slug", "organization__name", "organization__acronym")
        .annotate(amount=Sum(share), n=Count("project", distinct=True))
    )
    rows = []
    for v in values:
        name = v["organization__name"]
        if v["organization__acronym"] and v["organization__acronym"] not in name:
            name = f"{name} ({v['organization__acronym']})"
        rows.append(
            Row(
                label=name,
                amount=float(v["amount"] or 0),
                count=v["n"],
                code=v["organization__slug"],
            )
        )
    rows.sort(key=lambda r: (-r.amount, -(r.count or 0), r.label))
    without = projects.exclude(
        Exists(
            ProjectOrganization.objects.filter(
                project=OuterRef("pk"), role=OrganisationRole.FUNDING
            )
        )
    ).aggregate(amount=Sum(mobilised()), n=Count("pk"))
    if without["n"]:
        rows.append(
            Row(
                _("Sin cooperante financiador registrado"),
                float(without["amount"] or 0),
                without["n"],
            )
        )
    return rows


def by_modality(projects) -> list[Row]:
    values = (
        projects.order_by()
        .values("modality__code", "modality__name")
        .annotate(amount=Sum(mobilised()), n=Count("pk"))
    )
    return _rows(values, "modality__name", "modality__code", _("Sin modalidad"))


def _weighted(model, group, projects, share_expr=None):
    """Rows of ``model`` (ProjectSdg or ProjectSector) for ``projects``, the amount weighted by
    each row's percentage over the sum of the project's percentages."""
    amount = share_expr if share_expr is not None else mobilised("project__")
    weight = Cast("percentage", FloatField()) / _percent_sum(model)
    return (
        model.objects.filter(project__in=_ids(projects))
        .order_by()
        .values(*group)
        .annotate(amount=Sum(amount * weight), n=Count("project", distinct=True))
    )


def by_sdg(projects, share_expr=None) -> list[Row]:
    values = _weighted(ProjectSdg, ["goal__code", "goal__short_title"], projects, share_expr)
    rows = [
        Row(
            label=f"{v['goal__code']}. {v['goal__short_title']}",
            amount=float(v["amount"] or 0),
            count=v["n"],
            code=str(v["goal__code"]),
        )
        for v in values
    ]
    rows.sort(key=lambda r: (-r.amount, -(r.count or 0), int(r.code)))
    return rows


def by_sector(projects) -> list[Row]:
    values = _weighted(ProjectSector, ["sector__code", "sector__name"], projects)
    return [
        Row(label=f"{r.code} · {r.label}", amount=r.amount, count=r.count, code=r.code)
        for r in _rows(values, "sector__name", "sector__code")
    ]


def _located(projects):
    return CantonLink.objects.filter(project__in=_ids(projects)).order_by()


def by_province(projects) -> list[Row]:
    values = (
        _located(projects)
        .values("canton__province__code", "canton__province__name")
        .annotate(amount=Sum(canton_share()), n=Count("project", distinct=True))
    )
    rows = _rows(values, "canton__province__name", "canton__province__code")
    return rows + _unlocated(projects)


def by_canton(projects) -> list[Row]:
    values = (
        _located(projects)
        .values("canton__code", "canton__name", "canton__province__name")
        .annotate(amount=Sum(canton_share()), n=Count("project"))
    )
    rows = [
        Row(
            label=f"{v['canton__name']} ({v['canton__province__name']})",
            amount=float(v["amount"] or 0),
            count=v["n"],
            code=v["canton__code"],
        )
        for v in values
    ]
    rows.sort(key=lambda r: (-r.amount, -(r.count or 0), r.label))
    return rows + _unlocated(projects)


def _unlocated(projects) -> list[Row]:
    rest = projects.exclude(Exists(CantonLink.objects.filter(project=OuterRef("pk")))).aggregate(
        amount=Sum(mobilised()), n=Count("pk")
    )
    if not rest["n"]:
        return []
    return [Row(_("Sin cantón registrado"), float(rest["amount"] or 0), rest["n"])]


def totals(projects) -> dict:
    money = DecimalField(max_digits=20, decimal_places=2)
    t = projects.order_by().aggregate(
        n=Count("pk"),
        amount=Sum(mobilised()),
        committed=Coalesce(Sum("committed_usd"), Value(Decimal(0)), output_field=money),
        budget=Coalesce(Sum("budget_usd"), Value(Decimal(0)), output_field=money),
        disbursed=Coalesce(Sum("disbursed_usd"), Value(Decimal(0)), output_field=money),
        spent=Coalesce(Sum("spent_usd"), Value(Decimal(0)), output_field=money),
    )
    result = {k: float(v or 0) for k, v in t.items() if k != "n"}
    result["n"] = t["n"]
    plan = result["amount"]
    result["disbursed_pct"] = round(100 * result["disbursed"] / plan, 1) if plan else None
    result["spent_pct"] = round(100 * result["spent"] / plan, 1) if plan else None
    result["labels"] = {k: usd(result[k]) for k in ("amount", "committed", "disbursed", "spent")}
    return result


def execution_rows(t: dict) -> list[Row]:
    return [
        Row(_("Planificado (monto movilizado)"), t["amount"], code="plan"),
        Row(_("Comprometido"), t["committed"], code="committed"),
        Row(_("Presupuesto en USD"), t["budget"], code="budget"),
        Row(_("Desembolsado"), t["disbursed"], code="disbursed"),
        Row(_("Gastado (ejecutado)"), t["spent"], code="spent"),
    ]


CHARTS = {
    "anio": (gettext_lazy("Monto movilizado por año"), by_year),
    "cooperante": (gettext_lazy("Por cooperante financiador"), by_cooperante),
    "modalidad": (gettext_lazy("Por modalidad de cooperación"), by_modality),
    "ods": (gettext_lazy("Por Objetivo de Desarrollo Sostenible (ponderado)"), by_sdg),
    "sector": (gettext_lazy("Por sector CAD (ponderado)"), by_sector),
    "provincia": (gettext_lazy("Por provincia (reparto entre cantones)"), by_province),
    "canton": (gettext_lazy("Por cantón (reparto entre cantones)"), by_canton),
    "ejecucion": (gettext_lazy("Ejecución frente a lo planificado"), None),
}
CHART_NOTES = {
    "ods": DEFINITIONS["weights"],
    "sector": DEFINITIONS["weights"],
    "provincia": DEFINITIONS["split"],
    "canton": DEFINITIONS["split"],
    "ejecucion": DEFINITIONS["execution"],
}


def chart(key, projects, t=None) -> Chart:
    title, build = CHARTS[key]
    if key == "ejecucion":
        rows = execution_rows(t if t is not None else totals(projects))
    else:
        rows = build(projects)
    return Chart(
        key=key,
        title=str(title),
        rows=rows,
        kind="columns" if key == "anio" else "bars",
        note=str(CHART_NOTES.get(key, "")),
        total_rows=len(rows),
    )


def dashboard(user, filters: Filters, gad=None) -> dict:
    """Totals and every chart. Cached per audience, filters and data version (see
    ``data_version``), so a repeated view costs one cheap query; any change to the projects
    data gives a new version and the next view recomputes."""
    key = cache_key("dashboard", audience(user, gad), gad.pk if gad else "", filters)
    cached = cache.get(key)
    if cached is None:
        projects = scope(user, filters, gad)
        t = totals(projects)
        charts = [chart(key, projects, t) for key in CHARTS] if t["n"] else []
        cached = {"totals": t, "charts": charts}
        cache.set(key, cached, CACHE_SECONDS)
    return {**cached, "definitions": DEFINITIONS, "gad": gad}


# --- cache ----------------------------------------------------------------------------------

CACHE_SECONDS = 300  # a safety net: the version below changes with every write that matters


def audience(user, gad=None) -> str:
    """Who sees the same numbers (see ``visible_projects``): AME staff; people with the same
    GAD and focal-point memberships; everyone else (published and IATI projects only)."""
    p = principal(user)
    if p.is_ame_staff:
        return "ame"
    gads = sorted(p.organization_ids(*GAD_ROLES))
    focal = sorted(p.organization_ids(Role.FOCAL_POINT))
    if gads or focal:
        return f"gad{gads}-focal{focal}"
    return "public"


def data_version() -> str:
    """A fingerprint of the data the dashboards read, in one cheap query: projects (number,
    last change) and the rows of their cantons, GADs, organisations, SDGs and sectors (number,
    highest id)."""
    parts = [
        f"(SELECT COUNT(*) FROM {Project._meta.db_table})",
        f"(SELECT MAX(updated_at) FROM {Project._meta.db_table})",
    ]
    for model in (CantonLink, GadLink, ProjectOrganization, ProjectSdg, ProjectSector):
        table = model._meta.db_table
        parts += [f"(SELECT COUNT(*) FROM {table})", f"(SELECT MAX(id) FROM {table})"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        row = cursor.fetchone()
    return "-".join(str(v) for v in row)


def cache_key(*parts) -> str:
    raw = "|".join(str(p) for p in (*parts, data_version(), get_language()))
    return "sioc:dashboards:" + hashlib.sha1(raw.encode()).hexdigest()


def gad_for_dashboard(slug):
    return get_object_or_404(
        Organization.objects.select_related("canton__province"),
        slug=slug,
        kind=OrganizationKind.GAD_MUNICIPAL,
    )


# --- map ------------------------------------------------------------------------------------

CLASSES = 5


def quantile_breaks(values, classes=CLASSES):
    """Upper bounds of up to ``classes`` quantile classes of the positive ``values``."""
    positive = sorted(v for v in values if v > 0)
    if not positive:
        return []
    breaks = []
    for i in range(1, classes + 1):
        index = min(len(positive) - 1, max(0, round(i * len(positive) / classes) - 1))
        value = positive[index]
        if not breaks or value > breaks[-1]:
            breaks.append(value)
    return breaks


def legend(breaks, money_format):
    labels = []
    low = 0
    for high in breaks:
        labels.append(
            _("%(low)s a %(high)s") % {"low": money_format(low), "high": money_format(high)}
        )
        low = high
    return labels


def map_values(user, filters: Filters) -> dict:
    """Per canton: [amount (USD, whole dollars), number of projects]; quantile breaks and legend
    labels for both measures. Numbers are plain JSON numbers."""
    projects = scope(user, filters)
    values = (
        _located(projects)
        .values("canton__code")
        .annotate(amount=Sum(canton_share()), n=Count("project"))
    )
    cantons = {v["canton__code"]: [round(float(v["amount"] or 0)), v["n"]] for v in values}
    amount_breaks = [round(b) for b in quantile_breaks([v[0] for v in cantons.values()])]
    count_breaks = quantile_breaks([v[1] for v in cantons.values()])
    rest = _unlocated(projects)
    return {
        "cantons": cantons,
        "breaks": {"amount": amount_breaks, "count": count_breaks},
        "legend": {
            "amount": legend(amount_breaks, usd),
            "count": legend(count_breaks, lambda v: number_format(v, force_grouping=True)),
            "none": _("Sin proyectos"),
        },
        "unlocated": {"amount": round(rest[0].amount), "count": rest[0].count} if rest else None,
    }


def map_table(values: dict, measure: str) -> list[dict]:
    """The map's text alternative: cantons with projects, largest first by ``measure``."""
    names = {
        code: (name, province)
        for code, name, province in Canton.objects.filter(
            code__in=list(values["cantons"])
        ).values_list("code", "name", "province__name")
    }
    index = 1 if measure == "proyectos" else 0
    rows = [
        {
            "code": code,
            "name": names.get(code, (code, ""))[0],
            "province": names.get(code, (code, ""))[1],
            "amount": amount,
            "count": count,
        }
        for code, (amount, count) in values["cantons"].items()
    ]
    rows.sort(key=lambda r: (-[r["amount"], r["count"]][index], r["name"]))
    return rows


def cantons_geojson() -> dict:
    """All cantons' simplified boundaries with their code and name only (the map's shapes)."""
    rows = Canton.objects.filter(boundary__isnull=False).values_list(
        "code", "name", "province__name", "boundary"
    )
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": code,
                "geometry": boundary,
                "properties": {"code": code, "name": name, "province": province},
            }
            for code, name, province, boundary in rows.order_by("code")
        ],
    }


# --- canton summary -------------------------------------------------------------------------

CANTON_PROJECTS = 50


def project_url(project) -> str:
    try:
        return project.get_absolute_url()
    except NoReverseMatch:  # the projects pages are not mounted (yet)
        return ""


def canton_summary(user, filters: Filters, code) -> dict:
    canton = get_object_or_404(
        Canton.objects.select_related("province").defer("boundary", "province__boundary"), code=code
    )
    projects = scope(user, filters).filter(
        Exists(CantonLink.objects.filter(project=OuterRef("pk"), canton=canton))
    )
    n_cantons = _count_of(CantonLink, outer="pk")
    share = mobilised() / n_cantons
    listed = (
        projects.annotate(amount=mobilised(), share=share, canton_count=n_cantons)
        .select_related("modality", "activity_status")
        .only("pk", "title", "year", "source", "modality__name", "activity_status__name")
        .order_by("-amount", "title")
    )
    agg = projects.aggregate(n=Count("pk"), amount=Sum(mobilised()), share=Sum(share))
    rows = list(listed[:CANTON_PROJECTS])
    for project in rows:  # at most CANTON_PROJECTS rows: their links and labels
        project.url = project_url(project)
        project.amount_label = usd(project.amount)
        project.share_label = usd(project.share)
    # By cooperante and by SDG, with the canton's share of each project.
    funders = ProjectOrganization.objects.filter(
        role=OrganisationRole.FUNDING, project__in=_ids(projects)
    )
    coop_share = mobilised("project__") / (
        _count_of(CantonLink) * _count_of(ProjectOrganization, role=OrganisationRole.FUNDING)
    )
    coop_values = (
        funders.order_by()
        .values("organization__slug", "organization__name")
        .annotate(amount=Sum(coop_share), n=Count("project", distinct=True))
    )
    by_coop = _rows(coop_values, "organization__name", "organization__slug")
    sdg_rows = by_sdg(projects, share_expr=canton_share())
    return {
        "canton": canton,
        "count": agg["n"],
        "amount": float(agg["share"] or 0),
        "amount_label": usd(agg["share"]),
        "full_amount": float(agg["amount"] or 0),
        "full_amount_label": usd(agg["amount"]),
        "projects": rows,
        "more": max(0, agg["n"] - len(rows)),
        "charts": [
            Chart("cooperante", _("Por cooperante financiador"), by_coop),
            Chart("ods", _("Por ODS (ponderado)"), sdg_rows, note=str(DEFINITIONS["weights"])),
        ],
        "definitions": DEFINITIONS,
    }


# --- formatting -----------------------------------------------------------------------------


def usd(value) -> str:
    """«USD 1.234.567» (es-EC: dot for thousands; whole dollars)."""
    return "USD " + number_format(round(value or 0), decimal_pos=0, force_grouping=True)
