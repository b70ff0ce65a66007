"""The matching engine: hard filters, scores, explanations, and the index behind them."""

import dataclasses
import datetime
import random
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from sioc.demands.models import GadProfile
from sioc.demands.tests import factories as demand_factories
from sioc.matching import engine, index, text
from sioc.matching.engine import Accumulator, NeedSpec
from sioc.offers import services
from sioc.offers.choices import OfferStatus, Schedule
from sioc.offers.tests import factories

pytestmark = pytest.mark.django_db

NABON = "0104"  # Azuay
MORONA = "1401"  # Morona Santiago
LOJA = "1101"  # Loja


def codes(matches):
    return [m.offer_code for m in matches]


def water_need(canton=NABON, **fields):
    values = {
        "canton_code": canton,
        "title": "Estudios de agua potable para comunidades rurales",
        "text": "Diseños definitivos de la planta potabilizadora y de la red de distribución.",
        "sdg_codes": frozenset({6}),
        "target_codes": frozenset({"6.1"}),
        "competency_codes": frozenset({"d"}),
    }
    values.update(fields)
    return NeedSpec(**values)


def water_offer(code, **fields):
    values = {
        "code": code,
        "title": "Asistencia técnica para estudios de agua potable",
        "summary": "Estudios y diseños de sistemas de agua potable para municipios.",
        "modalities": ("technical_assistance",),
        "sdgs": (6,),
        "sdg_targets": ("6.1",),
        "competencies": ("d",),
    }
    values.update(fields)
    return factories.offer(**values)


# --- hard filters --------------------------------------------------------------------------


def test_published_open_offer_is_ranked_with_no_exclusion():
    offer = water_offer("AGUA-OK")
    assert codes(engine.rank_offers(water_need())) == ["AGUA-OK"]
    assert engine.exclusion_reasons(water_need(), offer) == []


def test_closed_offer_is_never_ranked():
    offer = water_offer("AGUA-CERRADA")
    offer = services.change_status(offer, OfferStatus.CLOSED, actor=None, comment="Terminó.")
    assert engine.rank_offers(water_need()) == []
    assert engine.exclusion_reasons(water_need(), offer) == ["La oferta está cerrada."]


def test_offer_past_its_closing_date_is_never_ranked_even_before_the_nightly_close():
    offer = water_offer("AGUA-VENCIDA", closes_in=-1)
    assert offer.status == OfferStatus.PUBLISHED
    assert engine.rank_offers(water_need()) == []
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    assert engine.exclusion_reasons(water_need(), offer) == [
        f"La convocatoria cerró el {yesterday:%d/%m/%Y}."
    ]
    # On its last day it was still open.
    assert codes(engine.rank_offers(water_need(), date=yesterday)) == ["AGUA-VENCIDA"]


@pytest.mark.parametrize(
    ("status", "label"), [(OfferStatus.DRAFT, "Borrador"), (OfferStatus.IN_REVIEW, "En revisión")]
)
def test_unpublished_offer_is_never_ranked(status, label):
    offer = water_offer("AGUA-NO-PUBLICADA", status=status)
    assert engine.rank_offers(water_need()) == []
    [reason] = engine.exclusion_reasons(water_need(), offer)
    assert reason.startswith("La oferta no está publicada (estado: ")
    assert offer.get_status_display() in reason


def test_coverage_national_province_and_canton():
    water_offer("AGUA-NACIONAL")
    water_offer("AGUA-AUSTRO", provinces=["01", "03", "14"])
    water_offer("AGUA-NABON", cantons=[NABON])
    loja_only = water_offer("AGUA-LOJA", provinces=["11"])
    assert set(codes(engine.rank_offers(water_need(NABON)))) == {
        "AGUA-NACIONAL",
        "AGUA-AUSTRO",
        "AGUA-NABON",
    }
    assert set(codes(engine.rank_offers(water_need(MORONA)))) == {"AGUA-NACIONAL", "AGUA-AUSTRO"}
    assert set(codes(engine.rank_offers(water_need(LOJA)))) == {"AGUA-NACIONAL", "AGUA-LOJA"}
    assert engine.exclusion_reasons(water_need(NABON), loja_only) == [
        "No cubre Nabón (Azuay): la oferta es solo para Loja."
    ]


