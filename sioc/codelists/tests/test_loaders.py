import csv
import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sioc.codelists import loaders, queries
from sioc.codelists.loaders import load_codelists
from sioc.codelists.models import (
    ActivityStatus,
    AidType,
    CooperationType,
    CootadCompetency,
    Country,
    Currency,
    DacSector,
    DacSectorCategory,
    FinanceType,
    FinanceTypeCategory,
    FlowType,
    IatiOrganisationType,
    Modality,
    SdgGoal,
    SdgTarget,
)
from sioc.codelists.tests.helpers import append_row, iati_csv, snapshot
from sioc.common.datafiles import DataFileError

EXPECTED_COUNTS = {
    "ods": 17,
    "metas_ods": 169,
    "competencias_cootad": 14,
    "modalidades": 9,
    "tipos_de_cooperacion": 8,
    "categorias_sectores_cad": 44,
    "sectores_cad": 325,
    "tipos_de_organizacion": 16,
    "estados_de_actividad": 6,
    "categorias_tipos_de_ayuda": 8,
    "tipos_de_ayuda": 24,
    "categorias_tipos_de_financiamiento": 13,
    "tipos_de_financiamiento": 68,
    "tipos_de_flujo": 10,
    "monedas": 176,
    "paises": 251,
}


# --- the real data ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_counts_match_the_real_sources():
    assert load_codelists() == EXPECTED_COUNTS
    for codelist in queries.CODELISTS:
        assert codelist.model.objects.count() == EXPECTED_COUNTS[codelist.key], codelist.slug


@pytest.mark.django_db
def test_every_page_list_has_a_count_key():
    assert {codelist.key for codelist in queries.CODELISTS} == set(EXPECTED_COUNTS)


@pytest.mark.django_db
def test_withdrawn_iati_codes_are_inactive():
    assert DacSector.objects.active().count() == 295
    assert DacSectorCategory.objects.active().count() == 42
    assert FinanceType.objects.active().count() == 47
    assert FinanceTypeCategory.objects.active().count() == 7
    assert FlowType.objects.active().count() == 8
    assert Currency.objects.active().count() == 167
    assert Country.objects.active().count() == 250
    assert not DacSector.objects.get(code="11321").is_active


@pytest.mark.django_db
def test_sdgs_in_spanish_with_official_colours():
    goal = SdgGoal.objects.get(code=6)
    assert goal.short_title == "Agua limpia y saneamiento"
    assert goal.title.startswith("Garantizar la disponibilidad y la gestión sostenible del agua")
    assert goal.short_title_en == "Clean water and sanitation"
    assert goal.color == "#26BDE2"
    assert SdgGoal.objects.get(code=1).color == "#E5243B"
    target = SdgTarget.objects.get(code="6.1")
    assert target.goal == goal
    assert target.name.startswith(
        "De aquí a 2030, lograr el acceso universal y equitativo al agua potable"
    )
    assert list(goal.targets.values_list("code", flat=True)) == [
        "6.1",
        "6.2",
        "6.3",
        "6.4",
        "6.5",
        "6.6",
        "6.a",
        "6.b",
    ]


@pytest.mark.django_db
def test_project_lists():
    assert CootadCompetency.objects.get(code="n").name == (
        "Gestionar la cooperación internacional para el cumplimiento de sus competencias."
    )
    assert CootadCompetency.objects.get(code="c").short_name == "Vialidad urbana"
    assert list(CootadCompetency.objects.values_list("code", flat=True)) == list("abcdefghijklmn")
    assert list(Modality.objects.filter(is_reimbursable=True).values_list("code", flat=True)) == [
        "credit"
    ]
    assert Modality.objects.get(code="non_reimbursable").name == "Financiamiento no reembolsable"
    assert CooperationType.objects.get(code="south_south").name == "Cooperación Sur-Sur"
    assert (
        CooperationType.objects.get(code="public_private_partnership").name
        == "Alianza público-privada"
    )


