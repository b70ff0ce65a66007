"""Importing IATI activity files (2.01–2.03) as read-only external projects.

``import_file(path, *, actor, ...)`` is the one entry point (command, web task, demo data):

- the file is streamed (``safe.ActivityStream``) and written in chunks of ``CHUNK`` activities
  with bulk inserts, all inside **one transaction per file**: a fatal problem (malformed XML, a
  DOCTYPE, a non-IATI root, an unsupported version, a database error) rolls the whole file back
  and raises ``IatiFileError`` with a Spanish message;
- an activity is for Ecuador when it has ``recipient-country code="EC"``, or a transaction with
  it (USAID and the US agencies give the country only per transaction), or a location whose name
  says Ecuador. Activities for other countries are skipped, with the reason;
- activities become projects with ``source="iati"`` and ``visibility="published"``, keyed by
  ``iati-identifier``: a re-import updates them (children are replaced), never duplicates them.
  An identifier that belongs to a project recorded in SIOC (our own export) is left alone;
- the reporting organisation is matched by IATI identifier, then by accent/case-folded name or
  acronym, else created as a cooperante (kind from the IATI organisation type). Participating
  organisations are linked only when they already exist in SIOC (a GAD becomes one of the
  project's GADs);
- sectors: DAC 5-digit codes (vocabulary 1 or none; 3-digit categories and publishers' own
  vocabularies are skipped); without activity sectors, the transactions' sectors weighted by
  value. SDGs: tags of vocabulary 2 (goals) and 3 (targets), shared equally among goals;
- transactions of the types SIOC keeps (incoming funds, commitments, disbursements,
  expenditures, incoming commitments) with their USD value on the value date
  (``rates.RateTable``: latest rate on or before; none → empty), and the project's USD totals;
- **a transaction or budget in a currency that is not an ISO 4217 code of IATI's list skips the
  whole activity** (its amounts would be wrong), and the summary says which and why;
- cantons: named in location names/descriptions, the title or the descriptions
  (``cantons.CantonMatcher``, with its stop lists);
- titles and descriptions: the Spanish narrative, else English, else the first one.
"""

import datetime
import time
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import DatabaseError, connection, transaction
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils import timezone
from django.utils.translation import gettext as _

from sioc.audit.choices import Action
from sioc.audit.services import record
from sioc.codelists.models import ActivityStatus, Currency, DacSector, SdgGoal, SdgTarget
from sioc.common.text import fold
from sioc.organizations.choices import OrganizationKind
from sioc.organizations.models import Organization
from sioc.organizations.services import create_organization
from sioc.projects.choices import ImportStatus, Source, TransactionType, Visibility
from sioc.projects.iati.cantons import CantonMatcher
from sioc.projects.iati.exporter import publisher
from sioc.projects.iati.safe import XML_LANG, ActivityStream, IatiFileError
from sioc.projects.models import (
    IatiImport,
    Project,
    ProjectOrganization,
    ProjectSdg,
    ProjectSector,
    Transaction,
)
from sioc.projects.rates import RateTable
from sioc.territory.models import Canton

CHUNK = 1000
CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("1e16")  # DecimalField(max_digits=18, decimal_places=2)
KEPT_TRANSACTIONS = {c.value for c in TransactionType}
SKIP_LIST_LIMIT = 200  # reasons kept in full; the rest are counted per reason

PROJECT_FIELDS = [
    "source",
    "reporting_org_id",
    "title",
    "description",
    "activity_status_id",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "year",
    "currency_id",
    "budget",
    "budget_usd",
    "committed_usd",
    "disbursed_usd",
    "spent_usd",
    "visibility",
]

