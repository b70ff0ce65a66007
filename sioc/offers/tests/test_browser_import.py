"""A cooperante focal point imports its offers in a real browser: error, fix, confirm."""

import re

import pytest
from playwright.sync_api import expect

from sioc.accounts.tests.factories import PASSWORD, PersonaFactory
from sioc.offers.choices import OfferStatus
from sioc.offers.models import Offer
from sioc.offers.tests.test_import import offer_row, workbook_bytes

pytestmark = pytest.mark.browser


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def login(page, live_server, email):
    page.goto(live_server.url + "/cuentas/ingresar/")
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Ingresar").click()
    expect(page.get_by_role("heading", name=re.compile("Bienvenid"))).to_be_visible()


def test_focal_point_fixes_a_row_error_and_confirms(
    page, live_server, reference_data, media, tmp_path
):
    PersonaFactory.make("focal_point")
    rows = [
        offer_row(
            codigo="GIZ-AGUA-2027",
            cooperante="giz-prueba",
            titulo="Asistencia técnica para agua potable",
        ),
        offer_row(
            codigo="GIZ-RES-2027",
            cooperante="giz-prueba",
            titulo="Capacitación en residuos",
            ods="18",
            estado="Borrador",
        ),
    ]
    wrong = tmp_path / "ofertas-giz.xlsx"
    wrong.write_bytes(workbook_bytes(offers=rows, sheets=["ofertas"]))
    rows[1]["ods"] = "12; 11.6"
    fixed = tmp_path / "ofertas-giz-corregido.xlsx"
    fixed.write_bytes(workbook_bytes(offers=rows, sheets=["ofertas"]))

    login(page, live_server, "focal.point@ejemplo.ec")
    page.goto(live_server.url + "/ofertas/importar/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Importar cooperantes y ofertas")
    expect(page.get_by_role("link", name="Descargar la plantilla (.xlsx)")).to_be_visible()

    page.get_by_label("Archivo del catálogo").set_input_files(str(wrong))
    page.get_by_role("button", name="Ver la vista previa").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "El archivo tiene 1 error: no se guardará nada."
    )
    error_row = page.locator("#errores-importacion tbody tr")
    expect(error_row).to_have_count(1)
    expect(error_row).to_contain_text("ofertas")
    expect(error_row.locator("td").nth(1)).to_have_text("3")
    expect(error_row.locator("td").nth(2)).to_have_text("ods")
    expect(error_row).to_contain_text("El ODS «18» no existe")
    expect(page.get_by_role("button", name="Confirmar la importación")).to_have_count(0)
    assert not Offer.objects.exists()

    page.get_by_label("Archivo del catálogo").set_input_files(str(fixed))
    page.get_by_role("button", name="Ver la vista previa").click()
    expect(page.get_by_role("status")).to_contain_text("El archivo no tiene errores")
    expect(page.get_by_text("Nuevas: 2")).to_be_visible()
    expect(page.get_by_text("Pasará a revisión de AME antes de publicarse")).to_be_visible()
    page.screenshot(path=str(tmp_path / "vista-previa.png"), full_page=True)
    page.get_by_role("button", name="Confirmar la importación").click()

    expect(page.get_by_role("alert")).to_contain_text("Importación guardada: 2 ofertas nuevas")
    expect(page.get_by_role("alert")).to_contain_text("quedan en revisión de AME")
    statuses = dict(Offer.objects.values_list("code", "status"))
    assert statuses == {"GIZ-AGUA-2027": OfferStatus.IN_REVIEW, "GIZ-RES-2027": OfferStatus.DRAFT}
    assert page.js_errors == [], page.js_errors
