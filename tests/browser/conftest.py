"""Real headless Debian Chromium driven by Playwright, against pytest-django's live server."""

import os
import shutil

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("SIOC_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail("Falta Chromium en %s: instálelo con 'apt-get install chromium' (make test lo hace)." % CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="es-EC", timezone_id="America/Guayaquil")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.js_errors = errors
    yield page
    context.close()


@pytest.fixture
def reference_data(transactional_db):
    """Live-server tests run in transactions that are flushed afterwards: load the data again."""
    call_command("load_reference_data", verbosity=0)