# IATI OrganisationType → the kind of cooperante created for an unknown reporting organisation.
KIND_BY_TYPE = {
    "10": OrganizationKind.BILATERAL_AGENCY,
    "11": OrganizationKind.FOREIGN_LOCAL_GOVERNMENT,
    "15": OrganizationKind.BILATERAL_AGENCY,
    "21": OrganizationKind.INTERNATIONAL_NGO,
    "22": OrganizationKind.INTERNATIONAL_NGO,
    "23": OrganizationKind.INTERNATIONAL_NGO,
    "24": OrganizationKind.INTERNATIONAL_NGO,
    "30": OrganizationKind.PRIVATE_SECTOR,
    "40": OrganizationKind.MULTILATERAL,
    "60": OrganizationKind.FOUNDATION,
    "70": OrganizationKind.PRIVATE_SECTOR,
    "71": OrganizationKind.PRIVATE_SECTOR,
    "72": OrganizationKind.PRIVATE_SECTOR,
    "73": OrganizationKind.PRIVATE_SECTOR,
    "80": OrganizationKind.ACADEMIA,
}
BANK_WORDS = ("bank", "banco", "banque", "bank group", "finance corporation")


@dataclass
class ImportSummary:
    file: str
    version: str = ""
    read: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    organizations_created: list = field(default_factory=list)
    skipped_examples: list = field(default_factory=list)  # (identifier, reason)
    skipped_by_reason: dict = field(default_factory=lambda: defaultdict(int))
    without_rate: int = 0
    seconds: float = 0.0

    def skip(self, identifier, reason, kind):
        self.skipped += 1
        self.skipped_by_reason[kind] += 1
        if len(self.skipped_examples) < SKIP_LIST_LIMIT:
            self.skipped_examples.append((identifier or _("(sin identificador)"), reason))

    def lines(self):
        """The summary in Spanish, one line per fact."""
        out = [
            _(
                "%(file)s (IATI %(version)s): %(read)d actividades leídas; %(created)d proyectos "
                "nuevos, %(updated)d actualizados, %(skipped)d omitidas."
            )
            % {
                "file": self.file,
                "version": self.version,
                "read": self.read,
                "created": self.created,
                "updated": self.updated,
                "skipped": self.skipped,
            }
        ]
        for kind, count in sorted(self.skipped_by_reason.items(), key=lambda kv: -kv[1]):
            out.append(_("  omitidas: %(count)d — %(reason)s") % {"count": count, "reason": kind})
        if self.organizations_created:
            out.append(
                _("  cooperantes nuevos: %s") % ", ".join(self.organizations_created[:20])
                + (" …" if len(self.organizations_created) > 20 else "")
            )
        if self.without_rate:
            out.append(
                _(
                    "  %d transacciones sin tipo de cambio en su fecha: quedan sin valor en USD "
                    "(cargue los tipos de cambio con sioc load_exchange_rates)."
                )
                % self.without_rate
            )
        return out

    def messages(self):
        """JSON-safe details for IatiImport.messages."""
        return [
            {"identificador": ident, "motivo": reason} for ident, reason in self.skipped_examples
        ]


class Skip(Exception):
    def __init__(self, reason, kind):
        super().__init__(reason)
        self.reason = reason
        self.kind = kind


def _narrative(element, default_lang):
    """The Spanish narrative of ``element``, else English, else the first one ("" if none)."""
    first = texts = None
    for narrative in element.iterchildren("narrative"):
        text = narrative.text
        if not text:
            continue
        text = text.strip()
        if not text:
            continue
        if first is None:
            first = (narrative, text)
        elif texts is None:
            texts = [first, (narrative, text)]
        else:
            texts.append((narrative, text))
    if texts is None:  # one narrative (the usual case): no need to look at languages
        return first[1] if first is not None else ""
    english = None
    for narrative, text in texts:
        lang = narrative.get(XML_LANG) or default_lang
        lang = lang.lower()[:2] if lang else ""
        if lang == "es":
            return text
        if english is None and lang == "en":
            english = text
    return english or first[1]


def _date(value):
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _amount(text, identifier):
    try:
        value = Decimal((text or "").strip())
    except InvalidOperation:
        raise Skip(
            _("el importe «%s» no es un número.") % (text or "").strip()[:40],
            _("importe que no es un número"),
        ) from None
    if not value.is_finite() or abs(value) >= MAX_AMOUNT:
        raise Skip(
            _("el importe %s está fuera del rango que SIOC guarda.") % (text or "").strip()[:40],
            _("importe fuera de rango"),
        )
    return value.quantize(CENT, ROUND_HALF_UP)