@pytest.mark.django_db
def test_countries_and_currencies_in_spanish():
    assert Country.objects.get(code="EC").name == "Ecuador"
    assert Country.objects.get(code="DE").name == "Alemania"
    assert Country.objects.get(code="KR").name == "Corea del Sur"
    assert Country.objects.get(code="US").name == "Estados Unidos"
    assert Country.objects.get(code="DZ").name == "Argelia"  # pycountry's catalogue says "Algeria"
    assert Country.objects.get(code="XK").name == "Kosovo"  # not in pycountry
    assert Currency.objects.get(code="USD").name == "Dólar estadounidense"
    assert Currency.objects.get(code="EUR").name == "Euro"
    assert Currency.objects.get(code="BGN").name == "Lev búlgaro"  # not in pycountry
    assert not Country.objects.filter(name_is_english=True).exists()
    assert not Currency.objects.filter(name_is_english=True).exists()
    # Spanish alphabetical order, whatever the database collation.
    names = list(Country.objects.values_list("name", flat=True))
    assert names[0] == "Afganistán"
    assert names.index("Islandia") < names.index("Islas Åland") < names.index("Islas Caimán")


@pytest.mark.django_db
def test_iati_codelists_in_spanish():
    sector = DacSector.objects.get(code="14030")
    assert sector.name == "Abastecimiento básico de agua potable y saneamiento básico"
    assert sector.name_en == "Basic drinking water supply and basic sanitation"
    assert sector.category.code == "140"
    assert (
        DacSector.objects.get(code="15112").name
        == "Descentralización y apoyo a los gobiernos subnacionales"
    )
    assert IatiOrganisationType.objects.get(code="11").name == "Gobierno local"
    assert ActivityStatus.objects.get(code="2").name == "En ejecución"
    assert FlowType.objects.get(code="10").name.startswith("AOD")
    b021 = AidType.objects.get(code="B021")
    assert (b021.parent.code, b021.category.code) == ("B02", "B")
    assert AidType.objects.get(code="C01").name == "Intervenciones de tipo proyecto"
    assert FinanceType.objects.get(code="110").name == "Donación estándar"
    assert FinanceType.objects.get(code="421").category.code == "420"
    # 451 names category 450, which IATI never published; it is withdrawn, so it has none.
    assert FinanceType.objects.get(code="451").category is None
    assert list(FinanceType.objects.values_list("code", flat=True)[:5]) == [
        "1",
        "2",
        "3",
        "4",
        "110",
    ]


@pytest.mark.django_db
def test_search_ignores_accents_and_case():
    found = DacSector.objects.search("EDUCACION primaria").values_list("code", flat=True)
    assert set(found) == {"11220", "11232"}  # "Educación equivalente a la primaria…" too
    assert Country.objects.search("peru").get().code == "PE"
    assert set(DacSector.objects.search("").values_list("pk", flat=True)) == set(
        DacSector.objects.values_list("pk", flat=True)
    )


# --- idempotence and upserts --------------------------------------------------------------------


@pytest.mark.django_db
def test_reloading_unchanged_data_writes_nothing():
    before = snapshot()
    with CaptureQueriesContext(connection) as ctx:
        load_codelists()
    writes = [
        q["sql"]
        for q in ctx.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert snapshot() == before


@pytest.mark.django_db
def test_changed_source_is_updated_in_place_and_vanished_codes_are_retired(data_dir):
    goals = data_dir / "ods" / "ods_objetivos_es.csv"
    goals.write_text(
        goals.read_text(encoding="utf-8").replace(
            "Agua Limpia y Saneamiento", "Agua y saneamiento"
        ),
        encoding="utf-8",
    )
    flows = iati_csv(data_dir, "FlowType")
    flows.write_text(
        "".join(
            line
            for line in flows.read_text(encoding="utf-8").splitlines(True)
            if not line.startswith("50,")
        ),
        encoding="utf-8",
    )
    goal_pk = SdgGoal.objects.get(code=6).pk

    counts = load_codelists()

    goal = SdgGoal.objects.get(code=6)
    assert (goal.pk, goal.short_title) == (goal_pk, "Agua y saneamiento")
    assert counts["tipos_de_flujo"] == 9
    retired = FlowType.objects.get(code="50")  # kept for records that use it, but retired
    assert not retired.is_active
    assert FlowType.objects.count() == 10


# --- bad input: a clear Spanish error naming file and line, and nothing written -----------------


def _assert_fails(match):
    before = snapshot()
    with pytest.raises(DataFileError, match=match) as info:
        load_codelists()
    assert snapshot() == before
    return info.value


@pytest.mark.django_db
def test_missing_file(data_dir):
    iati_csv(data_dir, "FlowType").unlink()
    error = _assert_fails("no se encuentra el archivo")
    assert error.path.name == "FlowType.csv"


@pytest.mark.django_db
def test_wrong_header(data_dir):
    path = iati_csv(data_dir, "Sector")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("code,name_en", "codigo,name_en", 1), encoding="utf-8")
    error = _assert_fails(r"Sector\.csv, línea 1: faltan las columnas code")
    assert error.line == 1


