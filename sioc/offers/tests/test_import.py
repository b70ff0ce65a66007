"""Importing the catalogue workbook: creation, updates, idempotence, atomicity, bad input."""

import datetime
import decimal
import io
import zipfile

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from sioc.accounts.tests.factories import OrganizationFactory
from sioc.audit.models import AuditEvent
from sioc.offers import services
from sioc.offers.choices import OfferStatus, Schedule
from sioc.offers.exports import OFFER_COLUMNS, ORG_COLUMNS
from sioc.offers.imports import MAX_UPLOAD_BYTES, Source, run_import
from sioc.offers.models import Offer
from sioc.organizations.choices import OrganizationKind
from sioc.organizations.models import Organization

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
NEXT_YEAR = TODAY.year + 1


def org_row(**values):
    row = {
        "codigo": "jica-prueba",
        "nombre": "Agencia de Cooperación Internacional del Japón",
        "siglas": "JICA",
        "tipo": "Agencia bilateral",
        "pais": "JP",
        "sitio_web": "https://www.jica.go.jp",
        "correo": "ec_oso_rep@jica.go.jp",
        "descripcion": "Cooperación técnica y voluntarios.",
    }
    row.update(values)
    return row


def offer_row(**values):
    row = {
        "codigo": "JICA-VOL-2027",
        "cooperante": "jica-prueba",
        "titulo": "Voluntarios japoneses para gestión de desechos sólidos",
        "descripcion": "Voluntarios de JICA apoyan a municipios.",
        "modalidades": "Voluntariado; asistencia tecnica",
        "ods": "11; 6.1",
        "competencias": "d",
        "sectores": "14050",
        "cobertura": "0101; 11",
        "monto_minimo": None,
        "monto_maximo": 25000.5,
        "moneda": "USD",
        "fecha_apertura": datetime.date(NEXT_YEAR, 1, 15),
        "fecha_cierre": f"{NEXT_YEAR}-06-30",
        "requisitos": "Carta de interés del alcalde.",
        "url": "https://www.jica.go.jp/ecuador",
        "estado": "Publicada",
    }
    row.update(values)
    return row


def workbook_bytes(
    orgs=(), offers=(), *, org_header=ORG_COLUMNS, offer_header=OFFER_COLUMNS, sheets=None
):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, header, rows in [
        ("cooperantes", org_header, orgs),
        ("ofertas", offer_header, offers),
    ]:
        if sheets is not None and title not in sheets:
            continue
        ws = wb.create_sheet(sheets.get(title, title) if isinstance(sheets, dict) else title)
        ws.append(list(header))
        for row in rows:
            ws.append([row.get(column) for column in header])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def do_import(data, actor=None, name="catalogo.xlsx", **kwargs):
    sources = data if isinstance(data, list) else [Source(name, data)]
    return run_import(sources, actor=actor, **kwargs)


def messages(report):
    return [str(issue) for issue in report.issues]


def test_imports_cooperantes_and_offers_with_every_column():
    report = do_import(
        workbook_bytes(
            [org_row()],
            [
                offer_row(),
                offer_row(
                    codigo="JICA-CAP", fecha_cierre=None, cobertura="nacional", estado=None, ods=""
                ),
            ],
        )
    )
    assert report.ok, messages(report)
    assert report.written
    assert report.counts("cooperantes")["new"] == 1
    assert report.counts("ofertas")["new"] == 2
    org = Organization.objects.get(slug="jica-prueba")
    assert org.kind == OrganizationKind.BILATERAL_AGENCY
    assert (org.acronym, org.country, org.public_email) == ("JICA", "JP", "ec_oso_rep@jica.go.jp")
    offer = Offer.objects.get(code="JICA-VOL-2027")
    assert offer.cooperante == org
    assert offer.status == OfferStatus.PUBLISHED and offer.published_at is not None
    assert sorted(m.code for m in offer.modalities.all()) == [
        "technical_assistance",
        "volunteering",
    ]
    assert sorted(g.code for g in offer.sdgs.all()) == [6, 11]  # 6.1 implies SDG 6
    assert [t.code for t in offer.sdg_targets.all()] == ["6.1"]
    assert [c.code for c in offer.competencies.all()] == ["d"]
    assert [s.code for s in offer.sectors.all()] == ["14050"]
    assert offer.is_national is False
    assert [c.code for c in offer.cantons.all()] == ["0101"]
    assert [p.code for p in offer.provinces.all()] == ["11"]
    assert offer.amount_min is None and offer.amount_max == decimal.Decimal("25000.50")
    assert offer.currency_id == "USD"
    assert offer.opens_on == datetime.date(NEXT_YEAR, 1, 15)
    assert offer.closes_on == datetime.date(NEXT_YEAR, 6, 30)
    assert offer.schedule == Schedule.WINDOW
    permanent = Offer.objects.get(code="JICA-CAP")
    assert permanent.schedule == Schedule.PERMANENT and permanent.closes_on is None
    assert permanent.is_national is True and permanent.status == OfferStatus.DRAFT
    events = AuditEvent.objects.filter(
        content_type__model="offer", object_id__in=[str(offer.pk), str(permanent.pk)]
    )
    assert events.count() == 2
    assert events.get(object_id=str(offer.pk)).changes["title"][1] == offer.title


