"""Exchange rates: converting transaction values to US dollars on their date.

Rule (``to_usd`` and ``RateTable``): USD converts to itself; another currency uses the latest
rate published **on or before** the date. When the table has no rate on or before that date the
answer is ``None`` (unknown), never a later rate: a value is not converted with a rate from its
future. Callers keep ``value_usd`` empty and the pages say "sin tipo de cambio".

``load_exchange_rates(path, *, actor)`` reads a CSV ``moneda,fecha,usd_por_unidad`` (ISO date
``aaaa-mm-dd``, decimal point), validates every row and only then writes, in one transaction:
a file with one bad row writes nothing and the error names the file and the line, in Spanish.
"""

import bisect
import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from sioc.audit.choices import Action
from sioc.audit.services import record
from sioc.codelists.models import Currency
from sioc.common.datafiles import DataFileError, read_csv
from sioc.projects.models import ExchangeRate

CENT = Decimal("0.01")
COLUMNS = ("moneda", "fecha", "usd_por_unidad")


def to_usd(value: Decimal, currency_code: str, on: datetime.date) -> Decimal | None:
    """``value`` in USD with the latest rate on or before ``on``; None when there is none."""
    if value is None:
        return None
    code = (currency_code or "").upper()
    if code == "USD":
        return Decimal(value).quantize(CENT, ROUND_HALF_UP)
    rate = (
        ExchangeRate.objects.filter(currency_id=code, date__lte=on)
        .order_by("-date")
        .values_list("usd_per_unit", flat=True)
        .first()
    )
    if rate is None:
        return None
    return (Decimal(value) * rate).quantize(CENT, ROUND_HALF_UP)


class RateTable:
    """Every exchange rate in memory, for converting many values quickly (same rule as to_usd)."""

    def __init__(self):
        self._dates: dict[str, list[datetime.date]] = {}
        self._rates: dict[str, list[Decimal]] = {}
        rows = ExchangeRate.objects.order_by("currency_id", "date").values_list(
            "currency_id", "date", "usd_per_unit"
        )
        for code, date, rate in rows:
            self._dates.setdefault(code, []).append(date)
            self._rates.setdefault(code, []).append(rate)

    def to_usd(self, value: Decimal, currency_code: str, on: datetime.date) -> Decimal | None:
        if value is None:
            return None
        if currency_code == "USD":
            return value.quantize(CENT, ROUND_HALF_UP)
        dates = self._dates.get(currency_code)
        if not dates or on is None:
            return None
        index = bisect.bisect_right(dates, on) - 1
        if index < 0:
            return None
        return (value * self._rates[currency_code][index]).quantize(CENT, ROUND_HALF_UP)


def _parse_rows(path):
    rows = read_csv(path, COLUMNS)
    currencies = set(Currency.objects.values_list("code", flat=True))
    parsed = {}
    for row in rows:
        line = row["_line"]
        code = row["moneda"].upper()
        if code not in currencies:
            raise DataFileError(
                path,
                _("la moneda «%s» no está en la lista de monedas ISO 4217 de IATI.") % code,
                line,
            )
        try:
            date = datetime.date.fromisoformat(row["fecha"])
        except ValueError:
            raise DataFileError(
                path,
                _("la fecha «%s» no es válida: use aaaa-mm-dd, p. ej. 2024-01-31.") % row["fecha"],
                line,
            ) from None
        try:
            rate = Decimal(row["usd_por_unidad"].replace(",", "."))
        except InvalidOperation:
            raise DataFileError(
                path,
                _("el tipo de cambio «%s» no es un número.") % row["usd_por_unidad"],
                line,
            ) from None
        if not rate.is_finite() or rate <= 0:
            raise DataFileError(path, _("el tipo de cambio debe ser mayor que cero."), line)
        if rate >= Decimal("1e10"):
            raise DataFileError(path, _("el tipo de cambio es demasiado grande."), line)
        rate = rate.quantize(Decimal("1e-10"), ROUND_HALF_UP)
        if code == "USD" and rate != 1:
            raise DataFileError(path, _("un dólar vale un dólar: use 1 para USD."), line)
        key = (code, date)
        if key in parsed and parsed[key][0] != rate:
            raise DataFileError(
                path,
                _("la moneda %(code)s ya tiene otro tipo de cambio el %(date)s (línea %(line)s).")
                % {"code": code, "date": date.strftime("%d/%m/%Y"), "line": parsed[key][1]},
                line,
            )
        parsed[key] = (rate, line)
    return parsed


@transaction.atomic
def load_exchange_rates(path, *, actor) -> dict[str, int]:
    """Load a rates CSV (all or nothing); existing (currency, date) pairs take the new rate."""
    parsed = _parse_rows(path)
    existing = {
        (r.currency_id, r.date): r
        for r in ExchangeRate.objects.filter(currency_id__in={code for code, _d in parsed})
    }
    new, changed = [], []
    for (code, date), (rate, _line) in parsed.items():
        current = existing.get((code, date))
        if current is None:
            new.append(ExchangeRate(currency_id=code, date=date, usd_per_unit=rate))
        elif current.usd_per_unit != rate:
            current.usd_per_unit = rate
            changed.append(current)
    ExchangeRate.objects.bulk_create(new, batch_size=1000)
    ExchangeRate.objects.bulk_update(changed, ["usd_per_unit"], batch_size=1000)
    counts = {
        "tipos_de_cambio_nuevos": len(new),
        "tipos_de_cambio_modificados": len(changed),
        "tipos_de_cambio_sin_cambios": len(parsed) - len(new) - len(changed),
    }
    if new or changed:
        anchor = (new or changed)[0]
        if anchor.pk is None:  # SQLite and PostgreSQL return pks; be safe on other backends
            anchor = ExchangeRate.objects.get(currency_id=anchor.currency_id, date=anchor.date)
        record(
            actor=actor,
            action=Action.LOAD,
            obj=anchor,
            changes={k: [None, v] for k, v in counts.items()},
            note=_("Carga de tipos de cambio desde %s") % str(path)[-200:],
        )
    return counts
