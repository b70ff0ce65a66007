"""Shared fixtures: real reference data loaded once per test database, and the personas."""

import os

import pytest
from django.core.management import call_command

from sioc.accounts.tests.factories import PersonaFactory

# Playwright's sync API runs an event loop in the test thread; Django's ORM stays synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PERSONAS = ["ame_admin", "ame_officer", "cuenca_officer", "loja_officer", "focal_point", "anonymous"]


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
