"""Missions for tests, created the way users create them: through the services."""

import datetime
import io
import itertools

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from sioc.missions import services
from sioc.missions.choices import MissionKind, MissionStatus, ParticipantRole
from sioc.organizations.models import Organization

_n = itertools.count(1)


def gad(canton_code):
    return Organization.objects.get(kind="gad_municipal", canton__code=canton_code)


def counterpart_org(slug="alcaldia-san-salvador-prueba", name="Alcaldía de San Salvador (prueba)"):
    org, _ = Organization.objects.get_or_create(
        slug=slug, defaults={"name": name, "kind": "foreign_local_government", "country": "SV"}
    )
    return org


def mission(
    *,
    status=MissionStatus.PUBLISHED,
    gads=("0101",),
    name=None,
    slug=None,
    kind=MissionKind.PARADIPLOMATIC_AGENDA,
    starts_on=datetime.date(2024, 5, 6),
    ends_on=datetime.date(2024, 5, 10),
    actor=None,
    **fields,
):
    n = next(_n)
    m = services.create_mission(
        actor=actor,
        status=status,
        slug=slug or f"mision-prueba-{n}",
        kind=kind,
        name=name or f"Agenda paradiplomática de prueba {n}",
        country=fields.pop("country", "SV"),
        cities=fields.pop("cities", "San Salvador"),
        starts_on=starts_on,
        ends_on=ends_on,
        **fields,
    )
    for code in gads:
        services.add_participant(
            m,
            actor=actor,
            organization=gad(code),
            person_name="Alcalde de prueba",
            position="Alcalde",
            role=ParticipantRole.GAD_AUTHORITY,
        )
    return m


def meeting(m, *, actor=None, title="Reunión con la alcaldía", **fields):
    values = {
        "date": m.starts_on,
        "place": "San Salvador",
        "title": title,
        "subject": "Cooperación en gestión de residuos",
        "development": "Presentación de la alcaldía\nIntercambio de experiencias",
        "conclusions": "Hay interés mutuo en un hermanamiento",
    }
    values.update(fields)
    return services.add_meeting(m, actor=actor, **values)


def image_bytes(fmt="JPEG", size=(64, 48), mode="RGB", color=(200, 30, 30), **save):
    out = io.BytesIO()
    Image.new(mode, size, color).save(out, format=fmt, **save)
    return out.getvalue()


def upload(name="foto.jpg", data=None, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data if data is not None else image_bytes(), content_type)
