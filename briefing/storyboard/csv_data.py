"""Chart data from a CSV file beside the storyboard, every problem located at ``file:row:col``.

Layout: the first row is the header (the category column's name, then one
column per series); every following row is a category and one number per
series. Columns are reported as character columns so editors can jump there.

Cells are separated by commas, or by semicolons when the header has more
semicolons than commas (what spreadsheets write where the comma is the
decimal mark). Numbers follow :func:`~briefing.storyboard.numbers.parse_csv_number`:
the chart's ``decimal`` mark (``.`` by default, or ``,``), thousands only in
groups of three, so ``2,5`` is never silently 25.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import Diagnostic
from briefing.storyboard.model import Series
from briefing.storyboard.numbers import NumberProblem, parse_csv_number, x_value_text
from briefing.storyboard.text import clean_text
from briefing.storyboard.yaml_nodes import MAX_BYTES, decode_utf8

MAX_ROWS = 10_000
CSV_CONTROL_HINT = "the CSV file holds control characters no slide or deck can show; delete them"


@dataclass
class CsvData:
    categories: tuple[str, ...] = ()
    series: tuple[Series, ...] = ()
    errors: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)  # characters removed from names
    cells: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # (column, row) -> line, col


_LINE_END = re.compile(r"\r\n|\r|\n")


def field_starts(line: str, delimiter: str = ",") -> list[int]:
    """1-based character columns where each CSV field of ``line`` begins (quotes respected)."""
    starts = [1]
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            starts.append(index + 2)
    return starts


def field_places(lines: list[str], first: int, delimiter: str = ",") -> list[tuple[int, int]]:
    """(line, column), 1-based, where each field of the CSV row starting on line ``first`` begins.

    A quoted cell may hold line breaks (LF, CR or CRLF); the fields after it begin on a later
    line, and their places are counted there, as an editor shows them.
    """
    places = [(first, 1)]
    quoted = False
    for number in range(first, len(lines) + 1):
        for index, char in enumerate(lines[number - 1]):
            if char == '"':
                quoted = not quoted
            elif char == delimiter and not quoted:
                places.append((number, index + 2))
        if not quoted:
            break
    return places


def physical_lines(text: str) -> list[str]:
    """The file's lines as the CSV reader and editors count them: split at CR, LF and CRLF only.

    ``str.splitlines`` also splits at NEL, U+2028 and other separators a cell may hold,
    which would shift the line and column of every later diagnostic.
    """
    return _LINE_END.split(text)


def delimiter_of(text: str) -> str:
    """``;`` when the first non-blank line has more semicolons than commas (outside quotes), else ``,``."""
    header = next((line for line in physical_lines(text) if line.strip()), "")
    semicolons = len(field_starts(header, ";")) - 1
    commas = len(field_starts(header, ",")) - 1
    return ";" if semicolons > commas else ","


def read_chart_csv(path: Path, *, scatter: bool = False, decimal: str = ".") -> CsvData:
    """Categories and series from ``path``; ``errors`` lists every malformed cell and row."""
    result = CsvData()
    text = _read_text(path, result)
    if text is None:
        return result
    delimiter = delimiter_of(text)
    try:
        rows = [(n, row) for n, row in _rows(text, delimiter) if any(cell.strip() for cell in row)]
    except _CsvSyntax as syntax:
        _error(result, path, syntax.line, 1, f"CSV syntax: {syntax.message}")
        return result
    if _check_shape(result, path, rows):
        _read_rows(result, path, rows, _Layout(physical_lines(text), delimiter, decimal, scatter))
    return result


@dataclass(frozen=True)
class _Layout:
    lines: list[str]
    delimiter: str
    decimal: str
    scatter: bool


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


def _read_rows(result: CsvData, path: Path, rows: list[tuple[int, list[str]]], layout: _Layout) -> None:
    header_line, header = rows[0]
    header_starts = field_starts(layout.lines[header_line - 1], layout.delimiter)
    result.cells.update({(index, -1): (header_line, col) for index, col in enumerate(header_starts)})
    categories: list[str] = []
    columns: list[list[float]] = [[] for _ in header[1:]]
    for line_number, row in rows[1:]:
        places = field_places(layout.lines, line_number, layout.delimiter)
        if len(row) != len(header):
            extra = len(row) > len(header) and len(header) < len(places)
            last, _ = places[-1]
            where = places[len(header)] if extra else (last, len(_line(layout, last)) + 1)
            _error(result, path, *where, f"row has {len(row)} cells but the header has {len(header)}")
            continue
        at = [places[index] if index < len(places) else (line_number, 1) for index in range(len(row))]
        result.cells.update({(index, len(categories)): where for index, where in enumerate(at)})
        category = _text(result, path, at[0], row[0])
        if layout.scatter:
            category = _x_value(result, path, at[0], category, layout.decimal)
        categories.append(category)
        for index, cell in enumerate(row[1:], start=1):
            value = _cell_number(result, path, at[index], cell, layout.decimal)
            if value is not None:
                columns[index - 1].append(value)
    if not result.errors:
        result.categories = tuple(categories)
        header_at = [result.cells.get((index, -1), (rows[0][0], 1)) for index in range(len(header))]
        names = [_text(result, path, at, name) for at, name in zip(header_at, header, strict=True)]
        pairs = zip(names[1:], columns, strict=True)
        result.series = tuple(Series(name=name, values=tuple(values)) for name, values in pairs)


def _line(layout: _Layout, number: int) -> str:
    return layout.lines[number - 1] if number <= len(layout.lines) else ""


def _text(result: CsvData, path: Path, at: tuple[int, int], raw: str) -> str:
    """A category or series name as every output can hold it; a warning when characters go."""
    cleaned = clean_text(raw)
    if cleaned.removed:
        warning = Diagnostic(path, *at, cleaned.warning, CSV_CONTROL_HINT, (), "warning", "control-character")
        result.warnings.append(warning)
    return cleaned.text.strip()


def _cell_number(result: CsvData, path: Path, at: tuple[int, int], cell: str, decimal: str) -> float | None:
    try:
        return parse_csv_number(cell, decimal)
    except NumberProblem as problem:
        _error(result, path, *at, problem.message, problem.hint)
        return None


def _x_value(result: CsvData, path: Path, at: tuple[int, int], category: str, decimal: str) -> str:
    """A scatter x value as the model keeps it: the number's text ("1,5" with decimal "," is "1.5")."""
    try:
        return x_value_text(parse_csv_number(category, decimal))
    except NumberProblem as problem:
        if problem.message.endswith("is not a number"):
            message = f"x value '{category}' is not a number (scatter charts need numbers)"
        else:
            message = f"x value {problem.message}"
        _error(result, path, *at, message, problem.hint)
        return category


class _CsvSyntax(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _rows(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Rows with the 1-based line each starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as error:
        raise _CsvSyntax(line, str(error)) from None
    return rows
