"""The template and the exports: layout, permissions, filters, and the round trip."""

import csv
import datetime
import decimal
import io

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from sioc.accounts.tests.factories import OrganizationFactory
from sioc.audit.models import AuditEvent
from sioc.codelists.models import (
    CootadCompetency,
    Currency,
    DacSector,
    Modality,
    SdgGoal,
    SdgTarget,
)
from sioc.offers import services
from sioc.offers.choices import OfferStatus, Schedule
from sioc.offers.exports import OFFER_COLUMNS, ORG_COLUMNS
from sioc.offers.imports import Source, run_import
from sioc.offers.models import Offer
from sioc.organizations.choices import OrganizationKind
from sioc.territory.models import Canton, Province

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def read_xlsx(content):
    return openpyxl.load_workbook(io.BytesIO(content), data_only=False)


def sheet_rows(ws):
    rows = list(ws.iter_rows(values_only=True))
    header = list(rows[0])
    return header, [dict(zip(header, r, strict=False)) for r in rows[1:]]


@pytest.fixture
def catalog(db):
    """Offers with every kind of value the template carries."""
    koica = OrganizationFactory(
        slug="koica-prueba",
        name="Agencia de Cooperación Internacional de Corea",
        acronym="KOICA",
        kind=OrganizationKind.BILATERAL_AGENCY,
        country="KR",
        website="https://www.koica.go.kr",
        public_email="ecuador@koica.go.kr",
        description="Voluntarios y becas.\r\nSegunda línea.",
    )
    caf = OrganizationFactory(
        slug="caf-prueba",
        name="CAF banco de desarrollo",
        kind=OrganizationKind.DEVELOPMENT_BANK,
        country="",
    )
    m = Modality.objects.in_bulk(field_name="code")
    full = services.create_offer(
        actor=None,
        status=OfferStatus.PUBLISHED,
        code="KOICA-VOL-2027",
        cooperante=koica,
        title="Voluntarios coreanos en gestión ambiental",
        description="Primera línea.\r\nSegunda línea; con punto y coma, y comas.",
        modalities=[m["volunteering"], m["training"]],
        sdgs=list(SdgGoal.objects.filter(code__in=[6, 11])),
        sdg_targets=list(SdgTarget.objects.filter(code__in=["6.1", "11.6"])),
        competencies=list(CootadCompetency.objects.filter(code__in=["d", "a"])),
        sectors=list(DacSector.objects.filter(code__in=["14050", "41010"])),
        is_national=False,
        provinces=list(Province.objects.filter(code="11")),
        cantons=list(Canton.objects.filter(code__in=["0101", "0901"])),
        amount_min=decimal.Decimal("1234.50"),
        amount_max=decimal.Decimal("123456789012.34"),
        currency=Currency.objects.get(code="USD"),
        schedule=Schedule.WINDOW,
        opens_on=TODAY,
        closes_on=TODAY + datetime.timedelta(days=90),
        requirements="Carta del alcalde.",
        source_url="https://www.koica.go.kr/ecuador",
    )
    yearly = services.create_offer(
        actor=None,
        status=OfferStatus.PUBLISHED,
        code="CAF-ANUAL",
        cooperante=caf,
        title="Convocatoria anual de asistencia técnica",
        schedule=Schedule.YEARLY,
        opens_on=TODAY - datetime.timedelta(days=10),
        closes_on=TODAY + datetime.timedelta(days=20),
        amount_max=decimal.Decimal("50000"),
        currency=Currency.objects.get(code="EUR"),
    )
    permanent = services.create_offer(
        actor=None,
        status=OfferStatus.CLOSED,
        code="CAF-PERM",
        cooperante=caf,
        title="Crédito permanente",
        schedule=Schedule.PERMANENT,
        modalities=[m["credit"]],
    )
    draft = services.create_offer(
        actor=None, code="CAF-BORRADOR", cooperante=caf, title="Borrador interno"
    )
    review = services.create_offer(
        actor=None,
        status=OfferStatus.IN_REVIEW,
        code="CAF-REV",
        cooperante=caf,
        title="En revisión",
    )
    archived = services.create_offer(
        actor=None, status=OfferStatus.ARCHIVED, code="CAF-ARCH", cooperante=caf, title="Archivada"
    )
    return {
        "full": full,
        "yearly": yearly,
        "permanent": permanent,
        "draft": draft,
        "review": review,
        "archived": archived,
    }


