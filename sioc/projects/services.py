"""Every change to a cooperation project and its monitoring: atomic, audited, explained.

Every event is recorded on the project itself (``record(obj=project)``), so that the project's
history shows its transactions, results, reports and reviews in one list.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Sum
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from sioc.audit.choices import Action
from sioc.audit.services import diff, record, snapshot
from sioc.codelists.models import Currency
from sioc.common.errors import ConflictError
from sioc.common.files import MAX_ATTACHMENT_BYTES, checked_pdf_name
from sioc.common.roles import AME_ROLES, Role
from sioc.projects.choices import (
    OrganisationRole,
    PeriodStatus,
    Source,
    TransactionType,
    Visibility,
)
from sioc.projects.models import (
    Document,
    Evidence,
    ExchangeRate,
    Indicator,
    IndicatorValue,
    Project,
    ProjectOrganization,
    ProjectSdg,
    ProjectSector,
    ReportingPeriod,
    Result,
    Risk,
    Transaction,
)

PROJECT_SCALAR_FIELDS = [
    "title",
    "description",
    "origin_offer",
    "origin_interest",
    "modality",
    "cooperation_type",
    "activity_status",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "competency",
    "currency",
    "budget",
    "counterpart_funds",
]
PROJECT_M2M_FIELDS = ["gads", "cantons", "parishes"]
AUDITED = PROJECT_SCALAR_FIELDS + PROJECT_M2M_FIELDS + ["visibility"]

REPORT_DUE_DAYS = 15  # a report is due this many days after its period ends
PERIOD_MONTHS = 3  # quarterly by default
REMINDER_INTERVAL = datetime.timedelta(days=7)

CENT = Decimal("0.01")


def locked_message(period) -> str:
    return _(
        "El período %(period)s ya fue aprobado por AME y está bloqueado: no se pueden cambiar "
        "sus valores de indicadores, evidencias, ejecución financiera ni avance narrativo. Solo "
        "AME puede reabrirlo."
    ) % {"period": period_label(period)}


def period_label(period) -> str:
    return "%s – %s" % (
        date_format(period.starts_on, "d/m/Y"),
        date_format(period.ends_on, "d/m/Y"),
    )


# --- money --------------------------------------------------------------------------------


def _fallback_to_usd(value, currency_code, on):
    """The same rule as ``sioc.projects.rates.to_usd``, used until that module exists."""
    if value is None:
        return None
    if currency_code == "USD":
        return Decimal(value)
    rate = (
        ExchangeRate.objects.filter(currency_id=currency_code, date__lte=on)
        .order_by("-date")
        .values_list("usd_per_unit", flat=True)
        .first()
    )
    return None if rate is None else Decimal(value) * rate


def usd(value, currency_code, on):
    """``value`` in US dollars at the rate of ``on`` (the latest rate on or before), or None."""
    try:
        from sioc.projects.rates import to_usd
    except ImportError:
        to_usd = _fallback_to_usd
    if value is None:
        return None
    result = to_usd(Decimal(value), currency_code, on)
    return None if result is None else Decimal(result).quantize(CENT)


def _currency_code(currency) -> str:
    code = getattr(currency, "code", currency) or ""
    code = str(code).strip().upper()
    if not Currency.objects.filter(code=code).exists():
        raise ValidationError(
            _("La moneda «%(code)s» no existe en la lista de monedas (ISO 4217).") % {"code": code}
        )
    return code


def _refuse_external(project):
    if project.source == Source.IATI:
        raise ValidationError(
            _(
                "Este proyecto fue importado de IATI y es de solo lectura: se actualiza al volver "
                "a importar el archivo de su organización."
            )
        )


def recompute_totals(project) -> Project:
    """Derived fields: ``year`` and the USD totals of the transactions and the budget."""
    sums = dict(
        project.transactions.values("kind")
        .annotate(total=Sum("value_usd"))
        .values_list("kind", "total")
    )
    project.committed_usd = sums.get(TransactionType.COMMITMENT) or Decimal(0)
    project.disbursed_usd = sums.get(TransactionType.DISBURSEMENT) or Decimal(0)
    project.spent_usd = sums.get(TransactionType.EXPENDITURE) or Decimal(0)
    start = project.actual_start or project.planned_start
    project.year = start.year if start else None
    if project.budget is None:
        project.budget_usd = None
    else:
        on = project.planned_start or project.actual_start or timezone.localdate()
        project.budget_usd = usd(project.budget, project.currency_id, on)
    Project.objects.filter(pk=project.pk).update(
        committed_usd=project.committed_usd,
        disbursed_usd=project.disbursed_usd,
        spent_usd=project.spent_usd,
        year=project.year,
        budget_usd=project.budget_usd,
    )
    return project


# --- projects -----------------------------------------------------------------------------


def _apply(project, fields):
    later = {}
    for name, value in fields.items():
        if name in PROJECT_M2M_FIELDS:
            later[name] = value
        elif name == "currency" and isinstance(value, str):
            project.currency_id = _currency_code(value)
        elif name in PROJECT_SCALAR_FIELDS:
            setattr(project, name, value)
        else:
            raise ValueError(f"Field {name} is not editable")
    if project.currency_id:
        project.currency_id = _currency_code(project.currency_id)
    project.full_clean()
    project.save()
    for name, value in later.items():
        getattr(project, name).set(value)


def _check_territory(project):
    foreign = project.parishes.exclude(canton__in=project.cantons.all())
    if foreign.exists():
        raise ValidationError(
            _("Estas parroquias no pertenecen a los cantones del proyecto: %s.")
            % ", ".join(p.name for p in foreign)
        )


@transaction.atomic
def create_project(*, actor, funding=(), **fields) -> Project:
    """Record a project. From an expression of interest (``origin_interest``) it takes the
    interest's GAD, offer (an opportunity from a mission is an offer too), title and canton, and
    the offer's cooperante becomes the funding organisation. Each GAD joins as implementing
    organisation; ``funding`` adds more funding organisations."""
    interest = fields.get("origin_interest")
    funding = list(funding)
    if interest is not None:
        fields.setdefault("origin_offer", interest.offer)
        fields.setdefault("title", interest.offer.title)
        if not fields.get("gads"):
            fields["gads"] = [interest.gad]
        if not fields.get("cantons") and interest.gad.canton_id:
            fields["cantons"] = [interest.gad.canton]
        funding.append(interest.offer.cooperante)
    elif fields.get("origin_offer") is not None:
        funding.append(fields["origin_offer"].cooperante)
    if not fields.get("gads"):
        raise ValidationError(_("Indique al menos un GAD participante."))
    project = Project(source=Source.SIOC)
    _apply(project, fields)
    _check_territory(project)
    for gad in project.gads.all():
        ProjectOrganization.objects.get_or_create(
            project=project, organization=gad, role=OrganisationRole.IMPLEMENTING
        )
    for org in funding:
        ProjectOrganization.objects.get_or_create(
            project=project, organization=org, role=OrganisationRole.FUNDING
        )
    recompute_totals(project)
    record(
        actor=actor, action=Action.CREATE, obj=project, changes=diff({}, snapshot(project, AUDITED))
    )
    return project


@transaction.atomic
def update_project(project, *, actor, expected_version=None, **fields) -> Project:
    current = Project.objects.select_for_update().get(pk=project.pk)
    _refuse_external(current)
    if expected_version and current.updated_at.isoformat() != expected_version:
        raise ConflictError(project)
    before = snapshot(current, AUDITED)
    _apply(current, fields)
    _check_territory(current)
    recompute_totals(current)
    current.refresh_from_db()  # decimals as stored, so that the diff shows only real changes
    changes = diff(before, snapshot(current, AUDITED))
    if changes:
        record(actor=actor, action=Action.UPDATE, obj=current, changes=changes)
    return current


@transaction.atomic
def set_visibility(project, visibility, *, actor) -> Project:
    """Publish the project on the public portal, or make it private (GAD and AME) again."""
    _refuse_external(project)
    if visibility not in Visibility.values:
        raise ValidationError(_("Esa opción de publicación no existe."))
    current = Project.objects.select_for_update().get(pk=project.pk)
    before = current.get_visibility_display()
    current.visibility = visibility
    current.published_at = timezone.now() if visibility == Visibility.PUBLISHED else None
    current.save(update_fields=["visibility", "published_at", "updated_at"])
    record(
        actor=actor,
        action=Action.UPDATE,
        obj=current,
        changes={"publicación": [str(before), str(current.get_visibility_display())]},
    )
    return current


def _touch(project):
    Project.objects.filter(pk=project.pk).update(updated_at=timezone.now())


@transaction.atomic
def set_organizations(project, participations, *, actor) -> None:
    """Replace the participating organisations: a list of (organization, IATI role code)."""
    _refuse_external(project)
    wanted = []
    for org, role in participations:
        if role not in OrganisationRole.values:
            raise ValidationError(_("El rol «%s» no es un rol IATI válido.") % role)
        if (org.pk, role) not in {(o.pk, r) for o, r in wanted}:
            wanted.append((org, role))
    before = sorted(str(p) for p in project.participations.select_related("organization"))
    project.participations.all().delete()
    ProjectOrganization.objects.bulk_create(
        ProjectOrganization(project=project, organization=org, role=role) for org, role in wanted
    )
    after = sorted(str(p) for p in project.participations.select_related("organization"))
    if before != after:
        record(
            actor=actor,
            action=Action.UPDATE,
            obj=project,
            changes={"organizaciones": [before, after]},
        )
    _touch(project)


def _check_total(shares, label):
    total = sum((Decimal(pct or 0) for *_rest, pct in shares), Decimal(0))
    if total > 100:
        raise ValidationError(
            _(
                "Los porcentajes de %(what)s suman %(total)s %%: no pueden pasar de 100 %%. "
                "Reduzca alguno."
            )
            % {"what": label, "total": f"{total.normalize():f}"}
        )
    for *_rest, pct in shares:
        if pct is not None and Decimal(pct) < 0:
            raise ValidationError(_("Un porcentaje no puede ser negativo."))


@transaction.atomic
def set_sdgs(project, shares, *, actor) -> None:
    """Replace the SDG shares: a list of (goal, target or None, percentage). Percentages must
    add up to at most 100."""
    _refuse_external(project)
    _check_total(shares, _("los ODS"))
    seen = set()
    for goal, target, _pct in shares:
        if target is not None and target.goal_id != goal.pk:
            raise ValidationError(
                _("La meta %(target)s no pertenece al ODS %(goal)s.")
                % {"target": target.code, "goal": goal.code}
            )
        key = (goal.pk, target.pk if target else None)
        if key in seen:
            raise ValidationError(_("El ODS %s está repetido con la misma meta.") % goal.code)
        seen.add(key)
    before = sorted(str(s) for s in project.sdg_shares.select_related("goal", "target"))
    project.sdg_shares.all().delete()
    ProjectSdg.objects.bulk_create(
        ProjectSdg(project=project, goal=goal, target=target, percentage=pct or 0)
        for goal, target, pct in shares
    )
    after = sorted(str(s) for s in project.sdg_shares.select_related("goal", "target"))
    if before != after:
        record(actor=actor, action=Action.UPDATE, obj=project, changes={"ODS": [before, after]})
    _touch(project)


@transaction.atomic
def set_sectors(project, shares, *, actor) -> None:
    """Replace the DAC sectors: a list of (sector, percentage), at most 100 in total."""
    _refuse_external(project)
    _check_total(shares, _("los sectores"))
    if len({s.pk for s, _pct in shares}) != len(shares):
        raise ValidationError(_("Hay un sector repetido."))
    before = sorted(str(s) for s in project.sector_shares.select_related("sector"))
    project.sector_shares.all().delete()
    ProjectSector.objects.bulk_create(
        ProjectSector(project=project, sector=sector, percentage=pct or 0) for sector, pct in shares
    )
    after = sorted(str(s) for s in project.sector_shares.select_related("sector"))
    if before != after:
        record(
            actor=actor, action=Action.UPDATE, obj=project, changes={"sectores": [before, after]}
        )
    _touch(project)


# --- transactions -------------------------------------------------------------------------

TRANSACTION_FIELDS = [
    "kind",
    "date",
    "value",
    "currency",
    "value_usd",
    "description",
    "provider",
    "receiver",
]
RESULT_FIELDS = ["title", "description"]
INDICATOR_FIELDS = ["result", "name", "unit", "baseline_year", "baseline_value", "target_value"]
RISK_FIELDS = ["description", "level", "mitigation"]


def _transaction_money(kind, date, value, currency):
    """The checked kind and currency code, and the USD value at ``date`` (the rule every
    transaction follows, new or corrected)."""
    if kind not in TransactionType.values:
        raise ValidationError(_("Ese tipo de transacción no existe."))
    code = _currency_code(currency)
    value_usd = usd(value, code, date)
    if value_usd is None:
        raise ValidationError(
            _(
                "No hay tipo de cambio de %(code)s en o antes del %(date)s: no se puede calcular "
                "su valor en USD. Pida a AME que cargue los tipos de cambio o registre la "
                "transacción en USD."
            )
            % {"code": code, "date": date_format(date, "d/m/Y")}
        )
    return code, value_usd


def transaction_label(item) -> str:
    return (
        f"{item.get_kind_display()} {date_format(item.date, 'd/m/Y')}: "
        f"{item.value} {item.currency_id}"
    )


def _item_changes(what, obj, before, after) -> dict:
    """{"transacción: valor": [old, new]}: a field diff named for the project's history."""
    return {
        f"{what}: {obj._meta.get_field(name).verbose_name}": values
        for name, values in diff(before, after).items()
    }


