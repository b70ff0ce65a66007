"""Catalogue search: Spanish analysis, synonyms, the index and the filters (SQLite and PostgreSQL)."""

import datetime
import io
import re

import pytest
from django.db import connection
from django.http import QueryDict

from sioc.offers import facets, search, services
from sioc.offers.choices import OfferStatus
from sioc.offers.filters import OfferFilterSet
from sioc.offers.models import Offer
from sioc.offers.queries import search_scope
from sioc.offers.tests import factories as f

# --- analysis (no database) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "stem"),
    [
        (["capacitación", "capacitaciones", "CAPACITACION"], "capacitacion"),
        (["agua", "aguas", "Agua"], "agu"),
        (["técnica", "técnicos", "tecnicas"], "tecnic"),
        (["país", "países", "pais"], "pais"),
        (["luz", "luces"], "luz"),
        (["red", "redes"], "red"),
        (["vía", "vías"], "via"),
        (["ciudad", "ciudades"], "ciudad"),
        (["mujer", "mujeres"], "mujer"),
        (["jóvenes", "joven"], "joven"),
        (["potable", "potables"], "potabl"),
    ],
)
def test_inflections_and_accents_reduce_to_one_stem(words, stem):
    assert {search.analyze(w)[0] for w in words} == {stem}


def test_analysis_drops_stop_words_and_punctuation():
    assert search.analyze("¡Gestión de los desechos sólidos, en el cantón!") == [
        "gestion",
        "desech",
        "solid",
        "canton",
    ]


def render(node) -> str:
    """A readable form of a query tree: ``(desech & solid) | basur``."""
    if isinstance(node, search.Term):
        return node.token + ("*" if node.prefix else "")
    joiner = " | " if isinstance(node, search.Or) else " & "
    return "(" + joiner.join(render(p) for p in node.parts) + ")"


def terms(node):
    if isinstance(node, search.Term):
        return [node]
    return [t for part in node.parts for t in terms(part)]


def test_synonyms_expand_in_both_directions_for_groups():
    basura = search.parse_text("basura")
    text = render(basura.concepts[0])
    assert "(desech & solid)" in text and "(residu & solid)" in text
    back = render(search.parse_text("desechos sólidos").concepts[0])
    assert "basur" in back.split(" | ") or "(basur" in back


def test_expansions_are_one_way():
    agua = render(search.parse_text("agua").concepts[0])
    assert "saneamient" in agua
    saneamiento = render(search.parse_text("saneamiento").concepts[0])
    assert "agu " not in saneamiento and "(agu" not in saneamiento


def test_ods_number_becomes_the_sdg_facet_token():
    for text in ("ODS 6", "ods6", "Ods  6"):
        assert search.parse_text(text).concepts == (search.Term("ffods6"),)


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"agua',
        "agua*",
        "*",
        "NEAR(agua potable)",
        "agua OR basura",
        "-agua",
        "title:agua",
        "agua AND NOT basura",
        "'; DROP TABLE offers_offer; --",
        "(((",
        "^agua",
        "a" * 5000,
        "ffods6 ffkindembassy",
        "\x00\x01agua\u202e",
        "日本 協力",
    ],
)
def test_query_trees_only_contain_safe_tokens(query):
    parsed = search.parse_text(query)
    for node in parsed.concepts:
        for term in terms(node):
            assert re.fullmatch(r"[a-z0-9]{1,60}", term.token), term


def test_very_long_queries_are_cut():
    parsed = search.parse_text("agua " * 500)
    assert parsed.truncated
    assert len(parsed.concepts) <= search.MAX_CONCEPTS


def test_document_holds_text_facets_and_coverage():
    row = {
        "title": "Capacitación en agua potable",
        "summary": "",
        "code": "JICA-1",
        "cooperante__name": "Agencia de Cooperación Internacional del Japón",
        "cooperante__acronym": "JICA",
        "cooperante__kind": "bilateral_agency",
        "cooperante__country": "JP",
        "cooperation_type__name": None,
        "currency_id": None,
        "is_national": False,
        "description": "",
        "requirements": "",
    }
    rel = {
        "modalities": [("training", "Capacitación")],
        "sdgs": [(6, "Agua limpia y saneamiento")],
        "sdg_targets": [("11.1", 11)],
        "cantons": [("0101", "Cuenca")],
    }
    document, title, groups = search.build(row, rel)
    tokens = document.split()
    assert {"capacitacion", "agu", "potabl", "jic", "cuenc"} <= set(tokens)
    assert {"ffmodtraining", "ffods6", "ffods11", "ffpaisjp", "ffcant0101"} <= set(tokens)
    assert groups["kind"] == " ffkindbilateralagency "
    assert groups["ods"] == " ffods6 ffods11 "
    assert title == " capacitacion agu potabl jic "


