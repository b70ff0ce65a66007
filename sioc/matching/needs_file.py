"""Needs in a CSV file, for ``sioc match`` and the evaluation set: read, check, never stored.

Header (exactly): ``id,canton,titulo,descripcion,modalidades,ods,competencias,monto``.
Lists are separated by ``;``. ``modalidades``: the Spanish names of the catalogue («Asistencia
técnica»; case and accents do not matter). ``ods``: goals (1–17) or targets («6.1»).
``competencias``: COOTAD letters a–n. ``canton``: INEC code (4 digits). ``monto``: USD, digits
with an optional decimal point (machine-readable numbers are never localised). Any column but
id, canton and titulo may be blank.

A file with any problem gives every problem, by row and column, in Spanish, and no needs.
"""

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from sioc.common.text import fold
from sioc.matching.engine import NeedSpec

HEADER = ("id", "canton", "titulo", "descripcion", "modalidades", "ods", "competencias", "monto")
MAX_ROWS = 10_000
MAX_ERRORS = 50
_AMOUNT = re.compile(r"\d+(\.\d+)?")


class NeedsFileError(Exception):
    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = list(errors)


@dataclass(frozen=True)
class Vocabulary:
    modalities: dict  # folded name or code → code
    modality_names: tuple
    goals: frozenset
    targets: frozenset
    competencies: frozenset
    cantons: frozenset

    @classmethod
    def load(cls):
        from sioc.codelists.models import CootadCompetency, Modality, SdgGoal, SdgTarget
        from sioc.territory.models import Canton

        modalities, names = {}, []
        for code, name in Modality.objects.order_by("position").values_list("code", "name"):
            modalities[fold(name)] = code
            modalities[fold(code)] = code
            names.append(name)
        return cls(
            modalities=modalities,
            modality_names=tuple(names),
            goals=frozenset(SdgGoal.objects.values_list("code", flat=True)),
            targets=frozenset(SdgTarget.objects.values_list("code", flat=True)),
            competencies=frozenset(CootadCompetency.objects.values_list("code", flat=True)),
            cantons=frozenset(Canton.objects.values_list("code", flat=True)),
        )


