"""The catalogue in a real browser (Playwright, headless Chromium): search, two facets with htmx,
the address bar following the query, and the offer page."""

import re

import pytest
from playwright.sync_api import expect

from sioc.offers import search
from sioc.offers.tests import factories as f

pytestmark = pytest.mark.browser


@pytest.fixture
def catalogue(reference_data):
    search.rebuild_index()  # live-server tests flush tables the search index does not know
    jica = f.cooperante(
        "jica-prueba", name="Agencia de Cooperación del Japón", acronym="JICA", country="JP"
    )
    caf = f.cooperante(
        "caf-prueba",
        name="Banco de Desarrollo de América Latina",
        acronym="CAF",
        kind="development_bank",
        country="VE",
    )
    f.offer(
        jica,
        code="AGUA-CUENCA",
        title="Asistencia técnica para agua potable",
        modalities=["technical_assistance"],
        sdgs=[6],
        cantons=["0101"],
        closes_in=45,
        amount_min=10000,
        amount_max=50000,
        currency="USD",
    )
    f.offer(
        jica,
        code="AGUA-CURSO",
        title="Curso sobre aguas residuales",
        modalities=["training"],
        sdgs=[6],
        closes_in=20,
    )
    f.offer(
        caf,
        code="AGUA-CREDITO",
        title="Crédito para agua y saneamiento",
        modalities=["credit"],
        sdgs=[6, 11],
        closes_in=90,
    )
    f.offer(caf, code="VIAS", title="Carreteras rurales", modalities=["credit"], sdgs=[9])


def test_search_two_facets_with_htmx_and_open_an_offer(page, live_server, catalogue):
    page.goto(live_server.url + "/ofertas/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Catálogo de ofertas de cooperación")
    results = page.locator("#catalogo")
    expect(page.locator("#resultados-titulo")).to_contain_text("4 ofertas encontradas")

    page.get_by_label("Buscar ofertas").fill("aguas")
    expect(page).to_have_url(re.compile(r"\?q=aguas$"))
    expect(page.locator("#resultados-titulo")).to_contain_text("3 ofertas encontradas")
    expect(results).not_to_contain_text("Carreteras rurales")

    page.get_by_role("checkbox", name=re.compile("^Asistencia técnica")).check()
    expect(page).to_have_url(re.compile(r"modalidad=technical_assistance"))
    expect(page.locator("#resultados-titulo")).to_contain_text("1 oferta encontrada")
    # Disjunctive counts: the other modalities still say how many they would add.
    expect(page.get_by_role("checkbox", name=re.compile("^Capacitación"))).to_be_visible()

    page.get_by_role("checkbox", name=re.compile(r"^6\. Agua limpia")).check()
    expect(page).to_have_url(re.compile(r"q=aguas&modalidad=technical_assistance&ods=6"))
    expect(results).to_contain_text("USD 10.000 – 50.000")
    expect(page.locator("#catalogo-estado")).to_have_text(re.compile("1 oferta encontrada"))

    page.get_by_role("link", name="Asistencia técnica para agua potable").click()
    expect(page).to_have_url(re.compile(r"/ofertas/AGUA-CUENCA/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Asistencia técnica para agua potable"
    )
    expect(page.locator(".oferta-ods.ods-6")).to_be_visible()
    page.go_back()
    expect(page).to_have_url(re.compile(r"ods=6"))
    expect(page.get_by_role("checkbox", name=re.compile(r"^6\. Agua limpia"))).to_be_checked()
    assert page.js_errors == [], page.js_errors


def test_the_page_works_without_javascript(browser, live_server, catalogue):
    context = browser.new_context(java_script_enabled=False, locale="es-EC")
    page = context.new_page()
    page.goto(live_server.url + "/ofertas/")
    page.get_by_label("Buscar ofertas").fill("agua")
    page.get_by_role("checkbox", name=re.compile("^Crédito")).check()
    page.get_by_role("button", name="Aplicar filtros").click()
    expect(page).to_have_url(re.compile(r"q=agua.*modalidad=credit"))
    expect(page.locator("#resultados-titulo")).to_contain_text("1 oferta encontrada")
    expect(page.locator("#catalogo")).to_contain_text("Crédito (reembolsable)")
    context.close()
