"""Checks for uploaded documents, shared by every app that accepts attachments."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


def checked_pdf_name(uploaded_file) -> str:
    """Refuse anything but a PDF (by its signature, not its name) of at most 10 MB; return a
    safe file name without any client-side folder."""
    if uploaded_file.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(_("El archivo pesa más de 10 MB."))
    head = uploaded_file.read(5)
    uploaded_file.seek(0)
    if head != b"%PDF-":
        raise ValidationError(_("El archivo no es un PDF."))
    return uploaded_file.name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1][:100] or "documento.pdf"
