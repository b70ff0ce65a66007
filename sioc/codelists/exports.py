"""Machine-readable exports of the code lists: UTF-8 CSV, English headers, unlocalised values."""

import csv

from sioc.codelists.queries import CodeList, resolve


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_csv(codelist: CodeList, items, stream) -> None:
    """Write ``items`` of ``codelist`` to ``stream`` (anything with ``write``) as CSV."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([header for header, _path in codelist.csv_columns])
    for obj in items:
        writer.writerow([_cell(resolve(obj, path)) for _header, path in codelist.csv_columns])
