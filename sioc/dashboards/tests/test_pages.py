"""The dashboard pages, their downloads, the map data and the canton summary, as users get them."""

import csv
import io
import re

import openpyxl
import pytest
from django.urls import NoReverseMatch, reverse

from sioc.dashboards.tests import factories as f
from sioc.projects.choices import Source, Visibility

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects():
    giz = f.cooperante("giz-tablero", "Cooperación Alemana")
    public = f.project(
        "Agua potable para Cuenca",
        cantons=["0101"],
        gads=["0101"],
        funders=[giz],
        sdgs=[(6, 100)],
        sectors=[("14030", 100)],
        committed=1_234_567,
        disbursed=234_567,
        year=2024,
        modality="non_reimbursable",
    )
    private = f.project(
        "Plan privado de Cuenca",
        cantons=["0101"],
        gads=["0101"],
        funders=[giz],
        sdgs=[(11, 100)],
        committed=1_000_000,
        visibility=Visibility.PRIVATE,
        year=2024,
    )
    iati = f.project(
        "Actividad IATI en Loja",
        cantons=["1101", "0101"],
        sdgs=[(6, 100)],
        budget=20_000,
        source=Source.IATI,
        visibility=Visibility.PRIVATE,
        year=2022,
    )
    return {"public": public, "private": private, "iati": iati}