def _country_from_ref(ref):
    prefix = (ref or "").split("-", 1)[0].upper()
    if len(prefix) == 2 and prefix.isalpha() and prefix not in {"XM", "XI", "XR", "XX"}:
        return prefix
    return ""


class Organizations:
    """Matching (and, for reporting organisations, creating) organisations, cached per import."""

    def __init__(self, *, actor, summary_sink):
        self.actor = actor
        self.sink = summary_sink
        self.by_ref = {}
        self.by_name = {}
        self._matched = {}
        for org in Organization.objects.only("id", "name", "acronym", "iati_identifier", "kind"):
            if org.iati_identifier:
                self.by_ref.setdefault(org.iati_identifier.strip().casefold(), org)
            self.by_name.setdefault(fold(org.name), org)
        for org in Organization.objects.exclude(acronym="").only(
            "id", "name", "acronym", "iati_identifier", "kind"
        ):
            self.by_name.setdefault(fold(org.acronym), org)

    def match(self, ref, name):
        """Cached: the same organisations appear in thousands of activities."""
        key = (ref, name)
        try:
            return self._matched[key]
        except KeyError:
            org = self._matched[key] = self._match(ref, name)
            return org

    def _match(self, ref, name):
        if ref:
            org = self.by_ref.get(ref.strip().casefold())
            if org is not None:
                return org
        if name:
            return self.by_name.get(fold(name))
        return None

    def reporting(self, ref, name, type_code):
        org = self.match(ref, name)
        if org is not None:
            return org
        label = (name or ref or "").strip()
        kind = KIND_BY_TYPE.get(type_code or "", OrganizationKind.INTERNATIONAL_NGO)
        if kind == OrganizationKind.MULTILATERAL and any(w in fold(label) for w in BANK_WORDS):
            kind = OrganizationKind.DEVELOPMENT_BANK
        org = create_organization(
            actor=self.actor,
            kind=kind,
            name=label[:250],
            iati_identifier=(ref or "")[:100],
            country=_country_from_ref(ref),
            description=_("Creada al importar sus actividades IATI."),
        )
        if ref:
            self.by_ref[ref.strip().casefold()] = org
        self.by_name[fold(label)] = org
        self._matched.clear()
        self.sink(org.name)
        return org


class Lookups:
    """Everything an import needs from the database, read once."""

    def __init__(self, *, actor, summary_sink):
        self.sectors = dict(DacSector.objects.values_list("code", "pk"))
        self.currencies = set(Currency.objects.values_list("code", flat=True))
        self.statuses = dict(ActivityStatus.objects.values_list("code", "pk"))
        self.goals = {str(code): pk for code, pk in SdgGoal.objects.values_list("code", "pk")}
        self.targets = {
            code: (pk, goal_id)
            for code, pk, goal_id in SdgTarget.objects.values_list("code", "pk", "goal_id")
        }
        self.matcher = CantonMatcher(Canton.objects.values_list("code", "name"))
        self.canton_pks = dict(Canton.objects.values_list("code", "pk"))
        self.rates = RateTable()
        self.orgs = Organizations(actor=actor, summary_sink=summary_sink)
        self.publisher_ref = publisher()[0].casefold()
        self.existing = {
            ident: (pk, source)
            for ident, pk, source in Project.objects.exclude(iati_identifier=None).values_list(
                "iati_identifier", "pk", "source"
            )
        }


def _tx_text(child, lang):
    """A transaction's description, provider or receiver: its narrative, else its ref."""
    if child is None:
        return ""
    return (_narrative(child, lang) or child.get("ref") or "").strip()


# The children of an activity that the import reads (the others are skipped at once).
ACTIVITY_TAGS = frozenset(
    (
        "iati-identifier",
        "reporting-org",
        "title",
        "description",
        "participating-org",
        "activity-status",
        "activity-date",
        "recipient-country",
        "location",
        "sector",
        "tag",
        "budget",
        "transaction",
    )
)
LOCATION_TEXT_TAGS = ("name", "description", "activity-description")


