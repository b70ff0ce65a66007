"""Correcting and removing a project's transactions, results, indicators, documents and risks:
services (USD totals, audit, locked periods) and pages (forms, confirmation, per-role access)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sioc.audit.models import AuditEvent
from sioc.projects import services
from sioc.projects.choices import PeriodStatus, Visibility
from sioc.projects.models import Document, Indicator, Project, Result, Risk, Transaction
from sioc.projects.tests import factories

pytestmark = pytest.mark.django_db
D = datetime.date


def events(project):
    return AuditEvent.objects.for_object(project)


def money(**extra):
    values = {"kind": "3", "date": D(2025, 3, 1), "value": Decimal("1000"), "currency": "USD"}
    values.update(extra)
    return values


@pytest.fixture
def project(personas):
    return factories.project(title="Agua para Cuenca")


@pytest.fixture
def locked(project):
    """An indicator with a value in an approved (locked) period."""
    indicator = factories.with_indicator(project)
    period = factories.period_in(project)
    services.save_report(
        period,
        actor=None,
        narrative="Avance",
        values={indicator: (Decimal(100), Decimal(90), "")},
        submit=True,
        notify=False,
    )
    services.approve_period(period, actor=None, notify=False)
    return indicator


# --- services -----------------------------------------------------------------------------


def test_update_transaction_recomputes_usd_and_totals(personas, project):
    factories.rate("EUR", D(2025, 1, 1), "1.10")
    factories.rate("EUR", D(2025, 6, 1), "1.20")
    item = services.add_transaction(project, actor=None, **money())
    other = services.add_transaction(project, actor=None, **money(kind="2", value=Decimal(5000)))
    project.refresh_from_db()
    assert project.disbursed_usd == Decimal("1000.00")
    actor = personas["cuenca_officer"]
    before = events(project).count()

    item = services.update_transaction(
        item, actor=actor, **money(kind="2", date=D(2025, 7, 1), currency="eur")
    )

    assert item.currency_id == "EUR"
    assert item.value_usd == Decimal("1200.00")  # the rate of its (new) date
    project.refresh_from_db()
    assert project.committed_usd == Decimal("6200.00")
    assert project.disbursed_usd == Decimal("0")
    event = events(project).latest("pk")
    assert events(project).count() == before + 1
    assert event.actor == actor
    assert "transacción: moneda" in event.changes
    assert "transacción: valor en USD" in event.changes

    services.remove_transaction(other, actor=actor)
    project.refresh_from_db()
    assert project.committed_usd == Decimal("1200.00")
    assert events(project).latest("pk").changes["transacción"][1] is None


def test_update_transaction_without_rate_changes_nothing(project):
    item = services.add_transaction(project, actor=None, **money())
    with pytest.raises(ValidationError, match="No hay tipo de cambio de JPY"):
        services.update_transaction(item, actor=None, **money(currency="JPY"))
    with pytest.raises(ValidationError, match="no existe en la lista de monedas"):
        services.update_transaction(item, actor=None, **money(currency="XXZ"))
    item.refresh_from_db()
    project.refresh_from_db()
    assert (item.currency_id, item.value_usd) == ("USD", Decimal("1000.00"))
    assert project.disbursed_usd == Decimal("1000.00")


def test_external_projects_stay_read_only(personas):
    external = factories.external_project()
    item = Transaction.objects.create(
        project=external, kind="3", date=D(2024, 1, 1), value=1, currency_id="USD", value_usd=1
    )
    with pytest.raises(ValidationError, match="solo lectura"):
        services.update_transaction(item, actor=personas["ame_admin"], **money())
    with pytest.raises(ValidationError, match="solo lectura"):
        services.remove_transaction(item, actor=personas["ame_admin"])
    assert Transaction.objects.filter(pk=item.pk).exists()


def test_results_indicators_risks_documents_are_audited(personas, project):
    actor = personas["ame_officer"]
    indicator = factories.with_indicator(project)
    result = indicator.result
    second = services.add_result(project, actor=None, title="Saneamiento")
    risk = services.add_risk(project, actor=None, description="Lluvias", level="high")
    document = services.add_document(
        project,
        actor=None,
        title="Convenio",
        uploaded_file=SimpleUploadedFile("convenio.pdf", b"%PDF-1.4 c", "application/pdf"),
    )

    services.update_result(result, actor=actor, title="Agua segura", description="")
    assert events(project).latest("pk").changes["resultado: resultado"] == [
        "Acceso a agua segura",
        "Agua segura",
    ]
    services.update_indicator(
        indicator, actor=actor, result=second, name="Familias", unit="", target_value=Decimal(600)
    )
    indicator.refresh_from_db()
    assert (indicator.result, indicator.target_value) == (second, Decimal(600))
    changes = events(project).latest("pk").changes
    assert changes["indicador: meta final"] == ["500.00", "600.00"]
    services.update_risk(risk, actor=actor, description="Lluvias", level="low", mitigation="Plan")
    assert "riesgo: nivel" in events(project).latest("pk").changes

    count = events(project).count()
    services.update_risk(risk, actor=actor, description="Lluvias", level="low", mitigation="Plan")
    assert events(project).count() == count  # nothing changed, nothing recorded

    services.remove_indicator(indicator, actor=actor)
    services.remove_risk(risk, actor=actor)
    services.remove_document(document, actor=actor)
    services.remove_result(result, actor=actor)
    assert not Indicator.objects.filter(pk=indicator.pk).exists()
    assert not Risk.objects.filter(pk=risk.pk).exists()
    assert not Document.objects.filter(pk=document.pk).exists()
    assert not Result.objects.filter(pk=result.pk).exists()
    removed = [e.changes for e in events(project).order_by("-pk")[:4]]
    assert removed == [
        {"resultado": ["Agua segura", None]},
        {"documento": ["Convenio", None]},
        {"riesgo": ["Lluvias", None]},
        {"indicador": ["Familias", None]},
    ]
    assert all(e.actor == actor for e in events(project).order_by("-pk")[:4])


def test_indicator_with_values_in_an_approved_period_cannot_be_removed(project, locked):
    with pytest.raises(ValidationError, match="períodos ya aprobados por AME"):
        services.remove_indicator(locked, actor=None)
    with pytest.raises(ValidationError, match="períodos ya aprobados por AME"):
        services.remove_result(locked.result, actor=None)
    assert Indicator.objects.filter(pk=locked.pk).exists()
    assert locked.values.count() == 1
    # once AME reopens the period, the GAD may remove it
    services.reopen_period(locked.values.get().period, actor=None)
    services.remove_indicator(locked, actor=None)
    assert not Indicator.objects.filter(pk=locked.pk).exists()


def test_indicator_cannot_move_to_another_projects_result(project):
    indicator = factories.with_indicator(project)
    foreign = services.add_result(factories.project(), actor=None, title="Ajeno")
    with pytest.raises(ValidationError, match="no es de este proyecto"):
        services.update_indicator(indicator, actor=None, result=foreign, name="X")
    indicator.refresh_from_db()
    assert indicator.result.project == project


# --- pages --------------------------------------------------------------------------------


def url(name, project, item):
    return reverse(f"projects:{name}", args=[project.pk, item.pk])


def test_project_page_links_only_for_who_may_change(persona_client, project):
    project = services.set_visibility(project, Visibility.PUBLISHED, actor=None)
    item = services.add_transaction(project, actor=None, **money())
    edit = url("transaction_edit", project, item)
    remove = url("transaction_remove", project, item)
    page = persona_client("cuenca_officer").get(project.get_absolute_url()).content.decode()
    assert edit in page and remove in page
    for name in ("loja_officer", "focal_point", "anonymous"):
        page = persona_client(name).get(project.get_absolute_url()).content.decode()
        assert edit not in page and remove not in page


def test_transaction_edit_page(persona_client, project):
    item = services.add_transaction(project, actor=None, **money())
    client = persona_client("cuenca_officer")
    target = url("transaction_edit", project, item)
    assert client.get(target).status_code == 200

    bad = client.post(target, {"kind": "3", "date": "2025-03-01", "value": "abc", "currency": "X"})
    assert bad.status_code == 400
    assert "Introduzca un número" in bad.content.decode()
    no_rate = client.post(
        target, {"kind": "3", "date": "2025-03-01", "value": "10", "currency": "JPY"}
    )
    assert no_rate.status_code == 400
    assert "No hay tipo de cambio de JPY" in no_rate.content.decode()
    item.refresh_from_db()
    assert item.value == Decimal("1000.00")

    ok = client.post(target, {"kind": "2", "date": "2025-03-01", "value": "250", "currency": "usd"})
    assert ok.status_code == 302
    project.refresh_from_db()
    assert (project.committed_usd, project.disbursed_usd) == (Decimal("250.00"), Decimal("0"))


def test_transaction_remove_asks_first(persona_client, project):
    item = services.add_transaction(project, actor=None, **money())
    client = persona_client("ame_officer")
    target = url("transaction_remove", project, item)
    page = client.get(target)
    assert page.status_code == 200
    assert "¿Quitar la transacción?" in page.content.decode()
    assert "recalcularán" in page.content.decode()
    assert Transaction.objects.filter(pk=item.pk).exists()  # GET never removes
    assert client.post(target).status_code == 302
    assert not Transaction.objects.filter(pk=item.pk).exists()
    project.refresh_from_db()
    assert project.disbursed_usd == Decimal("0")


def test_result_edit_page(persona_client, project):
    result = services.add_result(project, actor=None, title="Agua")
    client = persona_client("cuenca_officer")
    target = url("result_edit", project, result)
    bad = client.post(target, {"title": "", "description": "x"})
    assert bad.status_code == 400
    assert "Este campo es requerido" in bad.content.decode()
    result.refresh_from_db()
    assert (result.title, result.description) == ("Agua", "")
    assert client.post(target, {"title": "Agua potable"}).status_code == 302
    result.refresh_from_db()
    assert result.title == "Agua potable"


def test_result_remove_lists_its_indicators(persona_client, project):
    indicator = factories.with_indicator(project)
    client = persona_client("cuenca_officer")
    target = url("result_remove", project, indicator.result)
    assert "Familias con agua segura" in client.get(target).content.decode()
    assert client.post(target).status_code == 302
    assert not Indicator.objects.filter(pk=indicator.pk).exists()


def test_indicator_edit_page(persona_client, project):
    indicator = factories.with_indicator(project)
    client = persona_client("cuenca_officer")
    target = url("indicator_edit", project, indicator)
    assert client.get(target).status_code == 200
    bad = client.post(target, {"name": "Familias", "baseline_year": "1800"})
    assert bad.status_code == 400
    assert "mayor o igual a 1990" in bad.content.decode()
    foreign = services.add_result(factories.project(), actor=None, title="Ajeno")
    other = client.post(target, {"name": "Familias", "result": foreign.pk})
    assert other.status_code == 400
    assert "Escoja una opción válida" in other.content.decode()
    indicator.refresh_from_db()
    assert indicator.name == "Familias con agua segura"
    ok = client.post(target, {"name": "Familias", "target_value": "700"})
    assert ok.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.name, indicator.target_value) == ("Familias", Decimal("700.00"))


def test_indicator_remove_refused_in_a_locked_period(persona_client, project, locked):
    client = persona_client("cuenca_officer")
    target = url("indicator_remove", project, locked)
    page = client.get(target)
    assert page.status_code == 200
    assert "períodos ya aprobados por AME" in page.content.decode()
    refused = client.post(target)
    assert refused.status_code == 400
    assert "Pida a AME que reabra" in refused.content.decode()
    assert Indicator.objects.filter(pk=locked.pk).exists()
    assert locked.values.get().period.status == PeriodStatus.APPROVED  # the locked report is intact


def test_document_remove_page(persona_client, project):
    document = services.add_document(
        project, actor=None, title="Convenio", url="https://ejemplo.ec/convenio.pdf"
    )
    client = persona_client("cuenca_officer")
    target = url("document_remove", project, document)
    assert "Solo el enlace" in client.get(target).content.decode()
    assert client.post(target).status_code == 302
    assert not Document.objects.filter(pk=document.pk).exists()


def test_risk_edit_and_remove_pages(persona_client, project):
    risk = services.add_risk(project, actor=None, description="Lluvias", level="high")
    client = persona_client("cuenca_officer")
    target = url("risk_edit", project, risk)
    bad = client.post(target, {"description": "Lluvias", "level": "enorme"})
    assert bad.status_code == 400
    assert "Escoja una opción válida" in bad.content.decode()
    risk.refresh_from_db()
    assert risk.level == "high"
    assert client.post(target, {"description": "Sequía", "level": "low"}).status_code == 302
    risk.refresh_from_db()
    assert (risk.description, risk.level) == ("Sequía", "low")
    assert client.post(url("risk_remove", project, risk)).status_code == 302
    assert not Risk.objects.filter(pk=risk.pk).exists()


# --- access -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "private", "published"),
    [
        ("loja_officer", 404, 403),
        ("focal_point", 404, 403),
        ("ame_admin", 200, 200),
        ("cuenca_officer", 200, 200),
    ],
)
def test_access_per_role(persona_client, persona, private, published):
    items = {}
    for kind, visibility in (("private", Visibility.PRIVATE), ("published", Visibility.PUBLISHED)):
        p = factories.project(visibility=visibility)
        indicator = factories.with_indicator(p)
        items[kind] = (
            p,
            {
                "transaction_edit": services.add_transaction(p, actor=None, **money()),
                "transaction_remove": services.add_transaction(p, actor=None, **money()),
                "result_edit": indicator.result,
                "result_remove": indicator.result,
                "indicator_edit": indicator,
                "indicator_remove": indicator,
                "risk_edit": services.add_risk(p, actor=None, description="R", level="low"),
                "risk_remove": services.add_risk(p, actor=None, description="R", level="low"),
                "document_remove": services.add_document(
                    p, actor=None, title="D", url="https://ejemplo.ec/d.pdf"
                ),
            },
        )
    client = persona_client(persona)
    for kind, expected in (("private", private), ("published", published)):
        p, named = items[kind]
        for name, item in named.items():
            assert client.get(url(name, p, item)).status_code == expected, (kind, name)
            if expected != 200:
                assert client.post(url(name, p, item)).status_code == expected, (kind, name)
    p, named = items["published"]
    assert Transaction.objects.filter(project=p).count() == 2  # nothing removed


def test_item_of_another_project_is_404_and_external_is_403(persona_client, project):
    other = factories.project()
    risk = services.add_risk(other, actor=None, description="Ajeno", level="low")
    client = persona_client("ame_admin")
    assert client.get(url("risk_edit", project, risk)).status_code == 404
    assert client.post(url("risk_remove", project, risk)).status_code == 404
    assert Risk.objects.filter(pk=risk.pk).exists()
    external = factories.external_project()
    item = Transaction.objects.create(
        project=external, kind="3", date=D(2024, 1, 1), value=1, currency_id="USD", value_usd=1
    )
    assert client.get(url("transaction_edit", external, item)).status_code == 403
    assert client.post(url("transaction_remove", external, item)).status_code == 403
    assert Transaction.objects.filter(pk=item.pk).exists()
    assert client.get(url("transaction_edit", project, item)).status_code == 404
    assert Project.objects.filter(pk=external.pk).exists()


def test_anonymous_goes_to_login(persona_client, project):
    risk = services.add_risk(project, actor=None, description="Lluvias", level="high")
    response = persona_client("anonymous").post(url("risk_remove", project, risk))
    assert response.status_code == 302 and "/cuentas/ingresar/" in response["Location"]
    assert Risk.objects.filter(pk=risk.pk).exists()
