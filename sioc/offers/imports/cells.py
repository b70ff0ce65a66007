"""Cell values: blank keeps, "-" clears; text, dates, amounts, web addresses, and the code-list
columns (labels matched ignoring case and accents, codes as Excel may have turned them into
numbers). Every problem is a ``CellError`` with a Spanish message."""

import datetime
import decimal
import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sioc.common.text import fold
from sioc.offers.exports import CLEAR, IMPORT_STATUSES, NATIONAL, SEPARATOR, TEMPLATE_KINDS
from sioc.organizations.choices import OrganizationKind

KEEP = object()  # a blank cell: keep the stored value
CLEARED = object()  # a "-" cell: clear the stored value

# A trillion: 14 significant digits, which SQLite's REAL storage of decimals keeps exactly
# (the model allows 16, which SQLite cannot read back).
MONEY_LIMIT = decimal.Decimal(10) ** 12
CENT = decimal.Decimal("0.01")
ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
NUMBER_RE = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


class CellError(Exception):
    pass


def blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def quoted(items):
    return ", ".join(f"«{i}»" for i in items)


def cell_text(value):
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def norm_text(value):
    return (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def read_cell(value):
    """KEEP for a blank cell, CLEARED for "-", else the raw value."""
    if blank(value):
        return KEEP
    if isinstance(value, str) and value.strip() == CLEAR:
        return CLEARED
    return value


def split_items(value):
    text = cell_text(value)
    return [item.strip() for item in text.split(SEPARATOR) if item.strip()]


def comma_hint(item):
    return " " + _("Separe los valores con punto y coma (;).") if "," in item else ""


def parse_text(value, max_length=None):
    text = cell_text(value)
    if max_length and len(text) > max_length:
        raise CellError(
            _("el texto tiene %(len)d caracteres y el máximo es %(max)d.")
            % {"len": len(text), "max": max_length}
        )
    return text


def parse_url(value, max_length):
    text = parse_text(value, max_length)
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError:
        raise CellError(
            _("«%(value)s» no es una dirección web válida; escríbala completa, con https://")
            % {"value": text[:100]}
        ) from None
    return text


def parse_email(value):
    text = parse_text(value, 254)
    try:
        validate_email(text)
    except ValidationError:
        raise CellError(_("«%(value)s» no es un correo válido.") % {"value": text[:100]}) from None
    return text


def parse_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = cell_text(value)
    match = ISO_DATE_RE.match(text)
    if match:
        try:
            return datetime.date(*(int(g) for g in match.groups()))
        except ValueError:
            raise CellError(
                _("la fecha «%(value)s» no existe en el calendario.") % {"value": text}
            ) from None
    raise CellError(
        _(
            "«%(value)s» no es una fecha: use una fecha de Excel o el formato AAAA-MM-DD (p. ej. 2026-03-31)."
        )
        % {"value": text[:40]}
    )


def parse_amount(value):
    if isinstance(value, bool):
        raise CellError(_("«%(value)s» no es un monto.") % {"value": value})
    if isinstance(value, (int, float, decimal.Decimal)):
        if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
            raise CellError(_("el monto no es un número."))
        amount = decimal.Decimal(repr(value) if isinstance(value, float) else value)
    else:
        text = cell_text(value).replace(" ", "")
        if not NUMBER_RE.match(text):
            hint = ""
            if "," in text:
                hint = " " + _("Use punto decimal y ningún separador de miles (p. ej. 15000.50).")
            raise CellError(
                _("«%(value)s» no es un monto válido.") % {"value": cell_text(value)[:40]} + hint
            )
        amount = decimal.Decimal(text)
    if amount < 0:
        raise CellError(
            _("el monto no puede ser negativo (%(value)s).") % {"value": cell_text(value)}
        )
    if amount != amount.quantize(CENT, rounding=decimal.ROUND_DOWN):
        raise CellError(
            _("el monto tiene más de dos decimales (%(value)s).") % {"value": cell_text(value)}
        )
    if amount >= MONEY_LIMIT:
        raise CellError(
            _("el monto es demasiado grande (%(value)s); el máximo es 999999999999.99.")
            % {"value": cell_text(value)}
        )
    return amount.quantize(CENT)


class VocabularyParsers:
    """Parsers of the code-list columns; ``self.vocab`` is an ``exports.Vocabulary``."""

    def parse_kind(self, value):
        text = cell_text(value)
        kind = self.vocab.kind_lookup.get(fold(text))
        if kind is None:
            raise CellError(
                _("tipo «%(value)s» desconocido: use uno de la hoja «valores» (%(valid)s).")
                % {
                    "value": text[:60],
                    "valid": ", ".join(str(OrganizationKind(k).label) for k in TEMPLATE_KINDS),
                }
            )
        return kind

    def parse_country(self, value):
        text = cell_text(value).upper()
        if text not in self.vocab.countries:
            raise CellError(
                _(
                    "país «%(value)s» desconocido: use el código ISO 3166-1 de dos letras (DE, JP, KR …)."
                )
                % {"value": text[:40]}
            )
        return text

    def parse_modalities(self, value):
        codes, unknown = set(), []
        for item in split_items(value):
            code = self.vocab.modality_lookup.get(fold(item))
            if code is None:
                unknown.append(item)
            else:
                codes.add(code)
        if unknown:
            raise CellError(
                ngettext(
                    "modalidad desconocida: %(items)s. Las válidas son: %(valid)s.",
                    "modalidades desconocidas: %(items)s. Las válidas son: %(valid)s.",
                    len(unknown),
                )
                % {
                    "items": quoted(unknown),
                    "valid": ", ".join(m.name for m in self.vocab.modalities.values()),
                }
                + comma_hint(";".join(unknown))
            )
        return frozenset(codes)

    def parse_sdgs(self, value):
        goals, targets = set(), set()
        for item in split_items(value):
            key = fold(item).removeprefix("ods").strip()
            if key.isdigit():
                if int(key) not in self.vocab.goals:
                    raise CellError(
                        _("el ODS «%(value)s» no existe: use números del 1 al 17 o metas como 6.1.")
                        % {"value": item}
                        + comma_hint(item)
                    )
                goals.add(int(key))
            elif key in self.vocab.targets:
                targets.add(key)
                goals.add(self.vocab.target_goal[key])
            else:
                raise CellError(
                    _("la meta de ODS «%(value)s» no existe (p. ej. 6.1, 11.b).") % {"value": item}
                    + comma_hint(item)
                )
        return (frozenset(goals), frozenset(targets))

    def parse_competencies(self, value):
        codes = set()
        for item in split_items(value):
            key = fold(item).rstrip(").").strip()
            if key not in self.vocab.competencies:
                raise CellError(
                    _("la competencia COOTAD «%(value)s» no existe: use letras de la a a la n.")
                    % {"value": item}
                    + comma_hint(item)
                )
            codes.add(key)
        return frozenset(codes)

    def parse_sectors(self, value):
        codes = set()
        for item in split_items(value):
            if item not in self.vocab.sectors:
                raise CellError(
                    _(
                        "el sector CAD «%(value)s» no existe: use códigos de cinco dígitos (hoja «valores»)."
                    )
                    % {"value": item}
                    + comma_hint(item)
                )
            codes.add(item)
        return frozenset(codes)

    def parse_coverage(self, value):
        items = split_items(value)
        if any(fold(i) == NATIONAL for i in items):
            if len(items) > 1:
                raise CellError(_("«nacional» no se combina con provincias ni cantones."))
            return (True, frozenset(), frozenset())
        provinces, cantons = set(), set()
        for item in items:
            if not item.isdigit():
                raise CellError(
                    _("«%(value)s» no es «nacional» ni un código INEC de provincia o cantón.")
                    % {"value": item}
                    + comma_hint(item)
                )
            if len(item) <= 2:
                code = item.zfill(2)
                if code not in self.vocab.provinces:
                    raise CellError(
                        _("no existe la provincia con código INEC «%(value)s».") % {"value": item}
                    )
                provinces.add(code)
            elif len(item) <= 4:
                code = item.zfill(4)
                if code not in self.vocab.cantons:
                    raise CellError(
                        _("no existe el cantón con código INEC «%(value)s».") % {"value": item}
                    )
                cantons.add(code)
            else:
                raise CellError(
                    _(
                        "«%(value)s» no es un código INEC de provincia (2 dígitos) ni de cantón (4 dígitos)."
                    )
                    % {"value": item}
                )
        return (False, frozenset(provinces), frozenset(cantons))

    def parse_currency(self, value):
        text = cell_text(value).upper()
        if text not in self.vocab.currencies:
            raise CellError(
                _("la moneda «%(value)s» no existe: use el código ISO 4217 (USD, EUR …).")
                % {"value": text[:20]}
            )
        return text

    def parse_status(self, value):
        text = cell_text(value)
        status = self.vocab.status_lookup.get(fold(text))
        if status is None:
            raise CellError(
                _("estado «%(value)s» desconocido: use %(valid)s.")
                % {"value": text[:40], "valid": ", ".join(str(s.label) for s in IMPORT_STATUSES)}
            )
        return status