def test_applicant_type():
    offer = water_offer("AGUA-MANCOMUNIDADES", open_to_gad=False, open_to_mancomunidad=True)
    assert engine.rank_offers(water_need()) == []
    assert engine.exclusion_reasons(water_need(), offer) == [
        "La oferta no admite postulaciones de GAD municipales."
    ]
    mancomunidad = water_need(applicant=engine.APPLICANT_MANCOMUNIDAD)
    assert codes(engine.rank_offers(mancomunidad)) == ["AGUA-MANCOMUNIDADES"]
    assert engine.exclusion_reasons(mancomunidad, offer) == []


def test_credit_only_offer_never_reaches_a_need_for_non_reimbursable_support():
    credit = water_offer("AGUA-CREDITO", modalities=("credit",))
    water_offer("AGUA-CREDITO-Y-DONACION", modalities=("credit", "non_reimbursable"))
    grant_need = water_need(modality_codes=frozenset({"non_reimbursable"}))
    assert codes(engine.rank_offers(grant_need)) == ["AGUA-CREDITO-Y-DONACION"]
    assert engine.exclusion_reasons(grant_need, credit) == [
        "La oferta solo ofrece crédito (reembolsable) y la necesidad busca Financiamiento no reembolsable."
    ]
    # A need that seeks credit, or any modality, gets it.
    assert "AGUA-CREDITO" in codes(
        engine.rank_offers(water_need(modality_codes=frozenset({"credit"})))
    )
    assert "AGUA-CREDITO" in codes(engine.rank_offers(water_need()))


def test_modalities_the_need_does_not_seek():
    training = water_offer("AGUA-CURSO", modalities=("training",))
    need = water_need(modality_codes=frozenset({"technical_assistance", "in_kind"}))
    assert engine.rank_offers(need) == []
    assert engine.exclusion_reasons(need, training) == [
        "La oferta no ofrece ninguna de las modalidades buscadas (Asistencia técnica y Donación en "
        "especie); ofrece Capacitación."
    ]


def test_upcoming_and_yearly_offers_are_eligible():
    upcoming = water_offer(
        "AGUA-PROXIMA",
        schedule=Schedule.WINDOW,
        opens_on=timezone.localdate() + datetime.timedelta(days=10),
        closes_on=timezone.localdate() + datetime.timedelta(days=60),
    )
    water_offer(
        "AGUA-ANUAL",
        schedule=Schedule.YEARLY,
        opens_on=timezone.localdate() + datetime.timedelta(days=40),
        closes_on=timezone.localdate() + datetime.timedelta(days=100),
    )
    matches = {m.offer_code: m for m in engine.rank_offers(water_need())}
    assert set(matches) == {"AGUA-PROXIMA", "AGUA-ANUAL"}
    assert f"abre el {upcoming.opens_on:%d/%m/%Y}" in matches["AGUA-PROXIMA"].reasons


def test_index_and_exclusion_reasons_agree_on_every_offer():
    """The bitset filters and the record-based reasons are two implementations of the same
    rules: on a mixed catalogue, an offer is ranked exactly when no reason excludes it."""
    offers = [
        water_offer("M-NACIONAL"),
        water_offer("M-AZUAY", provinces=["01"]),
        water_offer("M-GUAYAS", provinces=["09"]),
        water_offer("M-CANTON-LOJA", cantons=[LOJA]),
        water_offer("M-CREDITO", modalities=("credit",)),
        water_offer("M-CURSO", modalities=("training",)),
        water_offer("M-BORRADOR", status=OfferStatus.DRAFT),
        water_offer("M-VENCIDA", closes_in=-3),
        water_offer("M-SOLO-OTROS", open_to_gad=False, open_to_others=True),
    ]
    for canton in (NABON, LOJA, "0901"):
        for modalities in (
            frozenset(),
            frozenset({"technical_assistance"}),
            frozenset({"non_reimbursable"}),
        ):
            need = water_need(canton, modality_codes=modalities)
            ranked = set(codes(engine.rank_offers(need, top=50)))
            eligible = {o.code for o in offers if not engine.exclusion_reasons(need, o)}
            assert ranked == eligible, (canton, modalities)


# --- scores and explanations ----------------------------------------------------------------


