"""The demands rows of the permission matrix, checked persona by persona (the same procedure as
tests/test_permission_matrix.py, until that file takes ``DEMANDS_MATRIX`` over)."""

import itertools

import pytest
from django.urls import reverse

from sioc.demands.tests.matrix import DEMANDS_MATRIX, make_records
from sioc.offers.services import create_offer
from tests.permission_matrix import PERSONAS
from tests.test_permission_matrix import iter_url_names


def entries(name):
    value = DEMANDS_MATRIX[name]
    return value if isinstance(value, list) else [value]


def test_every_demands_url_has_rows():
    names = {n for n in iter_url_names() if n.startswith("demands:")}
    assert names == set(DEMANDS_MATRIX)


@pytest.fixture
def make_context(db, personas):
    focal_org = personas["focal_point"].memberships.get().organization
    counter = itertools.count()

    def make():
        n = next(counter)
        draft = create_offer(
            actor=None, code=f"DEM-BORRADOR-{n}", cooperante=focal_org, title="Borrador"
        )
        context = {"draft_code": draft.code}
        records = make_records(focal_org, n)
        context.update(records)
        from sioc.offers.models import Offer

        context["published_code"] = Offer.objects.get(code=f"DEM-OTRA-{n}").code
        return context

    return make


CASES = [
    (name, i, method)
    for name in DEMANDS_MATRIX
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
            assert "/cuentas/ingresar/" in response["Location"]
    mismatches = {p: (expected[p], got[p]) for p in PERSONAS if expected[p] != got[p]}
    assert not mismatches, f"{method.upper()} {url}: (esperado, obtenido) {mismatches}"