@transaction.atomic
def add_transaction(
    project,
    *,
    actor,
    kind,
    date,
    value,
    currency,
    description="",
    provider="",
    receiver="",
) -> Transaction:
    """A commitment, disbursement or expenditure in its original currency, with its USD value
    at the transaction date; the project's USD totals follow."""
    _refuse_external(project)
    code, value_usd = _transaction_money(kind, date, value, currency)
    item = Transaction(
        project=project,
        kind=kind,
        date=date,
        value=value,
        currency_id=code,
        value_usd=value_usd,
        description=description,
        provider=provider,
        receiver=receiver,
    )
    item.full_clean()
    item.save()
    recompute_totals(project)
    _touch(project)
    record(
        actor=actor,
        action=Action.UPDATE,
        obj=project,
        changes={
            "transacción": [
                None,
                f"{item.get_kind_display()} {date_format(date, 'd/m/Y')}: {value} {code} "
                f"(USD {value_usd})",
            ]
        },
    )
    return item


@transaction.atomic
def remove_transaction(item, *, actor) -> None:
    project = item.project
    _refuse_external(project)
    label = transaction_label(item)
    item.delete()
    recompute_totals(project)
    _touch(project)
    record(actor=actor, action=Action.UPDATE, obj=project, changes={"transacción": [label, None]})


