"""Forms of the catalogue import: the upload, and the confirmation of a preview.

An upload that previews cleanly is kept under ``MEDIA_ROOT/imports/<user id>/<token>/`` until the
user confirms it (then it is validated again against the database) or for a day at most. The
token is a random UUID and the folder carries the uploader's id, so nobody else can confirm it.
"""

import contextlib
import datetime
import json
import os
import re
import uuid

from django import forms
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sioc.offers.imports import MAX_UPLOAD_BYTES, Source

IMPORT_ROOT = "imports"
MAX_FILES = 4
KEEP_HOURS = 24
TOKEN_RE = re.compile(r"^[0-9a-f]{32}$")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """One workbook, or several CSV files (one per sheet)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(
                attrs={
                    "accept": ".xlsx,.xlsm,.csv,application/vnd.openxmlformats-officedocument."
                    "spreadsheetml.sheet,text/csv"
                }
            ),
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            files = [single(item, initial) for item in data if item]
            if not files:
                return [single(None, initial)]
            return files
        return [single(data, initial)]


class ImportUploadForm(forms.Form):
    files = MultipleFileField(
        label=gettext_lazy("Archivo del catálogo"),
        help_text=gettext_lazy(
            "El libro .xlsx de la plantilla, o archivos CSV (uno por hoja: cooperantes y "
            "ofertas). Máximo 50 MB."
        ),
        error_messages={
            "required": gettext_lazy("Elija el archivo que quiere importar."),
            "empty": gettext_lazy("El archivo está vacío."),
        },
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(
                _("Suba un libro .xlsx o como máximo %(n)d archivos CSV.") % {"n": MAX_FILES}
            )
        total = sum(f.size for f in files)
        if total > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _(
                    "El archivo pesa %(size)s MB y el máximo es 50 MB. Divida el catálogo en "
                    "varios archivos."
                )
                % {"size": f"{total / 1024 / 1024:.1f}".replace(".", ",")}
            )
        return files

    def sources(self):
        return [Source(f.name, _read(f)) for f in self.cleaned_data["files"]]


def _read(uploaded):
    uploaded.seek(0)
    return uploaded.read(MAX_UPLOAD_BYTES + 1)


def _folder(user, token):
    return f"{IMPORT_ROOT}/{user.pk}/{token}"


def store_upload(user, sources):
    """Keep ``sources`` for the user's confirmation; return the token."""
    purge_old_uploads(user)
    token = uuid.uuid4().hex
    folder = _folder(user, token)
    manifest = []
    for index, source in enumerate(sources):
        stored = default_storage.save(f"{folder}/{index}.dat", ContentFile(source.data))
        manifest.append({"stored": stored, "name": source.name[:200]})
    default_storage.save(
        f"{folder}/manifest.json",
        ContentFile(
            json.dumps({"files": manifest, "stored_at": timezone.now().isoformat()}).encode()
        ),
    )
    return token


def load_upload(user, token):
    """The sources kept under ``token`` for this user, or None."""
    if not TOKEN_RE.match(token or ""):
        return None
    folder = _folder(user, token)
    try:
        with default_storage.open(f"{folder}/manifest.json") as fh:
            manifest = json.loads(fh.read())
        sources = []
        for item in manifest["files"]:
            if not item["stored"].startswith(folder + "/"):
                return None
            with default_storage.open(item["stored"]) as fh:
                sources.append(Source(item["name"], fh.read()))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return sources


def delete_upload(user, token):
    if not TOKEN_RE.match(token or ""):
        return
    folder = _folder(user, token)
    try:
        _dirs, files = default_storage.listdir(folder)
    except OSError:
        return
    for name in files:
        default_storage.delete(f"{folder}/{name}")
    try:  # FileSystemStorage leaves the empty folder behind
        path = default_storage.path(folder)
    except NotImplementedError:
        return
    with contextlib.suppress(OSError):
        os.rmdir(path)


def purge_old_uploads(user):
    """Forget this user's previews older than a day (never confirmed)."""
    base = f"{IMPORT_ROOT}/{user.pk}"
    try:
        tokens, _files = default_storage.listdir(base)
    except OSError:
        return
    limit = timezone.now() - datetime.timedelta(hours=KEEP_HOURS)
    for token in tokens:
        try:
            stamp = default_storage.get_modified_time(f"{base}/{token}/manifest.json")
        except (OSError, NotImplementedError):
            stamp = None
        if stamp is None or stamp < limit:
            delete_upload(user, token)


class ImportConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=32)
    fingerprint = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.stored = None

    def clean(self):
        data = super().clean()
        token = data.get("token", "")
        self.stored = load_upload(self.user, token)
        if self.stored is None:
            raise forms.ValidationError(
                _("La vista previa ya no está disponible: suba el archivo de nuevo."),
                code="missing",
            )
        return data

    def sources(self):
        return self.stored

    def forget(self):
        delete_upload(self.user, self.cleaned_data.get("token", ""))
