"""Tables in a PDF: consecutive lines whose words stand in the same columns -> rows of cells.

A PDF has no tables, only words placed on a page. The reader marks where a
word follows a gap wider than a space can be (``PdfLine.cells``); two or
more consecutive lines in the same size, starting at the same left edge,
each with such a gap, are a table. Columns are where the cells of its
fullest row start; every cell goes to the column it starts in, so a
right-aligned number, which starts a little later, still lands in its
column, and a row with an empty cell keeps the others in place.

What is not found: a table whose cells wrap onto a second line (that line
ends the table), a header row that starts at another left edge than the
rows, and a table set without gaps wider than a space.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.sources.pdf_layout import PdfLine

MIN_ROWS = 2


def table_runs(lines: Sequence[PdfLine]) -> list[tuple[int, int, list[list[str]]]]:
    """(first line, line after the last, rows of cell texts) for each table among ``lines``."""
    runs = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and lines[end].cells and _aligned(lines[index], lines[end]):
            end += 1
        if end - index >= MIN_ROWS:
            runs.append((index, end, rows(lines[index:end])))
            index = end
        else:
            index += 1
    return runs


def _aligned(first: PdfLine, line: PdfLine) -> bool:
    return line.size == first.size and abs(line.left - first.left) <= 0.3 * first.height


def rows(lines: Sequence[PdfLine]) -> list[list[str]]:
    """Each line's cells placed in the columns of the fullest row."""
    fullest = max(lines, key=lambda line: len(line.cells))
    columns = [fullest.left, *(left for _, left in fullest.cells)]
    tolerance = 0.5 * fullest.height
    table = []
    for line in lines:
        row = [""] * len(columns)
        for left, text in _cells(line):
            column = max(j for j, start in enumerate(columns) if start - tolerance <= left or j == 0)
            row[column] = f"{row[column]} {text}".strip()
        table.append(row)
    return table


def _cells(line: PdfLine) -> list[tuple[float, str]]:
    """(left edge, text) of each cell of ``line``."""
    starts = [(0, line.left), *line.cells]
    ends = [offset for offset, _ in line.cells] + [len(line.text)]
    return [(left, line.text[offset:end].strip()) for (offset, left), end in zip(starts, ends, strict=True)]
