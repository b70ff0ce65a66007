"""The IATI export validates against the official 2.03 schema and round-trips."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from lxml import etree

from sioc.codelists.models import ActivityStatus, DacSector, SdgGoal, SdgTarget
from sioc.organizations.choices import OrganizationKind
from sioc.organizations.models import Organization
from sioc.projects.iati import exporter
from sioc.projects.iati.importer import import_file
from sioc.projects.models import (
    Indicator,
    IndicatorValue,
    Project,
    ProjectOrganization,
    ProjectSdg,
    ProjectSector,
    ReportingPeriod,
    Result,
    Transaction,
)
from sioc.territory.models import Canton

pytestmark = pytest.mark.django_db


def full_project(title="Agua potable para Nabón", **extra):
    gad = Organization.objects.get(slug="gad-0101-cuenca")
    coop = Organization.objects.create(
        slug=f"coop-{Project.objects.count()}",
        kind=OrganizationKind.BILATERAL_AGENCY,
        name="Agencia de Prueba",
        iati_identifier="XX-PRUEBA-1",
    )
    fields = {
        "title": title,
        "description": "Ampliación & mejora <del> sistema de agua",
        "activity_status": ActivityStatus.objects.get(code="2"),
        "planned_start": datetime.date(2024, 1, 1),
        "planned_end": datetime.date(2026, 12, 31),
        "actual_start": datetime.date(2024, 2, 1),
        "year": 2024,
        "currency_id": "EUR",
        "budget": Decimal("1500000.50"),
        "visibility": "published",
    }
    fields.update(extra)
    project = Project.objects.create(**fields)
    project.gads.add(gad)
    project.cantons.add(Canton.objects.get(code="0104"), Canton.objects.get(code="0101"))
    ProjectOrganization.objects.create(project=project, organization=coop, role="1")
    ProjectOrganization.objects.create(project=project, organization=gad, role="4")
    ProjectSector.objects.create(
        project=project, sector=DacSector.objects.get(code="14030"), percentage=60
    )
    ProjectSector.objects.create(
        project=project, sector=DacSector.objects.get(code="14050"), percentage=40
    )
    ProjectSdg.objects.create(
        project=project,
        goal=SdgGoal.objects.get(code=6),
        target=SdgTarget.objects.get(code="6.1"),
        percentage=70,
    )
    ProjectSdg.objects.create(project=project, goal=SdgGoal.objects.get(code=11), percentage=30)
    for kind, value in (("2", "1000000"), ("3", "250000.75"), ("4", "120000")):
        Transaction.objects.create(
            project=project,
            kind=kind,
            date=datetime.date(2024, 3, 1),
            value=Decimal(value),
            currency_id="EUR",
            description="Convenio",
            provider="Agencia de Prueba",
            receiver="GAD Municipal de Cuenca",
        )
    result = Result.objects.create(project=project, title="Hogares con agua potable")
    indicator = Indicator.objects.create(
        result=result,
        name="Hogares conectados",
        unit="hogares",
        baseline_year=2023,
        baseline_value=Decimal(120),
        target_value=Decimal(900),
    )
    period = ReportingPeriod.objects.create(
        project=project,
        starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2024, 3, 31),
        due_on=datetime.date(2024, 4, 15),
    )
    IndicatorValue.objects.create(
        indicator=indicator, period=period, target=Decimal(200), actual=Decimal(180)
    )
    return project


def test_export_validates_against_the_official_schema(tmp_path):
    project = full_project()
    Project.objects.create(title="Proyecto mínimo publicado", visibility="published")
    Project.objects.create(title="Privado", visibility="private")
    path = tmp_path / "sioc.xml"
    assert exporter.export_file(path) == 2
    assert exporter.validate(str(path)) == []
    doc = etree.parse(str(path))
    activity = doc.getroot()[0]
    assert doc.getroot().get("version") == "2.03"
    assert activity.findtext("iati-identifier") == f"EC-AME-SIOC-{project.pk}"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert activity.find("title/narrative").get(lang) == "es"
    assert [t.get("code") for t in activity.findall("tag[@vocabulary='2']")] == ["6", "11"]
    assert [t.get("code") for t in activity.findall("tag[@vocabulary='3']")] == ["6.1"]
    assert {s.get("code") for s in activity.findall("sector")} == {"14030", "14050"}
    assert {loc.findtext("name/narrative") for loc in activity.findall("location")} == {
        "Nabón",
        "Cuenca",
    }
    assert len(activity.findall("transaction")) == 3
    assert activity.find("result/indicator/period/actual").get("value") == "180"
    assert "Privado" not in path.read_text()


def test_export_filters_and_command(tmp_path, capsys):
    full_project()
    other = Project.objects.create(title="Otro año", visibility="published", year=2019)
    path = tmp_path / "filtrado.xml"
    call_command("export_iati", str(path), "--gad", "gad-0101-cuenca", "--year", "2024")
    out = capsys.readouterr().out
    assert "Exportadas 1 actividades" in out and "cumple el esquema" in out
    assert other.title not in path.read_text()


def test_reimporting_the_export_changes_nothing(tmp_path):
    full_project()
    path = tmp_path / "sioc.xml"
    exporter.export_file(path)
    before = Project.objects.count()
    summary = import_file(path, actor=None)
    assert (summary.created, summary.updated, summary.skipped) == (0, 0, 1)
    assert Project.objects.count() == before
