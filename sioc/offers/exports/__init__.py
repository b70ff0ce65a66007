"""The catalogue workbook: its layout, the valid values, and exports (XLSX and CSV).

One layout serves the downloadable template, ``sioc export_catalog`` and the export button, so
that an export re-imports with zero changes (``sioc.offers.imports`` reads the same layout).

Offers and organisations travel as *states*: plain dicts keyed by model field name whose values
are natural codes (organisation slug, modality code, SDG number, INEC code …), never primary
keys. The importer builds the same states from the cells, so comparing them says what changes.
"""

import csv
import datetime
import io

from django.db.models import Q
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from sioc.offers.exports.layout import (
    CLEAR,
    COLUMN_HELP,
    COLUMNS,
    HELP_SHEET,
    IMPORT_STATUSES,
    MAX_DATA_ROWS,
    NATIONAL,
    OFFER_COLUMNS,
    OFFER_FIELDS,
    OFFER_M2M,
    OFFER_SCALARS,
    OFFER_SHEET,
    ORG_COLUMNS,
    ORG_FIELDS,
    ORG_SHEET,
    SEPARATOR,
    TEMPLATE_KINDS,
    VALUES_SHEET,
    instructions,
)
from sioc.offers.exports.states import (
    Vocabulary,
    offer_cells,
    offer_preview_text,
    offer_states,
    organization_cells,
    organization_preview_text,
    organization_state,
    target_sort_key,
)
from sioc.organizations.choices import COOPERANTE_KINDS, OrganizationKind
from sioc.organizations.models import Organization

__all__ = [
    "CLEAR",
    "COLUMNS",
    "IMPORT_STATUSES",
    "MAX_DATA_ROWS",
    "NATIONAL",
    "OFFER_COLUMNS",
    "OFFER_FIELDS",
    "OFFER_M2M",
    "OFFER_SCALARS",
    "OFFER_SHEET",
    "ORG_COLUMNS",
    "ORG_FIELDS",
    "ORG_SHEET",
    "SEPARATOR",
    "TEMPLATE_KINDS",
    "Vocabulary",
    "build_workbook",
    "csv_bytes",
    "offer_cells",
    "offer_preview_text",
    "offer_states",
    "organization_cells",
    "organization_preview_text",
    "organization_state",
    "template_bytes",
    "write_csv",
    "write_xlsx",
]

# --- Writers -------------------------------------------------------------------------------------

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
WIDTHS = {
    "codigo": 22,
    "nombre": 40,
    "titulo": 50,
    "descripcion": 60,
    "requisitos": 40,
    "modalidades": 35,
    "cobertura": 20,
    "sitio_web": 30,
    "correo": 30,
    "url": 35,
    "tipo": 28,
    "cooperante": 22,
    "estado": 14,
    "fecha_apertura": 14,
    "fecha_cierre": 14,
}


# Codes that Excel would otherwise turn into numbers (0101 -> 101, 8.10 -> 8.1).
TEXT_COLUMNS = {"codigo", "ods", "competencias", "sectores", "cobertura", "pais", "moneda"}


