"""The demand flow in a real browser: a Nabón officer records a need for drinking-water studies
and expresses interest in an offer; AME triages and refers it; the cooperante's focal point moves
it to negotiation; the GAD sees every step on the request's page and got an e-mail for each."""

import re

import pytest
from django.conf import settings
from django.core import mail
from playwright.sync_api import expect

from sioc.accounts.tests.factories import PASSWORD, MembershipFactory, PersonaFactory, UserFactory
from sioc.common.roles import Role
from sioc.demands.models import ExpressionOfInterest, Need
from sioc.offers.tests.factories import offer
from sioc.organizations.models import Organization

pytestmark = pytest.mark.browser

NABON_EMAIL = "tecnico@nabon.ejemplo.ec"


def login(page, live_server, email):
    page.context.clear_cookies()
    page.goto(live_server.url + "/cuentas/ingresar/")
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Ingresar").click()
    expect(page.get_by_role("heading", name=re.compile("Bienvenido"))).to_be_visible()


def take_step(page, name, comment):
    form = page.locator("form").filter(has=page.get_by_role("button", name=name))
    form.get_by_label("Comentario").fill(comment)
    form.get_by_role("button", name=name).click()


def test_need_interest_triage_referral_negotiation(page, live_server, reference_data):
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"
    nabon = Organization.objects.get(canton__code="0104")
    officer = UserFactory(email=NABON_EMAIL, full_name="Rosa Guamán")
    MembershipFactory(user=officer, organization=nabon, role=Role.GAD_OFFICER)
    PersonaFactory.make("ame_officer")
    focal = PersonaFactory.make("focal_point")
    water = offer(
        focal.memberships.get().organization,
        code="GIZ-AGUA-AUSTRO",
        title="Asistencia técnica para estudios de agua potable en el Austro",
        modalities=["technical_assistance"],
        sdgs=[6],
        provinces=["01"],
        closes_in=45,
    )

    # 1. The Nabón officer records the need.
    login(page, live_server, NABON_EMAIL)
    page.goto(live_server.url + "/demanda/necesidades/nueva/")
    expect(page.get_by_role("heading", name="Nueva necesidad")).to_be_visible()
    page.get_by_label("Título").fill("Estudios de agua potable para Cochapata")
    page.get_by_label("Problema").fill(
        "Las comunidades de Cochapata no tienen agua segura todo el año."
    )
    page.get_by_label("Cochapata").check()
    page.get_by_label("6. Agua limpia y saneamiento").check()
    page.get_by_label("Asistencia técnica").check()
    page.get_by_label("Presupuesto estimado (USD)").fill("120000")
    page.get_by_role("button", name="Guardar y activar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Estudios de agua potable para Cochapata"
    )
    expect(page.get_by_role("alert").first).to_contain_text("Necesidad registrada y activa")
    need = Need.objects.get(title="Estudios de agua potable para Cochapata")
    assert need.gad == nabon and need.status == "active"

    # 2. The need's page recommends the offer (the matching partial); the officer opens it and
    #    expresses interest for that need.
    recommended = page.locator("section[aria-labelledby=sec-recomendadas]")
    offer_link = recommended.get_by_role("link", name=water.title).first
    expect(offer_link).to_be_visible()
    offer_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(water.title)
    page.wait_for_load_state("networkidle")
    button = page.get_by_role("link", name="Expresar interés")
    if button.count():  # the offer page includes demands:offer_interest_button
        button.click()
    else:
        page.goto(live_server.url + f"/demanda/interes/nueva/{water.code}/")
    expect(page.get_by_role("heading", name="Expresar interés")).to_be_visible()
    expect(page.get_by_label("Correo de contacto")).to_have_value(NABON_EMAIL)
    page.get_by_label("Necesidad que atiende").select_option(
        label="Estudios de agua potable para Cochapata (activa)"
    )
    page.get_by_label("Justificación").fill(
        "Necesitamos los diseños del sistema de agua de Cochapata."
    )
    page.get_by_role("button", name="Enviar expresión de interés").click()
    expect(page.get_by_role("alert").first).to_contain_text("Expresión de interés enviada")
    expect(page.locator("#estado-actual")).to_contain_text("Enviada")
    interest = ExpressionOfInterest.objects.get()
    assert interest.need == need

    # 3. AME triages it from its queue and refers it to the cooperante.
    login(page, live_server, "ame.officer@ejemplo.ec")
    page.goto(live_server.url + "/demanda/interes/bandeja/")
    page.get_by_role("link", name=water.title).click()
    take_step(page, "Tomar en revisión", "Revisamos la cobertura: Azuay está incluida.")
    expect(page.locator("#estado-actual")).to_contain_text("En revisión de AME")
    take_step(page, "Remitir al cooperante", "Cumple los requisitos; remitida a la GIZ.")
    expect(page.locator("#estado-actual")).to_contain_text("Remitida al cooperante")

    # 4. The cooperante's focal point moves it to negotiation.
    login(page, live_server, "focal.point@ejemplo.ec")
    page.goto(live_server.url + "/demanda/interes/remitidas/")
    page.get_by_role("link", name=water.title).click()
    take_step(page, "Pasar a negociación", "Proponemos una reunión técnica en Nabón.")
    expect(page.locator("#estado-actual")).to_contain_text("En negociación")

    # 5. The GAD sees every step.
    login(page, live_server, NABON_EMAIL)
    page.goto(live_server.url + "/demanda/interes/mis-solicitudes/")
    page.get_by_role("link", name=water.title).click()
    timeline = page.locator(".linea-tiempo")
    for text in (
        "Enviada → En revisión de AME",
        "En revisión de AME → Remitida al cooperante",
        "Remitida al cooperante → En negociación",
        "Revisamos la cobertura: Azuay está incluida.",
        "Cumple los requisitos; remitida a la GIZ.",
        "Proponemos una reunión técnica en Nabón.",
        "Óscar Oficial",
        "Fiona Focal",
    ):
        expect(timeline).to_contain_text(text)
    expect(page.locator(".etapas [aria-current=step]")).to_have_text("En negociación")
    assert page.js_errors == [], page.js_errors

    # 6. ... and got an e-mail, in Spanish, at each step.
    to_gad = [m for m in mail.outbox if m.to == [NABON_EMAIL]]
    subjects = [m.subject.split(" · ")[1] for m in to_gad]
    assert subjects == [
        "Expresión de interés: Enviada",
        "Expresión de interés: En revisión de AME",
        "Expresión de interés: Remitida al cooperante",
        "Expresión de interés: En negociación",
    ]
    assert "Proponemos una reunión técnica en Nabón." in to_gad[-1].body
    assert any(m.to == ["focal.point@ejemplo.ec"] for m in mail.outbox)