@transaction.atomic
def update_transaction(
    item,
    *,
    actor,
    kind,
    date,
    value,
    currency,
    description="",
    provider="",
    receiver="",
) -> Transaction:
    """Correct a transaction: its USD value at the (new) date and the project's USD totals are
    computed again, exactly as when it was recorded."""
    current = Transaction.objects.select_for_update().select_related("project").get(pk=item.pk)
    project = current.project
    _refuse_external(project)
    code, value_usd = _transaction_money(kind, date, value, currency)
    before = snapshot(current, TRANSACTION_FIELDS)
    label = transaction_label(current)
    current.kind, current.date, current.value = kind, date, value
    current.currency_id, current.value_usd = code, value_usd
    current.description, current.provider, current.receiver = description, provider, receiver
    current.full_clean()
    current.save()
    recompute_totals(project)
    _touch(project)
    current.refresh_from_db()  # decimals as stored, so that the diff shows only real changes
    changes = _item_changes(
        _("transacción"), current, before, snapshot(current, TRANSACTION_FIELDS)
    )
    if changes:
        record(actor=actor, action=Action.UPDATE, obj=project, changes=changes, note=label)
    return current


# --- results, indicators, documents, risks ------------------------------------------------


@transaction.atomic
def add_result(project, *, actor, title, description="") -> Result:
    _refuse_external(project)
    result = Result(
        project=project, title=title, description=description, order=project.results.count() + 1
    )
    result.full_clean()
    result.save()
    record(actor=actor, action=Action.UPDATE, obj=project, changes={"resultado": [None, title]})
    return result