def _safe_text(value):
    """Text as a literal cell: never a formula, without characters XML cannot carry."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _cell(ws, value):
    if isinstance(value, str):
        cell = WriteOnlyCell(ws, value=_safe_text(value))
        cell.data_type = "s"  # a title starting with "=" stays text, never a formula
        return cell
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, datetime.date):
        cell.number_format = "yyyy-mm-dd"
    elif isinstance(value, float):
        cell.number_format = "0.00"
    return cell


def _row(ws, columns, values):
    cells = [_cell(ws, v) for v in values]
    for column, cell in zip(columns, cells, strict=True):
        if column in TEXT_COLUMNS:
            cell.number_format = "@"
    return cells


def _header(ws, sheet, columns):
    for index, column in enumerate(columns, start=1):
        dimension = ws.column_dimensions[get_column_letter(index)]
        dimension.width = WIDTHS.get(column, 16)
        if column in TEXT_COLUMNS:  # Excel keeps 0101 and 8.10 as typed, not as numbers
            dimension.number_format = "@"
    ws.freeze_panes = "A2"
    cells = []
    for column in columns:
        cell = WriteOnlyCell(ws, value=column)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        help_text = COLUMN_HELP[sheet].get(column)
        if help_text:
            cell.comment = Comment(str(help_text), "SIOC", width=320, height=140)
        cells.append(cell)
    ws.append(cells)


def _valid_values(vocab):
    """Columns of the «valores» sheet: (header, values) pairs, and where each list lives."""
    kinds = [str(OrganizationKind(k).label) for k in TEMPLATE_KINDS]
    statuses = [str(s.label) for s in IMPORT_STATUSES]
    currencies = [c for c in vocab.currencies.values() if c.is_active]
    sectors = [s for s in vocab.sectors.values() if s.is_active]
    targets = sorted(vocab.targets.values(), key=lambda t: target_sort_key(t.code))
    return [
        (_("tipos"), kinds),
        (_("modalidades"), [m.name for m in vocab.modalities.values() if m.is_active]),
        (_("estados"), statuses),
        (_("monedas"), [c.code for c in currencies]),
        (_("moneda (nombre)"), [c.name for c in currencies]),
        (_("ods"), [g.code for g in vocab.goals.values()]),
        (_("ods (nombre)"), [g.short_title for g in vocab.goals.values()]),
        (_("metas"), [t.code for t in targets]),
        (_("meta (texto)"), [t.name[:250] for t in targets]),
        (_("competencias"), [c.code for c in vocab.competencies.values()]),
        (_("competencia (nombre)"), [c.short_name for c in vocab.competencies.values()]),
        (_("sectores"), [s.code for s in sectors]),
        (_("sector (nombre)"), [s.name for s in sectors]),
        (_("provincias"), list(vocab.provinces)),
        (_("provincia (nombre)"), [p.name for p in vocab.provinces.values()]),
        (_("cantones"), list(vocab.cantons)),
        (_("cantón (nombre)"), [c.name for c in vocab.cantons.values()]),
        (_("países"), list(vocab.countries)),
        (_("país (nombre)"), [c.name for c in vocab.countries.values()]),
    ]


def _list_validation(values_ws_title, column_index, length, prompt, error):
    letter = get_column_letter(column_index)
    ref = f"{values_ws_title}!${letter}$2:${letter}${length + 1}"  # a plain word: no quotes
    dv = DataValidation(type="list", formula1=ref, allow_blank=True)
    dv.error = str(error)
    dv.errorTitle = _("Valor no válido")
    dv.prompt = str(prompt)
    dv.showErrorMessage = True
    dv.showInputMessage = True
    return dv


def build_workbook(organization_states, offer_state_rows, vocab=None):
    """The catalogue workbook (template when both are empty), streamed with openpyxl."""
    vocab = vocab or Vocabulary()
    wb = Workbook(write_only=True)
    orgs = wb.create_sheet(ORG_SHEET)
    offers = wb.create_sheet(OFFER_SHEET)
    values = wb.create_sheet(VALUES_SHEET)
    help_ws = wb.create_sheet(HELP_SHEET)

    lists = _valid_values(vocab)
    position = {header: i for i, (header, _v) in enumerate(lists, start=1)}
    last = MAX_DATA_ROWS + 1
    kind_col = get_column_letter(ORG_COLUMNS.index("tipo") + 1)
    dv = _list_validation(
        VALUES_SHEET,
        position[_("tipos")],
        len(lists[position[_("tipos")] - 1][1]),
        _("Elija el tipo de cooperante."),
        _("Elija un tipo de la lista (hoja «valores»)."),
    )
    dv.add(f"{kind_col}2:{kind_col}{last}")
    orgs.data_validations.append(dv)
    for column, header, prompt in [
        ("estado", _("estados"), _("Borrador, Publicada o Cerrada.")),
        ("moneda", _("monedas"), _("Código ISO 4217 de la moneda.")),
    ]:
        letter = get_column_letter(OFFER_COLUMNS.index(column) + 1)
        dv = _list_validation(
            VALUES_SHEET,
            position[header],
            len(lists[position[header] - 1][1]),
            prompt,
            _("Elija un valor de la lista (hoja «valores»)."),
        )
        dv.add(f"{letter}2:{letter}{last}")
        offers.data_validations.append(dv)

    _header(orgs, ORG_SHEET, ORG_COLUMNS)
    for state in organization_states:
        orgs.append(_row(orgs, ORG_COLUMNS, organization_cells(state)))
    _header(offers, OFFER_SHEET, OFFER_COLUMNS)
    for state in offer_state_rows:
        offers.append(_row(offers, OFFER_COLUMNS, offer_cells(state, vocab, typed=True)))

    for index in range(1, len(lists) + 1):
        values.column_dimensions[get_column_letter(index)].width = 14 if index % 2 else 40
    bold = Font(bold=True)
    header_cells = []
    for header, _v in lists:
        cell = WriteOnlyCell(values, value=header)
        cell.font = bold
        header_cells.append(cell)
    values.append(header_cells)
    longest = max(len(v) for _h, v in lists)
    for i in range(longest):
        values.append([_cell(values, v[i]) if i < len(v) else None for _h, v in lists])

    help_ws.column_dimensions["A"].width = 120
    wrap = Alignment(wrap_text=True, vertical="top")
    for i, line in enumerate(instructions()):
        cell = WriteOnlyCell(help_ws, value=_safe_text(line))
        cell.alignment = wrap
        if i == 0:
            cell.font = Font(bold=True, size=14)
        help_ws.append([cell])
    return wb


def save_workbook(wb, stream):
    wb.save(stream)


def template_bytes():
    buffer = io.BytesIO()
    build_workbook([], []).save(buffer)
    return buffer.getvalue()


def export_data(offer_queryset, *, all_cooperantes=False):
    """(organisation states, offer states) of what ``offer_queryset`` shows.

    The ``cooperantes`` sheet carries the organisations of those offers; with
    ``all_cooperantes`` (the full catalogue export) every cooperante too."""
    offer_rows = [state for _pk, state in offer_states(offer_queryset)]
    wanted = Q(pk__in=offer_queryset.order_by().values("cooperante_id"))
    if all_cooperantes:
        wanted |= Q(kind__in=COOPERANTE_KINDS)
    org_states = [
        organization_state(o) for o in Organization.objects.filter(wanted).order_by("slug")
    ]
    return org_states, offer_rows


def write_xlsx(offer_queryset, stream, *, all_cooperantes=False):
    vocab = Vocabulary()
    org_states, offer_rows = export_data(offer_queryset, all_cooperantes=all_cooperantes)
    build_workbook(org_states, offer_rows, vocab).save(stream)
    return len(org_states), len(offer_rows)


def write_csv(offer_queryset, stream):
    """The ``ofertas`` sheet as CSV for a text ``stream``: UTF-8 with BOM is the caller's choice
    of encoding; values are never localised."""
    vocab = Vocabulary()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(OFFER_COLUMNS)
    count = 0
    for _pk, state in offer_states(offer_queryset):
        writer.writerow(offer_cells(state, vocab, typed=False))
        count += 1
    return count


def csv_bytes(offer_queryset):
    buffer = io.StringIO()
    write_csv(offer_queryset, buffer)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
