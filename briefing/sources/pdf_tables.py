"""Tables in a PDF: consecutive lines whose words stand in the same columns -> rows of cells.

A PDF has no tables, only words placed on a page. The reader marks where a
word follows a gap wider than a space can be (``PdfLine.cells``, and on a
longer line ``PdfLine.gaps``); two or more consecutive lines in the same
size, each starting at one of the table's column edges and each with such a
gap, are a table. Columns are where the cells of its fullest row start;
every cell goes to the column it starts in, so a right-aligned number,
which starts a little later, still lands in its column, and a row with an
empty cell keeps the others in place.

A cell whose text wraps onto a second line is one cell: a line of the table
set closer under the line before than the table's rows are apart (the
median distance to a row from the line before it) is that row going on, and
its words join the cells above them, in every column that wraps. Some producers (Qt
among them) draw a table cell by cell, so a wrapped cell's second line
comes before the next cell's first: the pieces of a row on one baseline are
put together first (``joined_rows``).

What is not found: a wrapped cell in a table whose rows are set as close as
the lines of a cell (its second line reads as a row of its own), and a
table set without gaps wider than a space.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.sources.pdf_layout import PdfLine

MIN_ROWS = 2
LOOK_AHEAD = 12  # lines of a wrapped cell drawn before the next cell of its row
CELL_GAP = 0.45  # of the line's height, as the reader's: a gap a space cannot be
GOES_ON = 0.85  # a line closer than this share of the row spacing continues its row


def joined_rows(lines: list[PdfLine]) -> list[PdfLine]:
    """``lines`` with the pieces of a table row drawn apart (a wrapped cell's lines between them)
    joined into one line; the lines between stay after it, in their order."""
    used = [False] * len(lines)
    out = []
    for index, line in enumerate(lines):
        if used[index]:
            continue
        while (found := _next_piece(lines, used, index, line)) is not None:
            used[found] = True
            line = _joined(line, lines[found])
        out.append(line)
    return out


def _next_piece(lines: list[PdfLine], used: list[bool], index: int, line: PdfLine) -> int | None:
    """The line after ``index`` on the baseline of ``line``, a cell's gap to the right of it, with
    only lines of the same cell (lower, to the left of that piece) between them."""
    tolerance = 0.2 * line.height
    for later in range(index + 1, min(index + 1 + LOOK_AHEAD, len(lines))):
        if used[later]:
            continue
        other = lines[later]
        if abs(other.baseline - line.baseline) <= tolerance and other.size == line.size:
            return later if other.left - line.right > CELL_GAP * line.height else None
        if not (other.baseline < line.baseline - tolerance and other.left < line.right):
            return None
    return None


def _joined(line: PdfLine, piece: PdfLine) -> PdfLine:
    offset = len(line.text) + 1
    cells = (*line.cells, (offset, piece.left), *((o + offset, x) for o, x in piece.cells))
    gaps = (*line.gaps, (offset, piece.left, line.right), *((o + offset, x, e) for o, x, e in piece.gaps))
    return replace(line, text=f"{line.text} {piece.text}", right=piece.right, cells=cells, gaps=gaps)


def table_runs(lines: Sequence[PdfLine]) -> list[tuple[int, int, list[list[str]]]]:
    """(first line, line after the last, rows of cell texts) for each table among ``lines``."""
    runs = []
    index = 0
    while index < len(lines):
        end = _run_end(lines, index)
        rows_in_run = sum(1 for line in lines[index:end] if _cells(line))
        if rows_in_run >= MIN_ROWS:
            runs.append((index, end, rows(lines[index:end])))
            index = end
        else:
            index += 1
    return runs


def _run_end(lines: Sequence[PdfLine], first: int) -> int:
    """The line after the last of the table that starts at ``first`` (``first`` when none does)."""
    if not _cells(lines[first]):
        return first
    starts = [lines[first].left, *(left for _, left in _cells(lines[first]))]
    end = first + 1
    going_on: list[int] = []  # lines without cells taken as rows going on, not yet confirmed
    while end < len(lines):
        line, before = lines[end], lines[end - 1]
        delta = before.baseline - line.baseline
        if line.size != lines[first].size or not 0 < delta < 3 * line.height:
            break
        if not _cells(line) and line.left >= starts[0] - 0.3 * line.height:
            going_on.append(end)
        elif not (_cells(line) and _fits(line, starts)):
            break
        end += 1
    pitch = _pitch(lines[first:end])
    for index in going_on:  # a line without cells is a row going on when set closer than the rows
        delta = lines[index - 1].baseline - lines[index].baseline
        if not delta < GOES_ON * pitch:
            return index
    return end


def _pitch(lines: Sequence[PdfLine]) -> float:
    """How far apart the table's rows are: the median distance to a line with cells from the line
    before it (a row set after a wrapped cell is as far from that cell's last line)."""
    deltas = sorted(
        before.baseline - line.baseline for before, line in itertools.pairwise(lines) if _cells(line)
    )
    return deltas[len(deltas) // 2] if deltas else 0.0


def _fits(line: PdfLine, starts: list[float]) -> bool:
    """True when ``line`` is a row of a table whose columns start at ``starts``: it starts at one,
    and each gap of a long line (justified prose has wide spaces too) ends where a column starts,
    or a little later before a short cell (a right-aligned number)."""
    tolerance = 0.3 * line.height
    if not any(abs(line.left - start) <= tolerance for start in starts):
        return False
    if line.cells:
        return True
    ends = [offset for offset, _, _ in line.gaps[1:]] + [len(line.text)]
    for (offset, left, _), end in zip(line.gaps, ends, strict=True):
        short = len(line.text[offset:end].split()) <= 3
        reach = 4 * line.height if short else tolerance
        if not any(start - tolerance <= left <= start + reach for start in starts):
            return False
    return True


def _cells(line: PdfLine) -> tuple[tuple[int, float], ...]:
    """Where ``line``'s cells after the first start: its cells, else (a long row) its gaps."""
    return line.cells or tuple((offset, left) for offset, left, _ in line.gaps)


def rows(lines: Sequence[PdfLine]) -> list[list[str]]:
    """Each line's cells placed in the columns of the fullest row; a line that goes on its row (set
    closer under it than the rows are apart) adds its words to the cells above them."""
    fullest = max(lines, key=lambda line: len(_cells(line)))
    columns = [fullest.left, *(left for _, left in _cells(fullest))]
    tolerance = 0.5 * fullest.height
    pitch = _pitch(lines)
    table: list[list[str]] = []
    for index, line in enumerate(lines):
        delta = lines[index - 1].baseline - line.baseline if index else pitch
        if not table or not delta < GOES_ON * pitch:
            table.append([""] * len(columns))
        row = table[-1]
        for left, text in _pieces(line):
            column = max(j for j, start in enumerate(columns) if start - tolerance <= left or j == 0)
            row[column] = _more(row[column], text)
    return table


def _more(cell: str, text: str) -> str:
    """A cell's text with ``text`` after it, as lines of a paragraph join: no space after a soft
    hyphen (which goes) or a hyphen after a letter (which stays)."""
    if cell.endswith("\ufffe"):
        return cell[:-1] + text
    if cell.endswith("-") and cell[-2:-1].isalpha():
        return cell + text
    return f"{cell} {text}".strip()


def _pieces(line: PdfLine) -> list[tuple[float, str]]:
    """(left edge, text) of each cell of ``line``."""
    cells = _cells(line)
    starts = [(0, line.left), *cells]
    ends = [offset for offset, _ in cells] + [len(line.text)]
    return [(left, line.text[offset:end].strip()) for (offset, left), end in zip(starts, ends, strict=True)]