@transaction.atomic
def add_indicator(
    result, *, actor, name, unit="", baseline_year=None, baseline_value=None, target_value=None
) -> Indicator:
    _refuse_external(result.project)
    indicator = Indicator(
        result=result,
        name=name,
        unit=unit,
        baseline_year=baseline_year,
        baseline_value=baseline_value,
        target_value=target_value,
        order=result.indicators.count() + 1,
    )
    indicator.full_clean()
    indicator.save()
    record(
        actor=actor, action=Action.UPDATE, obj=result.project, changes={"indicador": [None, name]}
    )
    return indicator


@transaction.atomic
def add_document(project, *, actor, title, uploaded_file=None, url="") -> Document:
    """A PDF (checked by its signature, at most 10 MB) or a link."""
    _refuse_external(project)
    if not uploaded_file and not url:
        raise ValidationError(_("Adjunte un PDF o indique un enlace."))
    document = Document(project=project, title=title, url=url or "")
    if uploaded_file:
        name = checked_pdf_name(uploaded_file)
        document.title = (title or name)[:300]
        document.file.save(name, uploaded_file, save=False)
    document.full_clean()
    document.save()
    record(
        actor=actor,
        action=Action.UPDATE,
        obj=project,
        changes={"documento": [None, document.title]},
    )
    return document