@pytest.mark.django_db
def test_latin1_file(data_dir):
    path = iati_csv(data_dir, "Country")
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))  # Côte d'Ivoire, Åland…
    error = _assert_fails(r"Country\.csv, línea \d+: el archivo no está en UTF-8")
    assert error.line > 1


@pytest.mark.django_db
def test_target_with_unknown_goal(data_dir):
    path = data_dir / "ods" / "ods_metas_es.csv"
    line = append_row(
        path, {"codigo": "18.1", "objetivo": "18", "titulo_es": "Meta", "titulo_en": "Target"}
    )
    error = _assert_fails(
        r"ods_metas_es\.csv, línea 171: la meta «18\.1» pertenece al objetivo «18», que no existe"
    )
    assert error.line == line == 171


@pytest.mark.django_db
def test_duplicate_code(data_dir):
    path = iati_csv(data_dir, "Sector")
    line = append_row(
        path, {"code": "14030", "name_en": "Again", "category": "140", "status": "active"}
    )
    _assert_fails(
        rf"Sector\.csv, línea {line}: el código «14030» está repetido \(ya aparece en la línea \d+\)"
    )


@pytest.mark.django_db
def test_a_late_error_leaves_earlier_changes_unwritten(data_dir):
    goals = data_dir / "ods" / "ods_objetivos_es.csv"
    goals.write_text(
        goals.read_text(encoding="utf-8").replace("Agua Limpia y Saneamiento", "Cambiado"),
        encoding="utf-8",
    )
    path = iati_csv(data_dir, "Country")
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    _assert_fails("UTF-8")
    assert SdgGoal.objects.get(code=6).short_title == "Agua limpia y saneamiento"


@pytest.mark.django_db
def test_new_active_iati_code_without_translation_is_an_error(data_dir):
    path = iati_csv(data_dir, "Sector")
    line = append_row(
        path, {"code": "99830", "name_en": "Brand new", "category": "998", "status": "active"}
    )
    error = _assert_fails(r"el código vigente «99830» \(Brand new\) no tiene traducción al español")
    assert (error.path.name, error.line) == ("Sector.csv", line)
    assert "sectores_cad_es.csv" in str(error)


@pytest.mark.django_db
def test_withdrawn_iati_code_without_translation_keeps_english(data_dir, caplog):
    path = iati_csv(data_dir, "Sector")
    append_row(
        path, {"code": "99830", "name_en": "Old thing", "category": "998", "status": "withdrawn"}
    )
    with caplog.at_level(logging.WARNING, logger=loaders.__name__):
        load_codelists()
    sector = DacSector.objects.get(code="99830")
    assert (sector.name, sector.is_active) == ("Old thing", False)
    assert "99830" in caplog.text


@pytest.mark.django_db
def test_sector_with_unknown_category(data_dir):
    path = iati_csv(data_dir, "Sector")
    line = append_row(
        path, {"code": "14033", "name_en": "Odd", "category": "149", "status": "withdrawn"}
    )
    _assert_fails(rf"Sector\.csv, línea {line}: la categoría «149» del código «14033» no existe")


@pytest.mark.django_db
def test_unknown_status(data_dir):
    path = iati_csv(data_dir, "FlowType")
    rows = list(csv.reader(path.open(encoding="utf-8")))
    status = rows[0].index("status")
    rows[1][status] = "retired"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    _assert_fails(r"FlowType\.csv, línea 2: estado «retired» desconocido")
