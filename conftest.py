"""Shared fixtures: real reference data loaded once per test database, and the personas."""

import os
import shutil

import pytest
from django.core.management import call_command

from sioc.accounts.tests.factories import PersonaFactory

# Playwright's sync API runs an event loop in the test thread; Django's ORM stays synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PERSONAS = [
    "ame_admin",
    "ame_officer",
    "cuenca_officer",
    "loja_officer",
    "focal_point",
    "anonymous",
]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the real INEC territory, code lists, AME and the 221 GADs once per session."""
    with django_db_blocker.unblock():
        call_command("load_reference_data", verbosity=0)


@pytest.fixture
def personas(db):
    """The six personas of the permission matrix, as a dict name -> user (None for anonymous)."""
    return PersonaFactory.all()


@pytest.fixture
def persona_client(client, personas):
    """Return a function giving a test client logged in as the named persona."""

    def make(name):
        client.logout()
        user = personas[name]
        if user is not None:
            client.force_login(user)
        return client

    return make


# --- Real headless Debian Chromium driven by Playwright, against pytest-django's live server ---

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
        pytest.fail(
            "Falta Chromium en %s: instálelo con 'apt-get install chromium' (make test lo hace)."
            % CHROMIUM
        )
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


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploads made by a test go to its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