@transaction.atomic
def add_risk(project, *, actor, description, level, mitigation="") -> Risk:
    _refuse_external(project)
    risk = Risk(project=project, description=description, level=level, mitigation=mitigation)
    risk.full_clean()
    risk.save()
    record(actor=actor, action=Action.UPDATE, obj=project, changes={"riesgo": [None, str(risk)]})
    return risk


# --- corrections: results, indicators, documents, risks -----------------------------------


def locked_values_message(indicators) -> str:
    """Why these indicators cannot be removed ("" if they can): they have values in a period
    AME approved (locked), and removing them would change an approved report."""
    locked = (
        ReportingPeriod.objects.filter(
            status=PeriodStatus.APPROVED, indicator_values__indicator__in=indicators
        )
        .distinct()
        .order_by("starts_on")
    )
    if not locked:
        return ""
    return _(
        "No se puede quitar: tiene valores en períodos ya aprobados por AME (%(periods)s), que "
        "están bloqueados. Pida a AME que reabra esos períodos, o corrija el indicador en lugar "
        "de quitarlo."
    ) % {"periods": ", ".join(period_label(p) for p in locked)}


@transaction.atomic
def update_result(result, *, actor, title, description="") -> Result:
    current = Result.objects.select_for_update().select_related("project").get(pk=result.pk)
    _refuse_external(current.project)
    before = snapshot(current, RESULT_FIELDS)
    current.title, current.description = title, description
    current.full_clean()
    current.save()
    changes = _item_changes(_("resultado"), current, before, snapshot(current, RESULT_FIELDS))
    if changes:
        record(actor=actor, action=Action.UPDATE, obj=current.project, changes=changes)
        _touch(current.project)
    return current


@transaction.atomic
def remove_result(result, *, actor) -> None:
    """Remove a result with its indicators and their period values; refused when one of them
    has values in an approved (locked) period."""
    current = Result.objects.select_for_update().select_related("project").get(pk=result.pk)
    project = current.project
    _refuse_external(project)
    indicators = list(current.indicators.all())
    problem = locked_values_message(indicators)
    if problem:
        raise ValidationError(problem)
    title = current.title
    current.delete()
    _touch(project)
    record(
        actor=actor,
        action=Action.UPDATE,
        obj=project,
        changes={"resultado": [title, None]},
        note=_("Con sus %d indicadores.") % len(indicators) if indicators else "",
    )


@transaction.atomic
def update_indicator(
    indicator,
    *,
    actor,
    result=None,
    name,
    unit="",
    baseline_year=None,
    baseline_value=None,
    target_value=None,
) -> Indicator:
    """Correct an indicator's definition (its period values stay as reported). ``result``
    moves it to another result of the same project."""
    current = (
        Indicator.objects.select_for_update().select_related("result__project").get(pk=indicator.pk)
    )
    project = current.result.project
    _refuse_external(project)
    if result is not None and result.project_id != project.pk:
        raise ValidationError(_("El resultado «%s» no es de este proyecto.") % result)
    before = snapshot(current, INDICATOR_FIELDS)
    if result is not None:
        current.result = result
    current.name, current.unit, current.baseline_year = name, unit, baseline_year
    current.baseline_value, current.target_value = baseline_value, target_value
    current.full_clean()
    current.save()
    current.refresh_from_db()
    changes = _item_changes(_("indicador"), current, before, snapshot(current, INDICATOR_FIELDS))
    if changes:
        record(actor=actor, action=Action.UPDATE, obj=project, changes=changes)
        _touch(project)
    return current


@transaction.atomic
def remove_indicator(indicator, *, actor) -> None:
    """Remove an indicator and its period values; refused when it has values in an approved
    (locked) period."""
    current = (
        Indicator.objects.select_for_update().select_related("result__project").get(pk=indicator.pk)
    )
    project = current.result.project
    _refuse_external(project)
    problem = locked_values_message([current])
    if problem:
        raise ValidationError(problem)
    name = current.name
    current.delete()
    _touch(project)
    record(actor=actor, action=Action.UPDATE, obj=project, changes={"indicador": [name, None]})


