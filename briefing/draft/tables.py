"""Tables -> charts: a table with a numeric column becomes one bar chart per numeric column.

A table arrives as ``|`` rows (Markdown, and Word and web tables as the
source reader gives them), a ``|---|`` row under the header. The first column
that is not numeric names the categories; every column whose cells are all
single numbers is a series. Each value is cited by its row's own words (the
row between its outer pipes, verbatim), so ``check --source`` finds it. A
table is never a heading and a table without numbers makes no slide.
"""

from __future__ import annotations

import re

from briefing.draft.planned import PlannedSlide
from briefing.draft.points import clipped
from briefing.sources import Line
from briefing.storyboard.figures import Number, numbers_in

MAX_SERIES_SLIDES = 4
MAX_ROWS = 12
_SEPARATOR = re.compile(r"^:?-{2,}:?$")
_SCALE_UNITS = {1e3: "k", 1e6: "M", 1e9: "bn", 1e12: "tn"}


def cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def table_slides(lines: list[Line], topic: str) -> list[PlannedSlide]:
    """The chart slides of one table (its lines are ``|`` rows)."""
    rows = [(line, cells(line.text)) for line in lines]
    rows = [(line, row) for line, row in rows if not all(_SEPARATOR.match(c) or not c for c in row)]
    if len(rows) < 3:
        return []
    header, body = rows[0][1], rows[1 : 1 + MAX_ROWS]
    width = len(header)
    numbers = [[_number(row[i]) if i < len(row) else None for i in range(width)] for _, row in body]
    numeric = [i for i in range(width) if all(n[i] is not None for n in numbers)]
    names = next((i for i in range(width) if i not in numeric), None)
    if names is None or not numeric:
        return []
    slides: list[PlannedSlide] = []
    for column in numeric[:MAX_SERIES_SLIDES]:
        values = [n[column] for n in numbers]
        slides.append(_chart(rows[0][0], body, header, names, column, values, topic))  # type: ignore[arg-type]
    return slides


def _number(cell: str) -> Number | None:
    """The number a cell holds when it holds one number and nothing else ("2,100", "€385", "45%")."""
    found = numbers_in(cell)
    if len(found) != 1:
        return None
    rest = (cell[: found[0].start] + cell[found[0].end :]).strip()
    return found[0] if not rest or rest in ("%", "+") else None


def _chart(
    header_line: Line,
    body: list[tuple[Line, list[str]]],
    header: list[str],
    names: int,
    column: int,
    values: list[Number],
    topic: str,
) -> PlannedSlide:
    first = values[0]
    chart: dict[str, object] = {
        "type": "bar",
        "categories": [row[names] or "-" for _, row in body],
        "series": [{"name": header[column] or topic, "values": [v.value for v in values]}],
    }
    if first.kind == "percent" and all(v.kind == "percent" for v in values):
        chart["unit"] = "%"
    elif first.currency in ("$", "€", "£", "¥") and all(v.currency == first.currency for v in values):
        chart["prefix"] = first.currency
    scale = _SCALE_UNITS.get(first.scale, "")
    if scale and all(v.scale == first.scale for v in values):
        chart["unit"] = str(chart.get("unit", "")) + scale
    phrases = [_row_phrase(line) for line, _ in body]
    if any(c.isdigit() for c in header[column] + header[names]):
        phrases.insert(0, _row_phrase(header_line))
    title = clipped(f"{header[column]} by {header[names]}" if header[names] else header[column], 90)
    notes = f"{topic}: {header[column]}, from the report's table." if header[column] else topic
    return PlannedSlide(title or topic, {"chart": chart}, notes, phrases, 40, body[0][0].number)


def _row_phrase(line: Line) -> str:
    """A row as the report writes it, between its outer pipes."""
    return line.text.strip().strip("|").strip()