def test_reimporting_the_same_file_changes_nothing():
    data = workbook_bytes(
        [org_row()], [offer_row(), offer_row(codigo="B-2", estado="Cerrada", cobertura="")]
    )
    assert do_import(data).written
    offer = Offer.objects.get(code="JICA-VOL-2027")
    stamp, events = offer.updated_at, AuditEvent.objects.count()
    again = do_import(data)
    assert again.ok, messages(again)
    assert not again.has_changes
    assert again.counts("ofertas") == {"new": 0, "changed": 0, "unchanged": 2}
    assert again.counts("cooperantes") == {"new": 0, "changed": 0, "unchanged": 1}
    offer.refresh_from_db()
    assert offer.updated_at == stamp
    assert AuditEvent.objects.count() == events


def test_blank_keeps_dash_clears_and_changes_are_listed_and_audited():
    assert do_import(workbook_bytes([org_row()], [offer_row()])).written
    blank = dict.fromkeys(OFFER_COLUMNS)
    update = {
        **blank,
        "codigo": "JICA-VOL-2027",
        "titulo": "Voluntarios para residuos sólidos",
        "monto_maximo": "-",
        "moneda": "-",
        "cobertura": "-",
        "fecha_cierre": "-",
    }
    report = do_import(workbook_bytes(offers=[update], sheets=["ofertas"]))
    assert report.ok, messages(report)
    (result,) = report.results["ofertas"]
    assert result.action == "changed"
    changed_columns = {column for column, _old, _new in result.changes}
    assert changed_columns == {"titulo", "cobertura", "monto_maximo", "moneda", "fecha_cierre"}
    offer = Offer.objects.get(code="JICA-VOL-2027")
    assert offer.title == "Voluntarios para residuos sólidos"
    assert offer.amount_max is None and offer.currency is None
    assert offer.is_national and not offer.cantons.exists()
    assert offer.schedule == Schedule.PERMANENT and offer.closes_on is None
    # kept
    assert offer.description == "Voluntarios de JICA apoyan a municipios."
    assert offer.modalities.count() == 2
    event = AuditEvent.objects.filter(object_id=str(offer.pk), action="update").get()
    assert event.changes["title"] == [
        "Voluntarios japoneses para gestión de desechos sólidos",
        offer.title,
    ]
    assert event.changes["cantons"] == [["Cuenca"], []]


def test_excel_numbers_for_codes_and_real_dates_are_understood():
    row = offer_row(
        cobertura=101,
        sectores=14050,
        ods=6.1,
        competencias="D)",
        fecha_cierre=datetime.datetime(NEXT_YEAR, 3, 1),
    )
    report = do_import(workbook_bytes([org_row()], [row]))
    assert report.ok, messages(report)
    offer = Offer.objects.get()
    assert [c.code for c in offer.cantons.all()] == ["0101"]
    assert [t.code for t in offer.sdg_targets.all()] == ["6.1"]
    assert offer.closes_on == datetime.date(NEXT_YEAR, 3, 1)