@transaction.atomic
def remove_document(document, *, actor) -> None:
    """Remove a document and its PDF file (the file goes once the transaction commits)."""
    current = Document.objects.select_for_update().select_related("project").get(pk=document.pk)
    project = current.project
    _refuse_external(project)
    title, stored = current.title, current.file
    current.delete()
    if stored:
        storage, name = stored.storage, stored.name
        transaction.on_commit(lambda: storage.delete(name))
    _touch(project)
    record(actor=actor, action=Action.UPDATE, obj=project, changes={"documento": [title, None]})


@transaction.atomic
def update_risk(risk, *, actor, description, level, mitigation="") -> Risk:
    current = Risk.objects.select_for_update().select_related("project").get(pk=risk.pk)
    _refuse_external(current.project)
    before = snapshot(current, RISK_FIELDS)
    current.description, current.level, current.mitigation = description, level, mitigation
    current.full_clean()
    current.save()
    changes = _item_changes(_("riesgo"), current, before, snapshot(current, RISK_FIELDS))
    if changes:
        record(actor=actor, action=Action.UPDATE, obj=current.project, changes=changes)
        _touch(current.project)
    return current


@transaction.atomic
def remove_risk(risk, *, actor) -> None:
    current = Risk.objects.select_for_update().select_related("project").get(pk=risk.pk)
    project = current.project
    _refuse_external(project)
    label = str(current)
    current.delete()
    _touch(project)
    record(actor=actor, action=Action.UPDATE, obj=project, changes={"riesgo": [label, None]})


# --- reporting periods --------------------------------------------------------------------


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    return datetime.date(day.year + month // 12, month % 12 + 1, 1)


def period_bounds(start, end, *, months=PERIOD_MONTHS, due_days=REPORT_DUE_DAYS):
    """Calendar periods of ``months`` months (quarters by default: Jan–Mar, Apr–Jun …) that
    overlap ``start``–``end``, each with its report due ``due_days`` after it ends."""
    if months not in (1, 2, 3, 4, 6, 12):
        raise ValidationError(_("La duración del período debe ser 1, 2, 3, 4, 6 o 12 meses."))
    first_month = (start.month - 1) // months * months + 1
    current = datetime.date(start.year, first_month, 1)
    bounds = []
    while current <= end:
        following = _add_months(current, months)
        ends_on = following - datetime.timedelta(days=1)
        bounds.append((current, ends_on, ends_on + datetime.timedelta(days=due_days)))
        current = following
    return bounds


@transaction.atomic
def generate_periods(project, *, actor, months=PERIOD_MONTHS, due_days=REPORT_DUE_DAYS) -> int:
    """Create the reporting periods of the planned dates that are still missing. Returns how
    many were created (0 on a second run)."""
    _refuse_external(project)
    start = project.actual_start or project.planned_start
    end = project.planned_end or project.actual_end
    if not start or not end:
        raise ValidationError(
            _("Indique las fechas de inicio y fin planificadas para generar los períodos.")
        )
    existing = set(project.periods.values_list("starts_on", flat=True))
    created = [
        ReportingPeriod(project=project, starts_on=s, ends_on=e, due_on=d)
        for s, e, d in period_bounds(start, end, months=months, due_days=due_days)
        if s not in existing
    ]
    ReportingPeriod.objects.bulk_create(created)
    if created:
        record(
            actor=actor,
            action=Action.UPDATE,
            obj=project,
            note=_("%d períodos de reporte generados.") % len(created),
        )
    return len(created)


def _locked_period(period) -> ReportingPeriod:
    current = (
        ReportingPeriod.objects.select_for_update().select_related("project").get(pk=period.pk)
    )
    if current.status == PeriodStatus.APPROVED:
        raise ValidationError(locked_message(current))
    if current.status == PeriodStatus.SUBMITTED:
        raise ValidationError(
            _(
                "El informe del período %(period)s está en revisión en AME: no se puede cambiar "
                "hasta que AME lo apruebe o lo devuelva con observaciones."
            )
            % {"period": period_label(current)}
        )
    return current


@transaction.atomic
def save_report(
    period,
    *,
    actor,
    narrative=None,
    financial_execution=None,
    values=None,
    evidence=(),
    submit=False,
    expected_version=None,
    notify=True,
) -> ReportingPeriod:
    """The GAD's progress report for a period: indicator values ({indicator: (target, actual,
    comment)}), financial execution, narrative and evidence files (list of (title, file)).
    ``submit=True`` sends it to AME. An approved period is locked."""
    current = _locked_period(period)
    if expected_version and current.updated_at.isoformat() != expected_version:
        raise ConflictError(period)
    project = current.project
    changes = {}
    if narrative is not None and narrative != current.narrative:
        changes["avance narrativo"] = [current.narrative[:200], narrative[:200]]
        current.narrative = narrative
    if financial_execution != current.financial_execution:
        changes["ejecución financiera"] = [
            str(current.financial_execution or ""),
            str(financial_execution or ""),
        ]
        current.financial_execution = financial_execution
    for indicator, (target, actual, comment) in (values or {}).items():
        if indicator.result.project_id != project.pk:
            raise ValidationError(_("El indicador «%s» no es de este proyecto.") % indicator)
        item, _created = IndicatorValue.objects.get_or_create(indicator=indicator, period=current)
        if (item.target, item.actual, item.comment) != (target, actual, comment or ""):
            changes[f"indicador «{indicator.name[:60]}»"] = [
                str(item.actual if item.actual is not None else ""),
                str(actual if actual is not None else ""),
            ]
            item.target, item.actual, item.comment = target, actual, comment or ""
            item.full_clean()
            item.save()
    for title, uploaded in evidence:
        _save_evidence(current, title, uploaded)
        changes.setdefault("evidencias", [None, []])[1].append(title or uploaded.name)
    if submit:
        if not current.narrative.strip():
            raise ValidationError(_("Escriba el avance narrativo antes de enviar el informe."))
        current.status = PeriodStatus.SUBMITTED
        current.submitted_at = timezone.now()
        current.submitted_by = actor if getattr(actor, "is_authenticated", False) else None
        changes["estado"] = [str(PeriodStatus.OPEN.label), str(PeriodStatus.SUBMITTED.label)]
    current.save()
    if changes:
        record(
            actor=actor,
            action=Action.UPDATE,
            obj=project,
            changes=changes,
            note=_("Informe del período %s") % period_label(current),
        )
    if submit and notify:
        _notify_ame(current)
    return current


EVIDENCE_SIGNATURES = (b"%PDF-", b"\x89PNG", b"\xff\xd8\xff")


def _checked_evidence_name(uploaded) -> str:
    """A PDF or a JPEG/PNG photo (by its signature, not its name), at most 10 MB."""
    if uploaded.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(_("El archivo pesa más de 10 MB."))
    head = uploaded.read(5)
    uploaded.seek(0)
    if not any(head.startswith(sig) for sig in EVIDENCE_SIGNATURES):
        raise ValidationError(_("La evidencia debe ser un PDF o una foto JPEG o PNG."))
    return uploaded.name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1][:100] or "evidencia"