def test_reasons_say_what_is_shared_and_each_contribution():
    water_offer(
        "AGUA-MORONA",
        sdg_targets=("6.1", "6.3"),
        provinces=["14"],
        closes_in=12,
        sectors=("14030",),
    )
    need = water_need(MORONA, target_codes=frozenset({"6.3"}), sector_codes=frozenset({"14030"}))
    [match] = engine.rank_offers(need)
    reasons = match.reasons
    assert "cubre Morona Santiago" in reasons
    assert any(re.fullmatch(r"cierra en 12 días \(\+0,0\d\)", r) for r in reasons)
    assert any(r.startswith("ODS 6 y meta 6.3 en común (+") for r in reasons)
    assert any(
        r.startswith(
            "misma competencia COOTAD: d) Agua potable, alcantarillado, desechos sólidos y saneamiento (+"
        )
        for r in reasons
    )
    assert any(
        r.startswith("mismo sector CAD: Abastecimiento básico de agua potable") for r in reasons
    )
    assert any(r.startswith("texto en común: «") and "«agua potable»" in r for r in reasons)
    assert set(match.contributions) == {
        "text",
        "sdg",
        "target",
        "competency",
        "sector",
        "amount",
        "urgency",
        "track_record",
    }
    assert match.contributions["track_record"] == 0.0  # the cooperante has no projects
    assert match.score == pytest.approx(sum(match.contributions.values()), abs=0.002)
    assert 0 < match.score <= 1


def test_a_cooperante_with_projects_in_the_province_on_the_theme_gets_a_bonus():
    from sioc.organizations.models import Organization
    from sioc.projects.tests import factories as project_factories

    with_record = water_offer("CON-TRAYECTORIA")
    without = water_offer("SIN-TRAYECTORIA")
    elsewhere = water_offer("OTRA-PROVINCIA")
    # A water project in Cuenca (Azuay) funded by the first cooperante; one in Loja by the third.
    cuenca = Organization.objects.get(canton__code="0101")
    loja = Organization.objects.get(canton__code=LOJA)
    from sioc.codelists.models import SdgGoal
    from sioc.projects import services as project_services

    for gad, funder in ((cuenca, with_record.cooperante), (loja, elsewhere.cooperante)):
        project = project_factories.project(gad, funding=[funder])
        project_services.set_sdgs(project, [(SdgGoal.objects.get(code=6), None, 100)], actor=None)

    need = water_need(NABON)  # Azuay, SDG 6
    ranked = {m.offer_code: m for m in engine.rank_offers(need)}
    bonus = ranked["CON-TRAYECTORIA"]
    assert bonus.contributions["track_record"] > 0
    assert any(
        r.startswith("el cooperante ya tiene 1 proyecto afín en la provincia de Azuay (+")
        for r in bonus.reasons
    )
    assert ranked["SIN-TRAYECTORIA"].contributions["track_record"] == 0
    assert ranked["OTRA-PROVINCIA"].contributions["track_record"] == 0  # Loja is not Azuay
    assert bonus.score > ranked["SIN-TRAYECTORIA"].score
    assert codes(engine.rank_offers(need))[0] == "CON-TRAYECTORIA"
    # The batch path (one read of every project) gives the same scores.
    [batch] = engine.rank_many([need])
    assert {m.offer_code: m.score for m in batch} == {c: m.score for c, m in ranked.items()}
    assert without.pk


def test_ranking_order_follows_what_the_offer_shares():
    water_offer("A-COMPLETA")  # text, SDG, target, competency
    factories.offer(
        code="B-SOLO-ODS",
        title="Fondo de cooperación",
        modalities=("technical_assistance",),
        sdgs=(6,),
    )
    factories.offer(
        code="C-SOLO-TEXTO",
        title="Programa de apoyo a planta potabilizadora",
        modalities=("technical_assistance",),
    )
    factories.offer(
        code="D-NADA", title="Becas de posgrado en Corea", modalities=("scholarships",), sdgs=(4,)
    )
    ranked = codes(engine.rank_offers(water_need(), top=10))
    assert ranked[0] == "A-COMPLETA"
    assert set(ranked) == {"A-COMPLETA", "B-SOLO-ODS", "C-SOLO-TEXTO"}
    scores = [m.score for m in engine.rank_offers(water_need())]
    assert scores == sorted(scores, reverse=True)


def test_spanish_text_similarity_accents_inflections_synonyms():
    factories.offer(
        code="RESIDUOS",
        title="Capacitación técnica en gestión de desechos sólidos",
        modalities=("training",),
    )
    factories.offer(code="OTRA", title="Capacitación en turismo", modalities=("training",))
    need = NeedSpec(canton_code=LOJA, title="Capacitaciones tecnicas sobre la basura del canton")
    [first, second] = engine.rank_offers(need)
    assert first.offer_code == "RESIDUOS"  # «basura» is a synonym of «desechos sólidos»
    assert "«basura»" in first.reasons[0] and "«capacitaciones»" in first.reasons[0]
    assert second.offer_code == "OTRA"