BAD_CELLS = [
    ({"ods": "18"}, "ods", "ODS «18» no existe"),
    ({"ods": "6.99"}, "ods", "meta de ODS «6.99» no existe"),
    ({"cobertura": "9999"}, "cobertura", "no existe el cantón con código INEC «9999»"),
    ({"cobertura": "nacional; 0101"}, "cobertura", "«nacional» no se combina"),
    ({"modalidades": "Teletransporte"}, "modalidades", "modalidad desconocida: «Teletransporte»"),
    ({"competencias": "z"}, "competencias", "competencia COOTAD «z» no existe"),
    ({"sectores": "99999"}, "sectores", "sector CAD «99999» no existe"),
    (
        {"monto_minimo": 500, "monto_maximo": 100},
        "monto_minimo",
        "mínimo (500.00) es mayor que el máximo (100.00)",
    ),
    ({"monto_minimo": -5}, "monto_minimo", "no puede ser negativo"),
    ({"monto_maximo": "1.234,50"}, "monto_maximo", "Use punto decimal"),
    ({"fecha_cierre": "2025-02-30"}, "fecha_cierre", "la fecha «2025-02-30» no existe"),
    ({"fecha_cierre": "30/06/2027"}, "fecha_cierre", "no es una fecha"),
    ({"fecha_apertura": f"{NEXT_YEAR}-07-01"}, "fecha_apertura", "posterior a la de cierre"),
    ({"moneda": "XYZ"}, "moneda", "moneda «XYZ» no existe"),
    ({"estado": "Aprobada"}, "estado", "estado «Aprobada» desconocido"),
    ({"cooperante": "nadie"}, "cooperante", "cooperante «nadie» no existe"),
    ({"url": "www sin esquema"}, "url", "no es una dirección web válida"),
    ({"codigo": "código con espacios"}, "codigo", "no es válido"),
    ({"titulo": None}, "titulo", "es obligatorio para una oferta nueva"),
    ({"titulo": '=HIPERVINCULO("x")'}, "titulo", "fórmulas no permitidas"),
    (
        {"fecha_apertura": f"{TODAY.year - 1}-01-01", "fecha_cierre": f"{TODAY.year - 1}-01-31"},
        "fecha_cierre",
        "ya pasó",
    ),
]


@pytest.mark.parametrize(("cells", "column", "message"), BAD_CELLS)
def test_bad_cells_are_reported_precisely_and_nothing_is_written(cells, column, message):
    rows = [offer_row(codigo="BUENA-1"), offer_row(**cells), offer_row(codigo="BUENA-2")]
    before = Organization.objects.count()
    report = do_import(workbook_bytes([org_row()], rows))
    assert not report.ok and not report.written
    texts = messages(report)
    assert any(message in t for t in texts), texts
    issue = next(i for i in report.issues if message in i.message)
    assert (issue.sheet, issue.row, issue.column) == ("ofertas", 3, column)
    assert str(issue).startswith(f"Hoja «ofertas», fila 3, columna «{column}»: ")
    assert Offer.objects.count() == 0
    assert Organization.objects.count() == before


def test_a_failure_while_writing_rolls_everything_back(monkeypatch):
    from django.db import IntegrityError

    def broken(ids):
        raise IntegrityError("simulated")

    monkeypatch.setattr(services, "index_offers", broken)
    before = Organization.objects.count()
    report = do_import(workbook_bytes([org_row()], [offer_row(), offer_row(codigo="B")]))
    assert not report.written
    assert messages(report) == [
        "No se pudo guardar: otra persona cambió el catálogo al mismo tiempo. No se guardó nada; "
        "vuelva a intentarlo."
    ]
    assert not Offer.objects.exists() and Organization.objects.count() == before


def test_real_formula_cells_are_refused():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "ofertas"
    ws.append(OFFER_COLUMNS)
    ws.append([offer_row().get(c) for c in OFFER_COLUMNS])
    ws["J2"] = "=1+1"
    buffer = io.BytesIO()
    wb.save(buffer)
    report = do_import(buffer.getvalue())
    assert [str(i) for i in report.issues] == [
        "Hoja «ofertas», fila 2, columna «monto_minimo»: fórmulas no permitidas: escriba el "
        "valor, no una fórmula que empiece con «=»."
    ]


