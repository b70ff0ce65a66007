"""Territory pages and GeoJSON endpoints (the real INEC data loaded by the session fixture)."""

import json
import re

import pytest
from django.urls import reverse

from sioc.territory.models import Canton

pytestmark = pytest.mark.django_db

PAGES = [
    reverse("territory:provinces"),
    reverse("territory:province", args=["01"]),
    reverse("territory:canton", args=["0101"]),
]
GEOJSON = [
    reverse("territory:provinces_geojson"),
    reverse("territory:province_geojson", args=["01"]),
    reverse("territory:canton_geojson", args=["0101"]),
]


def html(response):
    return response.content.decode()


def geojson(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    return data


def test_urls_keep_their_names():
    assert PAGES == ["/territorio/", "/territorio/provincias/01/", "/territorio/cantones/0101/"]
    assert GEOJSON == [
        "/territorio/provincias.geojson",
        "/territorio/provincias/01.geojson",
        "/territorio/cantones/0101.geojson",
    ]


@pytest.mark.parametrize("persona", ["ame_admin", "cuenca_officer", "focal_point", "anonymous"])
@pytest.mark.parametrize("url", PAGES + GEOJSON)
def test_everyone_sees_the_territory(persona_client, persona, url):
    assert persona_client(persona).get(url).status_code == 200


@pytest.mark.parametrize("url", PAGES + GEOJSON)
def test_read_only(client, url):
    assert client.post(url).status_code == 405


@pytest.mark.parametrize(
    "url",
    [
        "/territorio/provincias/99/",
        "/territorio/provincias/90/",  # zonas no delimitadas are not a province
        "/territorio/provincias/1/",
        "/territorio/provincias/abc/",
        "/territorio/cantones/9999/",
        "/territorio/cantones/0808/",  # La Concordia's pre-2012 code
        "/territorio/cantones/9001/",  # a zona no delimitada, not a canton
        "/territorio/provincias/99.geojson",
        "/territorio/cantones/9999.geojson",
        "/territorio/cantones/9001.geojson",
    ],
)
def test_unknown_code_is_404(client, url):
    assert client.get(url).status_code == 404


class TestProvinceList:
    def test_table_of_provinces(self, client):
        response = client.get("/territorio/")
        assert response.status_code == 200
        body = html(response)
        assert len(response.context["provinces"]) == 24
        assert body.count('href="/territorio/provincias/') == 24
        assert "Santo Domingo de los Tsáchilas" in body
        assert "Azuay" in body
        # Population with es-EC thousands separators: Azuay 881,394 and the total.
        assert re.search(r"<td[^>]*>881\.394</td>", body)
        assert "17.468.736" in body

    def test_provinces_are_in_alphabetical_order(self, client):
        names = [p.name for p in client.get("/territorio/").context["provinces"]]
        assert names[:3] == ["Azuay", "Bolívar", "Cañar"]
        assert names.index("Los Ríos") < names.index("Manabí")

    def test_zonas_no_delimitadas_shown_apart(self, client):
        body = html(client.get("/territorio/"))
        assert "Zonas no delimitadas" in body
        for name in ("Las Golondrinas", "Manga del Cura", "El Piedrero"):
            assert name in body
        assert "No son cantones" in body

    def test_map_has_data_url_and_accessible_region(self, client):
        body = html(client.get("/territorio/"))
        assert 'data-geojson-url="/territorio/provincias.geojson"' in body
        assert re.search(r'<div class="sioc-map" id="mapa" role="region" aria-label="Mapa de', body)
        assert "vendor/leaflet/leaflet.js" in body
        assert "territory/map.js" in body

    def test_no_inline_script_or_style(self, client):
        for url in PAGES:
            body = html(client.get(url))
            assert "<script>" not in body
            for tag in re.findall(r"<script[^>]*>", body):
                assert "src=" in tag, tag
            assert " style=" not in body

    def test_query_budget(self, client, persona_client, django_assert_max_num_queries):
        with django_assert_max_num_queries(3):
            client.get("/territorio/")
        officer = persona_client("cuenca_officer")
        with django_assert_max_num_queries(9):
            officer.get("/territorio/")


class TestProvincePage:
    def test_cantons_with_population_and_gad(self, client):
        response = client.get("/territorio/provincias/01/")
        body = html(response)
        assert response.status_code == 200
        cantons = response.context["cantons"]
        assert len(cantons) == 15
        assert "Provincia de Azuay" in body
        assert "Nabón" in body
        assert "636.996" in body  # Cuenca
        cuenca = Canton.objects.get(code="0101")
        if hasattr(cuenca, "gad"):
            assert f'href="{reverse("organizations:detail", args=[cuenca.gad.slug])}"' in body

    def test_inec_spelling_is_secondary_info(self, client):
        body = html(client.get("/territorio/provincias/02/"))
        assert "<h1>Provincia de Bolívar</h1>" in body
        assert "BOLIVAR" in body

    def test_breadcrumbs(self, client):
        body = html(client.get("/territorio/provincias/23/"))
        assert '<nav aria-label="Ruta de navegación">' in body
        assert '<a href="/territorio/">Territorio</a>' in body
        assert 'aria-current="page">Santo Domingo de los Tsáchilas</li>' in body

    def test_la_concordia_is_in_santo_domingo(self, client):
        names = [c.name for c in client.get("/territorio/provincias/23/").context["cantons"]]
        assert names == ["La Concordia", "Santo Domingo"]

    def test_query_budget(self, client, django_assert_max_num_queries):
        # 25 cantons with their GADs and parish counts: still a fixed number of queries.
        with django_assert_max_num_queries(3):
            response = client.get("/territorio/provincias/09/")
        assert len(response.context["cantons"]) == 25


class TestCantonPage:
    def test_canton_page(self, client):
        response = client.get("/territorio/cantones/0101/")
        body = html(response)
        assert response.status_code == 200
        assert "Cantón Cuenca" in body
        assert "636.996" in body
        assert "Cabecera cantonal" in body
        assert "Parroquias urbanas" in body
        assert "Parroquias rurales" in body
        assert "El Sagrario" in body
        assert len(response.context["parishes"]) == 37
        assert 'data-geojson-url="/territorio/cantones/0101.geojson"' in body

    def test_gad_link(self, client):
        canton = Canton.objects.get(code="0101")
        if not hasattr(canton, "gad"):
            pytest.skip("the organisations loader has not created the GADs")
        body = html(client.get("/territorio/cantones/0101/"))
        assert f'href="{reverse("organizations:detail", args=[canton.gad.slug])}"' in body

    def test_without_gad(self, client):
        gad = getattr(Canton.objects.get(code="0104"), "gad", None)
        if gad is not None:
            gad.delete()
        response = client.get("/territorio/cantones/0104/")
        assert response.context["gad"] is None
        assert "aún no está registrado" in html(response)
        assert "Sin registrar" in html(client.get("/territorio/provincias/01/"))

    def test_inec_spelling_and_breadcrumbs(self, client):
        body = html(client.get("/territorio/cantones/0923/"))
        assert "Coronel Marcelino Maridueña" in body
        assert "CRNEL. MARCELINO MARIDUEÑA" in body
        assert '<a href="/territorio/provincias/09/">Guayas</a>' in body

    def test_query_budget(self, client, django_assert_max_num_queries):
        with django_assert_max_num_queries(3):
            client.get("/territorio/cantones/0901/")


class TestGeoJSON:
    def test_provinces(self, client):
        response = client.get("/territorio/provincias.geojson")
        data = geojson(response)
        kinds = [f["properties"]["kind"] for f in data["features"]]
        assert kinds.count("provincia") == 24
        assert kinds.count("zona_no_delimitada") == 3
        azuay = next(f for f in data["features"] if f["id"] == "01")
        assert azuay["properties"] == {
            "code": "01",
            "name": "Azuay",
            "inec_name": "AZUAY",
            "kind": "provincia",
            "url": "/territorio/provincias/01/",
            "population": 881394,
            "cantons": 15,
        }
        assert azuay["geometry"]["type"] in {"Polygon", "MultiPolygon"}
        # Numbers are plain JSON numbers, never localised.
        text = response.content.decode()
        assert '"population":881394' in text
        assert "881.394" not in text
        assert "Tsáchilas" in text

    def test_province_outline_and_its_cantons(self, client):
        data = geojson(client.get("/territorio/provincias/23.geojson"))
        first, *cantons = data["features"]
        assert first["properties"]["kind"] == "provincia"
        assert first["geometry"]["type"] in {"Polygon", "MultiPolygon"}
        assert [c["properties"]["code"] for c in cantons] == ["2301", "2302"]
        concordia = cantons[1]["properties"]
        assert concordia["name"] == "La Concordia"
        assert concordia["url"] == "/territorio/cantones/2302/"
        assert concordia["population"] == 52571
        assert isinstance(concordia["population"], int)

    def test_canton(self, client):
        response = client.get("/territorio/cantones/0101.geojson")
        data = geojson(response)
        (feature,) = data["features"]
        assert feature["properties"]["name"] == "Cuenca"
        assert feature["properties"]["population"] == 636996
        ring = feature["geometry"]["coordinates"][0]
        if feature["geometry"]["type"] == "MultiPolygon":
            ring = ring[0]
        lon, lat = ring[0]
        assert isinstance(lon, float)
        assert -82 < lon < -75 and -5.5 < lat < 2
        assert "max-age=3600" in response["Cache-Control"]

    def test_query_budget(self, client, django_assert_max_num_queries):
        with django_assert_max_num_queries(2):
            client.get("/territorio/provincias.geojson")
        with django_assert_max_num_queries(2):
            client.get("/territorio/provincias/09.geojson")
