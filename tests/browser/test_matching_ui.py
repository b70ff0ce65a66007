"""Matching in a real browser: a GAD officer opens a need, sees the recommended offers with their
reasons, reads why one is eligible and why a trap is not, and finds the deadline radar."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from sioc.accounts.tests.factories import PASSWORD, PersonaFactory
from sioc.matching.tests import scenario

pytestmark = pytest.mark.browser


def login(page, live_server, email):
    page.context.clear_cookies()
    page.goto(live_server.url + "/cuentas/ingresar/")
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Ingresar").click()
    expect(page.get_by_role("heading", name=re.compile("Bienvenido"))).to_be_visible()


def test_gad_officer_sees_recommended_offers_with_reasons(page, live_server, reference_data):
    PersonaFactory.make("cuenca_officer")
    scene = scenario.build()
    login(page, live_server, "cuenca.officer@ejemplo.ec")

    # The need's page loads its recommended offers (htmx partial of matching).
    page.goto(live_server.url + scene.need.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_contain_text(scenario.WATER_NEED_TITLE)
    expect(page.get_by_role("heading", name="Ofertas recomendadas")).to_be_visible()
    fund = page.locator(f'[data-oferta="{scene.fund.code}"]')
    expect(fund).to_be_visible()
    expect(fund.get_by_role("link", name=scene.fund.title, exact=True)).to_be_visible()
    expect(
        fund.get_by_role("list", name="Por qué se recomienda").get_by_role("listitem").first
    ).to_be_visible()
    expect(page.locator(f'[data-oferta="{scene.credit.code}"]')).to_have_count(0)
    expect(page.locator(f'[data-oferta="{scene.loja_only.code}"]')).to_have_count(0)
    expect(page.locator(f'[data-oferta="{scene.closed.code}"]')).to_have_count(0)

    fund.get_by_role("link", name=re.compile("Ver la evaluación completa")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "¿Es elegible esta oferta para la necesidad?"
    )
    expect(page.get_by_role("status")).to_contain_text("Sí es elegible")

    # An offer the filters keep out explains itself.
    page.goto(
        live_server.url
        + reverse("matching:offer_eligibility", args=[scene.credit.code, scene.need.pk])
    )
    verdict = page.get_by_role("status")
    expect(verdict).to_contain_text("No es elegible")
    expect(verdict.get_by_role("listitem").first).to_be_visible()

    # The GAD's opportunities and the deadline radar.
    page.goto(live_server.url + reverse("matching:gad_opportunities"))
    expect(page.get_by_role("heading", name="Oportunidades para su GAD")).to_be_visible()
    expect(page.get_by_role("heading", name="Radar de plazos")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Calendario de plazos"))).to_be_visible()
    assert page.js_errors == [], page.js_errors
