"""Project pages: policy per persona, the list with filters and exports, forms, the period page,
the portal, and the overdue list and its e-mail reminders."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from sioc.codelists.models import SdgGoal
from sioc.demands.choices import InterestStatus
from sioc.demands.tests import factories as demand_factories
from sioc.offers.tests.factories import offer as make_offer
from sioc.organizations.models import Organization
from sioc.projects import permissions, services
from sioc.projects.choices import PeriodStatus, Visibility
from sioc.projects.models import Project
from sioc.projects.tests import factories

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def records(personas):
    giz = Organization.objects.get(slug="giz-prueba")
    return {
        "private": factories.project(title="Agua para Cuenca"),
        "shared": factories.project(title="Movilidad con la GIZ", funding=[giz]),
        "published": factories.project(
            factories.gad("1101"), title="Alcantarillado de Loja", visibility=Visibility.PUBLISHED
        ),
        "external": factories.external_project(title="Actividad de USAID en Ecuador"),
    }


def titles(qs):
    return set(qs.values_list("title", flat=True))


def test_policy_per_persona(personas, records):
    everything = {
        "Agua para Cuenca",
        "Movilidad con la GIZ",
        "Alcantarillado de Loja",
        "Actividad de USAID en Ecuador",
    }
    public = {"Alcantarillado de Loja", "Actividad de USAID en Ecuador"}
    assert titles(permissions.visible_to(personas["ame_officer"])) == everything
    assert titles(permissions.visible_to(personas["cuenca_officer"])) == everything
    assert titles(permissions.visible_to(personas["loja_officer"])) == public
    assert titles(permissions.visible_to(personas["focal_point"])) == public | {
        "Movilidad con la GIZ"
    }
    assert titles(permissions.visible_to(None)) == public
    shared = records["shared"]
    assert not permissions.can(personas["focal_point"], "change", shared)
    assert permissions.can(personas["focal_point"], "view_internal", shared)
    assert permissions.can(personas["cuenca_officer"], "report", shared)
    assert not permissions.can(personas["cuenca_officer"], "review", shared)
    assert permissions.can(personas["ame_officer"], "review", shared)
    for name in ("ame_admin", "ame_officer", "cuenca_officer"):
        assert not permissions.can(personas[name], "change", records["external"])


def test_gad_authority_sees_but_does_not_edit(personas, records):
    from sioc.accounts.tests.factories import MembershipFactory, UserFactory
    from sioc.common.roles import Role

    mayor = UserFactory(email="alcaldia@cuenca.ejemplo.ec")
    MembershipFactory(user=mayor, organization=factories.gad("0101"), role=Role.GAD_AUTHORITY)
    assert "Agua para Cuenca" in titles(permissions.visible_to(mayor))
    assert not permissions.can(mayor, "change", records["private"])
    assert permissions.can(mayor, "view_internal", records["private"])


def test_list_filters_and_search(persona_client, records):
    client = persona_client("ame_officer")
    services.set_sdgs(
        records["private"], [(SdgGoal.objects.get(code=6), None, Decimal(100))], actor=None
    )
    url = reverse("projects:list")
    body = client.get(url, {"q": "agua"}).content.decode()
    assert "Agua para Cuenca" in body and "Alcantarillado" not in body
    body = client.get(url, {"gad": "gad-1101-loja"}).content.decode()
    assert "Alcantarillado de Loja" in body and "Agua para Cuenca" not in body
    body = client.get(url, {"cooperante": "giz-prueba"}).content.decode()
    assert "Movilidad con la GIZ" in body and "Agua para Cuenca" not in body
    body = client.get(url, {"ods": "6"}).content.decode()
    assert "Agua para Cuenca" in body and "Movilidad" not in body
    body = client.get(url, {"origen": "iati"}).content.decode()
    assert "Actividad de USAID" in body and "Agua para Cuenca" not in body
    body = client.get(url, {"anio": "2025", "estado": "2"}).content.decode()
    assert "Agua para Cuenca" in body and "Actividad de USAID" not in body
    assert client.get(url, {"ods": "99", "anio": "x"}).status_code == 200


def test_exports_follow_the_filters_and_the_policy(persona_client, records):
    client = persona_client("loja_officer")
    response = client.get(reverse("projects:export", args=["csv"]))
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "Alcantarillado de Loja" in text and "Agua para Cuenca" not in text
    client = persona_client("ame_officer")
    response = client.get(reverse("projects:export", args=["xlsx"]), {"gad": "gad-0101-cuenca"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][2] == "título"
    assert {r[2] for r in rows[1:]} == {"Agua para Cuenca", "Movilidad con la GIZ"}
    assert client.get(reverse("projects:export", args=["pdf"])).status_code == 404


def test_portal_shows_only_public_projects_to_anonymous(client, records):
    body = client.get(reverse("projects:portal"), {"q": ""}).content.decode()
    assert "Alcantarillado de Loja" in body and "Actividad de USAID" in body
    assert "Agua para Cuenca" not in body
    page = client.get(records["published"].get_absolute_url())
    assert page.status_code == 200 and "Historial" not in page.content.decode()
    assert client.get(records["private"].get_absolute_url()).status_code == 404


def test_detail_shows_transactions_in_original_currency_and_usd(persona_client, records):
    factories.rate("EUR", D(2025, 1, 1), "1.10")
    services.add_transaction(
        records["private"],
        actor=None,
        kind="3",
        date=D(2025, 3, 1),
        value=Decimal("1000"),
        currency="EUR",
    )
    body = persona_client("cuenca_officer").get(records["private"].get_absolute_url()).content
    text = body.decode()
    assert "EUR 1.000,00" in text and "USD 1.100,00" in text
    assert "Historial" in text and "Registrar una transacción" in text


def test_create_from_interest_prefills_and_records(persona_client, personas):
    cuenca = factories.gad("0101")
    giz = Organization.objects.get(slug="giz-prueba")
    offer = make_offer(giz, title="Electromovilidad urbana")
    interest = demand_factories.interest(offer, cuenca, status=InterestStatus.APPROVED)
    client = persona_client("cuenca_officer")
    url = reverse("projects:create_from_interest", kwargs={"pk": interest.pk})
    page = client.get(url).content.decode()
    assert 'value="Electromovilidad urbana"' in page and "organización financiadora" in page
    response = client.post(
        url,
        {
            "title": "Electromovilidad urbana en Cuenca",
            "gads": [cuenca.pk],
            "cantons": [cuenca.canton_id],
            "currency": "USD",
            "planned_start": "2026-01-01",
            "planned_end": "2026-12-31",
            "budget": "50000",
        },
    )
    project = Project.objects.get(title="Electromovilidad urbana en Cuenca")
    assert response.status_code == 302 and response["Location"] == project.get_absolute_url()
    assert project.origin_interest == interest and project.origin_offer == offer
    assert project.participations.filter(organization=giz, role="1").exists()
    assert project.budget_usd == Decimal("50000")


def test_create_refuses_bad_dates_with_a_clear_message(persona_client):
    cuenca = factories.gad("0101")
    response = persona_client("cuenca_officer").post(
        reverse("projects:create"),
        {
            "title": "Fechas al revés",
            "gads": [cuenca.pk],
            "currency": "USD",
            "planned_start": "2026-12-01",
            "planned_end": "2026-01-01",
        },
    )
    assert response.status_code == 400
    assert "no puede ser anterior al inicio planificado" in response.content.decode()


def test_edit_conflict_answers_409(persona_client, records):
    project = records["private"]
    client = persona_client("cuenca_officer")
    data = {
        "title": "Nuevo título",
        "gads": [project.gads.get().pk],
        "currency": "USD",
        "version": "2000-01-01T00:00:00+00:00",
    }
    response = client.post(reverse("projects:edit", args=[project.pk]), data)
    assert response.status_code == 409 and "Otra persona guardó" in response.content.decode()


def test_shares_page_refuses_sdgs_over_100(persona_client, records):
    project = records["private"]
    data = {
        "org-TOTAL_FORMS": "0",
        "org-INITIAL_FORMS": "0",
        "ods-TOTAL_FORMS": "2",
        "ods-INITIAL_FORMS": "0",
        "ods-0-goal": SdgGoal.objects.get(code=6).pk,
        "ods-0-percentage": "80",
        "ods-1-goal": SdgGoal.objects.get(code=11).pk,
        "ods-1-percentage": "40",
        "sector-TOTAL_FORMS": "0",
        "sector-INITIAL_FORMS": "0",
    }
    client = persona_client("cuenca_officer")
    response = client.post(reverse("projects:shares", args=[project.pk]), data, follow=True)
    assert "suman 120 %" in response.content.decode()
    assert not project.sdg_shares.exists()


def test_transaction_in_unknown_currency_says_so(persona_client, records):
    project = records["private"]
    response = persona_client("cuenca_officer").post(
        reverse("projects:transaction_add", args=[project.pk]),
        {"kind": "3", "date": "2025-02-01", "value": "10", "currency": "ZZZ"},
        follow=True,
    )
    assert "La moneda «ZZZ» no existe" in response.content.decode()
    assert not project.transactions.exists()


def test_period_page_locked_message_and_review(persona_client, records):
    project = records["private"]
    indicator = factories.with_indicator(project)
    period = factories.period_in(project)
    url = reverse("projects:period", args=[project.pk, period.pk])
    gad = persona_client("cuenca_officer")
    response = gad.post(
        url,
        {
            "narrative": "Avance del trimestre",
            f"actual_{indicator.pk}": "80",
            "submit": "1",
            "evidence_title": "Acta",
            "evidence_file": io.BytesIO(b"%PDF-1.4 acta"),
        },
    )
    assert response.status_code == 302
    period.refresh_from_db()
    assert period.status == PeriodStatus.SUBMITTED and period.evidence.count() == 1
    review = reverse("projects:period_review", args=[project.pk, period.pk])
    assert gad.post(review, {"action": "approve"}).status_code == 403
    ame = persona_client("ame_officer")
    body = ame.post(review, {"action": "return", "comment": ""}, follow=True).content.decode()
    assert "obligatorias al devolver" in body
    ame.post(review, {"action": "approve"})
    period.refresh_from_db()
    assert period.status == PeriodStatus.APPROVED
    gad = persona_client("cuenca_officer")
    page = gad.get(url).content.decode()
    assert "está bloqueado" in page and "Solo AME puede reabrirlo" in page
    assert "Enviar informe a AME" not in page
    response = gad.post(url, {"narrative": "Cambio", f"actual_{indicator.pk}": "1"})
    assert response.status_code == 400 and "Solo AME puede reabrirlo" in response.content.decode()
    assert period.indicator_values.get().actual == Decimal(80)


def test_overdue_list_and_reminders(
    persona_client, personas, records, django_capture_on_commit_callbacks
):
    project = records["private"]
    services.generate_periods(project, actor=None)
    ame = persona_client("ame_officer")
    body = ame.get(reverse("projects:overdue")).content.decode()
    assert "Agua para Cuenca" in body
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        reminded, sent = services.remind_overdue_reports(now=now)
    assert reminded == 4 and sent == 4  # four 2025 quarters, one Cuenca officer
    message = mail.outbox[0]
    assert message.to == [personas["cuenca_officer"].email]
    assert "atrasado" in message.subject and "debía enviarse hasta el 15/04/2025" in message.body
    assert services.remind_overdue_reports(now=now + datetime.timedelta(days=6)) == (0, 0)
    assert services.remind_overdue_reports(now=now + datetime.timedelta(days=7))[0] == 4
    mail.outbox.clear()
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_overdue_reports", stdout=out)
    assert mail.outbox == [] and "0 períodos" in out.getvalue()  # reminded < 7 days ago


def test_submitting_and_reviewing_e_mail_ame_and_the_gad(personas):
    from django.test import TestCase

    project = factories.project()
    period = factories.period_in(project)
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.save_report(period, actor=None, narrative="Listo", submit=True)
    assert {m.to[0] for m in mail.outbox} >= {personas["ame_officer"].email}
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.return_period(period, actor=None, comment="Falta el acta")
    assert [m.to for m in mail.outbox] == [[personas["cuenca_officer"].email]]
    assert "Falta el acta" in mail.outbox[0].body


def test_cooperante_page_lists_its_projects_as_the_viewer_may_see_them(client, personas):
    from sioc.projects.choices import Source

    funder = personas["focal_point"].memberships.get().organization
    factories.project(title="Agua para Cuenca", funding=[funder], visibility=Visibility.PUBLISHED)
    factories.project(title="Proyecto privado", funding=[funder])
    Project.objects.create(
        source=Source.IATI, iati_identifier="XX-1", reporting_org=funder, title="Actividad IATI"
    )
    factories.project(title="De otro cooperante", visibility=Visibility.PUBLISHED)
    url = reverse("projects:cooperante_projects", args=[funder.slug])

    html = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "Agua para Cuenca" in html and "Actividad IATI" in html
    assert "Proyecto privado" not in html and "De otro cooperante" not in html
    assert "<html" not in html  # the htmx partial, not a page

    client.force_login(personas["cuenca_officer"])
    assert "Proyecto privado" in client.get(url).content.decode()
    org_page = client.get(reverse("organizations:detail", args=[funder.slug])).content.decode()
    assert url in org_page
