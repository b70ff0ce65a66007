"""Reading the uploaded files into sheets of rows: an .xlsx workbook (openpyxl, read-only, formulas
kept so that they can be refused) or CSV files (one per sheet, identified by their headers, UTF-8
or Windows-1252). Refuses what is not a spreadsheet, zip bombs, wrong sheets and headers, and
sheets with too many rows."""

import csv
import io
import logging
import zipfile
from dataclasses import dataclass

import openpyxl
from django.utils.translation import gettext as _

from sioc.common.text import fold
from sioc.offers.exports import COLUMNS, MAX_DATA_ROWS, OFFER_SHEET, ORG_SHEET
from sioc.offers.imports.cells import blank, quoted
from sioc.offers.imports.report import ImportIssue

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024  # all parts of an .xlsx once unzipped
MAX_COMPRESSION_RATIO = 1000  # an honest sheet compresses ~10-100x; a zip bomb far more
MAX_COLUMNS = 60

SIGNATURES = [
    (b"%PDF", "pdf"),
    (b"\x89PNG", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF8", "image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
]


@dataclass
class Sheet:
    name: str
    source: str  # file name for CSV sheets, "" for a workbook's sheets
    rows: list  # [(excel_row, {column: raw value})]


@dataclass
class Source:
    name: str
    data: bytes


def size_issue(name, size):
    if size > MAX_UPLOAD_BYTES:
        return ImportIssue(
            _(
                "el archivo pesa %(size)s MB y el máximo es 50 MB. Divida el catálogo en varios "
                "archivos o quite las hojas que no son de la plantilla."
            )
            % {"size": f"{size / 1024 / 1024:.1f}".replace(".", ",")},
            source=name,
        )
    return None


def _header_key(value):
    return fold(str(value)).replace(" ", "_") if value is not None else ""


def _map_header(sheet_name, headers, report, source=""):
    """{index: column} for a header row, or None (after reporting) when it is not the template's."""
    expected = COLUMNS[sheet_name]
    mapping, seen = {}, {}
    unknown = []
    for index, value in enumerate(headers):
        key = _header_key(value)
        if not key:
            continue
        if key in expected:
            if key in seen:
                report.add(
                    ImportIssue(
                        _("la columna «%(column)s» aparece dos veces.") % {"column": key},
                        sheet=sheet_name,
                        row=1,
                        source=source,
                    )
                )
                return None
            seen[key] = index
            mapping[index] = key
        else:
            unknown.append(str(value).strip())
    missing = [c for c in expected if c not in seen]
    if unknown or missing:
        parts = []
        if missing:
            parts.append(_("faltan las columnas %(cols)s") % {"cols": quoted(missing)})
        if unknown:
            parts.append(_("sobran las columnas %(cols)s") % {"cols": quoted(unknown)})
        report.add(
            ImportIssue(
                _(
                    "los encabezados no son los de la plantilla: %(problems)s. La primera fila "
                    "debe tener exactamente: %(expected)s."
                )
                % {"problems": "; ".join(parts), "expected": ", ".join(expected)},
                sheet=sheet_name,
                row=1,
                source=source,
            )
        )
        return None
    return mapping


def _formula_issue(sheet, row, column, source):
    return ImportIssue(
        _("fórmulas no permitidas: escriba el valor, no una fórmula que empiece con «=»."),
        sheet=sheet,
        row=row,
        column=column,
        source=source,
    )


def _collect_row(sheet, rows, excel_row, values, report, source):
    """Add a non-blank row; False once the sheet has too many rows."""
    if all(blank(v) for v in values.values()):
        return True
    if len(rows) >= MAX_DATA_ROWS:
        report.add(
            ImportIssue(
                _("la hoja tiene más de %(max)s filas de datos; divida el archivo en varios.")
                % {"max": f"{MAX_DATA_ROWS:,}".replace(",", ".")},
                sheet=sheet,
                row=excel_row,
                source=source,
            )
        )
        return False
    rows.append((excel_row, values))
    return True


def _read_worksheet(ws, sheet_name, report):
    ws.reset_dimensions()  # do not trust the declared size: read what is there
    rows_iter = ws.iter_rows(min_row=1, max_col=MAX_COLUMNS)
    header = next(rows_iter, None)
    if header is None:
        report.add(ImportIssue(_("la hoja está vacía."), sheet=sheet_name, row=1))
        return None
    mapping = _map_header(sheet_name, [c.value for c in header], report)
    if mapping is None:
        return None
    rows = []
    for excel_row, cells in enumerate(rows_iter, start=2):
        values = {}
        for index, column in mapping.items():
            cell = cells[index] if index < len(cells) else None
            value = getattr(cell, "value", None)
            kind = getattr(cell, "data_type", "n")
            if kind == "f" or (isinstance(value, str) and value.lstrip().startswith("=")):
                report.add(_formula_issue(sheet_name, excel_row, column, ""))
                value = None
            elif kind == "e":
                report.add(
                    ImportIssue(
                        _("la celda tiene un error de Excel (%(value)s).") % {"value": value},
                        sheet=sheet_name,
                        row=excel_row,
                        column=column,
                    )
                )
                value = None
            values[column] = value
        if not _collect_row(sheet_name, rows, excel_row, values, report, ""):
            break
    return Sheet(sheet_name, "", rows)


def _read_xlsx(source, sheets, report):
    try:
        archive = zipfile.ZipFile(io.BytesIO(source.data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        report.add(
            ImportIssue(
                _("el archivo está dañado: no se puede abrir como libro de Excel (.xlsx)."),
                source=source.name,
            )
        )
        return
    total = sum(info.file_size for info in infos)
    bomb = any(
        info.file_size > 1024 * 1024
        and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
        for info in infos
    )
    if total > MAX_UNCOMPRESSED_BYTES or bomb:
        report.add(
            ImportIssue(
                _(
                    "el libro ocupa demasiado al descomprimirse (%(size)s MB); no se procesa. "
                    "Divida el catálogo en varios archivos."
                )
                % {"size": total // (1024 * 1024)},
                source=source.name,
            )
        )
        return
    if "xl/workbook.xml" not in {info.filename for info in infos}:
        report.add(
            ImportIssue(
                _(
                    "el archivo es un comprimido (.zip, .docx u otro) pero no un libro de Excel "
                    "(.xlsx)."
                ),
                source=source.name,
            )
        )
        return
    found = []
    try:
        wb = openpyxl.load_workbook(io.BytesIO(source.data), read_only=True, data_only=False)
        try:
            for ws in wb.worksheets:
                found.append(ws.title)
                name = fold(ws.title)
                if name not in COLUMNS:
                    continue
                if name in sheets:
                    report.add(
                        ImportIssue(_("hay dos hojas «%(sheet)s».") % {"sheet": name}, sheet=name)
                    )
                    continue
                sheet = _read_worksheet(ws, name, report)
                sheets[name] = sheet
        finally:
            wb.close()
    except Exception:  # openpyxl raises many kinds of errors for damaged files
        logger.info("Unreadable workbook %s", source.name, exc_info=True)
        report.add(
            ImportIssue(
                _(
                    "el libro está dañado o no es un .xlsx válido; ábralo en Excel y guárdelo de nuevo."
                ),
                source=source.name,
            )
        )
        return
    if not any(fold(t) in COLUMNS for t in found):
        report.add(
            ImportIssue(
                _(
                    "el libro no tiene las hojas «cooperantes» ni «ofertas» (tiene: %(found)s). "
                    "Use la plantilla de SIOC sin cambiar los nombres de las hojas."
                )
                % {"found": quoted(found) or "—"},
                source=source.name,
            )
        )


def _decode_csv(source, report):
    data = source.data
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (b"\x00" in data[:4096]):
        utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[1:200:2].count(b"\x00") > 20
        report.add(
            ImportIssue(
                _(
                    "el archivo está en UTF-16 («Texto Unicode» de Excel), que no se admite: "
                    "guárdelo como «CSV UTF-8 (delimitado por comas)» o como libro .xlsx."
                )
                if utf16
                else _("el archivo no es una hoja de cálculo: contiene datos binarios."),
                source=source.name,
            )
        )
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        report.add(
            ImportIssue(
                _(
                    "el CSV no está en UTF-8 ni en Windows-1252 (byte no válido en la línea "
                    "%(line)d): guárdelo como «CSV UTF-8 (delimitado por comas)»."
                )
                % {"line": line},
                source=source.name,
            )
        )
        return None


def _identify_csv(header_keys):
    best, best_score = None, 0
    for name, columns in COLUMNS.items():
        score = len(set(header_keys) & set(columns)) - len(set(header_keys) - set(columns))
        if score > best_score:
            best, best_score = name, score
    return best if best_score >= 3 else None


def _read_csv(source, sheets, report):
    text = _decode_csv(source, report)
    if text is None:
        return
    first_line = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if not header or all(blank(h) for h in header):
            report.add(ImportIssue(_("el archivo está vacío."), source=source.name))
            return
        keys = [_header_key(h) for h in header]
        name = _identify_csv(keys)
        if name is None:
            report.add(
                ImportIssue(
                    _(
                        "no es un libro .xlsx ni un CSV con los encabezados de la plantilla "
                        "(primera fila: «%(first)s»). Descargue la plantilla de SIOC."
                    )
                    % {"first": first_line[:120]},
                    source=source.name,
                )
            )
            return
        if name in sheets:
            report.add(
                ImportIssue(
                    _("hay dos archivos con la hoja «%(sheet)s»; envíe uno solo.")
                    % {"sheet": name},
                    source=source.name,
                )
            )
            return
        mapping = _map_header(name, header, report, source=source.name)
        if mapping is None:
            return
        rows = []
        for excel_row, record in enumerate(reader, start=2):
            values = {}
            for index, column in mapping.items():
                value = record[index] if index < len(record) else None
                if isinstance(value, str) and value.lstrip().startswith("="):
                    report.add(_formula_issue(name, excel_row, column, source.name))
                    value = None
                values[column] = value
            extra = [v for i, v in enumerate(record) if i not in mapping and not blank(v)]
            if extra and len(record) > len(header):
                report.add(
                    ImportIssue(
                        _(
                            "la fila tiene más valores que encabezados (¿falta encerrar entre comillas un texto con «%(sep)s»?)."
                        )
                        % {"sep": delimiter},
                        sheet=name,
                        row=excel_row,
                        source=source.name,
                    )
                )
            if not _collect_row(name, rows, excel_row, values, report, source.name):
                break
        sheets[name] = Sheet(name, source.name, rows)
    except csv.Error as exc:
        report.add(
            ImportIssue(
                _("el CSV está mal formado (línea %(line)d): %(error)s")
                % {"line": reader.line_num, "error": exc},
                source=source.name,
            )
        )


def read_sources(sources, report):
    """Sheets of all ``sources`` (XLSX, or CSV files of one sheet each), by sheet name."""
    sheets = {}
    for source in sources:
        issue = size_issue(source.name, len(source.data))
        if issue:
            report.add(issue)
            continue
        head = source.data[:8]
        if not source.data.strip():
            report.add(ImportIssue(_("el archivo está vacío."), source=source.name))
        elif head.startswith(b"PK"):
            _read_xlsx(source, sheets, report)
        elif any(head.startswith(sig) for sig, kind in SIGNATURES if kind == "ole"):
            report.add(
                ImportIssue(
                    _(
                        "es un libro de Excel 97-2003 (.xls) o protegido con contraseña: ábralo en "
                        "Excel, quite la contraseña y guárdelo como «Libro de Excel (.xlsx)»."
                    ),
                    source=source.name,
                )
            )
        elif any(head.startswith(sig) for sig, _kind in SIGNATURES):
            report.add(
                ImportIssue(
                    _("el archivo no es una hoja de cálculo (es un PDF o una imagen)."),
                    source=source.name,
                )
            )
        else:
            _read_csv(source, sheets, report)
    report.sheets = [name for name in (ORG_SHEET, OFFER_SHEET) if name in sheets]
    return {name: sheet for name, sheet in sheets.items() if sheet is not None}
