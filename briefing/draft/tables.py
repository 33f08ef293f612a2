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
from briefing.draft.points import capitalised, clipped
from briefing.sources import Line
from briefing.storyboard.figures import Number, numbers_in, slide_form

MAX_SERIES_SLIDES = 4
MAX_ROWS = 12
MAX_POINTS = 6
# Columns that number or name rows rather than measure them.
NOT_SERIES = frozenset({"rank", "no", "#", "number", "id", "year", "ranking", "序号", "排名", "年份"})
MISSING = frozenset({"", "-", "–", "—", "n/a", "na", "n.a.", "..", "…", "x", "*"})
_HEADER_UNIT = re.compile(r"\((%|MW|kW|GW|TWh|GWh|MWh|kWh|km|km²|kg|ha)\)\s*$")
_SEPARATOR = re.compile(r"^:?-{2,}:?$")


def cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def table_slides(lines: list[Line], topic: str) -> list[PlannedSlide]:
    """The chart slides of one table (its lines are ``|`` rows)."""
    rows = [(line, cells(line.text)) for line in lines]
    rows = [(line, row) for line, row in rows if not all(_SEPARATOR.match(c) or not c for c in row)]
    if len(rows) < 3:
        return []
    return grid_slides(rows[0][1], rows[1:], topic, rows[0][0])


def grid_slides(
    header: list[str], rows: list[tuple[Line, list[str]]], topic: str, header_line: Line | None = None
) -> list[PlannedSlide]:
    """Charts (or points) of a table given as its column names and its rows of cells."""
    body = rows[:MAX_ROWS]
    width = len(header)
    cells = [[row[i] if i < len(row) else "" for i in range(width)] for _, row in body]
    numbers = [[_number(cell) for cell in row] for row in cells]
    numeric = [
        i
        for i in range(width)
        if not _numbering(header[i])
        and _numeric_column([row[i] for row in cells], [n[i] for n in numbers])
    ]
    labels = [i for i in range(width) if i not in numeric]
    names = next((i for i in labels if not _numbering(header[i])), labels[0] if labels else None)
    if names is None or not numeric:
        return _rows_as_points(body, topic)
    slides: list[PlannedSlide] = []
    for column in numeric[:MAX_SERIES_SLIDES]:
        kept = [(row, n[column]) for row, n in zip(body, numbers, strict=True) if n[column] is not None]
        values = [number for _, number in kept if number is not None]
        slides.append(_chart(header_line, [row for row, _ in kept], header, names, column, values, topic))
    return slides


def _numbering(name: str) -> bool:
    """A column that numbers or names the rows ("Rank", "No.", "Year") rather than measures them."""
    return name.strip().lower().rstrip(".") in NOT_SERIES


def _numeric_column(cells: list[str], numbers: list[Number | None]) -> bool:
    """Every cell a figure, or missing ("", "–", "n/a"), and at least two figures."""
    missing = [not n and cell.strip().lower() in MISSING for cell, n in zip(cells, numbers, strict=True)]
    figures = sum(1 for n in numbers if n is not None)
    return figures >= 2 and all(n is not None or gap for n, gap in zip(numbers, missing, strict=True))


def _rows_as_points(rows: list[tuple[Line, list[str]]], topic: str) -> list[PlannedSlide]:
    """A table of words: its rows as points ("Ghent: hives on roofs, 2019"), cited when they hold numbers."""
    body = [(line, [c for c in row if c]) for line, row in rows[:MAX_POINTS]]
    points = [(line, f"{row[0]}: {', '.join(row[1:])}" if row[1:] else row[0]) for line, row in body if row]
    if not points:
        return []
    phrases = [_row_phrase(line) for line, point in points if numbers_in(point)]
    bullets = [clipped(point, 160) for _, point in points]
    notes = f"{topic}: " + "; ".join(bullets)
    seconds = 10 + 8 * len(bullets)
    return [PlannedSlide(topic, {"bullets": bullets}, notes, phrases, seconds, points[0][0].number)]


def _number(cell: str) -> Number | None:
    """The number a cell holds when it holds one number and nothing else ("2,100", "€385", "45%")."""
    found = numbers_in(cell)
    if len(found) != 1 or not found[0].is_figure:
        return None  # words, several numbers, or a year naming the row
    rest = (cell[: found[0].start] + cell[found[0].end :]).strip()
    return found[0] if not rest or rest in ("%", "+") else None


def _chart(
    header_line: Line | None,
    body: list[tuple[Line, list[str]]],
    header: list[str],
    names: int,
    column: int,
    values: list[Number],
    topic: str,
) -> PlannedSlide:
    chart: dict[str, object] = {
        "type": "bar",
        "categories": [row[names] or "-" for _, row in body],
        "series": [{"name": header[column] or topic, "values": [v.value for v in values]}],
    }
    forms = {slide_form(v) for v in values}
    in_header = _HEADER_UNIT.search(header[column])
    if len(forms) == 1 and any(forms.copy().pop()):  # every value shown the same way: "₦", " MW", "%"
        prefix, unit = forms.pop()
        chart.update({key: value for key, value in (("prefix", prefix), ("unit", unit)) if value})
    elif in_header and all(v.kind == "count" and not v.unit and v.scale == 1 for v in values):
        chart["unit"] = in_header.group(1) if in_header.group(1) == "%" else " " + in_header.group(1)
    phrases = [_row_phrase(line) for line, _ in body]
    if header_line is not None and any(c.isdigit() for c in header[column] + header[names]):
        phrases.insert(0, _row_phrase(header_line))
    named = f"{header[column]} by {header[names]}" if header[names] else header[column]
    title = capitalised(clipped(named, 90))
    notes = f"{topic}: {header[column]}, from the report's table." if header[column] else topic
    return PlannedSlide(title or topic, {"chart": chart}, notes, phrases, 40, body[0][0].number)


def _row_phrase(line: Line) -> str:
    """A row as the report writes it, between its outer pipes."""
    return line.text.strip().strip("|").strip()