def _transaction(element):
    """(type code, recipient country, {tag: first child}, [sector children]) of a transaction;
    the first child of each tag, as ``find`` would give."""
    first = {}
    sectors = []
    for sub in element:
        tag = sub.tag
        if tag == "sector":
            sectors.append(sub)
        elif tag not in first:
            first[tag] = sub
    kind = first.get("transaction-type")
    country = first.get("recipient-country")
    return (
        kind.get("code") if kind is not None else None,
        (country.get("code") or "").upper() if country is not None else "",
        first,
        sectors,
    )


def parse_activity(element, lk, root_lang, summary):
    """The project data of one ``iati-activity`` element, or raises Skip."""
    lang = element.get(XML_LANG) or root_lang
    default_currency = (element.get("default-currency") or "").strip().upper()
    identifier = ""
    reporting = None
    title = ""
    descriptions = []
    participating = []
    status = None
    dates = {}
    countries = []
    location_texts = []
    sectors = []
    goals, targets = [], []
    budgets = []
    transactions = []
    for child in element:
        tag = child.tag
        if tag not in ACTIVITY_TAGS:
            continue
        if tag == "transaction":
            transactions.append(_transaction(child))
        elif tag == "participating-org":
            participating.append(
                (child.get("ref") or "", _narrative(child, lang), child.get("role") or "")
            )
        elif tag == "activity-date":
            day = _date(child.get("iso-date"))
            if day:
                dates.setdefault(child.get("type"), day)
        elif tag == "iati-identifier":
            identifier = (child.text or "").strip()
        elif tag == "reporting-org":
            reporting = (child.get("ref") or "", _narrative(child, lang), child.get("type"))
        elif tag == "title":
            title = _narrative(child, lang)
        elif tag == "description":
            text = _narrative(child, lang)
            if text:
                descriptions.append((child.get("type") or "1", text))
        elif tag == "activity-status":
            status = child.get("code")
        elif tag == "recipient-country":
            countries.append((child.get("code") or "").upper())
        elif tag == "location":
            for sub in child:
                if sub.tag in LOCATION_TEXT_TAGS:
                    location_texts.append(_narrative(sub, lang))
        elif tag == "sector":
            sectors.append(
                (child.get("vocabulary") or "1", child.get("code") or "", child.get("percentage"))
            )
        elif tag == "tag":
            vocabulary = child.get("vocabulary")
            if vocabulary == "2":
                goals.append((child.get("code") or "").strip())
            elif vocabulary == "3":
                targets.append((child.get("code") or "").strip())
        elif tag == "budget":
            budgets.append(child)
    if not identifier:
        raise Skip(_("la actividad no tiene iati-identifier."), _("sin identificador IATI"))
    if not reporting or not (reporting[0] or reporting[1]):
        raise Skip(
            _("la actividad no tiene reporting-org con ref o nombre."),
            _("sin organización que informa"),
        )

    if reporting[0] and reporting[0].strip().casefold() == lk.publisher_ref:
        raise Skip(
            _("la publicó AME desde SIOC: es un proyecto registrado en SIOC y no se modifica."),
            _("proyecto propio de SIOC"),
        )
    ecuador_activity = "EC" in countries
    # Transactions: keep SIOC's types; with EC only per transaction, keep EC's (or country-less).
    kept = []
    ecuador_transaction = False
    for code, country_code, first, tx_sectors in transactions:
        if country_code == "EC":
            ecuador_transaction = True
        if code not in KEPT_TRANSACTIONS:
            continue
        if not ecuador_activity and country_code not in ("", "EC"):
            continue
        kept.append((code, first, tx_sectors))
    in_ecuador = ecuador_activity or ecuador_transaction
    if not in_ecuador and not any("ecuador" in fold(t) for t in location_texts):
        raise Skip(
            _("la actividad no es para Ecuador (ningún recipient-country EC)."),
            _("no es para Ecuador"),
        )

    # Money
    currency = default_currency if default_currency in lk.currencies else "USD"
    rows = []
    totals = {"2": Decimal(0), "3": Decimal(0), "4": Decimal(0)}
    sector_weights = defaultdict(Decimal)
    for code, first, tx_sectors in kept:
        value_el = first.get("value")
        if value_el is None:
            continue
        tx_currency = (value_el.get("currency") or default_currency).strip().upper()
        if tx_currency not in lk.currencies:
            raise Skip(
                _("una transacción usa la moneda «%s», que no está en la lista ISO 4217 de IATI.")
                % (tx_currency or _("(sin moneda)")),
                _("transacción en moneda desconocida"),
            )
        value = _amount(value_el.text, identifier)
        date_el = first.get("transaction-date")
        day = _date(date_el.get("iso-date")) if date_el is not None else None
        value_day = _date(value_el.get("value-date")) or day
        day = day or value_day
        if day is None:
            continue
        usd = lk.rates.to_usd(value, tx_currency, value_day)
        if usd is None:
            summary.without_rate += 1
        elif code in totals:
            totals[code] += usd
        for sector in tx_sectors:
            if (sector.get("vocabulary") or "1") == "1":
                sector_weights[sector.get("code") or ""] += abs(usd or value)
        rows.append(
            (
                code,
                day,
                value,
                tx_currency,
                usd,
                _tx_text(first.get("description"), lang)[:500],
                _tx_text(first.get("provider-org"), lang)[:300],
                _tx_text(first.get("receiver-org"), lang)[:300],
            )
        )

    budget_by_period = {}
    for budget in budgets:
        value_el = budget.find("value")
        if value_el is None:
            continue
        b_currency = (value_el.get("currency") or default_currency).strip().upper()
        if b_currency not in lk.currencies:
            raise Skip(
                _("un presupuesto usa la moneda «%s», que no está en la lista ISO 4217 de IATI.")
                % (b_currency or _("(sin moneda)")),
                _("presupuesto en moneda desconocida"),
            )
        start = budget.find("period-start")
        period = start.get("iso-date") if start is not None else ""
        revised = budget.get("type") == "2"
        if period in budget_by_period and not revised:
            continue
        budget_by_period[period] = (
            _amount(value_el.text, identifier),
            b_currency,
            _date(value_el.get("value-date")) or _date(period),
        )
    budget = budget_usd = None
    if budget_by_period:
        same = [v for v, c, _d in budget_by_period.values() if c == currency]
        budget = sum(same, Decimal(0)) if len(same) == len(budget_by_period) else None
        converted = [lk.rates.to_usd(v, c, d) for v, c, d in budget_by_period.values()]
        budget_usd = None if None in converted else sum(converted, Decimal(0))
        if budget is not None and abs(budget) >= MAX_AMOUNT:
            budget = None
        if budget_usd is not None and abs(budget_usd) >= MAX_AMOUNT:
            budget_usd = None

    # Sectors (DAC 5-digit only)
    shares = {}
    dac = [(c, p) for v, c, p in sectors if v == "1" and c in lk.sectors]
    if dac:
        given = [p for _c, p in dac if p]
        for code, pct in dac:
            try:
                share = Decimal(pct) if given else Decimal(100) / len(dac)
            except InvalidOperation:
                share = Decimal(100) / len(dac)
            shares[code] = shares.get(code, Decimal(0)) + share
    else:
        weights = {c: w for c, w in sector_weights.items() if c in lk.sectors}
        total = sum(weights.values(), Decimal(0))
        for code, weight in weights.items():
            shares[code] = Decimal(100) * weight / total if total else Decimal(100) / len(weights)
    sector_rows = [
        (lk.sectors[c], min(Decimal(100), max(Decimal(0), s)).quantize(CENT))
        for c, s in shares.items()
    ]

    # SDGs: goals share 100 % equally; a goal's targets share the goal's part.
    by_goal = {}
    for code in goals:
        if code in lk.goals:
            by_goal.setdefault(lk.goals[code], [])
    for code in targets:
        if code in lk.targets:
            target_pk, goal_pk = lk.targets[code]
            by_goal.setdefault(goal_pk, [])
            if target_pk not in by_goal[goal_pk]:
                by_goal[goal_pk].append(target_pk)
    sdg_rows = []
    for goal_pk, target_pks in by_goal.items():
        part = Decimal(100) / len(by_goal)
        if target_pks:
            for target_pk in target_pks:
                sdg_rows.append((goal_pk, target_pk, (part / len(target_pks)).quantize(CENT)))
        else:
            sdg_rows.append((goal_pk, None, part.quantize(CENT)))

    # Dates and year
    planned_start, actual_start = dates.get("1"), dates.get("2")
    planned_end, actual_end = dates.get("3"), dates.get("4")
    if planned_start and planned_end and planned_start > planned_end:
        planned_end = None
    start = actual_start or planned_start or (min(r[1] for r in rows) if rows else None)

    description = "\n\n".join(t for _k, t in sorted(descriptions, key=lambda d: d[0]))
    title = title or description[:200] or identifier
    cantons = lk.matcher.find(title, description, *location_texts)

    return {
        "identifier": identifier[:200],
        "reporting": reporting,
        "participating": participating,
        "project": {
            "title": title[:500],
            "description": description,
            "activity_status_id": lk.statuses.get(status),
            "planned_start": planned_start,
            "planned_end": planned_end,
            "actual_start": actual_start,
            "actual_end": actual_end,
            "year": start.year if start else None,
            "currency_id": currency,
            "budget": budget.quantize(CENT) if budget is not None else None,
            "budget_usd": budget_usd.quantize(CENT) if budget_usd is not None else None,
            "committed_usd": totals["2"],
            "disbursed_usd": totals["3"],
            "spent_usd": totals["4"],
        },
        "transactions": rows,
        "sectors": sector_rows,
        "sdgs": sdg_rows,
        "cantons": [lk.canton_pks[c] for c in cantons if c in lk.canton_pks],
    }


