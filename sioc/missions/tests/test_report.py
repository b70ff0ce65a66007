"""The informe de sistematización: AME's structure, in order, as a searchable A4 PDF and a DOCX."""

import datetime
import io
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from PIL import Image
from pypdf import PdfReader

from sioc.missions import services
from sioc.missions.choices import MissionKind, MissionStatus, OpportunityKind, ParticipantRole
from sioc.missions.models import Photo
from sioc.missions.reports import build_report
from sioc.organizations.choices import OrganizationKind
from sioc.organizations.models import Organization
from sioc.organizations.services import create_organization

pytestmark = pytest.mark.django_db

BASE_URL = "https://sioc.ame.gob.ec/"


def jpeg(color, size=(320, 240)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG")
    return SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def mission():
    ame = Organization.objects.get(slug="ame")
    opamss = create_organization(
        actor=None,
        kind=OrganizationKind.NATIONAL_GOVERNMENT,
        name="Oficina de Planificación del Área Metropolitana de San Salvador",
        acronym="OPAMSS",
        country="SV",
    )
    mission = services.create_mission(
        actor=None,
        status=MissionStatus.PUBLISHED,
        slug="agenda-prueba-2024",
        kind=MissionKind.NATIONAL_ASSEMBLY,
        name="Agenda de cooperación en seguridad ciudadana",
        country="SV",
        cities="San Salvador",
        starts_on=datetime.date(2024, 9, 9),
        ends_on=datetime.date(2024, 9, 14),
        organiser=ame,
        objective="Aprender de la prevención de la violencia.",
        presentation_letter="Carta de presentación de la delegación.\n\nSegundo párrafo.",
        keywords="seguridad ciudadana, espacio público",
        credits="Luis Enrique Ortiz — Director Nacional de Cooperación Internacional",
    )
    cuenca = Organization.objects.get(kind="gad_municipal", canton__code="0101")
    services.add_participant(
        mission, actor=None, organization=cuenca, person_name="Ana Prueba", position="Alcaldesa"
    )
    services.add_participant(
        mission,
        actor=None,
        organization=ame,
        person_name="Técnico AME",
        role=ParticipantRole.AME_STAFF,
    )
    first = services.add_meeting(
        mission,
        actor=None,
        order=0,
        date=datetime.date(2024, 9, 9),
        place="San Salvador",
        title="Reunión con la OPAMSS",
        subject="Planificación metropolitana del área de San Salvador.",
        development="Catorce municipios planifican juntos.\nTrámites en ventanilla virtual.",
        conclusions="La gobernanza colaborativa es replicable.",
    )
    services.add_recommendation(first, actor=None, order=0, text="Digitalizar los trámites.")
    second = services.add_meeting(
        mission,
        actor=None,
        order=1,
        date=datetime.date(2024, 9, 10),
        place="Ahuachapán",
        title="Visita a la central geotérmica",
        subject="Generación geotérmica.",
        development="Se producen 204 MW.",
        conclusions="Carchi tiene potencial geotérmico.",
    )
    for meeting, color in ((first, "navy"), (first, "teal"), (second, "olive")):
        services.add_photo(
            mission,
            actor=None,
            meeting=meeting,
            uploaded_file=jpeg(color),
            caption=f"Delegación en {meeting.place}",
            credit="AME",
        )
    services.create_opportunity(
        first,
        actor=None,
        kind=OpportunityKind.TECHNICAL_ASSISTANCE,
        counterpart=opamss,
        title="Asistencia técnica de la OPAMSS",
        gad_action="Pedir acompañamiento en planificación urbana.",
        deadline=datetime.date.today() + datetime.timedelta(days=90),
    )
    panel = services.add_panel(
        mission,
        actor=None,
        order=0,
        title="Buenas prácticas municipales",
        objective="Compartir proyectos exitosos.",
        moderator="Esteban Orellana",
        conclusions="La cooperación descentralizada funciona.",
    )
    services.add_speaker(
        panel, actor=None, name="Germán Flores", organization_name="GADM Pastaza", contribution="X"
    )
    return mission


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())  # lines wrap where the layout decides


def assert_in_order(text, parts):
    position = -1
    for part in parts:
        found = text.find(part, position + 1)
        assert found > position, f"{part!r} missing or out of order"
        position = found