def _save_evidence(period, title, uploaded) -> Evidence:
    name = _checked_evidence_name(uploaded)
    item = Evidence(period=period, title=(title or name)[:200])
    item.file.save(name, uploaded, save=False)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def add_evidence(period, *, actor, title, uploaded_file) -> Evidence:
    """Evidence (a PDF, or a JPEG/PNG photo) for an open or returned period."""
    current = _locked_period(period)
    item = _save_evidence(current, title, uploaded_file)
    record(
        actor=actor,
        action=Action.UPDATE,
        obj=current.project,
        changes={"evidencia": [None, item.title]},
        note=_("Informe del período %s") % period_label(current),
    )
    return item


@transaction.atomic
def remove_evidence(item, *, actor) -> None:
    current = _locked_period(item.period)
    title = item.title
    item.file.delete(save=False)
    item.delete()
    record(
        actor=actor,
        action=Action.UPDATE,
        obj=current.project,
        changes={"evidencia": [title, None]},
        note=_("Informe del período %s") % period_label(current),
    )


def _review(period, to_status, *, actor, comment, allowed_from, notify=True):
    current = (
        ReportingPeriod.objects.select_for_update().select_related("project").get(pk=period.pk)
    )
    if current.status not in allowed_from:
        raise ValidationError(
            _("Un período «%(from)s» no puede pasar a «%(to)s».")
            % {"from": current.get_status_display(), "to": PeriodStatus(to_status).label}
        )
    before = current.get_status_display()
    current.status = to_status
    current.reviewed_at = timezone.now()
    current.reviewed_by = actor if getattr(actor, "is_authenticated", False) else None
    current.review_comment = comment
    current.save()
    record(
        actor=actor,
        action=Action.UPDATE,
        obj=current.project,
        changes={"estado del período": [str(before), str(current.get_status_display())]},
        note=(
            _("Informe del período %s") % period_label(current)
            + (f": {comment}" if comment else "")
        )[:500],
    )
    if notify:
        _notify_gad(current)
    return current