# --- the index in the database ---------------------------------------------------------------


def codes(queryset):
    return sorted(queryset.values_list("code", flat=True))


def find(text=None, **params):
    data = QueryDict(mutable=True)
    if text is not None:
        data["q"] = text
    for key, value in params.items():
        data.setlist(key, value if isinstance(value, list) else [value])
    filterset = OfferFilterSet(data, queryset=Offer.objects.all())
    assert filterset.is_valid(), filterset.errors
    return codes(filterset.qs)


@pytest.fixture
def offers(db):
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
            competencies=["n"],
        ),
        "agua": f.offer(
            jica,
            code="AGUA",
            title="Asistencia técnica para agua potable",
            modalities=["technical_assistance"],
            sdgs=[6],
            competencies=["a"],
            cantons=["0101"],
        ),
        "vias": f.offer(
            caf,
            code="VIAS",
            title="Crédito para carreteras rurales",
            modalities=["credit"],
            sdgs=[9],
            competencies=["c"],
            provinces=["11"],
        ),
        "voluntarios": f.offer(
            jica,
            code="VOL",
            title="Voluntariado japonés en municipios",
            modalities=["volunteering"],
            summary="Voluntarios sénior para GAD.",
        ),
        "becas": f.offer(
            caf,
            code="BECA",
            title="Becas de posgrado en gestión pública",
            modalities=["scholarships"],
            description="Estudios de maestría.",
        ),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("capacitación", ["CURSO"]),
        ("CAPACITACION", ["CURSO"]),
        ("capacitaciones", ["CURSO"]),
        ("Desechos Solidos", ["CURSO"]),
        ("basura", ["CURSO"]),
        ("residuos sólidos", ["CURSO"]),
        ("agua potable", ["AGUA"]),
        ("aguas", ["AGUA"]),
        ("técnicas", ["AGUA"]),
        ("vialidad", ["VIAS"]),
        ("vías", ["VIAS"]),
        ("voluntarios", ["VOL"]),
        ("voluntariado", ["VOL"]),
        ("becas", ["BECA"]),
        ("maestrías", ["BECA"]),
        ("jica", ["AGUA", "CURSO", "VOL"]),
        ("japón", ["AGUA", "CURSO", "VOL"]),
        ("ODS 6", ["AGUA"]),
        ("capac", ["CURSO"]),  # typing: the last word is also a prefix
        ("cuenca", ["AGUA"]),  # the covered canton is in the document
        ("agua potable cuenca", ["AGUA"]),
        ("agua basura", []),  # every concept must be found
        ("zzzz", []),
    ],
)
def test_text_search(offers, text, expected):
    assert find(text) == expected


def test_index_follows_every_change(offers):
    agua = offers["agua"]
    services.update_offer(agua, actor=None, title="Asistencia técnica en catastros")
    assert find("potable") == []
    assert find("catastro") == ["AGUA"]
    services.change_status(agua, OfferStatus.CLOSED, actor=None)
    assert find("catastro") == []
    assert find("catastro", estado="closed") == ["AGUA"]


def test_renaming_a_cooperante_reindexes_its_offers(offers):
    from sioc.organizations.services import update_organization

    caf = offers["vias"].cooperante
    update_organization(
        caf, actor=None, name="Banco Andino de Fomento", acronym="BAF", country="JP"
    )
    assert find("andino") == ["BECA", "VIAS"]
    assert find("baf") == ["BECA", "VIAS"]
    assert find(pais="jp") == ["AGUA", "BECA", "CURSO", "VIAS", "VOL"]
    assert find("caf") == []


def test_reindex_offers_command_rebuilds_the_index(offers):
    from django.core.management import call_command

    Offer.objects.filter(code="BECA").delete()  # outside the services: the index is stale
    call_command("reindex_offers", stdout=io.StringIO())
    assert find("becas") == []
    assert find("capacitación") == ["CURSO"]


def test_facets_filter_and_combine(offers):
    assert find(modalidad="training") == ["CURSO"]
    assert find(modalidad=["training", "credit"]) == ["CURSO", "VIAS"]  # OR inside a group
    assert find(competencia="n") == ["CURSO"]
    assert find(competencia=["a", "n"]) == ["AGUA", "CURSO"]
    assert find(competencia=["a", "n"], ods="6") == ["AGUA"]  # AND between groups
    assert find("jica", competencia=["a", "n"], ods=["6", "11"]) == ["AGUA", "CURSO"]
    assert find(tipo="development_bank") == ["BECA", "VIAS"]
    assert find(pais="jp") == ["AGUA", "CURSO", "VOL"]
    assert find(cooperante="caf-prueba") == ["BECA", "VIAS"]


