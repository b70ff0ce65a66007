"""The web import: permissions, upload → preview → confirm, kept files, stale previews."""

import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sioc.accounts.tests.factories import OrganizationFactory
from sioc.offers import services
from sioc.offers.choices import OfferStatus
from sioc.offers.exports import OFFER_COLUMNS
from sioc.offers.imports import MAX_UPLOAD_BYTES
from sioc.offers.models import Offer
from sioc.offers.tests.test_import import offer_row, org_row, workbook_bytes

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def upload(client, data, name="catalogo.xlsx", content_type=XLSX):
    return client.post(
        reverse("offers:import"), {"files": SimpleUploadedFile(name, data, content_type)}
    )


def confirm_data(response):
    html = response.content.decode()
    token = re.search(r'name="token" value="([0-9a-f]{32})"', html)
    fingerprint = re.search(r'name="fingerprint" value="([0-9a-f]+)"', html)
    assert token and fingerprint, "no confirmation form"
    return {"token": token.group(1), "fingerprint": fingerprint.group(1)}


def kept_files(media):
    return (
        [p for p in (media / "imports").rglob("*") if p.is_file()]
        if (media / "imports").exists()
        else []
    )


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("ame_admin", 200),
        ("ame_officer", 200),
        ("focal_point", 200),
        ("cuenca_officer", 403),
        ("loja_officer", 403),
    ],
)
def test_who_may_import(persona_client, persona, status):
    client = persona_client(persona)
    assert client.get(reverse("offers:import")).status_code == status
    assert client.post(reverse("offers:import")).status_code == status
    assert client.get(reverse("offers:import_confirm")).status_code == 405


def test_anonymous_is_sent_to_login_and_template_is_public(client, personas):
    for name in ("offers:import", "offers:import_confirm"):
        response = client.post(reverse(name))
        assert response.status_code == 302 and "/cuentas/ingresar/" in response["Location"]
    assert client.get(reverse("offers:template")).status_code == 200


def test_upload_preview_confirm(persona_client, personas, media):
    client = persona_client("ame_officer")
    response = client.get(reverse("offers:import"))
    assert "Descargar la plantilla" in response.content.decode()
    response = upload(
        client, workbook_bytes([org_row()], [offer_row(), offer_row(codigo="JICA-2")])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "El archivo no tiene errores" in html
    assert "Nuevas: 2" in html and "JICA-2" in html
    assert not Offer.objects.exists()
    assert len(kept_files(media)) == 2  # the workbook and its manifest
    response = client.post(reverse("offers:import_confirm"), confirm_data(response), follow=True)
    assert (
        "Importación guardada: 2 ofertas nuevas y 0 modificadas; 1 cooperantes nuevos"
        in response.content.decode()
    )
    assert Offer.objects.count() == 2
    assert kept_files(media) == []


def test_preview_lists_field_changes(persona_client):
    client = persona_client("ame_officer")
    org = OrganizationFactory(slug="jica-prueba")
    services.create_offer(actor=None, code="JICA-VOL-2027", cooperante=org, title="Título anterior")
    row = dict.fromkeys(OFFER_COLUMNS) | {"codigo": "JICA-VOL-2027", "titulo": "Título nuevo"}
    html = upload(client, workbook_bytes(offers=[row], sheets=["ofertas"])).content.decode()
    assert "Con cambios: 1" in html
    assert re.search(
        r"<dt>titulo</dt>\s*<dd[^>]*><span[^>]*>Título anterior</span>.*<strong>Título nuevo</strong>",
        html,
        re.S,
    )


def test_errors_are_listed_and_nothing_is_kept(persona_client, media):
    client = persona_client("focal_point")
    rows = [
        offer_row(cooperante="giz-prueba"),
        offer_row(codigo="GIZ-2", cooperante="giz-prueba", ods="18"),
    ]
    response = upload(client, workbook_bytes(offers=rows, sheets=["ofertas"]))
    html = response.content.decode()
    assert "El archivo tiene 1 error: no se guardará nada." in html
    assert re.search(
        r"<td>ofertas</td>\s*<td>3</td>\s*<td>ods</td>\s*<td>El ODS «18» no existe", html
    )
    assert 'name="token"' not in html
    assert kept_files(media) == []
    assert not Offer.objects.exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "foto.png",
            b"\x89PNG\r\n\x1a\n....",
            "no es una hoja de cálculo (es un PDF o una imagen)",
        ),
        (
            "texto.csv",
            b"hola\nmundo\n",
            "no es un libro .xlsx ni un CSV con los encabezados",
        ),
        ("ofertas.csv", "codigo\ttitulo\n".encode("utf-16"), "está en UTF-16"),
    ],
)
def test_bad_files_get_a_precise_message(persona_client, name, data, message):
    html = upload(
        persona_client("ame_officer"), data, name, "application/octet-stream"
    ).content.decode()
    assert message.lower() in html.lower() and name in html