def test_the_needs_own_canton_name_is_not_a_topic():
    factories.offer(
        code="MENCIONA-NABON",
        title="Asistencia técnica: Nabón ya la recibió",
        modalities=("training",),
    )
    assert engine.rank_offers(NeedSpec(canton_code=NABON, title="Proyecto para Nabón")) == []


def test_amount_fit():
    water_offer(
        "AGUA-RANGO", amount_min=Decimal("10000"), amount_max=Decimal("50000"), currency="USD"
    )
    within = engine.rank_offers(water_need(amount=Decimal("30000")))[0]
    near = engine.rank_offers(water_need(amount=Decimal("80000")))[0]
    far = engine.rank_offers(water_need(amount=Decimal("500000")))[0]
    assert any(
        re.fullmatch(
            r"el monto de 30\.000 USD está dentro del rango de la oferta \(de 10\.000 a 50\.000 USD\) \(\+0,\d\d\)",
            r,
        )
        for r in within.reasons
    )
    assert any("80.000 USD está cerca del rango" in r for r in near.reasons)
    assert not any("monto" in r for r in far.reasons)
    assert within.score > near.score > far.score
    assert (
        within.contributions["amount"]
        > near.contributions["amount"]
        > far.contributions["amount"]
        == 0
    )


def test_amount_in_another_currency_is_not_compared():
    water_offer("AGUA-YENES", amount_max=Decimal("10000000"), currency="JPY")
    [match] = engine.rank_offers(water_need(amount=Decimal("60000")))
    assert match.contributions["amount"] == 0
    assert "monto de la oferta en JPY: no se compara con el de la necesidad" in match.reasons


def test_closing_soon_is_a_small_bonus():
    water_offer("AGUA-PRONTO", closes_in=5)
    water_offer("AGUA-LUEGO", closes_in=200)
    soon, later = engine.rank_offers(water_need())
    assert (soon.offer_code, later.offer_code) == ("AGUA-PRONTO", "AGUA-LUEGO")
    assert any(re.fullmatch(r"cierra en 5 días \(\+0,0\d\)", r) for r in soon.reasons)
    assert 0 < soon.contributions["urgency"] <= 0.05 and later.contributions["urgency"] == 0
    assert (
        f"cierra el {timezone.localdate() + datetime.timedelta(days=200):%d/%m/%Y}" in later.reasons
    )


def test_nothing_in_common_is_not_a_match():
    factories.offer(
        code="BECAS", title="Becas de maestría en Corea", modalities=("scholarships",), sdgs=(4,)
    )
    assert engine.rank_offers(water_need()) == []


def test_rank_many_is_rank_offers_for_each_need_and_a_partial_index_gives_the_same(monkeypatch):
    water_offer("AGUA-1")
    water_offer("AGUA-2", provinces=["11"], title="Agua potable y saneamiento en Loja")
    factories.offer(code="VIAS", title="Vialidad rural", modalities=("credit",), sdgs=(9,))
    specs = [
        water_need(NABON),
        water_need(LOJA),
        NeedSpec(canton_code=LOJA, title="Caminos y vías rurales"),
    ]
    expected = [engine.rank_offers(s) for s in specs]
    assert engine.rank_many(specs) == expected
    # A national run on a process without an index reads only the needs' words and codes.
    index.clear_cache()
    monkeypatch.setattr(engine, "BATCH_MIN", 1)
    assert engine.rank_many(specs) == expected
    assert index.cached_index() is None  # the partial index is not kept


def test_the_index_follows_every_change_of_the_catalogue():
    offer = water_offer("AGUA-CAMBIA")
    assert codes(engine.rank_offers(water_need())) == ["AGUA-CAMBIA"]
    services.update_offer(
        offer,
        actor=None,
        provinces=list(offer.provinces.model.objects.filter(code="11")),
        is_national=False,
    )
    assert engine.rank_offers(water_need(NABON)) == []
    services.change_status(offer, OfferStatus.CLOSED, actor=None)
    assert engine.rank_offers(water_need(LOJA)) == []


# --- needs and GADs for an offer, offers for a GAD -------------------------------------------


