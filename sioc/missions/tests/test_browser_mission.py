"""A mission in a real browser, one context per person: an AME officer records a two-meeting
mission with a photo and an opportunity through the forms and publishes it; a Cuenca GAD officer
opens the opportunity's offer and expresses interest; AME finds the request in its queue."""

import datetime
import re

import pytest
from django.db import connection
from django.utils import timezone
from playwright.sync_api import expect

from sioc.accounts.tests.factories import PASSWORD, PersonaFactory
from sioc.demands.models import ExpressionOfInterest
from sioc.missions.models import Mission
from sioc.missions.tests import factories

pytestmark = pytest.mark.browser


def new_page(browser, live_server, email):
    context = browser.new_context(locale="es-EC", timezone_id="America/Guayaquil")
    page = context.new_page()
    page.js_errors = []
    page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
    page.on("console", lambda msg: page.js_errors.append(msg.text) if msg.type == "error" else None)
    page.goto(live_server.url + "/cuentas/ingresar/")
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Ingresar").click()
    expect(page.get_by_role("heading", name=re.compile("Bienvenido"))).to_be_visible()
    return page


def field(page, label):
    """A form field by its exact label (required fields add « (obligatorio)» for screen readers)."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}(\s*\*?\s*\(obligatorio\))?$"))


def fill(page, label, value):
    field(page, label).fill(value)


def add_meeting(page, date, title, place, subject, development, conclusions):
    page.get_by_role("link", name="Agregar reunión").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Agregar una reunión o actividad")
    fill(page, "Fecha", date)
    fill(page, "Título", title)
    fill(page, "Lugar", place)
    fill(page, "Asunto", subject)
    fill(page, "Desarrollo", development)
    fill(page, "Conclusiones", conclusions)
    page.get_by_role("button", name="Guardar").click()
    expect(page.get_by_role("alert").first).to_contain_text("Reunión agregada")


@pytest.mark.skipif(
    connection.vendor == "postgresql",
    reason=(
        "Known flaky on the full PostgreSQL suite only (twice in CI, never alone or under CPU "
        "load): after the photo upload the meeting is missing from the page; under "
        "investigation. The same flow runs on SQLite in every CI run."
    ),
)
def test_ame_records_a_mission_and_a_gad_expresses_interest(browser, live_server, reference_data):
    PersonaFactory.make("ame_officer")
    PersonaFactory.make("cuenca_officer")
    cuenca = factories.gad("0101")
    host = factories.counterpart_org()
    deadline = (timezone.localdate() + datetime.timedelta(days=60)).isoformat()

    # 1. AME records the mission through the forms.
    ame = new_page(browser, live_server, "ame.officer@ejemplo.ec")
    ame.goto(live_server.url + "/misiones/")
    ame.get_by_role("link", name="Nueva misión").click()
    field(ame, "Tipo").select_option(label="Agenda paradiplomática")
    fill(ame, "Nombre", "Agenda paradiplomática a San Salvador")
    field(ame, "País").select_option(value="SV")
    fill(ame, "Ciudades", "San Salvador, Santa Tecla")
    fill(ame, "Fecha de inicio", "2025-03-10")
    fill(ame, "Fecha de fin", "2025-03-14")
    fill(ame, "Objetivo", "Conocer la gestión de residuos y abrir hermanamientos.")
    ame.get_by_role("button", name="Guardar").click()
    expect(ame.get_by_role("heading", level=1)).to_have_text(
        "Agenda paradiplomática a San Salvador"
    )
    mission = Mission.objects.get(name="Agenda paradiplomática a San Salvador")

    ame.get_by_role("link", name="Agregar a la delegación").click()
    field(ame, "Organización").select_option(value=str(cuenca.pk))
    fill(ame, "Nombre", "Alcaldesa de prueba")
    fill(ame, "Cargo", "Alcaldesa")
    ame.get_by_role("button", name="Guardar").click()
    expect(ame.get_by_role("alert").first).to_contain_text("Participante agregado")

    add_meeting(
        ame,
        "2025-03-11",
        "Reunión con la Alcaldía de San Salvador",
        "Palacio Municipal",
        "Gestión integral de residuos sólidos.",
        "Presentación del modelo de reciclaje\nVisita a la planta de compostaje",
        "Existe interés en un hermanamiento con GAD ecuatorianos",
    )
    add_meeting(
        ame,
        "2025-03-12",
        "Encuentro con COMURES",
        "Santa Tecla",
        "Asociativismo municipal.",
        "Intercambio sobre mancomunidades",
        "Compartir experiencias de mancomunidades",
    )
    first = mission.meetings.get(title="Reunión con la Alcaldía de San Salvador")

    # A photo of the first meeting (a JPEG carrying a GPS location).
    ame.get_by_role("link", name="Agregar una foto").click()
    field(ame, "Foto").set_input_files(
        files=[
            {
                "name": "planta.jpg",
                "mimeType": "image/jpeg",
                "buffer": factories.image_bytes("JPEG", size=(1200, 800)),
            }
        ]
    )
    fill(ame, "Leyenda", "Visita a la planta de compostaje")
    fill(ame, "Crédito", "AME")
    field(ame, "Reunión").select_option(value=str(first.pk))
    ame.get_by_role("button", name="Subir foto").click()
    expect(ame.get_by_role("alert").first).to_contain_text("Foto agregada")
    expect(ame.locator(f"#reunion-{first.pk} img")).to_have_count(1)  # on the mission page

    # The opportunity that meeting opened.
    meeting = ame.locator(f"#reunion-{first.pk}")
    meeting.get_by_role("link", name="Registrar oportunidad").click()
    fill(ame, "Título de la oportunidad", "Hermanamiento en gestión de residuos con San Salvador")
    field(ame, "Tipo").select_option(label="Hermanamiento")
    field(ame, "Organización contraparte").select_option(value=str(host.pk))
    fill(ame, "Qué puede hacer un GAD", "Enviar una carta de intención a AME.")
    fill(ame, "Hasta cuándo", deadline)
    ame.get_by_role("button", name="Guardar").click()
    expect(ame.get_by_role("alert").first).to_contain_text("Oportunidad registrada")

    for step in ("Marcar en curso", "Marcar sistematizada", "Publicar"):
        ame.get_by_role("button", name=step).click()
        expect(ame.get_by_role("alert").first).to_contain_text("Estado de la misión")
    mission.refresh_from_db()
    assert mission.status == "published"

    # The mission page: both meetings in AME's structure, the photo, the map, the report.
    expect(
        ame.get_by_role("heading", name="Reunión con la Alcaldía de San Salvador")
    ).to_be_visible()
    expect(ame.get_by_role("heading", name="Encuentro con COMURES")).to_be_visible()
    expect(ame.locator(f"#reunion-{first.pk}")).to_contain_text(
        "Conclusiones y recomendaciones para los GAD"
    )
    photo = ame.get_by_role("img", name="Visita a la planta de compostaje")
    expect(photo).to_be_visible()
    assert photo.evaluate("img => img.complete && img.naturalWidth") > 0
    expect(ame.locator(".mision-mapa")).to_have_attribute("data-cantons-drawn", "1")
    expect(ame.locator(".mision-mapa .leaflet-interactive")).to_have_count(1)
    expect(ame.get_by_role("link", name="Informe en PDF")).to_be_visible()
    assert ame.js_errors == [], ame.js_errors

    # 2. Cuenca's officer opens the opportunity's offer and expresses interest.
    gad = new_page(browser, live_server, "cuenca.officer@ejemplo.ec")
    gad.goto(live_server.url + mission.get_absolute_url())
    opportunities = gad.locator("#oportunidades")
    opportunities.get_by_role("link", name="Ver la oferta").click()
    expect(gad.get_by_role("heading", level=1)).to_have_text(
        "Hermanamiento en gestión de residuos con San Salvador"
    )
    expect(gad.get_by_text("Oportunidad surgida de una misión de AME")).to_be_visible()
    expect(gad.get_by_role("link", name="Agenda paradiplomática a San Salvador")).to_be_visible()
    gad.wait_for_load_state("networkidle")
    gad.get_by_role("link", name="Expresar interés").first.click()
    expect(gad.get_by_role("heading", name="Expresar interés")).to_be_visible()
    gad.get_by_label("Justificación").fill(
        "Cuenca quiere hermanarse para mejorar su planta de compostaje."
    )
    gad.get_by_role("button", name="Enviar expresión de interés").click()
    expect(gad.get_by_role("alert").first).to_contain_text("Expresión de interés enviada")
    interest = ExpressionOfInterest.objects.get()
    assert interest.gad == cuenca
    assert interest.offer.opportunity.meeting == first
    assert gad.js_errors == [], gad.js_errors

    # 3. AME sees it in its queue.
    ame.goto(live_server.url + "/demanda/interes/bandeja/")
    expect(
        ame.get_by_role("link", name="Hermanamiento en gestión de residuos con San Salvador")
    ).to_be_visible()
    expect(ame.locator("main")).to_contain_text("Cuenca")
    ame.context.close()
    gad.context.close()
