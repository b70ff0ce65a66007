"""load_territory() against the real INEC files, idempotence, and atomic failure on bad input."""

import csv

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sioc.common.datafiles import DataFileError, data_path
from sioc.territory.loaders import load_territory
from sioc.territory.models import Canton, Parish, Province, UndelimitedZone

EXPECTED_COUNTS = {
    "provincias": 24,
    "cantones": 221,
    "parroquias": 1259,
    "zonas_no_delimitadas": 3,
    "limites_cantonales": 221,
    "limites_provinciales": 24,
}


def snapshot():
    """Everything a load could change, to prove that a failed load changed nothing."""
    return (
        list(Province.objects.order_by("code").values_list("code", "name", "population_2020")),
        list(
            Canton.objects.order_by("code").values_list(
                "code", "name", "province_id", "population_2020"
            )
        ),
        list(Parish.objects.order_by("code").values_list("code", "name", "canton_id", "kind")),
        list(UndelimitedZone.objects.order_by("code").values_list("code", "name")),
    )


@pytest.mark.django_db
class TestRealData:
    def test_counts(self):
        assert load_territory() == EXPECTED_COUNTS
        assert Province.objects.count() == 24
        assert Canton.objects.count() == 221
        assert Parish.objects.count() == 1259
        assert UndelimitedZone.objects.count() == 3

    def test_la_concordia_is_2302_in_santo_domingo(self):
        canton = Canton.objects.select_related("province").get(code="2302")
        assert canton.name == "La Concordia"
        assert canton.province.code == "23"
        assert canton.province.name == "Santo Domingo de los Tsáchilas"
        assert canton.population_2020 == 52571
        assert not Canton.objects.filter(code="0808").exists()

    def test_zones_are_not_cantons(self):
        assert set(UndelimitedZone.objects.values_list("code", flat=True)) == {
            "9001",
            "9003",
            "9004",
        }
        assert not Canton.objects.filter(code__startswith="90").exists()
        zone = UndelimitedZone.objects.get(code="9003")
        assert zone.name == "Manga del Cura"
        assert zone.population_2020 == 26548
        assert zone.boundary["type"] in {"Polygon", "MultiPolygon"}

    def test_population(self):
        assert Canton.objects.get(code="0101").population_2020 == 636996
        assert all(Canton.objects.values_list("population_2020", flat=True))
        # Provinces are the sum of their cantons, which equals INEC's provincial projection.
        with open(data_path("ecuador", "dpa", "provincias.csv"), encoding="utf-8") as f:
            expected = {
                r["codigo_provincia"]: int(r["poblacion_proyeccion_2020"])
                for r in csv.DictReader(f)
            }
        assert dict(Province.objects.values_list("code", "population_2020")) == expected
        assert sum(expected.values()) == 17468736

    @pytest.mark.parametrize(
        ("code", "name", "inec_name"),
        [
            ("0104", "Nabón", "NABON"),
            ("2101", "Lago Agrio", "LAGO AGRIO"),
            ("1705", "Rumiñahui", "RUMIÑAHUI"),
            ("2302", "La Concordia", "LA CONCORDIA"),
            ("0102", "Girón", "GIRON"),
            ("1410", "Logroño", "LOGROÑO"),
            ("0923", "Coronel Marcelino Maridueña", "CRNEL. MARCELINO MARIDUEÑA"),
        ],
    )
    def test_canton_names(self, code, name, inec_name):
        canton = Canton.objects.get(code=code)
        assert (canton.name, canton.inec_name) == (name, inec_name)

    def test_province_names_and_codes(self):
        azuay = Province.objects.get(code="01")
        assert (azuay.name, azuay.inec_name, azuay.iso_code) == ("Azuay", "AZUAY", "EC-A")
        assert Province.objects.get(code="13").name == "Manabí"
        assert all(Province.objects.values_list("boundary", flat=True))

    def test_parishes(self):
        seat = Parish.objects.get(code="010150")
        assert (seat.canton.code, seat.kind) == ("0101", Parish.Kind.SEAT)
        assert Parish.objects.filter(kind=Parish.Kind.SEAT).count() == 221
        assert Parish.objects.filter(kind=Parish.Kind.URBAN).count() == 238
        assert Parish.objects.filter(kind=Parish.Kind.RURAL).count() == 800
        assert Parish.objects.get(code="080153").name == "Coronel Carlos Concha Torres"
        assert Parish.objects.get(code="010360").name.startswith("Simón Bolívar")

    def test_codes_nest(self):
        for code, province_code in Canton.objects.values_list("code", "province__code"):
            assert code.startswith(province_code)
        for code, canton_code in Parish.objects.values_list("code", "canton__code"):
            assert code.startswith(canton_code)