def test_duplicate_codes_in_both_sheets():
    report = do_import(
        workbook_bytes([org_row(), org_row(nombre="Otra")], [offer_row(), offer_row()])
    )
    texts = messages(report)
    assert (
        "Hoja «cooperantes», fila 3, columna «codigo»: el código «jica-prueba» está repetido (ya aparece en la fila 2)."
        in texts
    )
    assert (
        "Hoja «ofertas», fila 3, columna «codigo»: el código «JICA-VOL-2027» está repetido (ya aparece en la fila 2)."
        in texts
    )
    assert not Offer.objects.exists()


def test_bad_cooperante_rows():
    rows = [
        org_row(codigo="Mal Código"),
        org_row(codigo="sin-tipo", tipo=None),
        org_row(codigo="gadish", tipo="GAD municipal"),
        org_row(codigo="pais-raro", pais="XX"),
        org_row(codigo="correo-malo", correo="no-es-correo"),
    ]
    texts = messages(do_import(workbook_bytes(rows, [])))
    assert any(
        "fila 2, columna «codigo»: el código «mal código» no es válido" in t for t in texts
    ), texts
    assert any(
        "fila 3, columna «tipo»: es obligatorio para un cooperante nuevo" in t for t in texts
    )
    assert any(
        "fila 4, columna «tipo»: «GAD municipal» no es un tipo de cooperante" in t for t in texts
    )
    assert any("fila 5, columna «pais»: país «XX» desconocido" in t for t in texts)
    assert any(
        "fila 6, columna «correo»: «no-es-correo» no es un correo válido" in t for t in texts
    )
    assert not Organization.objects.filter(slug__in=["sin-tipo", "gadish"]).exists()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"sheets": {"cooperantes": "Hoja1", "ofertas": "Hoja2"}},
            "el libro no tiene las hojas «cooperantes» ni «ofertas» (tiene: «Hoja1», «Hoja2»)",
        ),
        (
            {"offer_header": [*OFFER_COLUMNS[:-1], "status"]},
            "faltan las columnas «estado»; sobran las columnas «status»",
        ),
    ],
)
def test_wrong_sheets_or_headers(kwargs, message):
    report = do_import(workbook_bytes([org_row()], [offer_row()], **kwargs))
    assert any(message in t for t in messages(report)), messages(report)
    assert (
        not Offer.objects.exists() and not Organization.objects.filter(slug="jica-prueba").exists()
    )


def test_headers_ignore_case_and_accents():
    header = ["Código" if c == "codigo" else c.upper() for c in OFFER_COLUMNS]
    report = do_import(workbook_bytes([org_row()], [offer_row()], offer_header=header))
    assert report.ok, messages(report)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "informe.pdf",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj",
            "no es una hoja de cálculo (es un PDF o una imagen)",
        ),
        ("viejo.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Excel 97-2003 (.xls)"),
        ("roto.xlsx", b"PK\x03\x04 esto no es un zip", "el archivo está dañado"),
        (
            "notas.txt",
            b"hola, mundo\nesto no es la plantilla\n",
            "no es un libro .xlsx ni un CSV con los encabezados",
        ),
        ("vacio.csv", b"", "el archivo está vacío"),
        ("unicode.csv", "\ufeffcodigo\ttitulo\n".encode("utf-16"), "está en UTF-16"),
    ],
)
def test_files_that_are_not_the_template(name, data, message):
    report = do_import(data, name=name)
    assert any(message in t and name in t for t in messages(report)), messages(report)


def test_word_document_is_not_a_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    report = do_import(buffer.getvalue(), name="carta.docx")
    assert "no un libro de Excel" in messages(report)[0]


def test_zip_bomb_is_refused_before_parsing():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (20 * 1024 * 1024))
    report = do_import(buffer.getvalue())
    assert "ocupa demasiado al descomprimirse" in messages(report)[0]


def test_upload_over_50_mb_is_refused_before_reading():
    report = do_import(b"x" * (MAX_UPLOAD_BYTES + 1), name="enorme.xlsx")
    assert messages(report) == [
        "Archivo «enorme.xlsx»: el archivo pesa 50,0 MB y el máximo es 50 MB. Divida el catálogo "
        "en varios archivos o quite las hojas que no son de la plantilla."
    ]