def _insert(model, columns, rows):
    """Plain multi-row INSERT (children of the projects of one chunk)."""
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    cols = ", ".join(connection.ops.quote_name(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", rows)


def _delete_children(pks):
    if not pks:
        return
    Transaction.objects.filter(project_id__in=pks).delete()
    ProjectSector.objects.filter(project_id__in=pks).delete()
    ProjectSdg.objects.filter(project_id__in=pks).delete()
    ProjectOrganization.objects.filter(project_id__in=pks).delete()
    Project.cantons.through.objects.filter(project_id__in=pks).delete()
    Project.gads.through.objects.filter(project_id__in=pks).delete()


DATE_FIELDS = {"planned_start", "planned_end", "actual_start", "actual_end"}
MONEY_FIELDS = {"budget", "budget_usd", "committed_usd", "disbursed_usd", "spent_usd"}


def _plain_decimals(ops):
    """Whether the backend takes Decimal values as they are (SQLite, PostgreSQL)."""
    return type(ops).adapt_decimalfield_value is BaseDatabaseOperations.adapt_decimalfield_value


def _converters(ops, columns):
    """One database adapter (or None) per column, looked up once per chunk."""
    out = []
    for name in columns:
        if name in DATE_FIELDS:
            out.append(ops.adapt_datefield_value)
        elif name in MONEY_FIELDS and not _plain_decimals(ops):
            out.append(lambda value, adapt=ops.adapt_decimalfield_value: adapt(value, 18, 2))
        else:
            out.append(None)
    return out


def _values(fields, columns, converters):
    return [
        value if convert is None else convert(value)
        for value, convert in zip(map(fields.__getitem__, columns), converters, strict=True)
    ]


def _write_projects(new, changed, now):
    """Plain INSERT/UPDATE of the chunk's projects (Django's bulk helpers cost more than the
    database here); returns {identifier: pk} of the new ones."""
    ops = connection.ops
    quote = ops.quote_name
    table = quote(Project._meta.db_table)
    columns = [f for f in PROJECT_FIELDS if f != "source"]
    converters = _converters(ops, columns)
    stamp = ops.adapt_datetimefield_value(now)
    if new:
        insert = ["source", "iati_identifier", *columns, "published_at", "created_at", "updated_at"]
        rows = [
            (Source.IATI, ident, *_values(fields, columns, converters), stamp, stamp, stamp)
            for ident, fields in new
        ]
        marks = ", ".join(["%s"] * len(insert))
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(quote(c) for c in insert)}) VALUES ({marks})",
                rows,
            )
    if changed:
        assignments = ", ".join(f"{quote(c)} = %s" for c in [*columns, "updated_at"])
        rows = [(*_values(fields, columns, converters), stamp, pk) for pk, fields in changed]
        with connection.cursor() as cursor:
            cursor.executemany(f"UPDATE {table} SET {assignments} WHERE id = %s", rows)
    if not new:
        return {}
    idents = [ident for ident, _f in new]
    pks = {}
    with connection.cursor() as cursor:
        for i in range(0, len(idents), 500):
            part = idents[i : i + 500]
            cursor.execute(
                f"SELECT {quote('iati_identifier')}, {quote('id')} FROM {table} "
                f"WHERE {quote('iati_identifier')} IN ({', '.join(['%s'] * len(part))})",
                part,
            )
            pks.update(cursor.fetchall())
    return pks