@transaction.atomic
def approve_period(period, *, actor, comment="", notify=True) -> ReportingPeriod:
    """AME approves a submitted report: the period is locked."""
    return _review(
        period,
        PeriodStatus.APPROVED,
        actor=actor,
        comment=comment.strip(),
        allowed_from={PeriodStatus.SUBMITTED},
        notify=notify,
    )


@transaction.atomic
def return_period(period, *, actor, comment) -> ReportingPeriod:
    """AME returns a submitted report to the GAD, saying what to fix (required)."""
    if not (comment or "").strip():
        raise ValidationError(
            _("Escriba las observaciones para el GAD: son obligatorias al devolver un informe.")
        )
    return _review(
        period,
        PeriodStatus.RETURNED,
        actor=actor,
        comment=comment.strip(),
        allowed_from={PeriodStatus.SUBMITTED},
    )


@transaction.atomic
def reopen_period(period, *, actor, comment="") -> ReportingPeriod:
    """AME unlocks an approved period so that the GAD can correct it (it goes back as returned)."""
    return _review(
        period,
        PeriodStatus.RETURNED,
        actor=actor,
        comment=comment.strip() or _("AME reabrió el período para corregirlo."),
        allowed_from={PeriodStatus.APPROVED},
    )


# --- notifications and reminders ----------------------------------------------------------


def _emails(organization_ids, roles):
    from sioc.accounts.models import Membership

    return sorted(
        set(
            Membership.objects.filter(
                organization_id__in=organization_ids, role__in=roles, user__is_active=True
            ).values_list("user__email", flat=True)
        )
        - {""}
    )


def _send(people, subject, template, context):
    if not people:
        return 0
    body = render_to_string(template, context)
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [person]) for person in people]
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))
    return len(messages)


def _period_context(period):
    return {
        "period": period,
        "project": period.project,
        "label": period_label(period),
        "url": settings.SITE_URL + period_url(period),
    }


def period_url(period):
    from django.urls import reverse

    return reverse("projects:period", args=[period.project_id, period.pk])


def _notify_ame(period):
    from sioc.organizations.models import Organization

    ame = list(Organization.objects.filter(slug="ame").values_list("pk", flat=True))
    subject = _("SIOC · Informe de avance enviado · %s") % period.project.title[:80]
    return _send(
        _emails(ame, AME_ROLES),
        subject,
        "projects/email/report_submitted.txt",
        _period_context(period),
    )


def _notify_gad(period):
    gads = list(period.project.gads.values_list("pk", flat=True))
    subject = _("SIOC · Informe de avance: %(status)s · %(project)s") % {
        "status": period.get_status_display(),
        "project": period.project.title[:80],
    }
    return _send(
        _emails(gads, [Role.GAD_OFFICER]),
        subject,
        "projects/email/report_reviewed.txt",
        _period_context(period),
    )


def overdue_periods(today=None):
    """Reports past their due date that the GAD has not sent (open or returned)."""
    today = today or timezone.localdate()
    return ReportingPeriod.objects.filter(
        due_on__lt=today,
        status__in=[PeriodStatus.OPEN, PeriodStatus.RETURNED],
        project__source=Source.SIOC,
    )


@transaction.atomic
def remind_overdue_reports(*, actor=None, today=None, now=None) -> tuple[int, int]:
    """E-mail the GAD officers of every overdue report not reminded in the last 7 days and
    note the reminder. Returns (periods reminded, e-mails sent)."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    periods = (
        overdue_periods(today)
        .select_for_update()
        .select_related("project")
        .order_by("due_on", "pk")
    )
    reminded = sent = 0
    for period in periods:
        if period.reminded_at and now - period.reminded_at < REMINDER_INTERVAL:
            continue
        gads = list(period.project.gads.values_list("pk", flat=True))
        people = _emails(gads, [Role.GAD_OFFICER])
        context = _period_context(period)
        context["days_late"] = (today - period.due_on).days
        subject = _("SIOC · Informe de avance atrasado · %s") % period.project.title[:80]
        sent += _send(people, subject, "projects/email/report_overdue.txt", context)
        period.reminded_at = now
        period.save(update_fields=["reminded_at"])
        record(
            actor=actor,
            action=Action.UPDATE,
            obj=period.project,
            note=_("Recordatorio del informe atrasado del período %(period)s a %(n)d personas.")
            % {"period": period_label(period), "n": len(people)},
        )
        reminded += 1
    return reminded, sent
