"""Matching pages and partials, per role: what each persona sees, and what it may not."""

import re

import pytest
from django.urls import reverse

from sioc.demands.services import profile_for
from sioc.matching.tests import scenario
from sioc.offers.tests.factories import offer as make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(personas):
    focal_org = personas["focal_point"].memberships.get().organization
    return scenario.build(focal_org=focal_org)


def get(persona_client, persona, url, **headers):
    return persona_client(persona).get(url, **headers)


def htmx(client, url):
    return client.get(url, headers={"HX-Request": "true"})


def shown_codes(response):
    return re.findall(r'data-oferta="([^"]+)"', response.content.decode())


# --- need_offers ---------------------------------------------------------------------------


def test_gad_officer_sees_the_recommended_offers_of_its_need_with_reasons(persona_client, scene):
    url = reverse("matching:need_offers", args=[scene.need.pk])
    response = get(persona_client, "cuenca_officer", url)
    assert response.status_code == 200
    codes = shown_codes(response)
    assert scene.fund.code in codes and scene.assistance.code in codes
    for trap in scenario.traps(scene):
        assert trap.code not in codes, f"{trap.title} no debe recomendarse"
    html = response.content.decode()
    assert "Ofertas recomendadas" in html
    assert "Por qué se recomienda" in html
    # Each recommendation explains itself with at least one Spanish reason.
    cards = html.split('class="card mb-3 coincidencia"')[1:]
    assert cards and all('<ul class="small mb-2 coincidencia-razones"' in c for c in cards)
    # Links to the full evaluation of each recommended offer for this need.
    assert reverse("matching:offer_eligibility", args=[scene.fund.code, scene.need.pk]) in html


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("ame_admin", 200),
        ("ame_officer", 200),
        ("cuenca_officer", 200),
        ("loja_officer", 404),
        ("focal_point", 200),  # cooperantes see active needs
    ],
)
def test_need_offers_follow_the_visibility_of_the_need(persona_client, scene, persona, status):
    url = reverse("matching:need_offers", args=[scene.need.pk])
    assert get(persona_client, persona, url).status_code == status


def test_a_draft_need_is_hidden_from_cooperantes_and_other_gads(persona_client, scene):
    url = reverse("matching:need_offers", args=[scene.draft_need.pk])
    assert get(persona_client, "focal_point", url).status_code == 404
    assert get(persona_client, "loja_officer", url).status_code == 404
    response = get(persona_client, "cuenca_officer", url)
    assert response.status_code == 200
    assert "Borrador" in response.content.decode()  # the state note


def test_anonymous_users_are_sent_to_log_in(client, scene):
    response = client.get(reverse("matching:need_offers", args=[scene.need.pk]))
    assert response.status_code == 302 and "/cuentas/ingresar/" in response["Location"]


def test_unknown_need_is_404(persona_client, scene):
    url = reverse("matching:need_offers", args=[999999])
    assert get(persona_client, "ame_admin", url).status_code == 404


def test_htmx_gets_only_the_partial_and_bad_top_is_ignored(persona_client, scene):
    client = persona_client("cuenca_officer")
    url = reverse("matching:need_offers", args=[scene.need.pk])
    response = htmx(client, url + "?top=mucho")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and "Por qué se recomienda" in html
    assert client.get(url + "?top=1").content.decode().count('class="card mb-3 coincidencia"') == 1
    assert client.get(url + "?top=-5").status_code == 200


def test_need_offers_refuse_post(persona_client, scene):
    url = reverse("matching:need_offers", args=[scene.need.pk])
    assert persona_client("cuenca_officer").post(url).status_code == 405


def test_need_offers_queries_do_not_grow_with_the_offers(persona_client, scene):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = persona_client("cuenca_officer")
    url = reverse("matching:need_offers", args=[scene.need.pk])
    client.get(url)  # warm-up (sessions, engine caches)
    with CaptureQueriesContext(connection) as few:
        before = shown_codes(client.get(url))
    for i in range(6):
        scenario.water_offer(
            f"Fondo para estudios de agua potable rural {i}", code=f"AGUA-MAS-{i}", closes_in=60
        )
    client.get(url)
    with CaptureQueriesContext(connection) as more:
        response = client.get(url)
    assert len(shown_codes(response)) >= len(before) + 5
    assert len(more) <= len(few), [q["sql"] for q in more.captured_queries]


# --- offer_gads ----------------------------------------------------------------------------


