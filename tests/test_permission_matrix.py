"""Persona × URL × method: every URL answers each persona as tests/permission_matrix.py says."""

import itertools

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from sioc.accounts.tests.factories import OrganizationFactory
from sioc.demands.services import create_need, profile_for
from sioc.offers.choices import OfferStatus
from sioc.offers.services import create_offer
from sioc.organizations.models import Contact, Organization
from tests.full_matrix import DELEGATED_NAMESPACES, MATRIX, PERSONAS, make_records


def iter_url_names(patterns=None, namespace=""):
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = namespace
            if p.namespace:
                ns = f"{namespace}{p.namespace}:"
            yield from iter_url_names(p.url_patterns, ns)
        elif isinstance(p, URLPattern):
            yield f"{namespace}{p.name}" if p.name else f"{namespace}<sin nombre: {p.pattern}>"


def entries(name):
    value = MATRIX[name]
    return value if isinstance(value, list) else [value]


def test_every_url_is_in_the_matrix():
    names = set(iter_url_names())
    missing = sorted(
        n for n in names if n not in MATRIX and n.split(":")[0] not in DELEGATED_NAMESPACES
    )
    assert not missing, f"URLs sin entrada en tests/permission_matrix.py: {missing}"
    stale = sorted(n for n in MATRIX if n not in names)
    assert not stale, f"Entradas de la matriz sin URL: {stale}"


@pytest.fixture
def make_context(db, personas):
    """Fresh records for each request, so that a destructive request does not affect the next."""
    gad = Organization.objects.get(canton__code="0101")
    focal_org = personas["focal_point"].memberships.get().organization
    other = OrganizationFactory(slug="otro-cooperante", name="Otro cooperante")
    counter = itertools.count()

    def make():
        n = next(counter)
        contact = Contact.objects.create(
            organization=gad, name="Contacto de prueba", email="c@ejemplo.ec"
        )
        draft = create_offer(
            actor=None, code=f"BORRADOR-{n}", cooperante=focal_org, title="Borrador"
        )
        published = create_offer(
            actor=None,
            status=OfferStatus.PUBLISHED,
            code=f"PUBLICADA-{n}",
            cooperante=other,
            title="Publicada",
        )
        need = create_need(actor=None, gad=gad, title="Necesidad de prueba", status="active")
        draft_need = create_need(actor=None, gad=gad, title="Borrador de necesidad", status="draft")
        return {
            **make_records(focal_org, n),
            "need_pk": need.pk,
            "draft_need_pk": draft_need.pk,
            "feed_token": str(profile_for(gad).feed_token),
            "gad_slug": gad.slug,
            "contact_id": contact.pk,
            "focal_slug": focal_org.slug,
            "draft_code": draft.code,
            "published_code": published.code,
        }

    return make


CASES = [
    (name, i, method)
    for name in MATRIX
    for i, entry in enumerate(entries(name))
    for method in ("get", "post")
    if getattr(entry, method) is not None
]


@pytest.mark.parametrize(
    ("name", "variant", "method"), CASES, ids=[f"{n}-{i}-{m}" for n, i, m in CASES]
)
def test_matrix(name, variant, method, make_context, personas, client):
    entry = entries(name)[variant]
    expected = getattr(entry, method)
    got = {}
    for persona in PERSONAS:
        context = make_context()
        kwargs = {
            k: context.get(v, v) if isinstance(v, str) else v for k, v in entry.kwargs.items()
        }
        url = reverse(name, kwargs=kwargs) + entry.query
        client.logout()
        if personas[persona] is not None:
            client.force_login(personas[persona])
        response = client.post(url, entry.data) if method == "post" else client.get(url)
        got[persona] = response.status_code
        if persona == "anonymous" and response.status_code == 302 and entry.anonymous_to_login:
            assert (
                "/cuentas/ingresar/" in response["Location"]
                or "/admin/login/" in response["Location"]
            )
    mismatches = {p: (expected[p], got[p]) for p in PERSONAS if expected[p] != got[p]}
    assert not mismatches, f"{method.upper()} {url}: (esperado, obtenido) {mismatches}"
