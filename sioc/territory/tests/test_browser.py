"""The territory maps in a real headless Chromium: drawn without tiles, clickable, no JS errors."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_maps_draw_and_link_provinces_to_cantons(page, live_server, reference_data):
    page.goto(live_server.url + "/territorio/")
    map_region = page.get_by_role("region", name="Mapa de las provincias del Ecuador")
    expect(map_region).to_be_visible()
    paths = map_region.locator("path.leaflet-interactive")
    # 24 provinces and 3 zonas no delimitadas, on a plain background (no tile images).
    expect(paths).to_have_count(27, timeout=10_000)
    assert map_region.locator("img.leaflet-tile").count() == 0

    # The table is the text alternative; a province links to its page.
    page.get_by_role("link", name="Santo Domingo de los Tsáchilas").click()
    expect(page).to_have_url(re.compile(r"/territorio/provincias/23/$"))
    province_map = page.locator("#mapa")
    # The province outline plus its two cantons.
    expect(province_map.locator("path.leaflet-interactive")).to_have_count(3, timeout=10_000)

    # Clicking a canton on the map opens the canton page.
    page.evaluate(
        """() => {
          const map = document.querySelector('#mapa');
          const paths = [...map.querySelectorAll('path.leaflet-interactive')];
          paths[paths.length - 1].dispatchEvent(new MouseEvent('click', {bubbles: true}));
        }"""
    )
    expect(page).to_have_url(re.compile(r"/territorio/cantones/230[12]/$"))
    expect(page.locator("#mapa path.leaflet-interactive")).to_have_count(1, timeout=10_000)
    expect(page.get_by_role("navigation", name="Ruta de navegación")).to_contain_text(
        "Santo Domingo de los Tsáchilas"
    )
    assert page.js_errors == [], page.js_errors


def test_map_tooltip_names_the_province(page, live_server, reference_data):
    page.goto(live_server.url + "/territorio/")
    first = page.locator("#mapa path.leaflet-interactive").first
    expect(first).to_be_visible(timeout=10_000)
    first.hover(force=True)
    expect(page.locator(".leaflet-tooltip")).to_have_count(1)
    assert page.locator(".leaflet-tooltip").inner_text().strip() != ""
    assert page.js_errors == [], page.js_errors