def test_ame_sees_the_gads_and_needs_an_offer_fits(persona_client, scene):
    url = reverse("matching:offer_gads", args=[scene.fund.code])
    response = get(persona_client, "ame_officer", url)
    assert response.status_code == 200
    html = response.content.decode()
    assert scenario.WATER_NEED_TITLE in html
    assert "GAD Municipal de Cuenca" in html or scene.cuenca.name in html
    assert "Borrador de agua para Cuenca" not in html  # draft needs are not ranked
    assert reverse("matching:offer_eligibility", args=[scene.fund.code, scene.need.pk]) in html


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("ame_admin", 200),
        ("ame_officer", 200),
        ("cuenca_officer", 403),
        ("loja_officer", 403),
        ("focal_point", 403),  # not its organisation's offer
    ],
)
def test_offer_gads_is_for_ame_and_the_offers_focal_points(persona_client, scene, persona, status):
    url = reverse("matching:offer_gads", args=[scene.fund.code])
    assert get(persona_client, persona, url).status_code == status


def test_focal_point_sees_whom_its_own_offers_fit(persona_client, personas, scene):
    focal_org = personas["focal_point"].memberships.get().organization
    own = scenario.water_offer("Agua potable de la GIZ de prueba", cooperante_org=focal_org)
    response = get(persona_client, "focal_point", reverse("matching:offer_gads", args=[own.code]))
    assert response.status_code == 200
    assert scenario.WATER_NEED_TITLE in response.content.decode()
    # Its own draft too (with a note that it is not open); other people get 404 for a draft.
    draft_url = reverse("matching:offer_gads", args=[scene.draft.code])
    response = get(persona_client, "focal_point", draft_url)
    assert response.status_code == 200
    assert "no está abierta" in response.content.decode()
    assert get(persona_client, "cuenca_officer", draft_url).status_code == 404


def test_offer_gads_anonymous_and_unknown(client, persona_client, scene):
    response = client.get(reverse("matching:offer_gads", args=[scene.fund.code]))
    assert response.status_code == 302 and "/cuentas/ingresar/" in response["Location"]
    url = reverse("matching:offer_gads", args=["NO-EXISTE"])
    assert get(persona_client, "ame_admin", url).status_code == 404


# --- offer_eligibility ---------------------------------------------------------------------


def test_eligible_offer_says_so_with_its_rank_and_reasons(persona_client, scene):
    url = reverse("matching:offer_eligibility", args=[scene.fund.code, scene.need.pk])
    response = get(persona_client, "cuenca_officer", url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sí es elegible" in html
    assert "Ocupa el puesto" in html
    assert "coincidencia-razones" in html


@pytest.mark.parametrize("trap", ["credit", "loja_only", "closed", "expired"])
def test_excluded_offer_explains_why_in_spanish(persona_client, scene, trap):
    offer = getattr(scene, trap)
    url = reverse("matching:offer_eligibility", args=[offer.code, scene.need.pk])
    response = get(persona_client, "cuenca_officer", url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "No es elegible" in html
    reasons = re.search(r"por estos motivos:</p>\s*<ul[^>]*>(.*?)</ul>", html, re.S)
    assert reasons and "<li>" in reasons.group(1)


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("ame_admin", 200),
        ("ame_officer", 200),
        ("cuenca_officer", 200),
        ("loja_officer", 404),
        ("focal_point", 200),
    ],
)
def test_eligibility_follows_the_need_and_the_offer(persona_client, scene, persona, status):
    url = reverse("matching:offer_eligibility", args=[scene.fund.code, scene.need.pk])
    assert get(persona_client, persona, url).status_code == status


def test_eligibility_of_a_hidden_offer_is_404(persona_client, scene):
    url = reverse("matching:offer_eligibility", args=[scene.draft.code, scene.need.pk])
    assert get(persona_client, "cuenca_officer", url).status_code == 404
    assert get(persona_client, "focal_point", url).status_code == 200  # its own draft


def test_eligibility_anonymous_is_sent_to_log_in(client, scene):
    url = reverse("matching:offer_eligibility", args=[scene.fund.code, scene.need.pk])
    response = client.get(url)
    assert response.status_code == 302 and "/cuentas/ingresar/" in response["Location"]


# --- offer_my_needs ------------------------------------------------------------------------


def test_gad_member_sees_whether_an_offer_serves_each_of_its_needs(persona_client, scene):
    client = persona_client("cuenca_officer")
    html = client.get(reverse("matching:offer_my_needs", args=[scene.credit.code])).content.decode()
    assert scenario.WATER_NEED_TITLE in html and "Borrador de agua para Cuenca" in html
    assert 'data-elegible="false"' in html and 'data-elegible="true"' not in html
    assert "No es elegible:" in html
    html = client.get(reverse("matching:offer_my_needs", args=[scene.fund.code])).content.decode()
    assert 'data-elegible="true"' in html


@pytest.mark.parametrize("persona", ["ame_officer", "focal_point"])
def test_offer_my_needs_is_empty_for_people_without_a_gad(persona_client, scene, persona):
    url = reverse("matching:offer_my_needs", args=[scene.fund.code])
    response = get(persona_client, persona, url)
    assert response.status_code == 204 and response.content == b""