def test_pdf_has_the_sections_in_order_with_searchable_accents(mission):
    data = build_report(mission, "pdf", base_url=BASE_URL)
    reader, text = pdf_text(data)
    offer = mission.meetings.first().opportunities.get().offer
    assert_in_order(
        text,
        [
            "Agenda de cooperación en seguridad ciudadana",
            "San Salvador, El Salvador",
            "09/09/2024",
            "Presentación",
            "Carta de presentación de la delegación.",
            "Cantones participantes",
            "Cuenca",
            "Ana Prueba",
            "ASUNTO",
            "Planificación metropolitana",
            "DESARROLLO",
            "Catorce municipios",
            "CONCLUSIONES Y RECOMENDACIONES PARA LOS GADM",
            "Digitalizar los trámites.",
            "Delegación en San Salvador",
            "Visita a la central geotérmica",
            "Oportunidades para los GAD",
            "Asistencia técnica de la OPAMSS",
            f"https://sioc.ame.gob.ec/ofertas/{offer.code}/",
            "Exprese su interés en SIOC",
            "Diálogos y paneles",
            "Germán Flores",
            "Esteban Orellana",
            "Palabras clave",
            "seguridad ciudadana, espacio público",
            "Créditos",
            "Luis Enrique Ortiz",
            "Contacto",
        ],
    )
    assert "INFORME DE SISTEMATIZACIÓN" in text
    assert "sistematización" in text.lower()
    assert "direccion.cooperacion@ame.gob.ec" in text  # AME's contact when none is recorded

    page = reader.pages[1]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    fonts = {}
    for p in reader.pages:
        for font in p["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert fonts and all("Vera" in name for name in fonts), sorted(fonts)
    for name, font in fonts.items():  # every font is an embedded TrueType subset
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), name
    assert reader.metadata.title == mission.name
    assert reader.metadata.author == "Asociación de Municipalidades Ecuatorianas"
    # The QR code is an image on the opportunities page; the three photos are embedded too.
    images = sum(len(p.images) for p in reader.pages)
    assert images >= 4


def test_pdf_survives_a_missing_photo_file(mission):
    photo = Photo.objects.filter(mission=mission).first()
    Path(photo.image.path).unlink()
    _, text = pdf_text(build_report(mission, "pdf", base_url=BASE_URL))
    assert "Imagen no disponible" in text


def test_panels_only_for_assemblies_or_missions_with_panels(mission):
    mission.panels.all().delete()
    services.update_mission(mission, actor=None, kind=MissionKind.PARADIPLOMATIC_AGENDA)
    _, text = pdf_text(build_report(mission, "pdf", base_url=BASE_URL))
    assert "Diálogos y paneles" not in text
    services.update_mission(mission, actor=None, kind=MissionKind.NATIONAL_ASSEMBLY)
    _, text = pdf_text(build_report(mission, "pdf", base_url=BASE_URL))
    assert "Diálogos y paneles" in text


def test_docx_has_headings_in_order_pictures_and_properties(mission):
    data = build_report(mission, "docx", base_url=BASE_URL)
    document = docx.Document(io.BytesIO(data))
    headings = [
        p.text
        for p in document.paragraphs
        if p.style.name in ("Heading 1", "Heading 2", "Heading 3")
    ]
    assert_in_order(
        "\n".join(headings),
        [
            "Presentación",
            "Cantones participantes",
            "Reuniones y actividades",
            "1. Reunión con la OPAMSS",
            "Asunto",
            "Desarrollo",
            "Conclusiones y recomendaciones para los GADM",
            "2. Visita a la central geotérmica",
            "Oportunidades para los GAD",
            "Diálogos y paneles",
            "Palabras clave",
            "Créditos",
            "Contacto",
        ],
    )
    # Three photos in the body, one QR code inside the opportunity's table.
    assert len(document.inline_shapes) == 4
    cantons = document.tables[0]
    assert [c.text for c in cantons.rows[1].cells][:2] == ["Cuenca", "Azuay"]
    offer = mission.meetings.first().opportunities.get().offer
    xml = document.part.rels
    assert any(
        rel.reltype.endswith("/hyperlink")
        and rel.target_ref == f"https://sioc.ame.gob.ec/ofertas/{offer.code}/"
        for rel in xml.values()
    )
    assert document.core_properties.title == mission.name
    assert document.core_properties.author == "Asociación de Municipalidades Ecuatorianas"
    assert "sistematización" in "\n".join(p.text for p in document.paragraphs).lower()


def test_unknown_format_is_refused(mission):
    with pytest.raises(ValueError):
        build_report(mission, "odt", base_url=BASE_URL)


def test_command_writes_both_formats(mission, tmp_path):
    out = io.StringIO()
    pdf = tmp_path / "informe.pdf"
    call_command(
        "mission_report", mission.slug, "--format", "pdf", "--output", str(pdf), stdout=out
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "informe.pdf" in out.getvalue()
    word = tmp_path / "informe.docx"
    call_command(
        "mission_report", mission.slug, "--format", "docx", "--output", str(word), stdout=out
    )
    assert docx.Document(str(word)).core_properties.title == mission.name


def test_command_errors_are_spanish_and_write_nothing(mission, tmp_path):
    target = tmp_path / "x.pdf"
    with pytest.raises(CommandError, match="No existe una misión con el identificador «nada»"):
        call_command("mission_report", "nada", "--output", str(target))
    with pytest.raises(CommandError, match="Formato «odt» desconocido"):
        call_command("mission_report", mission.slug, "--format", "odt", "--output", str(target))
    with pytest.raises(CommandError, match="no existe"):
        call_command("mission_report", mission.slug, "--output", str(tmp_path / "no" / "x.pdf"))
    assert not target.exists()
