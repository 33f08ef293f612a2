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
    text = _read_text(path, result)
    if text is None:
        return result
    try:
        rows = [(number, row) for number, row in _rows(text) if any(cell.strip() for cell in row)]
    except _CsvSyntax as syntax:
        _error(result, path, syntax.line, 1, f"CSV syntax: {syntax.message}")
        return result
    if _check_shape(result, path, rows):
        _read_rows(result, path, rows, text.splitlines(), scatter)
    return result


def _error(result: CsvData, path: Path, line: int, col: int, message: str, hint: str = "") -> None:
    result.errors.append(Diagnostic(path, line, col, message, hint, (), "error", "bad-csv"))


def _read_text(path: Path, result: CsvData) -> str | None:
    if path.stat().st_size > MAX_BYTES:
        _error(result, path, 1, 1, "the CSV file is larger than 5 MB")
        return None
    text, problem = decode_utf8(path.read_bytes(), path)
    if problem is not None:
        result.errors.append(problem)
    return text


def _check_shape(result: CsvData, path: Path, rows: list[tuple[int, list[str]]]) -> bool:
    """A header with a category column and at least one series, then 1..MAX_ROWS data rows."""
    if not rows:
        hint = "first row: the category column's name, then one name per series"
        _error(result, path, 1, 1, "the CSV file is empty", hint)
    elif len(rows[0][1]) < 2:
        _error(result, path, rows[0][0], 1, "the CSV header needs a category column and a series column")
    elif len(rows) == 1:
        _error(result, path, rows[0][0], 1, "the CSV file has a header but no data rows")
    elif len(rows) > MAX_ROWS:
        _error(result, path, rows[MAX_ROWS][0], 1, f"the CSV file has more than {MAX_ROWS:,} rows")
    return not result.errors


def _read_rows(
    result: CsvData, path: Path, rows: list[tuple[int, list[str]]], lines: list[str], scatter: bool
) -> None:
    header = rows[0][1]
    categories: list[str] = []
    columns: list[list[float]] = [[] for _ in header[1:]]
    for line_number, row in rows[1:]:
        line = lines[line_number - 1] if line_number <= len(lines) else ""
        starts = field_starts(line)
        if len(row) != len(header):
            extra = len(row) > len(header) and len(header) < len(starts)
            col = starts[len(header)] if extra else len(line) + 1
            _error(
                result, path, line_number, col, f"row has {len(row)} cells but the header has {len(header)}"
            )
            continue
        category = row[0].strip()
        if scatter and _numeric(category) is None:
            message = f"x value '{category}' is not a number (scatter charts need numbers)"
            _error(result, path, line_number, starts[0], message)
        categories.append(category)
        for index, cell in enumerate(row[1:], start=1):
            value = _numeric(cell)
            if value is None:
                col = starts[index] if index < len(starts) else 1
                hint = "write plain numbers, e.g. 25 or 2.5"
                _error(result, path, line_number, col, f"'{cell.strip()}' is not a number", hint)
            else:
                columns[index - 1].append(value)
    if not result.errors:
        result.categories = tuple(categories)
        pairs = zip(header[1:], columns, strict=True)
        result.series = tuple(Series(name=name.strip(), values=tuple(values)) for name, values in pairs)


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
