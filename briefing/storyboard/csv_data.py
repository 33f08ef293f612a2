"""Chart data from a CSV file beside the storyboard, every problem located at ``file:row:col``.

Layout: the first row is the header (the category column's name, then one
column per series); every following row is a category and one number per
series. Columns are reported as character columns so editors can jump there.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import Diagnostic
from briefing.storyboard.model import Series
from briefing.storyboard.yaml_nodes import MAX_BYTES, decode_utf8

MAX_ROWS = 10_000


@dataclass
class CsvData:
    categories: tuple[str, ...] = ()
    series: tuple[Series, ...] = ()
    errors: list[Diagnostic] = field(default_factory=list)


def field_starts(line: str) -> list[int]:
    """1-based character columns where each CSV field of ``line`` begins (quotes respected)."""
    starts = [1]
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            starts.append(index + 2)
    return starts


def _numeric(cell: str) -> float | None:
    cleaned = cell.strip().replace(",", "").replace("_", "")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def read_chart_csv(path: Path, *, scatter: bool = False) -> CsvData:
    """Categories and series from ``path``; ``errors`` lists every malformed cell and row."""
    result = CsvData()

    def error(line: int, col: int, message: str, hint: str = "") -> None:
        result.errors.append(Diagnostic(path, line, col, message, hint, (), "error", "bad-csv"))

    if path.stat().st_size > MAX_BYTES:
        error(1, 1, "the CSV file is larger than 5 MB")
        return result
    text, problem = decode_utf8(path.read_bytes(), path)
    if problem is not None or text is None:
        result.errors.extend([problem] if problem else [])
        return result
    lines = text.splitlines()
    try:
        rows = [(number, row) for number, row in _rows(text) if any(cell.strip() for cell in row)]
    except _CsvSyntax as syntax:
        error(syntax.line, 1, f"CSV syntax: {syntax.message}")
        return result
    if not rows:
        error(
            1, 1, "the CSV file is empty", "first row: the category column's name, then one name per series"
        )
        return result
    header_line, header = rows[0]
    if len(header) < 2:
        error(header_line, 1, "the CSV header needs a category column and at least one series column")
        return result
    if len(rows) > MAX_ROWS:
        error(rows[MAX_ROWS][0], 1, f"the CSV file has more than {MAX_ROWS:,} rows")
        return result
    categories: list[str] = []
    columns: list[list[float]] = [[] for _ in header[1:]]
    for line_number, row in rows[1:]:
        starts = field_starts(lines[line_number - 1] if line_number <= len(lines) else "")
        if len(row) != len(header):
            extra = len(row) > len(header) and len(header) < len(starts)
            col = starts[len(header)] if extra else len(lines[line_number - 1]) + 1
            error(line_number, col, f"row has {len(row)} cells but the header has {len(header)}")
            continue
        category = row[0].strip()
        if scatter and _numeric(category) is None:
            error(
                line_number, starts[0], f"x value '{category}' is not a number (scatter charts need numbers)"
            )
        categories.append(category)
        for index, cell in enumerate(row[1:], start=1):
            value = _numeric(cell)
            col = starts[index] if index < len(starts) else 1
            if value is None:
                error(
                    line_number,
                    col,
                    f"'{cell.strip()}' is not a number",
                    "write plain numbers, e.g. 25 or 2.5",
                )
            else:
                columns[index - 1].append(value)
    if not result.errors:
        result.categories = tuple(categories)
        result.series = tuple(
            Series(name=name.strip(), values=tuple(values))
            for name, values in zip(header[1:], columns, strict=True)
        )
        if not categories:
            error(header_line, 1, "the CSV file has a header but no data rows")
    return result


class _CsvSyntax(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _rows(text: str) -> list[tuple[int, list[str]]]:
    """Rows with the 1-based line each starts on."""
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as error:
        raise _CsvSyntax(line, str(error)) from None
    return rows