def test_too_many_rows(monkeypatch):
    from sioc.offers.imports import reading

    monkeypatch.setattr(reading, "MAX_DATA_ROWS", 2)
    rows = [offer_row(codigo=f"X-{i}") for i in range(3)]
    report = do_import(workbook_bytes([org_row()], rows))
    assert any("la hoja tiene más de 2 filas de datos" in t for t in messages(report))
    assert not Offer.objects.exists()


# --- CSV ------------------------------------------------------------------------------------------


def csv_text(header, rows, sep=","):
    import csv

    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in header])
    return out.getvalue()


def test_csv_files_one_per_sheet_in_utf8_or_windows_1252():
    orgs = csv_text(
        ORG_COLUMNS, [org_row(nombre="Cooperación Española", codigo="aecid-prueba")], sep=";"
    )
    offers = csv_text(
        OFFER_COLUMNS, [offer_row(cooperante="aecid-prueba", fecha_apertura=f"{NEXT_YEAR}-01-15")]
    )
    report = do_import(
        [
            Source("ofertas.csv", ("\ufeff" + offers).encode("utf-8")),
            Source("cooperantes.csv", orgs.encode("cp1252")),
        ]
    )
    assert report.ok, messages(report)
    assert Organization.objects.get(slug="aecid-prueba").name == "Cooperación Española"
    assert Offer.objects.get().title.startswith("Voluntarios japoneses para gestión")


def test_csv_in_an_unknown_encoding_is_refused():
    offers = csv_text(OFFER_COLUMNS, [offer_row()]).encode("utf-8").replace(b"\xc3\xb3", b"\x81")
    report = do_import([Source("ofertas.csv", offers)])
    assert any("no está en UTF-8 ni en Windows-1252" in t for t in messages(report)), messages(
        report
    )


def test_csv_errors_name_the_file_and_the_row():
    OrganizationFactory(slug="jica-prueba")
    offers = csv_text(OFFER_COLUMNS, [offer_row(), offer_row(codigo="B", ods="18")])
    report = do_import([Source("mis_ofertas.csv", offers.encode())])
    assert messages(report) == [
        "Hoja «ofertas» (mis_ofertas.csv), fila 3, columna «ods»: el ODS «18» no existe: use "
        "números del 1 al 17 o metas como 6.1."
    ]


# --- Statuses and focal points --------------------------------------------------------------------


@pytest.fixture
def focal(personas):
    return personas["focal_point"]


def test_focal_point_imports_its_own_offers_into_review(focal):
    rows = [
        offer_row(cooperante="giz-prueba"),
        offer_row(codigo="GIZ-B", cooperante="GIZ-Prueba", estado="Borrador"),
    ]
    report = do_import(workbook_bytes(offers=rows, sheets=["ofertas"]), actor=focal)
    assert report.ok, messages(report)
    assert Offer.objects.get(code="JICA-VOL-2027").status == OfferStatus.IN_REVIEW
    assert Offer.objects.get(code="GIZ-B").status == OfferStatus.DRAFT
    assert report.results["ofertas"][0].note == "pasará a revisión de AME antes de publicarse"
    # Importing again changes nothing: "Publicada" while in review is what it is waiting for.
    assert not do_import(workbook_bytes(offers=rows, sheets=["ofertas"]), actor=focal).has_changes


def test_focal_point_cannot_touch_other_cooperantes(focal, personas):
    other = OrganizationFactory(slug="otra-agencia", name="Otra agencia")
    services.create_offer(
        actor=None,
        code="OTRA-1",
        cooperante=other,
        title="De otra agencia",
        status=OfferStatus.PUBLISHED,
    )
    rows = [
        offer_row(cooperante="otra-agencia"),
        offer_row(codigo="OTRA-1", cooperante=None, titulo="Cambiada"),
    ]
    orgs = [
        org_row(),
        org_row(codigo="otra-agencia", nombre="Renombrada"),
        org_row(codigo="giz-prueba", nombre="GIZ renombrada", tipo=None),
    ]
    report = do_import(workbook_bytes(orgs, rows), actor=focal)
    texts = messages(report)
    assert (
        "Hoja «cooperantes», fila 2, columna «codigo»: solo AME registra cooperantes nuevos: pida a AME que registre «jica-prueba»."
        in texts
    )
    assert (
        "Hoja «cooperantes», fila 3, columna «codigo»: solo puede modificar los datos de su propia organización."
        in texts
    )
    assert (
        "Hoja «ofertas», fila 2, columna «cooperante»: solo puede importar ofertas de su organización (giz-prueba)."
        in texts
    )
    assert (
        "Hoja «ofertas», fila 3, columna «codigo»: la oferta «OTRA-1» pertenece a otro cooperante: no puede modificarla."
        in texts
    )
    assert len(texts) == 4  # its own organisation may be renamed
    assert Offer.objects.get(code="OTRA-1").title == "De otra agencia"


