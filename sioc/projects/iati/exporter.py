"""Exporting published SIOC projects as IATI 2.03 activities (``iati-activities``).

The file is written as a stream (``lxml.etree.xmlfile``): each activity is built, written and
forgotten, and projects are read in chunks with their related rows prefetched, so memory stays
flat for any number of projects. ``validate(path)`` checks a file against the official 2.03
schema in ``SIOC_DATA_DIR/iati/schemas/2.03/iati-activities-schema.xsd``.

Choices (IATI needs them, SIOC's data does not always say):

- **Publisher**: the reporting organisation is AME. Its ``ref`` is the IATI identifier saved on
  AME's organisation page; until AME registers as an IATI publisher it is the placeholder
  ``EC-AME`` (``FALLBACK_PUBLISHER_REF``). Set the real one (``EC-RUC-<RUC de AME>``) before
  publishing in the IATI Registry. AME's organisation type is 15 (other public sector).
- **Activity identifier**: the project's ``iati_identifier`` when it has one, else
  ``<publisher ref>-SIOC-<project id>`` (stable: the id never changes).
- Only projects recorded in SIOC and published are exported (imported IATI projects already
  have their own publisher). Narratives are Spanish (``xml:lang="es"``).
- Each canton is a ``location`` named after it, with its INEC code in the description and
  ``administrative`` vocabulary A4 (ISO country) "EC"; the GADs are implementing organisations
  (role 4) when the project does not list them already.
- The budget is one ``budget`` for the planned period (original, indicative), when there is a
  budget and both planned dates; results export baseline and per-period target and actual.
"""

from functools import lru_cache

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone
from lxml import etree

from sioc.organizations.choices import OrganizationKind
from sioc.organizations.models import Organization
from sioc.projects.choices import Source, Visibility
from sioc.projects.models import (
    Indicator,
    IndicatorValue,
    Project,
    ProjectOrganization,
    ProjectSdg,
    ProjectSector,
    Result,
)

FALLBACK_PUBLISHER_REF = "EC-AME"
AME_ORGANISATION_TYPE = "15"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CHUNK = 1000
SCHEMA_PARTS = ("iati", "schemas", "2.03", "iati-activities-schema.xsd")

# SIOC organisation kind → IATI OrganisationType code.
TYPE_BY_KIND = {
    OrganizationKind.AME: "15",
    OrganizationKind.GAD_MUNICIPAL: "11",
    OrganizationKind.BILATERAL_AGENCY: "10",
    OrganizationKind.MULTILATERAL: "40",
    OrganizationKind.DEVELOPMENT_BANK: "40",
    OrganizationKind.EMBASSY: "10",
    OrganizationKind.INTERNATIONAL_NGO: "21",
    OrganizationKind.FOUNDATION: "60",
    OrganizationKind.FOREIGN_LOCAL_GOVERNMENT: "11",
    OrganizationKind.CITY_NETWORK: "21",
    OrganizationKind.LOCAL_GOVERNMENT_ASSOCIATION: "15",
    OrganizationKind.NATIONAL_GOVERNMENT: "10",
    OrganizationKind.ACADEMIA: "80",
    OrganizationKind.PRIVATE_SECTOR: "70",
}


def publisher():
    """(ref, name) of the reporting organisation: AME."""
    ame = Organization.objects.filter(kind=OrganizationKind.AME).order_by("pk").first()
    if ame is None:
        return FALLBACK_PUBLISHER_REF, "Asociación de Municipalidades Ecuatorianas"
    return (ame.iati_identifier or FALLBACK_PUBLISHER_REF).strip(), ame.name


def exportable_projects(*, gad=None, cooperante=None, year=None):
    """Published projects recorded in SIOC, filtered by GAD slug, cooperante slug and year."""
    qs = Project.objects.filter(source=Source.SIOC, visibility=Visibility.PUBLISHED)
    if gad:
        qs = qs.filter(gads__slug=gad)
    if cooperante:
        qs = qs.filter(
            Q(participations__organization__slug=cooperante) | Q(reporting_org__slug=cooperante)
        )
    if year:
        qs = qs.filter(year=year)
    return qs.distinct().order_by("pk")


