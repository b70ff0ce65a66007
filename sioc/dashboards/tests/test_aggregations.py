"""What the dashboards count: weighting by SDG and sector, the canton split, totals, filters."""

import pytest

from sioc.dashboards import queries
from sioc.dashboards.queries import Filters
from sioc.dashboards.tests import factories as f
from sioc.projects.choices import Source, Visibility

pytestmark = pytest.mark.django_db


def rows(chart_rows):
    return {r.code or r.label: (round(r.amount, 2), r.count) for r in chart_rows}


@pytest.fixture
def data():
    giz = f.cooperante("giz-tablero", "Cooperación Alemana", country="DE")
    koica = f.cooperante("koica-tablero", "Agencia de Corea", country="KR")
    water = f.project(
        "Agua potable Cuenca y Loja",
        cantons=["0101", "1101"],
        gads=["0101"],
        funders=[giz],
        sdgs=[(6, 60), (11, 40)],
        sectors=[("14030", 100)],
        committed=100_000,
        budget=150_000,
        disbursed=40_000,
        spent=25_000,
        year=2023,
        modality="non_reimbursable",
        status="2",
    )
    waste = f.project(
        "Residuos Quito",
        cantons=["1701"],
        funders=[giz, koica],
        sdgs=[(11, 100), (12, 100)],  # percentages that do not add up to 100: halves
        sectors=[("14050", 50), ("41010", 50)],
        committed=0,
        budget=50_000,  # no commitments yet: the budget counts
        year=2024,
        modality="technical_assistance",
        status="2",
    )
    nothing = f.project("Sin montos", year=None, committed=0, budget=None)
    return {"water": water, "waste": waste, "nothing": nothing, "giz": giz, "koica": koica}


def test_mobilised_uses_commitments_and_falls_back_to_budget(data):
    t = queries.totals(queries.scope(None, Filters()))
    assert t["n"] == 3
    assert t["amount"] == 150_000  # 100,000 committed + 50,000 budget + 0
    assert t["committed"] == 100_000
    assert t["disbursed"] == 40_000
    assert t["spent"] == 25_000
    assert t["labels"]["amount"] == "USD 150.000"
    assert t["disbursed_pct"] == round(100 * 40_000 / 150_000, 1)


def test_sdg_and_sector_weighting(data):
    projects = queries.scope(None, Filters())
    sdg = rows(queries.by_sdg(projects))
    assert sdg["6"] == (60_000, 1)
    assert sdg["11"] == (40_000 + 25_000, 2)
    assert sdg["12"] == (25_000, 1)
    assert sum(v[0] for v in sdg.values()) == 150_000
    sector = rows(queries.by_sector(projects))
    assert sector["14030"] == (100_000, 1)
    assert sector["14050"] == (25_000, 1)
    assert sector["41010"] == (25_000, 1)


def test_a_project_in_two_cantons_is_split_evenly(data):
    projects = queries.scope(None, Filters())
    canton = rows(queries.by_canton(projects))
    assert canton["0101"] == (50_000, 1)
    assert canton["1101"] == (50_000, 1)
    assert canton["1701"] == (50_000, 1)
    assert canton["Sin cantón registrado"] == (0, 1)
    province = rows(queries.by_province(projects))
    assert province["01"] == (50_000, 1)
    assert province["11"] == (50_000, 1)
    values = queries.map_values(None, Filters())
    assert values["cantons"]["0101"] == [50_000, 1]
    assert values["unlocated"] == {"amount": 0, "count": 1}


def test_by_year_cooperante_modality(data):
    projects = queries.scope(None, Filters())
    year = rows(queries.by_year(projects))
    assert year["2023"] == (100_000, 1)
    assert year["2024"] == (50_000, 1)
    assert year["Sin año"] == (0, 1)
    coop = rows(queries.by_cooperante(projects))
    assert coop["giz-tablero"] == (125_000, 2)  # all of water, half of waste
    assert coop["koica-tablero"] == (25_000, 1)
    modality = rows(queries.by_modality(projects))
    assert modality["non_reimbursable"] == (100_000, 1)
    assert modality["technical_assistance"] == (50_000, 1)


def test_filters(data):
    def count(**kw):
        return queries.totals(queries.scope(None, Filters(**kw)))["n"]

    assert count(year_from=2024) == 1
    assert count(year_from=2023, year_to=2023) == 1
    assert count(province="11") == 1
    assert count(province="17") == 1
    assert count(cooperante="koica-tablero") == 1
    assert count(cooperante="giz-tablero") == 2
    assert count(sdg=6) == 1
    assert count(sdg=11) == 2
    assert count(modality="technical_assistance") == 1
    assert count(source=Source.IATI) == 0
    assert count(status="2") == 2
    assert count(province="01", sdg=11, year_to=2023) == 1


def test_visibility_of_a_private_project_of_cuenca(personas):
    cuenca, loja = f.gad("0101"), f.gad("1101")
    f.project("Publicado", cantons=["0101"], gads=["0101"], committed=1_000)
    f.project(
        "Privado de Cuenca",
        cantons=["0101"],
        gads=["0101"],
        committed=10_000,
        visibility=Visibility.PRIVATE,
    )
    f.project(
        "IATI externo",
        cantons=["0101"],
        committed=100,
        source=Source.IATI,
        visibility=Visibility.PRIVATE,
    )

    def national(user):
        return queries.totals(queries.scope(user, Filters()))["amount"]

    def on_cuenca(user):
        return queries.totals(queries.scope(user, Filters(), gad=cuenca))["amount"]

    assert national(None) == 1_100
    assert national(personas["loja_officer"]) == 1_100
    assert national(personas["cuenca_officer"]) == 11_100  # its own GAD's projects
    assert national(personas["focal_point"]) == 1_100
    assert national(personas["ame_officer"]) == 11_100
    assert national(personas["ame_admin"]) == 11_100
    # The Cuenca officer sees its private project on its own GAD's dashboard.
    assert on_cuenca(personas["cuenca_officer"]) == 11_100
    assert on_cuenca(personas["loja_officer"]) == 1_100
    assert on_cuenca(None) == 1_100
    assert queries.totals(queries.scope(personas["loja_officer"], Filters(), gad=loja))["n"] == 0


def test_quantile_breaks():
    assert queries.quantile_breaks([]) == []
    assert queries.quantile_breaks([0, 0]) == []
    assert queries.quantile_breaks([5]) == [5]
    assert queries.quantile_breaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) == [2, 4, 6, 8, 10]
    assert queries.quantile_breaks([3, 3, 3, 9]) == [3, 9]