def _write_chunk(items, lk, now):
    """Create or update the chunk's projects and replace their children."""
    new, changed = [], []
    for item in items:
        org = lk.orgs.reporting(*item["reporting"])
        item["project"]["reporting_org_id"] = org.pk
        item["project"]["visibility"] = Visibility.PUBLISHED
        item["reporting_org"] = org
        existing = lk.existing.get(item["identifier"])
        if existing is None:
            new.append(item)
        else:
            item["pk"] = existing[0]
            changed.append(item)
    pks = _write_projects(
        [(i["identifier"], i["project"]) for i in new],
        [(i["pk"], i["project"]) for i in changed],
        now,
    )
    for item in new:
        item["pk"] = pks[item["identifier"]]
        lk.existing[item["identifier"]] = (item["pk"], Source.IATI)
    _delete_children([i["pk"] for i in changed])

    tx_rows, sector_rows, sdg_rows, org_rows, canton_rows, gad_rows = [], [], [], [], [], []
    for item in new + changed:
        pk = item["pk"]
        # (kind, date, value, currency, usd, description, provider, receiver)
        tx_rows.extend((pk, *row) for row in item["transactions"])
        sector_rows.extend((pk, *row) for row in item["sectors"])  # (sector, share)
        sdg_rows.extend((pk, *row) for row in item["sdgs"])  # (goal, target, share)
        canton_rows.extend((pk, canton_pk) for canton_pk in item["cantons"])
        seen = set()
        gads = set()
        for ref, name, role in item["participating"]:
            if role not in ("1", "2", "3", "4"):
                continue
            org = lk.orgs.match(ref, name)
            if org is None:
                reporting = item["reporting_org"]
                if ref and ref.strip().casefold() == (reporting.iati_identifier or "").casefold():
                    org = reporting
                else:
                    continue
            if (org.pk, role) not in seen:
                seen.add((org.pk, role))
                org_rows.append((pk, org.pk, role))
            if org.kind == OrganizationKind.GAD_MUNICIPAL and org.pk not in gads:
                gads.add(org.pk)
                gad_rows.append((pk, org.pk))
    if not _plain_decimals(connection.ops):
        adapt = connection.ops.adapt_decimalfield_value
        tx_rows = [
            (pk, kind, day, adapt(value, 18, 2), currency, adapt(usd, 18, 2), d, p, r)
            for pk, kind, day, value, currency, usd, d, p, r in tx_rows
        ]
        sector_rows = [(pk, s, adapt(v, 5, 2)) for pk, s, v in sector_rows]
        sdg_rows = [(pk, g, t, adapt(v, 5, 2)) for pk, g, t, v in sdg_rows]
    _insert(
        Transaction,
        [
            "project_id",
            "kind",
            "date",
            "value",
            "currency_id",
            "value_usd",
            "description",
            "provider",
            "receiver",
        ],
        tx_rows,
    )
    _insert(ProjectSector, ["project_id", "sector_id", "percentage"], sector_rows)
    _insert(ProjectSdg, ["project_id", "goal_id", "target_id", "percentage"], sdg_rows)
    _insert(ProjectOrganization, ["project_id", "organization_id", "role"], org_rows)
    _insert(Project.cantons.through, ["project_id", "canton_id"], canton_rows)
    _insert(Project.gads.through, ["project_id", "organization_id"], gad_rows)
    return len(new), len(changed)


