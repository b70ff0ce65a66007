"""Uploaded photos: only real JPEG/PNG/WebP, at most 10 MB, no bombs; stored re-encoded as JPEG
without EXIF (GPS), ICC or other metadata; a refused file leaves nothing behind."""

import io
import os

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from sioc.missions import services
from sioc.missions.images import MAX_UPLOAD_BYTES, reencoded_photo
from sioc.missions.models import Photo
from sioc.missions.tests import factories

pytestmark = pytest.mark.django_db


def jpeg_with_gps():
    image = Image.new("RGB", (80, 60), (10, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "Camara de prueba"  # Make
    exif[0x0112] = 1  # Orientation
    gps = exif.get_ifd(0x8825)
    gps[1] = "S"
    gps[2] = (2.0, 53.0, 49.0)  # Cuenca, 2°53'49" S
    gps[3] = "W"
    gps[4] = (79.0, 0.0, 16.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes(), icc_profile=b"\0" * 128)
    return out.getvalue()


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return [f for _dirs, _sub, files in os.walk(root) for f in files] if root.exists() else []


def test_gps_exif_is_gone_from_the_stored_file(personas):
    data = jpeg_with_gps()
    original = Image.open(io.BytesIO(data))
    assert original.getexif().get_ifd(0x8825)  # the upload does carry a location
    mission = factories.mission()
    photo = services.add_photo(
        mission,
        actor=personas["ame_officer"],
        uploaded_file=factories.upload("cuenca.jpg", data),
        caption="Delegación",
    )
    with photo.image.open("rb") as handle:
        raw = handle.read()
    stored = Image.open(io.BytesIO(raw))
    assert stored.format == "JPEG"
    assert not stored.getexif()
    assert "exif" not in stored.info and "icc_profile" not in stored.info
    assert b"Exif" not in raw and b"Camara de prueba" not in raw
    assert photo.image.name.endswith(".jpg") and "cuenca" not in photo.image.name
    assert (photo.width, photo.height) == (80, 60)


def test_exif_orientation_is_applied_before_the_metadata_is_dropped(personas):
    image = Image.new("RGB", (100, 40), (0, 0, 0))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    content = reencoded_photo(factories.upload("girada.jpg", out.getvalue()))
    assert Image.open(content).size == (40, 100)


def test_png_with_alpha_becomes_an_rgb_jpeg(personas):
    data = factories.image_bytes("PNG", size=(50, 50), mode="RGBA", color=(0, 128, 0, 0))
    photo = services.add_photo(
        factories.mission(), actor=None, uploaded_file=factories.upload("logo.png", data)
    )
    stored = Image.open(photo.image.path)
    assert stored.format == "JPEG" and stored.mode == "RGB"
    assert stored.getpixel((25, 25))[0] > 240  # transparent pixels land on white


def test_webp_is_accepted_and_large_images_are_resized():
    data = factories.image_bytes("WEBP", size=(3000, 1500))
    stored = Image.open(reencoded_photo(factories.upload("grande.webp", data, "image/webp")))
    assert stored.size == (2000, 1000)


def test_pdf_renamed_jpg_is_refused_and_nothing_is_stored(settings):
    mission = factories.mission()
    fake = factories.upload("foto.jpg", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")
    with pytest.raises(ValidationError) as error:
        services.add_photo(mission, actor=None, uploaded_file=fake)
    assert "no es una imagen JPEG, PNG o WebP" in error.value.messages[0]
    assert not Photo.objects.exists()
    assert stored_files(settings) == []


def test_other_image_formats_are_refused():
    gif = factories.image_bytes("GIF", mode="P", color=1)
    with pytest.raises(ValidationError, match="no es una imagen"):
        reencoded_photo(factories.upload("animada.jpg", gif))


def test_truncated_image_is_refused():
    data = factories.image_bytes("JPEG", size=(200, 200))[:300]
    with pytest.raises(ValidationError, match="no es una imagen"):
        reencoded_photo(factories.upload("rota.jpg", data))


def test_more_than_10_mb_is_refused(settings):
    big = factories.upload("enorme.jpg", b"\xff\xd8" + b"0" * MAX_UPLOAD_BYTES)
    with pytest.raises(ValidationError, match="10 MB"):
        services.add_photo(factories.mission(), actor=None, uploaded_file=big)
    assert not Photo.objects.exists()


def test_decompression_bomb_is_refused(settings):
    # 8000 × 8000 = 64 megapixels in a few kilobytes of PNG.
    bomb = factories.image_bytes("PNG", size=(8000, 8000), mode="1", color=0)
    assert len(bomb) < 100_000
    with pytest.raises(ValidationError, match="demasiados píxeles"):
        services.add_photo(
            factories.mission(), actor=None, uploaded_file=factories.upload("bomba.png", bomb)
        )
    assert not Photo.objects.exists()
    assert stored_files(settings) == []


def test_upload_page_refuses_with_a_spanish_message(persona_client):
    mission = factories.mission()
    client = persona_client("cuenca_officer")
    response = client.post(
        f"/misiones/{mission.slug}/fotos/nueva/",
        {"image": factories.upload("informe.jpg", b"%PDF-1.7 no soy una foto"), "caption": "x"},
    )
    assert response.status_code == 400
    assert "no es una imagen JPEG, PNG o WebP" in response.content.decode()
    assert not Photo.objects.exists()