def _prefetched(queryset):
    return queryset.select_related("activity_status", "currency").prefetch_related(
        Prefetch(
            "participations",
            queryset=ProjectOrganization.objects.select_related("organization").order_by(
                "role", "pk"
            ),
        ),
        "gads",
        "cantons__province",
        Prefetch("sector_shares", queryset=ProjectSector.objects.select_related("sector")),
        Prefetch("sdg_shares", queryset=ProjectSdg.objects.select_related("goal", "target")),
        "transactions",
        Prefetch(
            "results",
            queryset=Result.objects.prefetch_related(
                Prefetch(
                    "indicators",
                    queryset=Indicator.objects.prefetch_related(
                        Prefetch(
                            "values",
                            queryset=IndicatorValue.objects.select_related("period").order_by(
                                "period__starts_on"
                            ),
                        )
                    ),
                )
            ),
        ),
    )


def _num(value):
    """A decimal as IATI wants it: plain digits, no exponent, no thousands separator."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def _narrative(parent, tag, text):
    element = etree.SubElement(parent, tag) if tag else parent
    narrative = etree.SubElement(element, "narrative")
    narrative.set(XML_LANG, "es")
    narrative.text = text
    return element


def _date(value):
    return value.isoformat()


def activity_identifier(project, publisher_ref):
    return project.iati_identifier or f"{publisher_ref}-SIOC-{project.pk}"


def build_activity(project, publisher_ref, publisher_name):
    """The ``iati-activity`` element of one project, children in the schema's order."""
    updated = project.updated_at or timezone.now()
    activity = etree.Element(
        "iati-activity",
        {
            "last-updated-datetime": updated.replace(microsecond=0).isoformat(),
            XML_LANG: "es",
            "default-currency": project.currency_id or "USD",
            "hierarchy": "1",
        },
    )
    etree.SubElement(activity, "iati-identifier").text = activity_identifier(project, publisher_ref)
    reporting = etree.SubElement(
        activity, "reporting-org", ref=publisher_ref, type=AME_ORGANISATION_TYPE
    )
    _narrative(reporting, None, publisher_name)
    _narrative(activity, "title", project.title)
    # description is required by the 2.03 schema: the title stands in when there is none
    description = _narrative(activity, "description", project.description or project.title)
    description.set("type", "1")

    participants = []
    listed = set()
    for share in project.participations.all():
        participants.append((share.organization, share.role))
        listed.add(share.organization_id)
    for gad in project.gads.all():
        if gad.pk not in listed:
            participants.append((gad, "4"))
    if not participants:
        participants.append((None, "2"))
    for org, role in participants:
        attrs = {"role": role}
        if org is None:
            attrs.update(ref=publisher_ref, type=AME_ORGANISATION_TYPE)
            name = publisher_name
        else:
            if org.iati_identifier:
                attrs["ref"] = org.iati_identifier
            if org.kind in TYPE_BY_KIND:
                attrs["type"] = TYPE_BY_KIND[org.kind]
            name = org.name
        _narrative(etree.SubElement(activity, "participating-org", attrs), None, name)

    status = project.activity_status.code if project.activity_status_id else None
    etree.SubElement(
        activity, "activity-status", code=status or ("2" if project.actual_start else "1")
    )
    dates = [
        ("1", project.planned_start),
        ("2", project.actual_start),
        ("3", project.planned_end),
        ("4", project.actual_end),
    ]
    today = timezone.localdate()
    written = 0
    for kind, day in dates:
        if day is None or (kind in ("2", "4") and day > today):
            continue  # actual dates cannot be in the future
        etree.SubElement(activity, "activity-date", {"iso-date": _date(day), "type": kind})
        written += 1
    if not written:
        created = timezone.localtime(project.created_at).date() if project.created_at else today
        etree.SubElement(activity, "activity-date", {"iso-date": _date(created), "type": "1"})

    etree.SubElement(activity, "recipient-country", code="EC", percentage="100")
    for canton in project.cantons.all():
        location = etree.SubElement(activity, "location", ref=f"EC-INEC-{canton.code}")
        etree.SubElement(location, "location-reach", code="1")
        _narrative(location, "name", canton.name)
        _narrative(
            location,
            "description",
            f"Cantón {canton.name}, provincia de {canton.province.name} "
            f"(código INEC {canton.code})",
        )
        etree.SubElement(location, "administrative", vocabulary="A4", level="0", code="EC")
        etree.SubElement(location, "exactness", code="2")
        etree.SubElement(location, "location-class", code="1")
        etree.SubElement(location, "feature-designation", code="ADM2")

    for share in project.sector_shares.all():
        sector = etree.SubElement(
            activity,
            "sector",
            vocabulary="1",
            code=share.sector.code,
            percentage=_num(share.percentage),
        )
        _narrative(sector, None, share.sector.name)
    goals_written = set()
    for share in project.sdg_shares.all():
        if share.goal_id not in goals_written:
            goals_written.add(share.goal_id)
            tag = etree.SubElement(activity, "tag", vocabulary="2", code=str(share.goal.code))
            _narrative(tag, None, share.goal.short_title)
    for share in project.sdg_shares.all():
        if share.target_id:
            tag = etree.SubElement(activity, "tag", vocabulary="3", code=share.target.code)
            _narrative(tag, None, share.target.name[:500])

    if project.budget is not None and project.planned_start and project.planned_end:
        budget = etree.SubElement(activity, "budget", type="1", status="1")
        etree.SubElement(budget, "period-start", {"iso-date": _date(project.planned_start)})
        etree.SubElement(budget, "period-end", {"iso-date": _date(project.planned_end)})
        value = etree.SubElement(
            budget,
            "value",
            {"currency": project.currency_id, "value-date": _date(project.planned_start)},
        )
        value.text = _num(project.budget)

    for tx in project.transactions.all():
        transaction = etree.SubElement(activity, "transaction")
        etree.SubElement(transaction, "transaction-type", code=tx.kind)
        etree.SubElement(transaction, "transaction-date", {"iso-date": _date(tx.date)})
        value = etree.SubElement(
            transaction, "value", {"currency": tx.currency_id, "value-date": _date(tx.date)}
        )
        value.text = _num(tx.value)
        if tx.description:
            _narrative(transaction, "description", tx.description)
        if tx.provider:
            _narrative(transaction, "provider-org", tx.provider)
        if tx.receiver:
            _narrative(transaction, "receiver-org", tx.receiver)

    for result in project.results.all():
        element = etree.SubElement(activity, "result", type="1")
        _narrative(element, "title", result.title)
        if result.description:
            _narrative(element, "description", result.description)
        for indicator in result.indicators.all():
            ind = etree.SubElement(element, "indicator", measure="1", ascending="1")
            _narrative(ind, "title", indicator.name)
            if indicator.unit:
                _narrative(ind, "description", f"Unidad: {indicator.unit}")
            if indicator.baseline_value is not None:
                year = indicator.baseline_year or (
                    project.planned_start.year if project.planned_start else today.year
                )
                etree.SubElement(
                    ind, "baseline", year=str(year), value=_num(indicator.baseline_value)
                )
            for iv in indicator.values.all():
                if iv.target is None and iv.actual is None:
                    continue
                period = etree.SubElement(ind, "period")
                etree.SubElement(period, "period-start", {"iso-date": _date(iv.period.starts_on)})
                etree.SubElement(period, "period-end", {"iso-date": _date(iv.period.ends_on)})
                if iv.target is not None:
                    etree.SubElement(period, "target", value=_num(iv.target))
                if iv.actual is not None:
                    etree.SubElement(period, "actual", value=_num(iv.actual))
    return activity