def _items(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def read_needs(data: bytes, vocabulary: Vocabulary | None = None) -> list[tuple[str, NeedSpec]]:
    """(id, NeedSpec) of every row, in file order; raises NeedsFileError listing all problems."""
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NeedsFileError(
            [
                _(
                    "El archivo no está en UTF-8 (byte no válido en la posición %(pos)d): guárdelo como «CSV UTF-8»."
                )
                % {"pos": exc.start}
            ]
        ) from exc
    if "\x00" in content:
        raise NeedsFileError([_("El archivo no es un CSV de texto.")])
    try:
        rows = list(csv.reader(io.StringIO(content, newline="")))
    except csv.Error as exc:
        raise NeedsFileError(
            [_("El archivo no es un CSV válido: %(error)s.") % {"error": exc}]
        ) from exc
    if not rows:
        raise NeedsFileError(
            [
                _("El archivo está vacío: falta el encabezado %(header)s.")
                % {"header": ",".join(HEADER)}
            ]
        )
    header = tuple(cell.strip() for cell in rows[0])
    if len(rows[0]) == 1 and rows[0][0].count(";") == len(HEADER) - 1:
        raise NeedsFileError(
            [
                _(
                    "Fila 1: las columnas están separadas con «;» y deben separarse con comas "
                    "(en Excel: guardar como «CSV UTF-8 (delimitado por comas)»)."
                )
            ]
        )
    if header != HEADER:
        raise NeedsFileError(
            [
                _("Fila 1: el encabezado debe ser exactamente «%(expected)s» y es «%(found)s».")
                % {"expected": ",".join(HEADER), "found": ",".join(rows[0])}
            ]
        )
    body = [
        (n, row) for n, row in enumerate(rows[1:], start=2) if any(cell.strip() for cell in row)
    ]
    if not body:
        raise NeedsFileError([_("El archivo no tiene necesidades: solo el encabezado.")])
    if len(body) > MAX_ROWS:
        raise NeedsFileError(
            [
                _("El archivo tiene %(n)d necesidades; el máximo es %(max)d.")
                % {"n": len(body), "max": MAX_ROWS}
            ]
        )
    vocabulary = vocabulary or Vocabulary.load()
    errors, out, seen = [], [], {}
    for number, row in body:
        problems, spec_id, spec = _row(number, row, vocabulary, seen)
        errors += problems
        if not problems:
            out.append((spec_id, spec))
        if len(errors) >= MAX_ERRORS:
            errors.append(_("… se detuvo la revisión tras %(n)d errores.") % {"n": len(errors)})
            break
    if errors:
        raise NeedsFileError(errors)
    return out


def _row(number, row, vocabulary, seen):
    def error(column, message):
        return _("Fila %(row)d, columna %(column)s: %(message)s") % {
            "row": number,
            "column": column,
            "message": message,
        }

    if len(row) != len(HEADER):
        return (
            [
                _("Fila %(row)d: tiene %(found)d columnas y deben ser %(expected)d.")
                % {"row": number, "found": len(row), "expected": len(HEADER)}
            ],
            None,
            None,
        )
    values = dict(zip(HEADER, (cell.strip() for cell in row), strict=True))
    problems = []
    spec_id = values["id"]
    if not spec_id:
        problems.append(error("id", _("falta el identificador.")))
    elif spec_id in seen:
        problems.append(
            error(
                "id",
                _("el identificador «%(id)s» ya está en la fila %(other)d.")
                % {"id": spec_id, "other": seen[spec_id]},
            )
        )
    else:
        seen[spec_id] = number
    canton = values["canton"]
    if not canton:
        problems.append(error("canton", _("falta el código INEC del cantón.")))
    elif canton not in vocabulary.cantons:
        problems.append(
            error(
                "canton",
                _("«%(value)s» no es un código INEC de cantón (4 dígitos, p. ej. 0104).")
                % {"value": canton},
            )
        )
    if not values["titulo"]:
        problems.append(error("titulo", _("falta el título.")))

    modalities = set()
    for label in _items(values["modalidades"]):
        code = vocabulary.modalities.get(fold(label))
        if code is None:
            problems.append(
                error(
                    "modalidades",
                    _("«%(value)s» no es una modalidad; use: %(names)s.")
                    % {"value": label, "names": ", ".join(vocabulary.modality_names)},
                )
            )
        else:
            modalities.add(code)
    goals, targets = set(), set()
    for item in _items(values["ods"]):
        if item.isdigit() and int(item) in vocabulary.goals:
            goals.add(int(item))
        elif item.lower() in vocabulary.targets:
            targets.add(item.lower())
        else:
            problems.append(
                error(
                    "ods",
                    _("«%(value)s» no es un ODS (1 a 17) ni una meta (p. ej. 6.1).")
                    % {"value": item},
                )
            )
    competencies = set()
    for item in _items(values["competencias"]):
        if item.lower() in vocabulary.competencies:
            competencies.add(item.lower())
        else:
            problems.append(
                error(
                    "competencias",
                    _("«%(value)s» no es una competencia COOTAD (letras a a n).") % {"value": item},
                )
            )
    amount = None
    if values["monto"]:
        if _AMOUNT.fullmatch(values["monto"]):
            try:
                amount = Decimal(values["monto"])
            except InvalidOperation:  # pragma: no cover - the pattern already checks
                amount = None
        if amount is None:
            problems.append(
                error(
                    "monto",
                    _(
                        "«%(value)s» no es un monto en USD (solo dígitos y punto decimal, p. ej. 120000.50)."
                    )
                    % {"value": values["monto"]},
                )
            )
    if problems:
        return problems, None, None
    spec = NeedSpec(
        canton_code=canton,
        title=values["titulo"],
        text=values["descripcion"],
        modality_codes=frozenset(modalities),
        sdg_codes=frozenset(goals),
        target_codes=frozenset(targets),
        competency_codes=frozenset(competencies),
        amount=amount,
    )
    return [], spec_id, spec
