import csv
import io
import re

import pytest
from django.urls import reverse, reverse_lazy

from sioc.codelists import queries


def _html(response):
    assert response.status_code == 200
    return response.content.decode()


def _assert_csp_clean(html):
    assert "style=" not in html
    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html), "inline script"


@pytest.mark.django_db
def test_index_lists_every_code_list_with_its_count(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(len(queries.CODELISTS) + 2):
        html = _html(client.get(reverse("codelists:index")))
    for codelist in queries.CODELISTS:
        assert reverse("codelists:detail", args=[codelist.slug]) in html
        assert reverse("codelists:csv", args=[codelist.slug]) in html
    assert "Sectores CAD" in html
    assert ">325<" in html
    _assert_csp_clean(html)


@pytest.mark.django_db
@pytest.mark.parametrize("codelist", queries.CODELISTS, ids=lambda c: c.slug)
def test_every_list_page_renders(client, codelist, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        html = _html(client.get(reverse("codelists:detail", args=[codelist.slug])))
    assert str(codelist.title) in html
    _assert_csp_clean(html)


@pytest.mark.django_db
def test_sdg_page_shows_goals_with_their_targets(client):
    html = _html(client.get(reverse("codelists:detail", args=["ods"])))
    assert "ODS 6: Agua limpia y saneamiento" in html
    assert "lograr el acceso universal y equitativo al agua potable" in html
    assert 'class="ods-badge ods-6"' in html
    assert "17 objetivos · 169 metas" in html


@pytest.mark.django_db
def test_sdg_filter_keeps_matching_goals_and_targets(client):
    html = _html(client.get(reverse("codelists:detail", args=["ods"]), {"q": "saneamiento"}))
    assert "ODS 6: Agua limpia y saneamiento" in html
    assert "6.b" in html  # a matching goal keeps all its targets
    assert "ODS 8:" not in html


@pytest.mark.django_db
def test_sector_filter_is_accent_insensitive_and_grouped(client):
    url = reverse("codelists:detail", args=["sectores-cad"])
    html = _html(client.get(url, {"q": "saneamiento"}))
    assert "Abastecimiento básico de agua potable y saneamiento básico" in html
    assert "14030" in html
    assert "Política educativa" not in html
    assert 'id="categoria-140"' in html

    html = _html(client.get(url, {"q": "EDUCACION primaria"}))
    assert "Educación primaria" in html
    assert "11220" in html
    assert "14030" not in html


@pytest.mark.django_db
def test_sector_page_marks_withdrawn_codes(client):
    html = _html(client.get(reverse("codelists:detail", args=["sectores-cad"]), {"q": "11321"}))
    assert "Educación secundaria inferior" in html
    assert "retirado" in html


@pytest.mark.django_db
def test_flat_list_filter(client):
    html = _html(client.get(reverse("codelists:detail", args=["paises"]), {"q": "corea"}))
    assert "Corea del Sur" in html
    assert "Corea del Norte" in html
    assert "Alemania" not in html
    assert "2 códigos" in html

    html = _html(client.get(reverse("codelists:detail", args=["paises"]), {"q": "zzzz"}))
    assert "No hay códigos que coincidan con la búsqueda." in html


@pytest.mark.django_db
def test_modalities_show_reimbursable_in_spanish(client):
    html = _html(client.get(reverse("codelists:detail", args=["modalidades"])))
    assert "Crédito" in html
    assert "Reembolsable" in html
    assert ">Sí<" in html and ">No<" in html


@pytest.mark.django_db
def test_htmx_request_gets_only_the_results(client):
    response = client.get(
        reverse("codelists:detail", args=["sectores-cad"]),
        {"q": "agua"},
        headers={"HX-Request": "true"},
    )
    html = _html(response)
    assert "<html" not in html
    assert "14030" in html


@pytest.mark.django_db
def test_long_query_is_harmless(client):
    response = client.get(reverse("codelists:detail", args=["paises"]), {"q": "a" * 5000})
    assert response.status_code == 200


@pytest.mark.django_db
def test_unknown_list_is_404(client):
    assert client.get(reverse("codelists:detail", args=["no-existe"])).status_code == 404
    assert client.get(reverse("codelists:csv", args=["no-existe"])).status_code == 404


def _csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


@pytest.mark.django_db
def test_csv_download_parses_and_is_unlocalised(client):
    response = client.get(reverse("codelists:csv", args=["sectores-cad"]))
    assert response["Content-Disposition"] == 'attachment; filename="sectores-cad.csv"'
    rows = _csv_rows(response)
    assert len(rows) == 325
    assert list(rows[0]) == ["code", "category", "name_es", "name_en", "is_active"]
    by_code = {row["code"]: row for row in rows}
    assert by_code["14030"] == {
        "code": "14030",
        "category": "140",
        "name_es": "Abastecimiento básico de agua potable y saneamiento básico",
        "name_en": "Basic drinking water supply and basic sanitation",
        "is_active": "true",
    }
    assert by_code["11321"]["is_active"] == "false"


@pytest.mark.django_db
def test_csv_of_every_list(client):
    for codelist in queries.CODELISTS:
        rows = _csv_rows(client.get(reverse("codelists:csv", args=[codelist.slug])))
        assert len(rows) == codelist.model.objects.count(), codelist.slug
        assert list(rows[0]) == [header for header, _path in codelist.csv_columns]


@pytest.mark.django_db
def test_csv_follows_the_filter(client):
    rows = _csv_rows(client.get(reverse("codelists:csv", args=["ods"]), {"q": "saneamiento"}))
    assert [row["code"] for row in rows] == ["6"]
    assert rows[0]["short_title_es"] == "Agua limpia y saneamiento"
    assert rows[0]["color"] == "#26BDE2"
    rows = _csv_rows(client.get(reverse("codelists:csv", args=["tipos-de-ayuda"]), {"q": "B021"}))
    assert [(row["code"], row["category"], row["parent"]) for row in rows] == [("B021", "B", "B02")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        reverse_lazy("codelists:index"),
        reverse_lazy("codelists:detail", args=["ods"]),
        reverse_lazy("codelists:csv", args=["ods"]),
    ],
)
def test_pages_are_read_only(admin_client, url):
    assert admin_client.post(url).status_code == 405
