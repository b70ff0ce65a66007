"""The monitoring flow in a real browser: Cuenca's GAD officer records a project born from an
expression of interest, reports a quarter and submits it; an AME officer approves it; the GAD
officer then finds the period locked, with the message saying only AME can reopen it.
One browser context per person."""

import re

import pytest
from playwright.sync_api import expect

from sioc.accounts.tests.factories import PASSWORD, PersonaFactory
from sioc.demands.choices import InterestStatus
from sioc.demands.tests import factories as demand_factories
from sioc.offers.tests.factories import offer as make_offer
from sioc.organizations.models import Organization
from sioc.projects.choices import PeriodStatus
from sioc.projects.models import Project

pytestmark = pytest.mark.browser

TITLE = "Electromovilidad para el transporte urbano de Cuenca"


def login(page, live_server, email):
    page.goto(live_server.url + "/cuentas/ingresar/")
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Ingresar").click()
    expect(page.get_by_role("heading", name=re.compile("Bienvenido"))).to_be_visible()


def test_gad_reports_a_quarter_and_ame_approves_it(browser, page, live_server, reference_data):
    gad_officer = PersonaFactory.make("cuenca_officer")
    ame_officer = PersonaFactory.make("ame_officer")
    focal = PersonaFactory.make("focal_point")
    giz = focal.memberships.get().organization
    cuenca = Organization.objects.get(canton__code="0101")
    offer = make_offer(giz, title="Movilidad eléctrica en ciudades intermedias", closes_in=60)
    interest = demand_factories.interest(offer, cuenca, status=InterestStatus.APPROVED)

    # 1. The GAD officer records the project from the expression of interest.
    login(page, live_server, gad_officer.email)
    page.goto(f"{live_server.url}/proyectos/nuevo/desde-interes/{interest.pk}/")
    expect(page.get_by_role("heading", name="Registrar proyecto")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("quedará como organización financiadora")
    expect(page.get_by_label("Título")).to_have_value(offer.title)
    page.get_by_label("Título").fill(TITLE)
    page.get_by_label("Inicio planificado").fill("2025-01-01")
    page.get_by_label("Fin planificado").fill("2025-12-31")
    page.get_by_label("Presupuesto", exact=True).fill("80000")
    page.get_by_role("button", name="Registrar proyecto").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("alert").first).to_contain_text("Proyecto registrado")
    project = Project.objects.get(title=TITLE)
    assert project.origin_interest == interest
    expect(page.locator("#organizaciones")).to_contain_text(giz.name)
    expect(page.locator("#organizaciones")).to_contain_text("Financiador")

    # 2. A result, an indicator and the quarterly periods.
    box = page.locator("details", has_text="Agregar un resultado")
    box.locator("summary").click()
    box.get_by_label("Resultado").fill("Flota eléctrica planificada")
    box.get_by_role("button", name="Agregar resultado").click()
    expect(page.get_by_role("alert").first).to_contain_text("Resultado agregado")
    box = page.locator("details", has_text="Agregar un indicador")
    box.locator("summary").click()
    box.get_by_label("Indicador").fill("Rutas con estudio de sustitución")
    box.get_by_label("Unidad").fill("rutas")
    box.get_by_label("Meta final").fill("12")
    box.get_by_role("button", name="Agregar indicador").click()
    expect(page.get_by_role("alert").first).to_contain_text("Indicador agregado")
    box = page.locator("details", has_text="Generar los períodos de reporte")
    box.locator("summary").click()
    box.get_by_role("button", name="Generar períodos").click()
    expect(page.get_by_role("alert").first).to_contain_text("Períodos de reporte generados")
    periods = page.locator("#periodos")
    expect(periods.get_by_role("row")).to_have_count(5)  # header + four quarters

    # 3. The first quarter's progress report, submitted to AME.
    periods.get_by_role("link", name="01/01/2025 – 31/03/2025").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("01/01/2025 – 31/03/2025")
    page.get_by_label("Meta del período: Rutas con estudio").fill("3")
    page.get_by_label("Valor alcanzado: Rutas con estudio").fill("4")
    page.get_by_label("Ejecución financiera del período (USD)").fill("15000")
    page.get_by_label("Avance narrativo").fill("Se estudiaron cuatro rutas del sur de la ciudad.")
    page.get_by_role("button", name="Enviar informe a AME").click()
    expect(page.get_by_role("alert").first).to_contain_text("Informe enviado a AME")
    expect(page.locator("#estado-periodo")).to_have_text("Enviado a AME")
    period_url = page.url

    # 4. AME approves it (its own browser context).
    ame_context = browser.new_context(locale="es-EC", timezone_id="America/Guayaquil")
    ame_page = ame_context.new_page()
    try:
        login(ame_page, live_server, ame_officer.email)
        ame_page.goto(period_url)
        expect(ame_page.get_by_text("Se estudiaron cuatro rutas")).to_be_visible()
        ame_page.get_by_role("button", name="Aprobar informe").click()
        expect(ame_page.get_by_role("alert").first).to_contain_text("Informe aprobado")
        expect(ame_page.locator("#periodo-bloqueado")).to_be_visible()
    finally:
        ame_context.close()

    # 5. The GAD officer sees the period locked, with who can reopen it.
    page.reload()
    locked = page.locator("#periodo-bloqueado")
    expect(locked).to_contain_text("ya fue aprobado por AME y está bloqueado")
    expect(locked).to_contain_text("Solo AME puede reabrirlo")
    expect(page.get_by_role("button", name="Enviar informe a AME")).to_have_count(0)
    expect(page.locator("#estado-periodo")).to_have_text("Aprobado")
    period = project.periods.order_by("starts_on").first()
    assert period.status == PeriodStatus.APPROVED
    assert period.indicator_values.get().actual == 4
    assert page.js_errors == []
