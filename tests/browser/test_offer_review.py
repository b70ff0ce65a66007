"""The review flow in a real browser: a focal point submits, AME returns with comments, the
focal point resubmits and AME publishes; then the public sees the offer.

Each person works in their own browser context (their own cookies), as in real life."""

import re

import pytest
from playwright.sync_api import expect

from sioc.accounts.tests.factories import PASSWORD, PersonaFactory
from sioc.offers import services

pytestmark = pytest.mark.browser


def open_as(browser, live_server, email):
    context = browser.new_context(locale="es-EC", timezone_id="America/Guayaquil")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    page.goto(live_server.url + "/cuentas/ingresar/")
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Ingresar").click()
    expect(page.get_by_role("heading", name=re.compile("Bienvenido"))).to_be_visible()
    return page


def test_submit_return_resubmit_publish(browser, page, live_server, reference_data):
    focal = PersonaFactory.make("focal_point")
    PersonaFactory.make("ame_officer")
    org = focal.memberships.get().organization
    offer = services.create_offer(
        actor=focal,
        code="GIZ-RIEGO-2027",
        cooperante=org,
        title="Asistencia técnica en sistemas de riego",
    )
    url = live_server.url + offer.get_absolute_url()
    cooperante = open_as(browser, live_server, "focal.point@ejemplo.ec")
    ame = open_as(browser, live_server, "ame.officer@ejemplo.ec")

    cooperante.goto(url)
    cooperante.get_by_role("button", name="Enviar a revisión de AME").click()
    expect(cooperante.get_by_role("alert").first).to_contain_text("en revisión")

    ame.goto(live_server.url + "/ofertas/revision/")
    ame.get_by_role("link", name="Asistencia técnica en sistemas de riego").click()
    ame.locator("summary", has_text="Devolver con observaciones").click()
    ame.get_by_label("¿Qué debe corregir el cooperante?").fill(
        "Añada los requisitos para postular."
    )
    ame.get_by_role("button", name="Devolver", exact=True).click()
    expect(ame.get_by_text("Añada los requisitos para postular.").first).to_be_visible()

    cooperante.goto(url)
    expect(cooperante.get_by_text("Observaciones de AME:")).to_be_visible()
    cooperante.get_by_role("button", name="Enviar a revisión de AME").click()

    ame.goto(url)
    ame.get_by_role("button", name="Publicar").click()
    expect(ame.get_by_role("alert").first).to_contain_text("publicada")

    page.goto(url)  # anonymous visitor
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Asistencia técnica en sistemas de riego"
    )
    assert page.js_errors == cooperante.js_errors == ame.js_errors == []