def test_covers_canton_national_province_and_canton(offers):
    # Cuenca (0101, Azuay 01): national offers and the one for Cuenca itself.
    assert find(canton="0101") == ["AGUA", "BECA", "CURSO", "VOL"]
    # Loja (1101, province 11): national offers and the one for the province of Loja.
    assert find(canton="1101") == ["BECA", "CURSO", "VIAS", "VOL"]
    # Gualaceo (0103, Azuay): neither Cuenca's nor Loja's.
    assert find(canton="0103") == ["BECA", "CURSO", "VOL"]


def test_status_defaults_to_open_offers(offers):
    today = f.today()
    f.offer(code="VIEJA", title="Asistencia técnica cerrada", status=OfferStatus.CLOSED)
    expired = f.offer(code="VENCIDA", title="Asistencia técnica vencida", closes_in=5)
    Offer.objects.filter(pk=expired.pk).update(closes_on=today - datetime.timedelta(days=1))
    search.index_offers([expired.pk])
    f.offer(code="BORRADOR", title="Asistencia técnica en borrador", status=OfferStatus.DRAFT)
    assert find("asistencia técnica") == ["AGUA"]
    assert find("asistencia técnica", estado="closed") == ["VENCIDA", "VIEJA"]
    assert find("asistencia técnica", estado=["published", "closed"]) == [
        "AGUA",
        "VENCIDA",
        "VIEJA",
    ]
    assert find("asistencia técnica", estado="draft") == ["BORRADOR"]


def test_closes_within(offers):
    f.offer(code="PRONTO", title="Convocatoria pronta", closes_in=10)
    f.offer(code="LUEGO", title="Convocatoria luego", closes_in=75)
    assert find("convocatoria", cierra="30") == ["PRONTO"]
    assert find("convocatoria", cierra="90") == ["LUEGO", "PRONTO"]


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "agua*",
        "*",
        "NEAR(agua potable)",
        "agua OR basura",
        "-agua",
        "título:agua",
        "agua AND NOT",
        "'; DROP TABLE offers_offer; --",
        "a" * 5000,
        "(((",
        "ffods6",
        "\x00",
    ],
)
def test_malicious_text_never_breaks_the_index_query(offers, text):
    filterset = OfferFilterSet(QueryDict(mutable=True) | {"q": text}, queryset=Offer.objects.all())
    list(filterset.qs)  # no exception on SQLite FTS5 nor PostgreSQL tsquery


def test_order_by_relevance_closing_and_newest(db):
    coop = f.cooperante()
    later = f.offer(
        coop,
        code="B-DESC",
        title="Programa municipal",
        description="Agua potable rural.",
        closes_in=10,
    )
    title = f.offer(coop, code="A-TIT", title="Agua potable para todos", closes_in=40)
    permanent = f.offer(coop, code="C-PERM", title="Fondo de agua permanente")
    data = QueryDict("q=agua")
    assert list(OfferFilterSet(data, queryset=Offer.objects.all()).qs)[0] == title
    by_closing = OfferFilterSet(QueryDict("q=agua&orden=cierre"), queryset=Offer.objects.all()).qs
    assert list(by_closing) == [later, title, permanent]
    newest = OfferFilterSet(QueryDict("q=agua&orden=recientes"), queryset=Offer.objects.all()).qs
    assert list(newest) == [permanent, title, later]


def test_rebuild_index_drops_entries_of_deleted_offers(offers):
    Offer.objects.filter(code="BECA").delete()
    search.rebuild_index()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {search.TABLE}")
        assert cursor.fetchone()[0] == Offer.objects.count()
    assert find("becas") == []


@pytest.mark.parametrize("persona", ["anonymous", "cuenca_officer", "focal_point", "ame_officer"])
def test_search_table_visibility_matches_the_policy(personas, persona):
    from sioc.offers import permissions

    user = personas[persona]
    own = f.cooperante("propia")
    if persona == "focal_point":
        own = user.memberships.get().organization
    for status in OfferStatus:
        f.offer(own, title=f"Oferta {status.label}", status=status)
        f.offer(title=f"Ajena {status.label}", status=status)
    criteria = search.Criteria(statuses=tuple(OfferStatus))
    result = facets.run(criteria, search_scope(user), today=f.today())
    ids = result.page(0, 100)
    assert sorted(ids) == sorted(permissions.visible_to(user).values_list("pk", flat=True))
    assert result.total == len(ids)