def test_needs_gads_and_offers_of_a_gad():
    offer = water_offer("AGUA-GAD")
    nabon = demand_factories.gad(NABON)
    need = demand_factories.need(
        nabon,
        title="Agua potable para comunidades rurales",
        problem="Sin agua segura.",
        sdgs=[6],
        competency="d",
    )
    demand_factories.need(nabon, title="Borrador de agua potable", status="draft", sdgs=[6])
    loja = demand_factories.gad(LOJA)
    profile, _ = GadProfile.objects.get_or_create(organization=loja)
    profile.pdot_priorities = "Agua potable y saneamiento para todo el cantón."
    profile.save()

    [(found, match)] = engine.rank_needs_for_offer(offer)
    assert found == need and match.offer_code == "AGUA-GAD"

    gads = engine.rank_gads_for_offer(offer)
    assert [g.canton.code for g, _score, _reasons in gads] == [NABON, LOJA] or {
        g.canton.code for g, _s, _r in gads
    } == {NABON, LOJA}
    reasons = {g.canton.code: r for g, _s, r in gads}
    assert reasons[NABON][0] == "para su necesidad «Agua potable para comunidades rurales»"
    assert reasons[LOJA][0] == "según las prioridades de su PDOT"

    [fitting] = engine.fitting_offers_for_gad(nabon)
    assert fitting.offer_code == "AGUA-GAD"
    assert fitting.reasons[0] == "para su necesidad «Agua potable para comunidades rurales»"


def test_a_gad_outside_the_coverage_is_not_offered():
    offer = water_offer("AGUA-SOLO-LOJA", provinces=["11"])
    demand_factories.need(demand_factories.gad(NABON), title="Agua potable", sdgs=[6])
    assert engine.rank_needs_for_offer(offer) == []
    assert engine.rank_gads_for_offer(offer) == []


# --- pure parts --------------------------------------------------------------------------------


def test_bit_sliced_accumulator_matches_plain_sums_and_picks_the_top():
    rng = random.Random(7)
    n = 300
    acc = Accumulator()
    plain = [0] * n
    for _ in range(40):
        members = [p for p in range(n) if rng.random() < 0.3]
        units = rng.randint(1, 120)
        acc.add(index.from_positions(members, (n + 7) // 8), units)
        for p in members:
            plain[p] += units
    assert [acc.score(p) for p in range(n)] == plain
    candidates = index.from_positions([p for p in range(n) if p % 3], (n + 7) // 8)
    top = acc.top(candidates, 10)
    expected = sorted((p for p in range(n) if p % 3), key=lambda p: (-plain[p], p))[:10]
    assert sorted(top) == sorted(expected)


def test_accumulator_breaks_ties_by_position():
    acc = Accumulator()
    acc.add(index.from_positions([1, 2, 3, 4], 1), 5)
    assert acc.top(index.from_positions([1, 2, 3, 4, 5], 1), 2) == [1, 2]


def test_from_positions_dense_and_sparse_agree():
    for n in (7, 64, 1000):
        nbytes = (n + 7) // 8
        for members in ([0], [n - 1], list(range(0, n, 2)), list(range(n))):
            assert index.from_positions(members, nbytes) == sum(1 << p for p in members)


def test_concepts_use_the_catalogue_analyser_and_synonyms():
    concepts = text.concepts(
        "Recolección de basura", "Capacitaciones técnicas; no reembolsable", ignore=frozenset()
    )
    labels = {c.label: c for c in concepts}
    assert labels["basura"].weight == text.TITLE_WEIGHT
    assert ("desech", "solid") in labels["basura"].alternatives
    assert labels["capacitaciones"].stems == ("capacitacion",)
    assert "no" not in labels  # a two-letter word alone carries no topic
    assert text.concepts("Agua para Nabón", ignore=text.stems("Nabón Azuay"))[0].label == "agua"


def test_need_spec_from_a_stored_need():
    need = demand_factories.need(
        demand_factories.gad(NABON),
        title="Agua",
        problem="Problema",
        objective="Objetivo",
        sdgs=[6],
        sdg_targets=["6.1"],
        modalities=["technical_assistance"],
        competency="d",
        estimated_budget=Decimal("1000"),
    )
    spec = NeedSpec.from_need(need)
    assert spec == dataclasses.replace(
        spec,
        canton_code=NABON,
        title="Agua",
        modality_codes=frozenset({"technical_assistance"}),
        sdg_codes=frozenset({6}),
        target_codes=frozenset({"6.1"}),
        competency_codes=frozenset({"d"}),
        amount=Decimal("1000"),
    )
    assert "Problema" in spec.text and "Objetivo" in spec.text
