"""The read-only territory API (viewsets called directly; the router lives in sioc/api)."""

import pytest
from rest_framework.test import APIRequestFactory

from sioc.territory.api.views import CantonViewSet, ProvinceViewSet

pytestmark = pytest.mark.django_db
factory = APIRequestFactory()


def call(viewset, action, path, **kwargs):
    view = viewset.as_view({"get": action})
    response = view(factory.get(path), **kwargs)
    response.render()
    return response


def test_province_list():
    response = call(ProvinceViewSet, "list", "/api/v1/provincias/")
    assert response.status_code == 200
    assert response.data["count"] == 24
    azuay = response.data["results"][0]
    assert azuay["code"] == "01"
    assert azuay["name"] == "Azuay"
    assert azuay["population_2020"] == 881394
    assert azuay["canton_count"] == 15
    assert azuay["page_url"].endswith("/territorio/provincias/01/")
    assert "boundary" not in azuay


def test_province_detail_and_404():
    assert call(ProvinceViewSet, "retrieve", "/", code="23").data["name"] == (
        "Santo Domingo de los Tsáchilas"
    )
    assert call(ProvinceViewSet, "retrieve", "/", code="99").status_code == 404


def test_cantons_filtered_by_province():
    response = call(CantonViewSet, "list", "/api/v1/cantones/?provincia=23")
    assert [c["code"] for c in response.data["results"]] == ["2301", "2302"]
    concordia = response.data["results"][1]
    assert concordia["province"] == "23"
    assert concordia["population_2020"] == 52571
    assert b'"population_2020":52571' in response.content


def test_canton_detail():
    data = call(CantonViewSet, "retrieve", "/", code="0101").data
    assert data["name"] == "Cuenca"
    assert data["inec_name"] == "CUENCA"
    assert data["parish_count"] == 37
    assert data["geojson_url"].endswith("/territorio/cantones/0101.geojson")
    assert call(CantonViewSet, "retrieve", "/", code="0808").status_code == 404


def test_query_budget(django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        call(CantonViewSet, "list", "/api/v1/cantones/")


@pytest.mark.urls("sioc.territory.tests.api_urls")
def test_through_the_router(client):
    response = client.get("/api/v1/cantones/", {"provincia": "23"})
    assert response.status_code == 200
    assert [c["name"] for c in response.json()["results"]] == ["Santo Domingo", "La Concordia"]
    response = client.get("/api/v1/cantones/2302/")
    assert response.json()["page_url"] == "http://testserver/territorio/cantones/2302/"
    assert client.get("/api/v1/provincias/01/").json()["canton_count"] == 15
    assert client.get("/api/v1/provincias/90/").status_code == 404
    assert client.get("/api/v1/cantones/9001/").status_code == 404
    assert client.post("/api/v1/cantones/").status_code == 405