def test_focal_point_may_reimport_an_export_with_other_cooperantes_unchanged(focal):
    other = OrganizationFactory(slug="otra-agencia", name="Otra agencia")
    services.create_offer(
        actor=None,
        code="OTRA-1",
        cooperante=other,
        title="De otra agencia",
        status=OfferStatus.PUBLISHED,
    )
    rows = [
        dict.fromkeys(OFFER_COLUMNS)
        | {"codigo": "OTRA-1", "titulo": "De otra agencia", "estado": "Publicada"}
    ]
    orgs = [dict.fromkeys(ORG_COLUMNS) | {"codigo": "otra-agencia", "nombre": "Otra agencia"}]
    report = do_import(workbook_bytes(orgs, rows), actor=focal)
    assert report.ok, messages(report)
    assert not report.has_changes


def test_focal_point_changes_to_a_published_offer_go_back_to_review(focal):
    org = Organization.objects.get(slug="giz-prueba")
    offer = services.create_offer(
        actor=None, code="GIZ-1", cooperante=org, title="Antes", status=OfferStatus.PUBLISHED
    )
    row = dict.fromkeys(OFFER_COLUMNS) | {"codigo": "GIZ-1", "titulo": "Después"}
    report = do_import(workbook_bytes(offers=[row], sheets=["ofertas"]), actor=focal)
    assert report.ok, messages(report)
    offer.refresh_from_db()
    assert (offer.title, offer.status) == ("Después", OfferStatus.IN_REVIEW)
    assert offer.review_notes.get().to_status == OfferStatus.IN_REVIEW
    assert ("estado", "Publicada", "En revisión") in report.results["ofertas"][0].changes


def test_focal_point_cannot_create_closed_or_reopen(focal):
    org = Organization.objects.get(slug="giz-prueba")
    services.create_offer(
        actor=None, code="GIZ-C", cooperante=org, title="Cerrada", status=OfferStatus.CLOSED
    )
    rows = [
        offer_row(codigo="GIZ-N", cooperante="giz-prueba", estado="Cerrada"),
        dict.fromkeys(OFFER_COLUMNS) | {"codigo": "GIZ-C", "estado": "Publicada"},
    ]
    texts = messages(do_import(workbook_bytes(offers=rows, sheets=["ofertas"]), actor=focal))
    assert texts == [
        "Hoja «ofertas», fila 2, columna «estado»: solo AME registra ofertas «Cerrada»; use Borrador o Publicada.",
        "Hoja «ofertas», fila 3, columna «estado»: solo AME puede pasar una oferta de «Cerrada» a «Publicada».",
    ]


def test_ame_changes_statuses_through_the_workflow(personas):
    assert do_import(
        workbook_bytes(
            [org_row()], [offer_row(estado="Borrador"), offer_row(codigo="P", estado="Publicada")]
        )
    ).ok
    rows = [
        dict.fromkeys(OFFER_COLUMNS) | {"codigo": "JICA-VOL-2027", "estado": "Publicada"},
        dict.fromkeys(OFFER_COLUMNS) | {"codigo": "P", "estado": "Cerrada"},
    ]
    report = do_import(
        workbook_bytes(offers=rows, sheets=["ofertas"]), actor=personas["ame_officer"]
    )
    assert report.ok, messages(report)
    assert Offer.objects.get(code="JICA-VOL-2027").status == OfferStatus.PUBLISHED
    closed = Offer.objects.get(code="P")
    assert closed.status == OfferStatus.CLOSED and closed.closed_at is not None
    wrong = [dict.fromkeys(OFFER_COLUMNS) | {"codigo": "P", "estado": "Borrador"}]
    texts = messages(do_import(workbook_bytes(offers=wrong, sheets=["ofertas"])))
    assert texts == [
        "Hoja «ofertas», fila 2, columna «estado»: no se puede pasar una oferta de «Cerrada» a «Borrador»."
    ]


