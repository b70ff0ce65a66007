"""Web import by an AME administrator: upload → background task → job page with the summary."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sioc.projects.choices import ImportStatus
from sioc.projects.models import IatiImport, Project

pytestmark = pytest.mark.django_db

CAF_EC = (
    Path(settings.DATA_DIR) / "iati" / "activities_ec" / "CAF-ActivityFile-2025-10-10_solo_EC.xml"
)
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = IMMEDIATE  # django-tasks resets its backends on setting_changed
    yield


def upload(client, name, data):
    return client.post(reverse("iati:upload"), {"file": SimpleUploadedFile(name, data, "text/xml")})


def test_admin_uploads_and_sees_the_summary(
    persona_client, immediate_tasks, django_capture_on_commit_callbacks
):
    client = persona_client("ame_admin")
    assert client.get(reverse("iati:upload")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, "caf.xml", CAF_EC.read_bytes())
    job = IatiImport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "iati:job", args=[job.pk]
    )
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE, job.error
    assert (job.total, job.created, job.skipped) == (71, 71, 0)
    assert Project.objects.filter(source="iati").count() == 71
    page = client.get(reverse("iati:job", args=[job.pk]))
    assert "71 proyectos nuevos" in page.content.decode()
    assert "hx-trigger" not in page.content.decode()  # finished: no more polling
    assert "caf.xml" in client.get(reverse("iati:jobs")).content.decode()


def test_bad_file_fails_with_spanish_message_and_nothing_written(
    persona_client, immediate_tasks, django_capture_on_commit_callbacks
):
    client = persona_client("ame_admin")
    evil = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><iati-activities version="2.03"/>'
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, "malo.xml", evil)
    job = IatiImport.objects.get()
    assert job.status == ImportStatus.FAILED and "DOCTYPE" in job.error
    page = client.get(reverse("iati:job", args=[job.pk])).content.decode()
    assert "No se importó nada" in page
    assert not Project.objects.exists()


def test_upload_must_look_like_xml(persona_client):
    client = persona_client("ame_admin")
    response = upload(client, "hoja.xml", b"%PDF-1.4 no es xml")
    assert response.status_code == 200
    assert "no parece XML" in response.content.decode()
    assert not IatiImport.objects.exists()


def test_oversized_upload_refused(persona_client):
    client = persona_client("ame_admin")
    response = client.post(
        reverse("iati:upload"),
        data=b"x",
        content_type="text/xml",
        CONTENT_LENGTH=str(600 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert "100 MB" in response.content.decode()


@pytest.mark.parametrize("persona", ["ame_officer", "cuenca_officer", "focal_point"])
def test_non_admins_get_403(persona_client, persona):
    client = persona_client(persona)
    assert client.get(reverse("iati:upload")).status_code == 403
    assert upload(client, "caf.xml", CAF_EC.read_bytes()).status_code == 403
    assert not IatiImport.objects.exists()


def test_anonymous_goes_to_login(client):
    response = client.get(reverse("iati:upload"))
    assert response.status_code == 302 and "/cuentas/ingresar/" in response["Location"]
