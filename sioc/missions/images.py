"""Checking and re-encoding uploaded photos before they are stored.

An upload is accepted only if Pillow opens it as a JPEG, PNG or WebP (its content decides, never
its name), it weighs at most 10 MB and it is not a decompression bomb. What is stored is a new
JPEG: turned upright by its EXIF orientation, in RGB, at most 2000 px on its longest side and
without any metadata (EXIF with GPS location, ICC profiles, comments).
"""

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_SIDE = 2000
MAX_PIXELS = 40_000_000  # 40 megapixels: far above any camera photo, far below a bomb
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
JPEG_QUALITY = 85

NOT_AN_IMAGE = _(
    "El archivo no es una imagen JPEG, PNG o WebP válida. Suba una foto en uno de esos formatos."
)


def _refuse(message):
    raise ValidationError(message, code="invalid_image")


def reencoded_photo(uploaded_file) -> ContentFile:
    """Return the cleaned JPEG of ``uploaded_file`` or raise ValidationError (Spanish message).

    Nothing is written anywhere: the caller stores the returned content."""
    size = getattr(uploaded_file, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        _refuse(_("La imagen pesa más de 10 MB. Redúzcala antes de subirla."))
    uploaded_file.seek(0)
    data = uploaded_file.read(MAX_UPLOAD_BYTES + 1)
    uploaded_file.seek(0)
    if len(data) > MAX_UPLOAD_BYTES:
        _refuse(_("La imagen pesa más de 10 MB. Redúzcala antes de subirla."))
    if not data:
        _refuse(_("El archivo está vacío."))
    too_large = _(
        "La imagen tiene demasiados píxeles (más de 40 megapíxeles) y no se puede procesar "
        "con seguridad. Redúzcala antes de subirla."
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.format not in ACCEPTED_FORMATS:
                    _refuse(NOT_AN_IMAGE)
                if image.width * image.height > MAX_PIXELS:
                    _refuse(too_large)
                image.load()
                cleaned = _clean(image)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _refuse(too_large)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        _refuse(NOT_AN_IMAGE)
    out = io.BytesIO()
    cleaned.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return ContentFile(out.getvalue(), name="foto.jpg")


def _clean(image):
    """Upright, RGB, at most MAX_SIDE px, and a fresh image with no metadata attached."""
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    else:
        image = image.convert("RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    # Copy the pixels into a new image so that no info (exif, icc_profile, comments) survives.
    fresh = Image.new("RGB", image.size)
    fresh.paste(image)
    return fresh