def test_ame_returns_an_offer_in_review_and_the_cooperante_sees_why(personas):
    org = OrganizationFactory(slug="jica-prueba")
    offer = services.create_offer(
        actor=None, code="JICA-R", cooperante=org, title="Por revisar", status=OfferStatus.IN_REVIEW
    )
    row = dict.fromkeys(OFFER_COLUMNS) | {"codigo": "JICA-R", "estado": "borrador"}
    report = do_import(
        workbook_bytes(offers=[row], sheets=["ofertas"]), actor=personas["ame_admin"]
    )
    assert report.ok, messages(report)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT
    assert offer.review_comment == "Cambio de estado pedido en la importación de planilla."


def test_statuses_written_by_exports_load_into_another_sioc(personas):
    rows = [offer_row(codigo="R", estado="En revisión"), offer_row(codigo="A", estado="archivada")]
    report = do_import(workbook_bytes([org_row()], rows), actor=personas["ame_officer"])
    assert report.ok, messages(report)
    assert dict(Offer.objects.values_list("code", "status")) == {
        "R": OfferStatus.IN_REVIEW,
        "A": OfferStatus.ARCHIVED,
    }
    rows = [offer_row(codigo="F", cooperante="giz-prueba", estado="Archivada")]
    texts = messages(
        do_import(workbook_bytes(offers=rows, sheets=["ofertas"]), actor=personas["focal_point"])
    )
    assert texts == [
        "Hoja «ofertas», fila 2, columna «estado»: solo AME registra ofertas «Archivada»; use Borrador o Publicada."
    ]


def test_imported_offers_are_found_by_the_catalogue_search(client):
    assert do_import(workbook_bytes([org_row()], [offer_row()])).written
    html = client.get(reverse("offers:catalog"), {"q": "desechos solidos"}).content.decode()
    assert "Voluntarios japoneses para gestión de desechos sólidos" in html


# --- Command ----------------------------------------------------------------------------------------


def test_command_dry_run_writes_nothing(tmp_path, capsys):
    path = tmp_path / "catalogo.xlsx"
    path.write_bytes(workbook_bytes([org_row()], [offer_row()]))
    call_command("import_catalog", str(path), "--dry-run")
    out = capsys.readouterr().out
    assert "Hoja «ofertas»: 1 nuevas, 0 con cambios, 0 sin cambios." in out
    assert "Simulación: no se guardó nada." in out
    assert (
        not Offer.objects.exists() and not Organization.objects.filter(slug="jica-prueba").exists()
    )
    call_command("import_catalog", str(path))
    assert Offer.objects.count() == 1


def test_command_fails_listing_errors(tmp_path):
    path = tmp_path / "catalogo.xlsx"
    path.write_bytes(
        workbook_bytes([org_row()], [offer_row(ods="18"), offer_row(codigo="X", cobertura="9999")])
    )
    with pytest.raises(CommandError) as excinfo:
        call_command("import_catalog", str(path))
    text = str(excinfo.value)
    assert "2 errores" in text
    assert "Hoja «ofertas», fila 2, columna «ods»" in text
    assert "Hoja «ofertas», fila 3, columna «cobertura»" in text
    assert not Offer.objects.exists()


def test_command_acts_as_a_user(tmp_path, personas, capsys):
    path = tmp_path / "giz.xlsx"
    rows = [offer_row(cooperante="giz-prueba"), offer_row(codigo="OTRA", cooperante="otra")]
    OrganizationFactory(slug="otra")
    path.write_bytes(workbook_bytes(offers=rows, sheets=["ofertas"]))
    with pytest.raises(CommandError, match="solo puede importar ofertas de su organización"):
        call_command("import_catalog", str(path), "--usuario", "FOCAL.POINT@ejemplo.ec")
    path.write_bytes(workbook_bytes(offers=rows[:1], sheets=["ofertas"]))
    call_command("import_catalog", str(path), "--usuario", "focal.point@ejemplo.ec")
    assert Offer.objects.get().status == OfferStatus.IN_REVIEW
    assert "Importación guardada." in capsys.readouterr().out


def test_command_reports_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="no existe"):
        call_command("import_catalog", str(tmp_path / "no.xlsx"))