def test_national_dashboard_for_anonymous(client, projects):
    response = client.get(reverse("dashboards:national"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "USD 1.254.567" in html  # 1,234,567 + 20,000: the private project is not counted
    assert "Monto movilizado" in html and "si un proyecto aún no tiene compromisos" in html
    assert 'role="img"' in html and "<svg" in html
    assert " style=" not in html and "<script>" not in html
    assert "Plan privado" not in html
    # Each chart has its downloads with the filters.
    assert reverse("dashboards:data", kwargs={"chart": "ods", "format": "xlsx"}) in html


def test_ame_counts_private_projects(persona_client, projects):
    html = persona_client("ame_officer").get(reverse("dashboards:national")).content.decode()
    assert "USD 2.254.567" in html


def test_gad_dashboard(persona_client, projects):
    url = reverse("dashboards:gad", args=["gad-0101-cuenca"])
    own = persona_client("cuenca_officer").get(url).content.decode()
    assert "Tablero de" in own and "USD 2.254.567" in own
    other = persona_client("loja_officer").get(url).content.decode()
    assert "USD 1.254.567" in other
    assert (
        persona_client("anonymous").get(reverse("dashboards:gad", args=["giz-tablero"])).status_code
        == 404
    )


def test_filters_in_the_url_and_htmx_partial(client, projects):
    url = reverse("dashboards:national")
    response = client.get(url, {"ods": "11", "origen": "sioc"})
    assert response.status_code == 200
    assert "No hay proyectos que cumplan estos filtros." in response.content.decode()
    response = client.get(url, {"desde": "2023", "provincia": "11"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert response["HX-Push-Url"] == url + "?desde=2023&provincia=11"
    assert "No hay proyectos" in html  # the IATI project in Loja is from 2022
    html = client.get(url, {"provincia": "11"}).content.decode()
    assert "USD 20.000" in html


def test_bad_filters_get_a_message_not_an_error(client, projects):
    response = client.get(
        reverse("dashboards:national"),
        {"desde": "abc", "hasta": "2020", "ods": "99", "provincia": "<b>", "origen": "x"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Algunos filtros no son válidos" in html
    response = client.get(reverse("dashboards:national"), {"desde": "2025", "hasta": "2020"})
    assert "El año final no puede ser anterior al año inicial." in response.content.decode()


def test_csv_and_xlsx_downloads(client, projects):
    url = reverse("dashboards:data", kwargs={"chart": "ods", "format": "csv"})
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0] == ["Categoría", "ODS", "Monto movilizado (USD)", "Proyectos"]
    assert lines[1][1] == "6" and float(lines[1][2]) == 1_254_567.0 and lines[1][3] == "2"
    assert len(lines) == 2  # SDG 11 only has the private project

    xlsx = client.get(
        reverse("dashboards:data", kwargs={"chart": "canton", "format": "xlsx"}),
        {"gad": "gad-0101-cuenca"},
    )
    assert xlsx.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    values = list(sheet.values)
    assert values[0] == (
        "Categoría",
        "Código INEC de cantón",
        "Monto movilizado (USD)",
        "Proyectos",
    )
    by_code = {row[1]: row for row in values[1:]}
    assert by_code["0101"][2] == 1_234_567 + 10_000
    assert by_code["1101"][2] == 10_000

    execution = client.get(
        reverse("dashboards:data", kwargs={"chart": "ejecucion", "format": "csv"}), {"ods": "6"}
    ).content.decode("utf-8-sig")
    assert execution.splitlines()[0] == "Concepto,Monto (USD)"
    assert "Desembolsado,234567.0" in execution
    assert client.get("/tableros/datos/nada.csv").status_code == 404
    bad_gad = client.get(url, {"gad": "no-existe"})
    assert bad_gad.status_code == 404


def test_map_page_and_data(client, projects):
    response = client.get(reverse("dashboards:map"), {"medida": "proyectos", "ods": "6"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-geojson-url="/tableros/mapa/cantones.geojson"' in html
    assert 'data-values-url="/tableros/mapa/datos.json?ods=6"' in html
    assert 'data-measure="proyectos"' in html
    assert "Cuenca" in html and " style=" not in html

    data = client.get(reverse("dashboards:map_data"), {"ods": "6"}).json()
    assert data["cantons"] == {"0101": [1_244_567, 2], "1101": [10_000, 1]}
    assert data["breaks"]["amount"] == [10_000, 1_244_567]
    assert data["breaks"]["count"] == [1, 2]
    assert data["legend"]["amount"][0] == "USD 0 a USD 10.000"
    partial = client.get(reverse("dashboards:map"), {"origen": "iati"}, HTTP_HX_REQUEST="true")
    assert "<html" not in partial.content.decode()
    assert partial["HX-Push-Url"] == "/tableros/mapa/?origen=iati"


def test_cantons_geojson(client):
    response = client.get(reverse("dashboards:cantons_geojson"))
    assert response.status_code == 200
    data = response.json()
    assert len(data["features"]) == 221
    cuenca = next(ft for ft in data["features"] if ft["id"] == "0101")
    assert cuenca["properties"] == {"code": "0101", "name": "Cuenca", "province": "Azuay"}
    assert "max-age=3600" in response["Cache-Control"]


def test_canton_summary(client, persona_client, projects):
    url = reverse("dashboards:canton", args=["0101"])
    html = client.get(url).content.decode()
    assert "Cooperación en Cuenca (Azuay)" in html
    assert "Agua potable para Cuenca" in html and "Actividad IATI en Loja" in html
    assert "Plan privado de Cuenca" not in html
    assert re.search(r'id="resumen-monto">USD 1\.244\.567<', html)
    assert "Cooperación Alemana" in html  # by cooperante
    try:
        detail = projects["public"].get_absolute_url()
    except NoReverseMatch:
        detail = None
    if detail:
        assert f'href="{detail}"' in html
    ame = persona_client("ame_admin").get(url).content.decode()
    assert "Plan privado de Cuenca" in ame
    partial = client.get(url, {"ods": "11"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in partial and "Agua potable" not in partial
    assert client.get(reverse("dashboards:canton", args=["9999"])).status_code == 404


def test_empty_database_pages(client):
    for name in ("dashboards:national", "dashboards:map"):
        assert client.get(reverse(name)).status_code == 200
    assert client.get(reverse("dashboards:map_data")).json()["cantons"] == {}


def test_cached_dashboard_follows_changes(client, projects):
    url = reverse("dashboards:national")
    assert "USD 1.254.567" in client.get(url).content.decode()
    f.project("Nuevo", cantons=["0101"], committed=1_000)
    assert "USD 1.255.567" in client.get(url).content.decode()
    public = projects["public"]
    public.committed_usd = 2_000_000
    public.save()
    assert "USD 2.021.000" in client.get(url).content.decode()
    public.delete()
    assert "USD 21.000" in client.get(url).content.decode()