def assert_reimport_changes_nothing(sources, actor=None):
    stamps = dict(Offer.objects.values_list("code", "updated_at"))
    events = AuditEvent.objects.count()
    report = run_import(sources, actor=actor)
    assert report.ok, [str(i) for i in report.issues]
    changed = [
        (r.sheet, r.key, r.changes)
        for rows in report.results.values()
        for r in rows
        if r.action != "unchanged"
    ]
    assert changed == []
    assert AuditEvent.objects.count() == events
    assert dict(Offer.objects.values_list("code", "updated_at")) == stamps
    return report


def test_template_layout_validations_and_help(client):
    response = client.get(reverse("offers:template"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "plantilla-catalogo-sioc.xlsx" in response["Content-Disposition"]
    wb = read_xlsx(response.content)
    assert wb.sheetnames == ["cooperantes", "ofertas", "valores", "instrucciones"]
    assert [c.value for c in wb["cooperantes"][1]] == ORG_COLUMNS
    assert [c.value for c in wb["ofertas"][1]] == OFFER_COLUMNS
    # code columns are text, so that Excel keeps 0101 and 8.10 as typed
    assert wb["ofertas"].column_dimensions["I"].number_format == "@"
    assert wb["ofertas"].column_dimensions["C"].number_format == "General"
    assert "slug" not in wb["ofertas"]["B1"].comment.text
    assert "hoja «cooperantes»" in wb["ofertas"]["B1"].comment.text
    validations = {
        str(dv.sqref)[0]: dv.formula1 for dv in wb["ofertas"].data_validations.dataValidation
    }
    assert validations["Q"].startswith("valores!$C$2:$C$4")
    assert validations["L"].startswith("valores!$D$2")
    (kind_dv,) = wb["cooperantes"].data_validations.dataValidation
    assert kind_dv.formula1 == "valores!$A$2:$A$13"
    values = wb["valores"]
    assert [values.cell(row=r, column=1).value for r in range(2, 14)][0] == "Agencia bilateral"
    assert [values.cell(row=r, column=3).value for r in range(2, 5)] == [
        "Borrador",
        "Publicada",
        "Cerrada",
    ]
    header = [c.value for c in values[1]]
    assert {
        "tipos",
        "modalidades",
        "estados",
        "monedas",
        "ods",
        "metas",
        "competencias",
        "sectores",
        "provincias",
        "cantones",
    } <= set(header)
    cantons = [values.cell(row=r, column=header.index("cantones") + 1).value for r in range(2, 300)]
    assert "0101" in cantons and len([c for c in cantons if c]) == 221
    assert "guion (-) lo borra" in " ".join(str(c.value) for c in wb["instrucciones"]["A"])


def test_the_template_imports_as_an_empty_catalogue(client):
    content = client.get(reverse("offers:template")).content
    report = run_import([Source("plantilla.xlsx", content)], actor=None)
    assert report.ok and not report.has_changes


def test_command_export_round_trip_changes_nothing(catalog, tmp_path):
    path = tmp_path / "catalogo.xlsx"
    call_command("export_catalog", str(path))
    wb = read_xlsx(path.read_bytes())
    _header, offers = sheet_rows(wb["ofertas"])
    by_code = {row["codigo"]: row for row in offers}
    assert set(by_code) == {o.code for o in catalog.values()}
    full = by_code["KOICA-VOL-2027"]
    assert full["cooperante"] == "koica-prueba"
    assert full["modalidades"] == "Capacitación; Voluntariado"
    assert full["ods"] == "6; 11; 6.1; 11.6"
    assert full["competencias"] == "a; d"
    assert full["sectores"] == "14050; 41010"
    assert full["cobertura"] == "11; 0101; 0901"
    assert full["monto_minimo"] == 1234.5
    assert full["monto_maximo"] == 123456789012.34
    assert isinstance(full["fecha_cierre"], datetime.datetime)
    assert full["estado"] == "Publicada"
    assert by_code["CAF-PERM"]["fecha_cierre"] is None
    assert by_code["CAF-REV"]["estado"] == "En revisión"
    _h, orgs = sheet_rows(wb["cooperantes"])
    koica = next(o for o in orgs if o["codigo"] == "koica-prueba")
    assert (koica["tipo"], koica["pais"]) == ("Agencia bilateral", "KR")
    assert_reimport_changes_nothing([Source(path.name, path.read_bytes())])


def test_web_exports_round_trip_as_ame(catalog, persona_client, personas):
    client = persona_client("ame_officer")
    every_status = "&".join(f"estado={s}" for s in OfferStatus.values)
    response = client.get(reverse("offers:export", args=["xlsx"]) + "?" + every_status)
    assert response.status_code == 200
    assert_reimport_changes_nothing(
        [Source("export.xlsx", response.content)], actor=personas["ame_officer"]
    )
    response = client.get(reverse("offers:export", args=["csv"]) + "?" + every_status)
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert_reimport_changes_nothing(
        [Source("ofertas.csv", response.content)], actor=personas["ame_officer"]
    )


def test_csv_export_is_machine_readable(catalog, client):
    response = client.get(reverse("offers:export", args=["csv"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    full = next(r for r in rows if r["codigo"] == "KOICA-VOL-2027")
    assert full["monto_minimo"] == "1234.5"
    assert full["monto_maximo"] == "123456789012.34"
    assert full["fecha_apertura"] == TODAY.isoformat()
    assert full["descripcion"] == "Primera línea.\r\nSegunda línea; con punto y coma, y comas."
    assert list(rows[0]) == OFFER_COLUMNS


def test_anonymous_export_has_only_public_offers_and_follows_the_filters(catalog, client):
    response = client.get(
        reverse("offers:export", args=["xlsx"]) + "?estado=published&estado=closed"
    )
    assert response.status_code == 200
    _h, offers = sheet_rows(read_xlsx(response.content)["ofertas"])
    assert {r["codigo"] for r in offers} == {"KOICA-VOL-2027", "CAF-ANUAL", "CAF-PERM"}
    _h, orgs = sheet_rows(read_xlsx(response.content)["cooperantes"])
    assert {o["codigo"] for o in orgs} == {"koica-prueba", "caf-prueba"}
    filtered = client.get(reverse("offers:export", args=["xlsx"]) + "?cooperante=koica-prueba")
    _h, offers = sheet_rows(read_xlsx(filtered.content)["ofertas"])
    assert [r["codigo"] for r in offers] == ["KOICA-VOL-2027"]
    by_sdg = client.get(reverse("offers:export", args=["csv"]) + "?ods=6")
    assert [
        r["codigo"] for r in csv.DictReader(io.StringIO(by_sdg.content.decode("utf-8-sig")))
    ] == ["KOICA-VOL-2027"]


def test_unknown_export_format_is_404(client):
    assert client.get(reverse("offers:export", args=["pdf"])).status_code == 404


def test_text_that_looks_like_a_formula_is_exported_as_text(db, tmp_path):
    org = OrganizationFactory(slug="rara")
    services.create_offer(actor=None, code="RARA", cooperante=org, title="=1+1 no es fórmula")
    path = tmp_path / "c.xlsx"
    call_command("export_catalog", str(path))
    cell = read_xlsx(path.read_bytes())["ofertas"]["C2"]
    assert (cell.value, cell.data_type) == ("=1+1 no es fórmula", "s")


def test_an_export_larger_than_an_import_is_refused_with_a_message(catalog, client, monkeypatch):
    from sioc.offers import exports

    monkeypatch.setattr(exports, "MAX_DATA_ROWS", 2)
    response = client.get(
        reverse("offers:export", args=["xlsx"]) + "?estado=published&estado=closed"
    )
    assert response.status_code == 400
    assert "Los filtros elegidos muestran 3 ofertas y una exportación admite hasta 2" in (
        response.content.decode()
    )