def test_offer_my_needs_is_empty_for_anonymous_visitors(client, scene):
    response = client.get(reverse("matching:offer_my_needs", args=[scene.fund.code]))
    assert response.status_code == 204


def test_offer_my_needs_only_lists_the_members_own_gad(persona_client, scene):
    html = get(
        persona_client, "loja_officer", reverse("matching:offer_my_needs", args=[scene.fund.code])
    ).content.decode()
    assert scenario.WATER_NEED_TITLE not in html
    assert "no tiene necesidades abiertas" in html


# --- gad_opportunities ---------------------------------------------------------------------


def test_gad_home_shows_opportunities_and_the_deadline_radar(persona_client, scene):
    client = persona_client("cuenca_officer")
    response = htmx(client, reverse("matching:gad_opportunities"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert "Oportunidades para su GAD" in html and "Radar de plazos" in html
    top, radar = html.split("Radar de plazos", 1)
    assert scene.fund.code in top and scene.assistance.code in top
    assert scene.fund.code in radar  # closes in 20 days
    assert scene.assistance.code not in radar  # permanent: no deadline
    for trap in scenario.traps(scene):
        assert trap.code not in html
    profile = scene.cuenca.gad_profile
    assert reverse("matching:gad_deadlines_ics", args=[profile.feed_token]) in html


def test_radar_leaves_out_offers_closing_after_30_days(persona_client, scene):
    later = scenario.water_offer("Agua potable con cierre lejano", closes_in=45)
    html = htmx(persona_client("cuenca_officer"), reverse("matching:gad_opportunities"))
    radar = html.content.decode().split("Radar de plazos", 1)[1]
    assert later.code not in radar


def test_the_opportunities_are_the_gads_own(persona_client, scene):
    cuenca_token = str(profile_for(scene.cuenca).feed_token)
    html = get(persona_client, "loja_officer", reverse("matching:gad_opportunities")).content
    assert b"Oportunidades para su GAD" in html
    assert scene.assistance.code.encode() not in html  # Azuay only: not for Loja
    assert cuenca_token.encode() not in html


@pytest.mark.parametrize("persona", ["ame_admin", "ame_officer", "focal_point"])
def test_opportunities_are_empty_without_a_gad(persona_client, scene, persona):
    response = get(persona_client, persona, reverse("matching:gad_opportunities"))
    assert response.status_code == 204


def test_opportunities_are_empty_for_anonymous_visitors(client, scene):
    response = htmx(client, reverse("matching:gad_opportunities"))
    assert response.status_code == 204 and response.content == b""


def test_opportunities_without_any_fitting_offer_say_so(persona_client, db):
    response = get(persona_client, "cuenca_officer", reverse("matching:gad_opportunities"))
    assert response.status_code == 200
    assert "no hay ofertas abiertas que se ajusten" in response.content.decode()


def test_a_new_offer_shows_up_in_the_opportunities(persona_client, scene):
    fresh = make_offer(
        title="Becas de gestión de agua potable para técnicos municipales",
        sdgs=[6],
        competencies=["d"],
        modalities=["non_reimbursable"],
        closes_in=10,
    )
    html = get(persona_client, "cuenca_officer", reverse("matching:gad_opportunities")).content
    assert fresh.code.encode() in html


def test_eligible_offer_with_nothing_in_common_says_why_it_is_not_recommended(
    persona_client, scene
):
    unrelated = make_offer(
        title="Intercambio de orquestas juveniles",
        summary="Giras de música clásica para jóvenes.",
        modalities=["non_reimbursable"],
    )
    url = reverse("matching:offer_eligibility", args=[unrelated.code, scene.need.pk])
    html = get(persona_client, "cuenca_officer", url).content.decode()
    assert "Sí es elegible" in html
    assert "muy poco en común" in html


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm-up: the engine rebuilds its index after catalogue changes
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_opportunities_queries_do_not_grow_with_the_offers(persona_client, scene):
    client = persona_client("cuenca_officer")
    url = reverse("matching:gad_opportunities")
    few = count_queries(client, url)
    for i in range(6):
        scenario.water_offer(f"Más agua potable {i}", code=f"AGUA-RADAR-{i}", closes_in=10 + i)
    assert count_queries(client, url) <= few


def test_offer_gads_queries_do_not_grow_with_the_needs(persona_client, scene):
    from sioc.accounts.tests.factories import gad

    client = persona_client("ame_officer")
    url = reverse("matching:offer_gads", args=[scene.fund.code])
    few = count_queries(client, url)
    for code in ["0102", "0103", "0104", "0105", "0106"]:
        scenario.water_need(gad(code), title=f"Agua potable para el cantón {code}")
    html = client.get(url).content.decode()
    assert html.count("data-necesidad=") == 6
    assert count_queries(client, url) <= few
