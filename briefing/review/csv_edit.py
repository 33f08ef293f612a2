"""A chart's CSV file with the deck's data: rows that did not change keep their exact text.

The header keeps its first cell (the category column's name); series names,
categories and values are written with the file's own delimiter and the
chart's decimal mark, so ``briefing check`` reads the same numbers back.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from briefing.review.views import ChartView
from briefing.review.yaml_text import number_text
from briefing.storyboard.csv_data import delimiter_of
from briefing.storyboard.model import Chart


def _cell(text: str, delimiter: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="").writerow([text])
    return out.getvalue()


def _number(value: float, decimal: str) -> str:
    text = number_text(value)
    return text.replace(".", ",") if decimal == "," else text


def csv_with(path: Path, chart: Chart, data: ChartView) -> str:
    """The text of ``path`` rewritten to hold ``data`` (untouched rows byte for byte)."""
    text = path.read_text(encoding="utf-8-sig")
    delimiter = delimiter_of(text)
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = [line for line in text.splitlines() if line.strip()]
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    first = rows[0][0] if rows and rows[0] else ""
    wanted = [[first, *(name for name, _ in data.series)]]
    for index, category in enumerate(data.categories):
        wanted.append([category, *(_number(values[index], chart.decimal) for _, values in data.series)])
    old_values = {(cat, tuple(vals)) for cat, *vals in ([r[0], *r[1:]] for r in rows[1:] if r)}
    out = []
    for index, row in enumerate(wanted):
        original = lines[index] if index < len(lines) else None
        if (
            original is not None
            and index < len(rows)
            and _same(rows[index], row, chart.decimal, header=index == 0)
        ):
            out.append(original)
        else:
            out.append(delimiter.join(_cell(c, delimiter) for c in row))
    del old_values
    return newline.join(out) + newline


def _same(old: list[str], new: list[str], decimal: str, *, header: bool) -> bool:
    if len(old) != len(new) or old[0].strip() != new[0]:
        return False
    if header:
        return [c.strip() for c in old[1:]] == new[1:]
    try:
        return all(_parse(a, decimal) == _parse(b, decimal) for a, b in zip(old[1:], new[1:], strict=True))
    except ValueError:
        return False


def _parse(text: str, decimal: str) -> float:
    from briefing.storyboard.numbers import parse_csv_number

    return parse_csv_number(text.strip(), decimal)
