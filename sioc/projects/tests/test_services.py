"""Project services: USD conversion and totals, SDG shares, the monitoring workflow and its lock."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from sioc.audit.models import AuditEvent
from sioc.codelists.models import SdgGoal, SdgTarget
from sioc.common.errors import ConflictError
from sioc.demands.choices import InterestStatus
from sioc.demands.tests import factories as demand_factories
from sioc.offers.tests.factories import offer as make_offer
from sioc.organizations.models import Organization
from sioc.projects import services
from sioc.projects.choices import OrganisationRole, PeriodStatus, TransactionType
from sioc.projects.tests import factories

pytestmark = pytest.mark.django_db
D = datetime.date


def pdf(name="acta.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 prueba", "application/pdf")


def test_transaction_in_euros_gets_its_usd_value_at_the_transaction_date(personas):
    factories.rate("EUR", D(2025, 1, 1), "1.05")
    factories.rate("EUR", D(2025, 6, 1), "1.15")
    project = factories.project()
    services.add_transaction(
        project, actor=None, kind="3", date=D(2025, 5, 31), value=Decimal("1000"), currency="EUR"
    )
    later = services.add_transaction(
        project, actor=None, kind="3", date=D(2025, 7, 1), value=Decimal("1000"), currency="eur"
    )
    assert later.value_usd == Decimal("1150.00") and later.currency_id == "EUR"
    project.refresh_from_db()
    assert project.disbursed_usd == Decimal("2200.00")


def test_totals_follow_each_kind_and_year_follows_the_start(personas):
    project = factories.project(planned_start=D(2024, 3, 1), planned_end=D(2025, 12, 31))
    for kind, value in [("2", "5000"), ("3", "2000"), ("4", "750"), ("4", "250")]:
        services.add_transaction(
            project, actor=None, kind=kind, date=D(2024, 5, 1), value=Decimal(value), currency="USD"
        )
    project.refresh_from_db()
    assert (project.committed_usd, project.disbursed_usd, project.spent_usd) == (
        Decimal("5000"),
        Decimal("2000"),
        Decimal("1000"),
    )
    assert project.year == 2024
    services.update_project(project, actor=None, actual_start=D(2025, 2, 1))
    project.refresh_from_db()
    assert project.year == 2025


def test_a_currency_without_a_rate_or_unknown_is_refused_with_a_clear_message(personas):
    project = factories.project()
    with pytest.raises(ValidationError, match="No hay tipo de cambio de JPY"):
        services.add_transaction(
            project, actor=None, kind="3", date=D(2025, 1, 1), value=Decimal(1), currency="JPY"
        )
    with pytest.raises(ValidationError, match="La moneda «XYZ» no existe"):
        services.add_transaction(
            project, actor=None, kind="3", date=D(2025, 1, 1), value=Decimal(1), currency="XYZ"
        )
    assert not project.transactions.exists()


def test_budget_in_another_currency_is_kept_in_usd_too(personas):
    factories.rate("EUR", D(2024, 12, 1), "1.10")
    project = factories.project(currency="EUR", budget=Decimal("100000"))
    assert project.budget_usd == Decimal("110000.00")


def test_sdg_percentages_must_not_exceed_100(personas):
    project = factories.project()
    water, cities = SdgGoal.objects.get(code=6), SdgGoal.objects.get(code=11)
    with pytest.raises(ValidationError, match="suman 120 %"):
        services.set_sdgs(
            project, [(water, None, Decimal(70)), (cities, None, Decimal(50))], actor=None
        )
    target = SdgTarget.objects.filter(goal=water).first()
    services.set_sdgs(
        project, [(water, target, Decimal(60)), (cities, None, Decimal(40))], actor=None
    )
    assert sorted(project.sdg_shares.values_list("goal__code", "percentage")) == [
        (6, Decimal(60)),
        (11, Decimal(40)),
    ]
    with pytest.raises(ValidationError, match="no pertenece al ODS"):
        services.set_sdgs(project, [(cities, target, Decimal(10))], actor=None)


def test_project_from_an_expression_of_interest_takes_gad_offer_and_cooperante(personas):
    cuenca = factories.gad("0101")
    giz = Organization.objects.get(slug="giz-prueba")
    offer = make_offer(giz, title="Movilidad eléctrica para ciudades intermedias")
    interest = demand_factories.interest(offer, cuenca, status=InterestStatus.APPROVED)
    project = services.create_project(
        actor=personas["cuenca_officer"], origin_interest=interest, planned_start=D(2026, 1, 1)
    )
    assert project.title == offer.title and project.origin_offer == offer
    assert list(project.gads.all()) == [cuenca] and list(project.cantons.all()) == [cuenca.canton]
    roles = set(project.participations.values_list("organization__slug", "role"))
    assert (giz.slug, OrganisationRole.FUNDING) in roles
    assert (cuenca.slug, OrganisationRole.IMPLEMENTING) in roles
    assert AuditEvent.objects.filter(object_id=str(project.pk), action="create").exists()


def test_optimistic_locking_on_project_edit(personas):
    project = factories.project()
    seen = project.updated_at.isoformat()
    services.update_project(project, actor=None, expected_version=seen, title="Primer cambio")
    with pytest.raises(ConflictError):
        services.update_project(project, actor=None, expected_version=seen, title="Otro")


def test_external_projects_are_read_only():
    external = factories.external_project()
    with pytest.raises(ValidationError, match="importado de IATI"):
        services.update_project(external, actor=None, title="Cambio")
    with pytest.raises(ValidationError, match="importado de IATI"):
        services.add_transaction(
            external, actor=None, kind="3", date=D(2025, 1, 1), value=1, currency="USD"
        )


def test_periods_are_calendar_quarters_due_15_days_later_and_idempotent(personas):
    project = factories.project(planned_start=D(2025, 2, 10), planned_end=D(2025, 11, 5))
    assert services.generate_periods(project, actor=None) == 4
    assert services.generate_periods(project, actor=None) == 0
    first, *_rest, last = project.periods.order_by("starts_on")
    assert (first.starts_on, first.ends_on, first.due_on) == (
        D(2025, 1, 1),
        D(2025, 3, 31),
        D(2025, 4, 15),
    )
    assert (last.starts_on, last.ends_on) == (D(2025, 10, 1), D(2025, 12, 31))
    other = factories.project(planned_start=D(2025, 1, 1), planned_end=D(2025, 12, 31))
    assert services.generate_periods(other, actor=None, months=6, due_days=30) == 2
    assert other.periods.order_by("starts_on").first().due_on == D(2025, 7, 30)


def test_report_submit_approve_locks_the_period(personas):
    project = factories.project()
    indicator = factories.with_indicator(project)
    period = factories.period_in(project)
    period = services.save_report(
        period,
        actor=personas["cuenca_officer"],
        narrative="Se conectaron 120 familias.",
        financial_execution=Decimal("15000"),
        values={indicator: (Decimal(100), Decimal(120), "")},
        evidence=[("Acta de entrega", pdf())],
        submit=True,
    )
    assert period.status == PeriodStatus.SUBMITTED and period.submitted_by.email
    period = services.approve_period(period, actor=personas["ame_officer"])
    assert period.status == PeriodStatus.APPROVED and period.is_locked
    message = "ya fue aprobado por AME y está bloqueado.*Solo AME puede reabrirlo"
    with pytest.raises(ValidationError, match=message):
        services.save_report(period, actor=None, values={indicator: (None, Decimal(1), "")})
    with pytest.raises(ValidationError, match=message):
        services.add_evidence(period, actor=None, title="Foto", uploaded_file=pdf())
    with pytest.raises(ValidationError, match=message):
        services.remove_evidence(period.evidence.get(), actor=None)
    with pytest.raises(ValidationError, match=message):
        services.save_report(period, actor=None, narrative="Otro texto")
    assert period.indicator_values.get().actual == Decimal(120)
    period.refresh_from_db()
    assert period.narrative == "Se conectaron 120 familias."


def test_return_requires_a_comment_and_reopen_unlocks(personas):
    project = factories.project()
    period = factories.period_in(project, PeriodStatus.SUBMITTED)
    with pytest.raises(ValidationError, match="observaciones para el GAD"):
        services.return_period(period, actor=None, comment="  ")
    period.refresh_from_db()
    assert period.status == PeriodStatus.SUBMITTED
    period = services.return_period(period, actor=None, comment="Adjunte el acta.")
    assert period.status == PeriodStatus.RETURNED and period.review_comment == "Adjunte el acta."
    period = services.save_report(period, actor=None, narrative="Con acta", submit=True)
    period = services.approve_period(period, actor=None)
    period = services.reopen_period(period, actor=None, comment="Corregir el valor.")
    assert period.status == PeriodStatus.RETURNED
    services.save_report(period, actor=None, narrative="Corregido")


def test_a_submitted_report_cannot_be_changed_until_reviewed(personas):
    period = factories.period_in(factories.project(), PeriodStatus.SUBMITTED)
    with pytest.raises(ValidationError, match="está en revisión en AME"):
        services.save_report(period, actor=None, narrative="Cambio")


def test_submitting_needs_a_narrative(personas):
    period = factories.period_in(factories.project())
    with pytest.raises(ValidationError, match="avance narrativo"):
        services.save_report(period, actor=None, submit=True)


def test_evidence_must_be_a_pdf_or_a_photo(personas):
    period = factories.period_in(factories.project())
    bad = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00", "application/pdf")
    with pytest.raises(ValidationError, match="PDF o una foto"):
        services.add_evidence(period, actor=None, title="x", uploaded_file=bad)
    photo = SimpleUploadedFile("foto.png", b"\x89PNG\r\n\x1a\n...", "image/png")
    assert services.add_evidence(period, actor=None, title="Foto", uploaded_file=photo).pk


def test_documents_accept_pdfs_or_links(personas):
    project = factories.project()
    with pytest.raises(ValidationError, match="no es un PDF"):
        services.add_document(
            project,
            actor=None,
            title="x",
            uploaded_file=SimpleUploadedFile("x.pdf", b"hola", "application/pdf"),
        )
    services.add_document(project, actor=None, title="Convenio", uploaded_file=pdf())
    services.add_document(project, actor=None, title="Ficha", url="https://ejemplo.ec/f")
    assert project.documents.count() == 2


def test_transaction_type_unknown_is_refused(personas):
    with pytest.raises(ValidationError):
        services.add_transaction(
            factories.project(),
            actor=None,
            kind=TransactionType.COMMITMENT + "9",
            date=D(2025, 1, 1),
            value=1,
            currency="USD",
        )