def test_upload_over_50_mb(persona_client):
    response = upload(persona_client("ame_officer"), b"0" * (MAX_UPLOAD_BYTES + 1))
    assert response.status_code == 200
    assert "El archivo pesa 50,0 MB y el máximo es 50 MB." in response.content.decode()


def test_empty_post_asks_for_a_file(persona_client):
    html = persona_client("ame_officer").post(reverse("offers:import")).content.decode()
    assert "Elija el archivo que quiere importar." in html


def test_stale_preview_is_shown_again_before_writing(persona_client, personas):
    client = persona_client("ame_officer")
    org = OrganizationFactory(slug="jica-prueba")
    data = workbook_bytes(offers=[offer_row()], sheets=["ofertas"])
    first = confirm_data(upload(client, data))
    # Someone creates the same offer meanwhile: the row is now a change, not a new offer.
    services.create_offer(
        actor=None,
        code="JICA-VOL-2027",
        cooperante=org,
        title="Otra versión",
        status=OfferStatus.DRAFT,
    )
    response = client.post(reverse("offers:import_confirm"), first)
    assert response.status_code == 409
    html = response.content.decode()
    assert "El catálogo cambió desde la vista previa" in html
    assert Offer.objects.get().title == "Otra versión"
    second = confirm_data(response)
    assert second["token"] == first["token"] and second["fingerprint"] != first["fingerprint"]
    client.post(reverse("offers:import_confirm"), second)
    assert Offer.objects.get().title.startswith("Voluntarios japoneses")


def test_a_token_only_works_for_its_uploader(persona_client, personas):
    OrganizationFactory(slug="jica-prueba")
    client = persona_client("ame_officer")
    data = confirm_data(upload(client, workbook_bytes(offers=[offer_row()], sheets=["ofertas"])))
    other = persona_client("ame_admin")
    response = other.post(reverse("offers:import_confirm"), data, follow=True)
    assert (
        "La vista previa ya no está disponible: suba el archivo de nuevo."
        in response.content.decode()
    )
    assert not Offer.objects.exists()
    bad = persona_client("ame_officer").post(
        reverse("offers:import_confirm"), {"token": "../../etc", "fingerprint": "x"}, follow=True
    )
    assert "La vista previa ya no está disponible" in bad.content.decode()


def test_old_previews_are_purged(persona_client, personas, media):
    import os
    import time

    OrganizationFactory(slug="jica-prueba")
    client = persona_client("ame_officer")
    upload(client, workbook_bytes(offers=[offer_row()], sheets=["ofertas"]))
    (manifest,) = [p for p in kept_files(media) if p.name == "manifest.json"]
    old = time.time() - 2 * 24 * 3600
    os.utime(manifest, (old, old))
    upload(client, workbook_bytes(offers=[offer_row(codigo="OTRA")], sheets=["ofertas"]))
    assert len([p for p in kept_files(media) if p.name == "manifest.json"]) == 1
    assert default_storage.exists(f"imports/{personas['ame_officer'].pk}") is True
