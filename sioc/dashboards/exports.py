"""Downloads of exactly one chart's data (every row, not only the bars drawn) as CSV or XLSX.

Headers are Spanish; numbers are plain (never localised): amounts in USD with two decimals."""

import tablib
from django.utils.text import slugify
from django.utils.translation import gettext as _

from sioc.dashboards.queries import Chart

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def dataset(chart: Chart) -> tablib.Dataset:
    if chart.key == "ejecucion":
        headers = [_("Concepto"), _("Monto (USD)")]
        rows = [(r.label, round(r.amount, 2)) for r in chart.rows]
    else:
        code = {
            "anio": _("Año"),
            "cooperante": _("Identificador del cooperante"),
            "modalidad": _("Código de modalidad"),
            "ods": _("ODS"),
            "sector": _("Código CAD"),
            "provincia": _("Código INEC de provincia"),
            "canton": _("Código INEC de cantón"),
        }.get(chart.key, _("Código"))
        headers = [_("Categoría"), code, _("Monto movilizado (USD)"), _("Proyectos")]
        rows = [(r.label, r.code, round(r.amount, 2), r.count) for r in chart.rows]
    data = tablib.Dataset(*rows, headers=headers, title=chart.title[:31])
    return data


def render(chart: Chart, fmt: str) -> tuple[bytes, str, str]:
    """(body, content type, file name) of ``chart`` in ``fmt`` (csv or xlsx)."""
    data = dataset(chart)
    # CSV with a BOM, so that Excel reads it as UTF-8.
    body = ("\ufeff" + data.export("csv")).encode() if fmt == "csv" else data.export("xlsx")
    name = f"sioc-tablero-{slugify(chart.key)}.{fmt}"
    return body, FORMATS[fmt], name