def import_file(path, *, actor, name=None, job=None, progress=None):
    """Import one IATI activity file in one transaction; return its ImportSummary.

    ``progress(summary, fraction)`` is called after every chunk (``fraction``: share of the
    file read). Raises IatiFileError (nothing written) when the file cannot be imported.
    """
    started = time.perf_counter()
    stream = ActivityStream(path, name)
    summary = ImportSummary(file=stream.name, version=stream.facts.version)
    now = timezone.now()
    try:
        with transaction.atomic():
            lk = Lookups(actor=actor, summary_sink=summary.organizations_created.append)
            seen = set()
            chunk = []
            for element in stream:
                summary.read += 1
                try:
                    item = parse_activity(element, lk, stream.facts.lang, summary)
                except Skip as skip:
                    ident = (element.findtext("iati-identifier") or "").strip()
                    summary.skip(ident, skip.reason, skip.kind)
                    continue
                ident = item["identifier"]
                if ident in seen:
                    summary.skip(
                        ident,
                        _("el identificador aparece más de una vez en el archivo."),
                        _("identificador repetido en el archivo"),
                    )
                    continue
                seen.add(ident)
                existing = lk.existing.get(ident)
                if existing is not None and existing[1] != Source.IATI:
                    summary.skip(
                        ident,
                        _("es un proyecto registrado en SIOC (exportado por AME); no se modifica."),
                        _("proyecto propio de SIOC"),
                    )
                    continue
                chunk.append(item)
                if len(chunk) >= CHUNK:
                    created, updated = _write_chunk(chunk, lk, now)
                    summary.created += created
                    summary.updated += updated
                    chunk = []
                    if progress:
                        progress(summary, stream.fraction)
            if chunk:
                created, updated = _write_chunk(chunk, lk, now)
                summary.created += created
                summary.updated += updated
            summary.seconds = time.perf_counter() - started
            if job is not None:
                record(
                    actor=actor,
                    action=Action.LOAD,
                    obj=job,
                    changes={
                        "proyectos_nuevos": [None, summary.created],
                        "proyectos_actualizados": [None, summary.updated],
                        "actividades_omitidas": [None, summary.skipped],
                    },
                    note=_("Importación IATI de %s") % summary.file[:200],
                )
    except DatabaseError as exc:
        raise IatiFileError(
            _(
                "No se pudo guardar el archivo «%(name)s» (error de la base de datos: %(error)s). "
                "No se guardó nada."
            )
            % {"name": stream.name, "error": str(exc)[:200]}
        ) from exc
    if progress:
        progress(summary, 1.0)
    return summary


