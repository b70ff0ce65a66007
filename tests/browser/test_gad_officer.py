import re

import pytest
from playwright.sync_api import expect

from sioc.accounts.tests.factories import PASSWORD, PersonaFactory

pytestmark = pytest.mark.browser


def login(page, live_server, email):
    page.goto(live_server.url + "/cuentas/ingresar/")
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Ingresar").click()


def test_gad_officer_logs_in_opens_canton_and_sees_the_map(
    page, live_server, reference_data, tmp_path
):
    PersonaFactory.make("cuenca_officer")
    login(page, live_server, "cuenca.officer@ejemplo.ec")
    expect(page.get_by_role("heading", name=re.compile("Bienvenido"))).to_be_visible()
    expect(page.get_by_role("heading", name="Su GAD", exact=True)).to_be_visible()
    page.get_by_role("link", name="Ver su cantón y su mapa").click()
    expect(page).to_have_url(re.compile(r"/territorio/cantones/0101/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cuenca")
    # The Leaflet map draws the canton outline as an SVG path, without any tile server.
    map_region = page.locator("#mapa")
    expect(map_region).to_be_visible()
    expect(map_region.locator("path.leaflet-interactive").first).to_be_visible(timeout=10_000)
    assert map_region.locator("img.leaflet-tile").count() == 0
    page.screenshot(path=str(tmp_path / "canton.png"), full_page=True)
    assert page.js_errors == [], page.js_errors


def test_wrong_password_shows_spanish_message(page, live_server, reference_data):
    PersonaFactory.make("loja_officer")
    page.goto(live_server.url + "/cuentas/ingresar/")
    page.get_by_label("Correo electrónico").fill("loja.officer@ejemplo.ec")
    page.get_by_label("Contraseña").fill("equivocada")
    page.get_by_role("button", name="Ingresar").click()
    expect(page.get_by_role("alert")).to_contain_text("El correo o la contraseña no son correctos")


def test_organization_search_updates_results_with_htmx(page, live_server, reference_data):
    page.goto(live_server.url + "/organizaciones/")
    page.get_by_label("Buscar").fill("rumiñahui")
    expect(page.locator("#resultados")).to_contain_text("GAD Municipal de Rumiñahui")
    expect(page).to_have_url(re.compile(r"q=rumi"))
    assert page.js_errors == [], page.js_errors
