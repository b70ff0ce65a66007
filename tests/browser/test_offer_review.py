"""The review flow in a real browser: a focal point submits, AME returns with comments, the
focal point resubmits and AME publishes; then the public sees the offer."""

import re

import pytest
from playwright.sync_api import expect

from sioc.accounts.tests.factories import PASSWORD, PersonaFactory
from sioc.offers import services

pytestmark = pytest.mark.browser


def login(page, live_server, email):
    page.context.clear_cookies()
    page.goto(live_server.url + "/cuentas/ingresar/")
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Ingresar").click()
    expect(page.get_by_role("heading", name=re.compile("Bienvenido"))).to_be_visible()


def test_submit_return_resubmit_publish(page, live_server, reference_data):
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

    login(page, live_server, "focal.point@ejemplo.ec")
    page.goto(url)
    page.get_by_role("button", name="Enviar a revisión de AME").click()
    expect(page.get_by_role("alert").first).to_contain_text("en revisión")

    login(page, live_server, "ame.officer@ejemplo.ec")
    page.goto(live_server.url + "/ofertas/revision/")
    page.get_by_role("link", name="Asistencia técnica en sistemas de riego").click()
    page.get_by_text("Devolver con observaciones").click()
    page.get_by_label("¿Qué debe corregir el cooperante?").fill(
        "Añada los requisitos para postular."
    )
    page.get_by_role("button", name="Devolver", exact=True).click()
    expect(page.get_by_text("Añada los requisitos para postular.").first).to_be_visible()

    login(page, live_server, "focal.point@ejemplo.ec")
    page.goto(url)
    expect(page.get_by_text("Observaciones de AME:")).to_be_visible()
    page.get_by_role("button", name="Enviar a revisión de AME").click()

    login(page, live_server, "ame.officer@ejemplo.ec")
    page.goto(url)
    page.get_by_role("button", name="Publicar").click()
    expect(page.get_by_role("alert").first).to_contain_text("publicada")

    page.context.clear_cookies()
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Asistencia técnica en sistemas de riego"
    )
    assert page.js_errors == [], page.js_errors