def import_files(paths, *, actor, progress=None):
    """Import several files, each in its own transaction; returns (summaries, errors).

    A file that fails is reported in ``errors`` as (name, Spanish message); the others are kept.
    Every file gets an IatiImport row (the history of imports the web pages list).
    """
    summaries, errors = [], []
    for path in paths:
        job = IatiImport.objects.create(
            original_name=str(getattr(path, "name", path))[-300:],
            status=ImportStatus.RUNNING,
            requested_by=actor if getattr(actor, "is_authenticated", False) else None,
            started_at=timezone.now(),
        )
        try:
            summary = import_file(path, actor=actor, job=job, progress=progress)
        except IatiFileError as exc:
            finish_job(job, error=str(exc))
            errors.append((job.original_name, str(exc)))
            continue
        finish_job(job, summary=summary)
        summaries.append(summary)
    return summaries, errors


def finish_job(job, *, summary=None, error=""):
    job.finished_at = timezone.now()
    if error:
        job.status = ImportStatus.FAILED
        job.error = error
        job.save(update_fields=["status", "error", "finished_at", "updated_at"])
        return
    job.status = ImportStatus.DONE
    job.total = summary.read
    job.processed = summary.read
    job.created = summary.created
    job.updated = summary.updated
    job.skipped = summary.skipped
    job.messages = {"resumen": summary.lines(), "omitidas": summary.messages()}
    job.save(
        update_fields=[
            "status",
            "total",
            "processed",
            "created",
            "updated",
            "skipped",
            "messages",
            "finished_at",
            "updated_at",
        ]
    )
