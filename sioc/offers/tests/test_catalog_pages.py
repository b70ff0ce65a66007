"""The catalogue page, the offer page and the cooperante 360 partial (SQLite and PostgreSQL)."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from sioc.offers import search, services
from sioc.offers.choices import OfferStatus
from sioc.offers.models import Offer
from sioc.offers.tests import factories as f

CATALOG = "/ofertas/"


@pytest.fixture
def catalogue(db):
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
    return {
        "curso": f.offer(
            jica,
            code="CURSO",
            title="Capacitación en gestión de desechos sólidos",
            modalities=["training"],
            sdgs=[11],
            closes_in=20,
        ),
        "agua": f.offer(
            jica,
            code="AGUA",
            title="Asistencia técnica para agua potable",
            modalities=["technical_assistance", "training"],
            sdgs=[6],
            cantons=["0101"],
            closes_in=50,
            amount_min=10000,
            amount_max=50000,
            currency="USD",
        ),
        "vias": f.offer(
            caf,
            code="VIAS",
            title="Crédito para carreteras rurales",
            modalities=["credit"],
            sdgs=[9],
            provinces=["11"],
            closes_in=80,
        ),
        "cerrada": f.offer(
            caf,
            code="CERRADA",
            title="Asistencia técnica ya cerrada",
            modalities=["technical_assistance"],
            status=OfferStatus.CLOSED,
        ),
        "borrador": f.offer(
            caf,
            code="BORRADOR",
            title="Asistencia técnica en borrador",
            modalities=["technical_assistance"],
            status=OfferStatus.DRAFT,
        ),
    }


def result_codes(response):
    return [o.code for o in response.context["page"].object_list]


def facet(response, param):
    for group in response.context["facets"]:
        if group["param"] == param:
            return {str(o["value"]): o["count"] for o in group["options"] + group["more"]}
    return {}


def test_anonymous_sees_open_published_offers_by_default(client, catalogue):
    response = client.get(CATALOG)
    assert response.status_code == 200
    assert sorted(result_codes(response)) == ["AGUA", "CURSO", "VIAS"]
    html = response.content.decode()
    assert "<html" in html and 'id="catalogo"' in html
    assert "Asistencia técnica en borrador" not in html


def test_facet_counts_are_correct_and_disjunctive(client, catalogue):
    response = client.get(CATALOG)
    assert facet(response, "modalidad") == {"technical_assistance": 1, "training": 2, "credit": 1}
    assert facet(response, "ods") == {"6": 1, "9": 1, "11": 1}
    assert facet(response, "tipo") == {"bilateral_agency": 2, "development_bank": 1}
    assert facet(response, "pais") == {"JP": 2, "VE": 1}
    statuses = {s["value"]: s["count"] for s in response.context["statuses"]}
    assert statuses == {"published": 3, "closed": 1}  # the draft is not even counted

    chosen = client.get(CATALOG, {"modalidad": "training"})
    assert sorted(result_codes(chosen)) == ["AGUA", "CURSO"]
    # The chosen group still counts the other options (what choosing them would add) …
    assert facet(chosen, "modalidad") == {"technical_assistance": 1, "training": 2, "credit": 1}
    # … and the other groups count only within the results.
    assert facet(chosen, "pais") == {"JP": 2}
    assert chosen.context["total"] == 2


def test_filters_combine(client, catalogue):
    assert result_codes(client.get(CATALOG, {"modalidad": "training", "ods": "6"})) == ["AGUA"]
    assert sorted(result_codes(client.get(CATALOG, {"ods": ["6", "9"]}))) == ["AGUA", "VIAS"]
    response = client.get(
        CATALOG, {"q": "asistencia técnica", "tipo": "bilateral_agency", "canton": "0101"}
    )
    assert result_codes(response) == ["AGUA"]
    assert result_codes(client.get(CATALOG, {"q": "agua", "pais": "VE"})) == []


def test_covers_my_canton(client, catalogue):
    national = f.offer(code="NACIONAL", title="Oferta nacional", closes_in=10)
    assert national.is_national
    cuenca = client.get(CATALOG, {"canton": "0101"})
    assert sorted(result_codes(cuenca)) == ["AGUA", "CURSO", "NACIONAL"]
    loja = client.get(CATALOG, {"canton": "1101"})  # province 11 (Loja)
    assert sorted(result_codes(loja)) == ["CURSO", "NACIONAL", "VIAS"]


def test_gad_officer_gets_their_canton_preselected_but_not_forced(persona_client, catalogue):
    client = persona_client("cuenca_officer")
    response = client.get(CATALOG)
    assert response.context["criteria"].canton == "0101"
    assert sorted(result_codes(response)) == ["AGUA", "CURSO"]
    assert re.search(
        r'<option value="0101" selected>Cuenca \(mi cantón\)</option>', response.content.decode()
    )
    assert "canton=0101" in response.context["query"]
    anywhere = client.get(CATALOG, {"canton": ""})
    assert sorted(result_codes(anywhere)) == ["AGUA", "CURSO", "VIAS"]
    assert "canton=" in anywhere.context["query"]  # the choice «any canton» is kept in links


def test_closed_offers_only_when_asked(client, catalogue):
    today = f.today()
    expired = f.offer(code="VENCIDA", title="Convocatoria vencida", closes_in=3)
    Offer.objects.filter(pk=expired.pk).update(closes_on=today - datetime.timedelta(days=2))
    search.index_offers([expired.pk])
    assert "VENCIDA" not in result_codes(client.get(CATALOG))
    closed = client.get(CATALOG, {"estado": "closed"})
    assert sorted(result_codes(closed)) == ["CERRADA", "VENCIDA"]
    both = client.get(CATALOG, {"estado": ["published", "closed"]})
    assert len(result_codes(both)) == 5
    assert "cerrada" in both.content.decode()


def test_drafts_only_for_who_may_see_them_and_only_when_asked(persona_client, catalogue):
    assert result_codes(persona_client("anonymous").get(CATALOG, {"estado": "draft"})) == []
    ame = persona_client("ame_officer")
    assert "BORRADOR" not in result_codes(ame.get(CATALOG))
    assert result_codes(ame.get(CATALOG, {"estado": "draft"})) == ["BORRADOR"]
    statuses = [s["value"] for s in ame.get(CATALOG).context["statuses"]]
    assert statuses == ["published", "closed", "draft", "in_review", "archived"]


def test_draft_offer_page_is_404_for_the_public(persona_client, catalogue):
    url = reverse("offers:detail", args=["BORRADOR"])
    assert persona_client("anonymous").get(url).status_code == 404
    assert persona_client("cuenca_officer").get(url).status_code == 404
    response = persona_client("ame_officer").get(url)
    assert response.status_code == 200
    assert "no es pública" in response.content.decode()
    assert (
        persona_client("anonymous").get(reverse("offers:detail", args=["NO-EXISTE"])).status_code
        == 404
    )


def test_sorting(client, catalogue):
    by_closing = client.get(CATALOG, {"orden": "cierre"})
    assert result_codes(by_closing) == ["CURSO", "AGUA", "VIAS"]
    Offer.objects.filter(code="VIAS").update(
        published_at=timezone.now() + datetime.timedelta(days=1)
    )
    search.index_offers([catalogue["vias"].pk])
    assert result_codes(client.get(CATALOG, {"orden": "recientes"}))[0] == "VIAS"
    # Relevance: the words in the title first, then the closing date.
    f.offer(
        code="DESC",
        title="Programa municipal",
        description="Incluye asistencia técnica.",
        closes_in=1,
    )
    relevant = result_codes(client.get(CATALOG, {"q": "asistencia técnica"}))
    assert relevant == ["AGUA", "DESC"]


def test_pagination_keeps_the_query(client, db):
    coop = f.cooperante()
    for n in range(23):
        f.offer(coop, code=f"P{n:02d}", title=f"Capacitación número {n}", closes_in=n + 1)
    first = client.get(CATALOG, {"q": "capacitación"})
    assert first.context["total"] == 23 and len(result_codes(first)) == 20
    assert 'href="?q=capacitaci%C3%B3n&amp;page=2"' in first.content.decode()
    second = client.get(CATALOG, {"q": "capacitación", "page": "2"})
    assert result_codes(second) == ["P20", "P21", "P22"]
    assert client.get(CATALOG, {"q": "capacitación", "page": "99"}).status_code == 200


def test_relevance_pages_title_matches_first_then_the_rest(client, db):
    coop = f.cooperante()
    for n in range(22):
        f.offer(
            coop,
            code=f"D{n:02d}",
            title=f"Programa {n}",
            description="Incluye riego tecnificado.",
            closes_in=n + 1,
        )
    for n in range(3):
        f.offer(coop, code=f"T{n}", title=f"Riego para el cantón {n}", closes_in=100 - n)
    f.offer(coop, code="T-DOBLE", title="Riego y drenaje: riego parcelario", description="Riego.")
    first = result_codes(client.get(CATALOG, {"q": "riego"}))
    assert first[:4] == ["T2", "T1", "T0", "T-DOBLE"]  # in the title (by closing date), then …
    assert first[4:] == [f"D{n:02d}" for n in range(16)]  # … the rest by closing date
    second = result_codes(client.get(CATALOG, {"q": "riego", "page": "2"}))
    assert second == [f"D{n:02d}" for n in range(16, 22)]


def test_htmx_gets_the_partial_and_the_canonical_address(client, catalogue):
    response = client.get(
        CATALOG, {"q": "agua", "ods": "6", "orden": ""}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<form" not in html
    assert "Asistencia técnica para agua potable" in html
    assert 'hx-swap-oob="true"' in html  # the live region announcing the count
    assert response.headers["HX-Push-Url"] == "/ofertas/?q=agua&ods=6"


def test_works_without_javascript(client, catalogue):
    """A plain GET form: the page carries the whole query in check boxes and links."""
    response = client.get(
        CATALOG,
        {"q": "asistencia", "modalidad": "technical_assistance", "estado": ["published", "closed"]},
    )
    html = response.content.decode()
    assert '<form method="get" action="/ofertas/"' in html
    assert (
        'name="modalidad" value="technical_assistance" id="f-modalidad-technical_assistance" checked'
        in html
    )
    assert 'id="f-estado-closed" checked' in html
    assert 'value="asistencia"' in html
    assert "Aplicar filtros" in html
    for name in ("feed_atom", "feed_ics"):
        assert (
            reverse(f"offers:{name}")
            + "?q=asistencia&amp;modalidad=technical_assistance&amp;estado=published&amp;estado=closed"
            in html
        )
    assert reverse("offers:export", args=["xlsx"]) + "?q=asistencia" in html


def test_card_shows_what_a_gad_needs(client, catalogue):
    html = client.get(CATALOG, {"q": "carreteras"}).content.decode()
    assert "Crédito (reembolsable)" in html
    assert "Provincias" not in html and "Loja" in html
    html = client.get(CATALOG, {"q": "agua potable"}).content.decode()
    assert "USD 10.000 – 50.000" in html
    closes = (f.today() + datetime.timedelta(days=50)).strftime("%d/%m/%Y")
    assert closes in html and "cierra en 50 días" in html
    assert "posiblemente desactualizada" not in html
    Offer.objects.filter(code="AGUA").update(
        last_verified_on=f.today() - datetime.timedelta(days=400)
    )
    assert (
        "posiblemente desactualizada" in client.get(CATALOG, {"q": "agua potable"}).content.decode()
    )


def test_bad_parameters_get_a_spanish_message_not_an_error(client, catalogue):
    response = client.get(
        CATALOG, {"ods": "99", "canton": "x", "cierra": "7", "orden": "precio", "page": "abc"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Algunos filtros no son válidos" in html
    assert "código INEC de 4 dígitos" in html
    assert len(result_codes(response)) == 3


@pytest.mark.parametrize(
    "q",
    ['"', "agua*", "NEAR(agua basura)", "agua OR -basura", "título:agua", "x" * 3000, "((", "\x00"],
)
def test_strange_queries_never_break_the_page(client, catalogue, q):
    response = client.get(CATALOG, {"q": q})
    assert response.status_code == 200


def test_query_budget_does_not_grow_with_results(client, db, django_assert_max_num_queries):
    coop = f.cooperante()
    f.offer(coop, title="Capacitación uno", cantons=["0101"], sdgs=[6])
    client.get(CATALOG)  # builds this process's facet index once
    # Anonymous request: index generation, text match (PostgreSQL: in a transaction with its
    # planner setting, 3 more), title match for relevance, offers + 4 prefetches, labels, cantons:
    # the same number for 1 result or a full page of 20.
    budget = 17
    with django_assert_max_num_queries(budget):
        one = client.get(CATALOG, {"q": "capacitación", "ods": "6"})
    assert one.context["total"] == 1
    for n in range(25):
        f.offer(
            coop,
            title=f"Capacitación {n}",
            cantons=["0101", "0102"],
            provinces=["11"],
            sdgs=[6, 11],
        )
    client.get(CATALOG)
    with django_assert_max_num_queries(budget):
        many = client.get(CATALOG, {"q": "capacitación", "ods": "6"})
    assert len(many.context["page"].object_list) == 20


def test_offer_page_shows_everything(client, catalogue):
    offer = catalogue["agua"]
    services.update_offer(
        offer,
        actor=None,
        summary="Planes maestros de agua potable.",
        description="Acompañamiento de expertos.",
        requirements="Carta de la alcaldía.",
        how_to_apply="Escriba a la oficina de JICA.",
        contact="ecuador@ejemplo.jp",
        source_url="https://www.jica.go.jp/ecuador/",
        counterpart_percent=20,
        open_to_mancomunidad=True,
    )
    pdf = SimpleUploadedFile("bases.pdf", b"%PDF-1.4 prueba", content_type="application/pdf")
    services.add_attachment(offer, actor=None, title="Bases de la convocatoria", uploaded_file=pdf)
    response = client.get(reverse("offers:detail", args=["AGUA"]))
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Asistencia técnica para agua potable",
        "Agencia de Cooperación del Japón (JICA)",
        "Planes maestros de agua potable.",
        "Carta de la alcaldía.",
        "Escriba a la oficina de JICA.",
        "GAD municipales",
        "Mancomunidades",
        "USD 10.000 – 50.000",
        "20 %",
        "Cuenca",
        "Bases de la convocatoria",
        "https://www.jica.go.jp/ecuador/",
        "Verificada el",
    ):
        assert text in html, text
    assert 'class="oferta-ods ods-6"' in html
    assert " style=" not in html  # CSP: no inline styles
    assert offer.attachments.get().file.url in html


def test_cooperante_offers_partial(client, catalogue):
    url = reverse("offers:cooperante_offers", args=["jica-prueba"])
    partial = client.get(url, headers={"HX-Request": "true"})
    html = partial.content.decode()
    assert partial.status_code == 200 and "<html" not in html
    assert "2 ofertas abiertas" in html
    assert "Capacitación en gestión de desechos sólidos" in html
    caf = client.get(
        reverse("offers:cooperante_offers", args=["caf-prueba"]), headers={"HX-Request": "true"}
    )
    assert "1 oferta pasada" in caf.content.decode()
    assert "borrador" not in caf.content.decode().lower()
    page = client.get(url)
    assert "<html" in page.content.decode()
    assert client.get(reverse("offers:cooperante_offers", args=["no-existe"])).status_code == 404
