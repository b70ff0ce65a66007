"""Geometry of the server-side SVG charts (no chart library, no inline styles: colours come
from classes in static/dashboards/dashboards.css). The templates draw what this computes."""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from sioc.dashboards.queries import Chart, usd

WIDTH = 720
LABEL_WIDTH = 290
BAR_MAX = 270
ROW_HEIGHT = 28
BAR_HEIGHT = 18
LABEL_CHARS = 34

COL_HEIGHT = 230
COL_TOP = 26
COL_TOP_CROWDED = 70  # room for the vertical value labels
COL_BOTTOM = 190
CROWDED_SLOT = 56  # narrower columns get their value written vertically


@dataclass
class Bar:
    label: str
    short_label: str
    value_label: str
    detail: str
    x: float
    y: float
    width: float
    height: float
    text_x: float
    text_y: float
    value_x: float
    value_y: float


def compact(value) -> str:
    """Short amount for a column label: «1,2 M», «350 mil», «900»."""
    value = float(value or 0)
    if value >= 1_000_000:
        return _("%(n)s M") % {"n": number_format(round(value / 1_000_000, 1), decimal_pos=1)}
    if value >= 1_000:
        return _("%(n)s mil") % {"n": number_format(round(value / 1_000), force_grouping=True)}
    return number_format(round(value))


def count_label(count) -> str:
    if count is None:
        return ""
    if count == 1:
        return _("1 proyecto")
    return _("%(n)s proyectos") % {"n": number_format(count, force_grouping=True)}


def _short(text, limit=LABEL_CHARS):
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bars(rows):
    top = max((r.amount for r in rows), default=0) or 1
    shapes = []
    for i, r in enumerate(rows):
        y = 4 + i * ROW_HEIGHT
        width = round(BAR_MAX * r.amount / top, 1) if r.amount > 0 else 0
        detail = usd(r.amount)
        if r.count is not None:
            detail = f"{detail} · {count_label(r.count)}"
        shapes.append(
            Bar(
                label=r.label,
                short_label=_short(r.label),
                value_label=usd(r.amount),
                detail=detail,
                x=LABEL_WIDTH,
                y=y,
                width=max(width, 1 if r.amount > 0 else 0),
                height=BAR_HEIGHT,
                text_x=LABEL_WIDTH - 8,
                text_y=y + BAR_HEIGHT - 5,
                value_x=LABEL_WIDTH + width + 6,
                value_y=y + BAR_HEIGHT - 5,
            )
        )
    return {"width": WIDTH, "height": 8 + len(rows) * ROW_HEIGHT, "bars": shapes}


def columns(rows):
    rows = [r for r in rows if r.code]  # years only; "sin año" stays in the table
    top = max((r.amount for r in rows), default=0) or 1
    n = max(len(rows), 1)
    slot = (WIDTH - 20) / n
    col_width = min(48, slot * 0.7)
    crowded = slot < CROWDED_SLOT
    col_top = COL_TOP_CROWDED if crowded else COL_TOP
    shapes = []
    for i, r in enumerate(rows):
        height = round((COL_BOTTOM - col_top) * r.amount / top, 1) if r.amount > 0 else 0
        x = round(10 + i * slot + (slot - col_width) / 2, 1)
        center = round(x + col_width / 2, 1)
        shapes.append(
            Bar(
                label=r.label,
                short_label=r.label,
                value_label=compact(r.amount),
                detail=f"{r.label}: {usd(r.amount)} · {count_label(r.count)}",
                x=x,
                y=COL_BOTTOM - height,
                width=round(col_width, 1),
                height=height,
                text_x=center,
                text_y=COL_BOTTOM + 18,
                value_x=round(center + 4, 1) if crowded else center,
                value_y=COL_BOTTOM - height - (4 if crowded else 6),
            )
        )
    return {
        "width": WIDTH,
        "height": COL_HEIGHT,
        "bars": shapes,
        "baseline": COL_BOTTOM,
        "small": n > 12,
        "crowded": crowded,
    }


def layout(chart: Chart) -> Chart:
    chart.svg = columns(chart.rows) if chart.kind == "columns" else bars(chart.top_rows)
    chart.hidden_rows = max(0, len(chart.rows) - len(chart.top_rows))
    return chart
