"""A page set in two columns -> its text in reading order: the left column, then the right.

PDFium reads text in the order the PDF draws it. Some producers draw a
two-column page column by column, others line by line across the page, and
then PDFium gives one line that runs from the left column into the right
("traffic grew in every Rents in the harbour"). Either way the columns are
found from where the words stand: many lines (three at least) start at the
same place in the middle of the page, and every line of a stretch of the page
either stays on one side of that place or has a gap as wide as a gutter
right there. Such a stretch is read as two flows, the left column top to
bottom, then the right; what crosses the gutter (a heading or paragraph set
across the page, above or below the columns) stays where it is, so a
full-width heading above the columns comes first.

A stretch is columns only when both sides read as prose (mostly one piece
of several words a line, most lines filling the column), so a table whose
cells stand in the same places is left to ``pdf_tables``. Not handled: three or more columns.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.sources.pdf_layout import PdfLine

MIN_LINES = 3  # lines on each side of a gutter
MIN_WORDS = 3.0  # words a line on each side, on average: prose, not a table's column
GUTTER = 0.5  # of a column's text width: the widest gutter between it and the next column
FILLED = 0.6  # of a column's width: what most of its lines fill
MIDDLE = (0.25, 0.75)  # where a gutter may stand, as a share of the width of the page's text


def flows(lines: list[PdfLine]) -> list[list[PdfLine]]:
    """The page's lines as flows to be read one after another: ``[lines]`` when it has no columns."""
    start = _column_start(lines)
    if start is None:
        return [lines]
    ordered = sorted(lines, key=lambda line: -line.baseline)  # top to bottom (y is up)
    out: list[list[PdfLine]] = []
    across: list[PdfLine] = []
    stretch: list[tuple[PdfLine, PdfLine | None, PdfLine | None]] = []
    found = False
    page_right = max(line.right for line in lines)
    for line in [*ordered, None]:
        halves = _halves(line, start) if line is not None else None
        if line is not None and halves is not None:
            stretch.append((line, *halves))
            continue
        if _is_columns(stretch, start, page_right):
            found = True
            if across:
                out.append(across)
                across = []
            out += [[left for _, left, _ in stretch if left], [right for _, _, right in stretch if right]]
        else:
            across += [whole for whole, _, _ in stretch]
        stretch = []
        if line is not None:
            across.append(line)
    if across:
        out.append(across)
    return out if found else [lines]


def _column_start(lines: list[PdfLine]) -> float | None:
    """Where a right column starts: the most common start of a line or of a piece after a gutter in
    the middle of the page, if at least ``MIN_LINES`` lines start there."""
    if sum(1 + len(line.gaps) for line in lines) < 2 * MIN_LINES:
        return None
    low = min(line.left for line in lines)
    high = max(line.right for line in lines)
    band = (low + MIDDLE[0] * (high - low), low + MIDDLE[1] * (high - low))
    starts: Counter[float] = Counter()
    for line in lines:
        for left in {line.left, *(gap[1] for gap in line.gaps)}:
            if band[0] <= left <= band[1]:
                starts[round(left)] += 1
    if not starts:
        return None
    start, count = starts.most_common(1)[0]
    return float(start) if count >= MIN_LINES else None


def _halves(line: PdfLine, start: float) -> tuple[PdfLine | None, PdfLine | None] | None:
    """``line`` as its part in the left and in the right column, or None when it crosses the gutter."""
    tolerance = 0.5 * line.height
    if line.left >= start - tolerance:
        return None, line
    if line.right <= start:
        return line, None
    for offset, left, end in line.gaps:
        if end <= start and left >= start - tolerance:
            return _cut(line, 0, offset, line.left, end), _cut(line, offset, len(line.text), left, line.right)
    return None


def _cut(line: PdfLine, begin: int, end: int, left: float, right: float) -> PdfLine:
    """Characters ``begin`` up to ``end`` of ``line``, with the cells and gaps that fall in them."""
    text = line.text[begin:end]
    lead = len(text) - len(text.lstrip())
    cells = tuple((o - begin - lead, x) for o, x in line.cells if begin < o < end)
    gaps = tuple((o - begin - lead, x, e) for o, x, e in line.gaps if begin < o < end)
    return replace(line, text=text.strip(), left=left, right=right, cells=cells, gaps=gaps)


def _is_columns(
    stretch: list[tuple[PdfLine, PdfLine | None, PdfLine | None]], start: float, end: float
) -> bool:
    """True when both sides of the stretch (the right one from ``start`` to ``end``) hold
    ``MIN_LINES`` lines of prose."""
    for side in (1, 2):
        lines = [halves[side] for halves in stretch if halves[side] is not None]
        if len(lines) < MIN_LINES:
            return False
        words = sum(len(line.text.split()) for line in lines if line)
        pieces = sum(1 for line in lines if line and (line.cells or line.gaps))
        if words < MIN_WORDS * len(lines) or pieces > len(lines) // 3:
            return False
        if not _filled(lines, start if side == 1 else end):
            return False
    return True


def _filled(lines: list[PdfLine | None], edge: float) -> bool:
    """True when the lines fill their column as prose does: the longest reach near ``edge`` (the
    gutter, or the page's text edge) and most are nearly as long; a table's cells and a list of
    short items leave most of the column empty."""
    sides = [line for line in lines if line is not None]
    left, right = min(line.left for line in sides), max(line.right for line in sides)
    if edge - right > GUTTER * (right - left):
        return False
    widths = sorted(line.right - line.left for line in sides)
    return widths[len(widths) // 2] >= FILLED * (right - left)
