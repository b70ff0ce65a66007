"""Projects for tests, created through the services as users do."""

import datetime
import itertools
from decimal import Decimal

from sioc.accounts.tests.factories import OrganizationFactory
from sioc.codelists.models import ActivityStatus
from sioc.organizations.models import Organization
from sioc.projects import services
from sioc.projects.choices import PeriodStatus, Source, Visibility
from sioc.projects.models import ExchangeRate, Project

_titles = itertools.count(1)


def gad(canton_code="0101"):
    return Organization.objects.select_related("canton").get(canton__code=canton_code)


def project(
    gad_org=None,
    *,
    title=None,
    funding=(),
    visibility=Visibility.PRIVATE,
    planned_start=datetime.date(2025, 1, 1),
    planned_end=datetime.date(2025, 12, 31),
    actor=None,
    **fields,
):
    gad_org = gad_org or gad()
    values = {
        "title": title or f"Proyecto de prueba {next(_titles)}",
        "gads": [gad_org],
        "cantons": [gad_org.canton] if gad_org.canton_id else [],
        "planned_start": planned_start,
        "planned_end": planned_end,
        "activity_status": ActivityStatus.objects.filter(code="2").first(),
    }
    values.update(fields)
    item = services.create_project(actor=actor, funding=funding, **values)
    if visibility != Visibility.PRIVATE:
        item = services.set_visibility(item, visibility, actor=actor)
    return item


def external_project(title="Actividad IATI de prueba", identifier=None):
    """An external project as the IATI import leaves it (read-only, public)."""
    reporter = OrganizationFactory(slug="usaid-prueba", name="USAID (prueba)", acronym="USAID")
    return Project.objects.create(
        source=Source.IATI,
        iati_identifier=identifier or f"US-GOV-1-PRUEBA-{next(_titles)}",
        reporting_org=reporter,
        title=title,
        year=2024,
    )


def with_indicator(item, *, name="Familias con agua segura", target=Decimal("500")):
    result = services.add_result(item, actor=None, title="Acceso a agua segura")
    return services.add_indicator(
        result, actor=None, name=name, unit="familias", target_value=target
    )


def period_in(item, status=PeriodStatus.OPEN, *, actor=None):
    """The project's first period, moved to ``status`` through the services."""
    if not item.periods.exists():
        services.generate_periods(item, actor=actor)
    period = item.periods.order_by("starts_on").first()
    if status in (PeriodStatus.SUBMITTED, PeriodStatus.APPROVED, PeriodStatus.RETURNED):
        period = services.save_report(
            period, actor=actor, narrative="Avance del trimestre.", submit=True
        )
    if status == PeriodStatus.APPROVED:
        period = services.approve_period(period, actor=actor)
    elif status == PeriodStatus.RETURNED:
        period = services.return_period(period, actor=actor, comment="Falta la evidencia.")
    return period


def rate(code, date, usd_per_unit):
    return ExchangeRate.objects.create(
        currency_id=code, date=date, usd_per_unit=Decimal(usd_per_unit)
    )