@pytest.mark.django_db
class TestIdempotence:
    def test_second_run_writes_nothing(self):
        load_territory()
        with CaptureQueriesContext(connection) as ctx:
            counts = load_territory()
        assert counts == EXPECTED_COUNTS
        writes = [
            q["sql"]
            for q in ctx.captured_queries
            if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        ]
        assert writes == []
        assert Canton.objects.count() == 221
        assert Parish.objects.count() == 1259

    def test_changed_records_are_restored(self):
        Canton.objects.filter(code="0104").update(name="Nabon", population_2020=1, boundary=None)
        Parish.objects.filter(code="010150").update(name="X", kind=Parish.Kind.RURAL)
        Province.objects.filter(code="01").update(name="AZUAY")
        load_territory()
        canton = Canton.objects.get(code="0104")
        assert (canton.name, canton.population_2020) == ("Nabón", 17292)
        assert canton.boundary is not None
        parish = Parish.objects.get(code="010150")
        assert (parish.name, parish.kind) == ("Cuenca", Parish.Kind.SEAT)
        assert Province.objects.get(code="01").name == "Azuay"
        assert Canton.objects.count() == 221

    def test_new_row_in_file_is_added(self, data_copy):
        path = data_copy / "ecuador" / "dpa" / "parroquias.csv"
        with path.open("a", encoding="utf-8") as f:
            f.write("010199,SAN JOSE DE PRUEBA,urbana,0101,CUENCA,01\n")
        counts = load_territory()
        assert counts["parroquias"] == 1260
        assert Parish.objects.get(code="010199").name == "San José de Prueba"
        assert load_territory()["parroquias"] == 1260
        assert Parish.objects.filter(code="010199").count() == 1


def _rewrite(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(path, line):
    with path.open("a", encoding="utf-8") as f:
        f.write(line + "\n")


def _missing_file(root):
    (root / "ecuador" / "dpa" / "zonas_no_delimitadas.csv").unlink()


def _wrong_header(root):
    _rewrite(
        root / "ecuador" / "dpa" / "parroquias.csv", "codigo_parroquia,nombre_inec", "codigo,nombre"
    )


def _latin1(root):
    path = root / "ecuador" / "dpa" / "cantones.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))


def _unknown_canton(root):
    _append(
        root / "ecuador" / "dpa" / "parroquias.csv", "999950,PARROQUIA FANTASMA,rural,9999,NADA,99"
    )


def _canton_in_wrong_province(root):
    _rewrite(root / "ecuador" / "dpa" / "cantones.csv", "0102,GIRON,,01,", "0102,GIRON,,02,")


def _bad_parish_code(root):
    _rewrite(root / "ecuador" / "dpa" / "parroquias.csv", "010101,BELLAVISTA", "10101,BELLAVISTA")


def _unknown_population_code(root):
    _append(
        root / "ecuador" / "poblacion" / "poblacion_cantonal_proyeccion_2020.csv",
        "0808,0808,LA CONCORDIA,1",
    )


def _unknown_shape(root):
    _rewrite(
        root / "ecuador" / "geo" / "cantones_inec_simplificado.geojson",
        '"codigo_canton":"0101"',
        '"codigo_canton":"0199"',
    )


def _broken_json(root):
    path = root / "ecuador" / "geo" / "provincias_inec_simplificado.geojson"
    path.write_text(path.read_text(encoding="utf-8")[:-20], encoding="utf-8")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("break_data", "filename", "line", "words"),
    [
        (_missing_file, "zonas_no_delimitadas.csv", None, "no se encuentra el archivo"),
        (_wrong_header, "parroquias.csv", 1, "faltan las columnas codigo_parroquia, nombre_inec"),
        (_latin1, "cantones.csv", 3, "no está en UTF-8"),  # line 3 holds "Girón"
        (_unknown_canton, "parroquias.csv", 1261, "cantón «9999», que no existe"),
        (_canton_in_wrong_province, "cantones.csv", 3, "debe empezar por el de su provincia (02)"),
        (_bad_parish_code, "parroquias.csv", 2, "debe tener 6 dígitos"),
        (
            _unknown_population_code,
            "poblacion_cantonal_proyeccion_2020.csv",
            226,
            "0808 no es un cantón",
        ),
        (
            _unknown_shape,
            "cantones_inec_simplificado.geojson",
            None,
            "código de cantón desconocido",
        ),
        (_broken_json, "provincias_inec_simplificado.geojson", None, "JSON no válido"),
    ],
    ids=lambda value: value.__name__.strip("_") if callable(value) else None,
)
def test_bad_input_stops_and_writes_nothing(data_copy, break_data, filename, line, words):
    # A local edit that a partial load would overwrite.
    Canton.objects.filter(code="0104").update(name="Editado")
    before = snapshot()
    break_data(data_copy)

    with pytest.raises(DataFileError) as excinfo:
        load_territory()

    message = str(excinfo.value)
    assert filename in message
    assert words in message
    if line is not None:
        assert f"línea {line}" in message
        assert excinfo.value.line == line
    assert snapshot() == before
    assert Canton.objects.get(code="0104").name == "Editado"
