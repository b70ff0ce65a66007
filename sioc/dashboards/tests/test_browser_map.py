"""The choropleth map and the dashboard in a real browser (Playwright, headless Chromium):
canton polygons drawn, a click opens the canton's summary, a filter recolours the map and its
legend, the dashboard refreshes with htmx. No inline script or style (CSP errors would show in
the console)."""

import re

import pytest
from playwright.sync_api import expect

from sioc.dashboards.tests import factories as f

pytestmark = pytest.mark.browser

NONE = "#f1f3f5"


@pytest.fixture
def cooperation(reference_data):
    giz = f.cooperante("giz-mapa", "Cooperación Alemana")
    f.project(
        "Agua potable para Cuenca",
        cantons=["0101"],
        gads=["0101"],
        funders=[giz],
        sdgs=[(6, 100)],
        committed=500_000,
        year=2024,
    )
    f.project(
        "Movilidad en Quito", cantons=["1701"], sdgs=[(11, 100)], committed=2_000_000, year=2023
    )
    f.project("Turismo en Loja", cantons=["1101"], sdgs=[(8, 100)], committed=80_000, year=2022)


def test_map_click_filter_and_legend(page, live_server, cooperation):
    page.goto(live_server.url + "/tableros/mapa/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mapa de la cooperación por cantón")
    cantons = page.locator("#mapa-cantones path.leaflet-interactive")
    expect(cantons).to_have_count(221)
    cuenca = page.locator('#mapa-cantones path[data-code="0101"]')
    expect(cuenca).not_to_have_attribute("data-fill", NONE)
    expect(page.locator('#mapa-cantones path[data-code="0102"]')).to_have_attribute(
        "data-fill", NONE
    )
    legend = page.locator("#mapa-leyenda li")
    expect(legend).to_have_count(4)  # three classes and "sin proyectos"
    expect(legend.first).to_contain_text("USD 0 a USD 80.000")

    cuenca.dispatch_event("click")
    summary = page.locator("#resumen-canton")
    expect(summary).to_contain_text("Cooperación en Cuenca (Azuay)")
    expect(summary).to_contain_text("Agua potable para Cuenca")
    expect(summary).to_contain_text("USD 500.000")

    page.get_by_label("ODS", exact=True).select_option("11")
    expect(page).to_have_url(re.compile(r"/tableros/mapa/\?ods=11$"))
    expect(cuenca).to_have_attribute("data-fill", NONE)
    expect(page.locator('#mapa-cantones path[data-code="1701"]')).not_to_have_attribute(
        "data-fill", NONE
    )
    expect(legend).to_have_count(2)
    expect(legend.first).to_contain_text("USD 0 a USD 2.000.000")

    page.get_by_label("Número de proyectos").check()
    expect(page).to_have_url(re.compile(r"ods=11&medida=proyectos$"))
    expect(page.locator("#leyenda-medida")).to_have_text("número de proyectos")
    expect(legend.first).to_contain_text("0 a 1")
    # A click after filtering shows the filtered summary.
    page.locator('#mapa-cantones path[data-code="1701"]').dispatch_event("click")
    expect(summary).to_contain_text("Movilidad en Quito")
    expect(summary).to_contain_text("Con los filtros aplicados.")
    assert page.js_errors == []


def test_dashboard_filters_refresh_with_htmx(page, live_server, cooperation):
    page.goto(live_server.url + "/tableros/")
    expect(page.locator("#total-monto")).to_have_text("USD 2.580.000")
    expect(page.locator("#grafico-ods svg")).to_be_visible()
    page.get_by_label("Provincia", exact=True).select_option("01")
    expect(page).to_have_url(re.compile(r"/tableros/\?provincia=01$"))
    expect(page.locator("#total-monto")).to_have_text("USD 500.000")
    expect(page.locator("#total-proyectos")).to_have_text("1")
    assert page.js_errors == []