def write_activities(projects, fh):
    """Write ``projects`` (a queryset) to the binary file ``fh``; return how many."""
    ref, name = publisher()
    count = 0
    pks = list(projects.values_list("pk", flat=True))
    generated = timezone.now().replace(microsecond=0).isoformat()
    with etree.xmlfile(fh, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("iati-activities", {"version": "2.03", "generated-datetime": generated}):
            for start in range(0, len(pks), CHUNK):
                chunk = _prefetched(Project.objects.filter(pk__in=pks[start : start + CHUNK]))
                for project in chunk.order_by("pk"):
                    xf.write(build_activity(project, ref, name), pretty_print=True)
                    count += 1
    return count


def export_file(path, **filters):
    with open(path, "wb") as fh:
        return write_activities(exportable_projects(**filters), fh)


@lru_cache(maxsize=1)
def _schema(path):
    return etree.XMLSchema(etree.parse(path))


def schema():
    path = settings.DATA_DIR.joinpath(*SCHEMA_PARTS)
    return _schema(str(path))


def validate(path_or_file):
    """Errors of the file against the IATI 2.03 activity schema ([] when valid)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    document = etree.parse(path_or_file, parser)
    checker = schema()
    if checker.validate(document):
        return []
    return [f"línea {e.line}: {e.message}" for e in checker.error_log]
