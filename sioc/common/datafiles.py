"""Reading reference data files from SIOC_DATA_DIR with clear Spanish errors.

Loaders read every row first, validate it, and only then write inside one transaction, so a
broken file never leaves the database half-loaded.
"""

import csv
import json
from pathlib import Path

from django.conf import settings


class DataFileError(Exception):
    """A reference file is missing or malformed; the message names the file and line, in Spanish."""

    def __init__(self, path, message, line=None):
        self.path = Path(path)
        self.line = line
        where = f"{self.path}" + (f", línea {line}" if line else "")
        super().__init__(f"{where}: {message}")


def data_path(*parts) -> Path:
    return Path(settings.DATA_DIR, *parts)


def _open_text(path: Path):
    if not path.is_file():
        raise DataFileError(
            path,
            "no se encuentra el archivo. Revise SIOC_DATA_DIR (actual: %s)." % settings.DATA_DIR,
        )
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataFileError(
            path, "el archivo no está en UTF-8 (codificación incorrecta).", line
        ) from exc


def read_csv(path, required_columns):
    """Rows of a UTF-8 CSV as dicts, each with ``_line`` (the file line number).

    Raises DataFileError when the file is missing, not UTF-8, lacks a required column or has a
    row with a different number of fields than the header.
    """
    path = Path(path)
    text = _open_text(path)
    reader = csv.reader(text.splitlines())
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise DataFileError(path, "el archivo está vacío.", 1) from None
    missing = [c for c in required_columns if c not in header]
    if missing:
        raise DataFileError(
            path,
            "faltan las columnas %s (encabezado encontrado: %s)."
            % (", ".join(missing), ", ".join(header)),
            1,
        )
    rows = []
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            raise DataFileError(
                path, "se esperaban %d campos y hay %d." % (len(header), len(values)), line
            )
        row = {h: v.strip() for h, v in zip(header, values, strict=True)}
        row["_line"] = line
        rows.append(row)
    return rows


def read_json(path):
    path = Path(path)
    text = _open_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(path, "JSON no válido (%s)." % exc.msg, exc.lineno) from exc


def require(condition, path, line, message):
    if not condition:
        raise DataFileError(path, message, line)
