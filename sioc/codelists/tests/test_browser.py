"""The code-list pages in a real headless Chromium: the filter narrows as you type (htmx)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_filter_as_you_type_and_download(page, live_server, reference_data):
    page.goto(live_server.url + "/codigos/")
    page.get_by_role("link", name="Sectores CAD", exact=True).click()
    expect(page).to_have_url(re.compile(r"/codigos/sectores-cad/$"))
    results = page.locator("#resultados")
    expect(results).to_contain_text("11110")

    page.get_by_label("Buscar por código o nombre").fill("saneamiento")
    expect(results).not_to_contain_text("11110", timeout=10_000)
    expect(results).to_contain_text("Abastecimiento básico de agua potable y saneamiento básico")
    expect(page).to_have_url(re.compile(r"\?q=saneamiento$"))

    with page.expect_download() as download:
        page.get_by_role("link", name="Descargar CSV").click()
    assert download.value.suggested_filename == "sectores-cad.csv"
    assert page.js_errors == [], page.js_errors


def test_sdg_page_has_no_errors(page, live_server, reference_data):
    page.goto(live_server.url + "/codigos/ods/")
    expect(page.get_by_role("heading", name="ODS 6: Agua limpia y saneamiento")).to_be_visible()
    assert page.js_errors == [], page.js_errors
