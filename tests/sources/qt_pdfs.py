"""PDFs laid out by Qt as real reports are: a page in two columns (drawn column by column, or line by
line across the page as some producers do), for the reader's tests. Needs a QGuiApplication."""

from __future__ import annotations

from pathlib import Path

TITLE = "Harbour Towns Review 2024: trade, housing and ferries on the north coast"
INTRO = (
    "This review covers the harbour towns of the north coast and what changed in the last year in "
    "their trade, their housing and the ferries that link them."
)
LEFT = [
    ("Trade", 13),
    (
        "Exports from the harbour rose 42% in 2024, the port says, the fastest growth on the coast. "
        "Fish, timber and wind turbine parts made up most of the cargo.",
        10,
    ),
    ("The new pier in Dunmore, which opened in May after two years of building work, took ships of", 10),
]
RIGHT = [
    ("every size and cost $12 million, a third less than the council had planned.", 10),
    ("Housing", 13),
    (
        "Rents in the harbour towns rose 18% since 2020, says the council, while wages rose by less "
        "than half of that. Young families move inland.",
        10,
    ),
]
AFTER = "Ferries carry 1,200 people a day, twice the number of 2019, and a new route opens in spring."
# what a reader reads, in order
READ = [
    "# " + TITLE,
    INTRO,
    "## Trade",
    LEFT[1][0],
    LEFT[2][0] + " " + RIGHT[0][0],
    "## Housing",
    RIGHT[2][0],
    AFTER,
]
PAGE_LEFT, GUTTER_AT, COLUMN, FULL = 50.0, 305.0, 235.0, 495.0


def _lines(text: str, size: int, width: float) -> list[str]:
    from PySide6.QtGui import QFont, QTextLayout

    layout = QTextLayout(text, QFont("DejaVu Serif", size))
    layout.beginLayout()
    out = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        out.append(text[line.textStart() : line.textStart() + line.textLength()].strip())
    layout.endLayout()
    return out


def _column(blocks: list[tuple[str, int]], x: float, y: float) -> list[tuple[float, float, int, str]]:
    """(x, baseline, size, text) of each line of ``blocks`` set in a column from ``y`` down."""
    placed = []
    for text, size in blocks:
        for line in _lines(text, size, COLUMN):
            placed.append((x, y, size, line))
            y += size * 1.4
        y += 8
    return placed


def two_column_pdf(path: Path, *, across: bool = False) -> Path:
    """A title and an introduction across the page, two columns (the left one ending mid-sentence),
    a closing paragraph across the page; ``across``: drawn line by line across both columns."""
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    placed = [(PAGE_LEFT, 60.0 + 21 * n, 18, line) for n, line in enumerate(_lines(TITLE, 18, FULL))]
    y = 60.0 + 21 * len(placed) + 12
    for line in _lines(INTRO, 10, FULL):
        placed.append((PAGE_LEFT, y, 10, line))
        y += 14
    top = y + 16
    left, right = _column(LEFT, PAGE_LEFT, top), _column(RIGHT, GUTTER_AT, top)
    if across:  # one line of the left column, then the line of the right column beside it, ...
        both = sorted([*left, *right], key=lambda item: (round(item[1]), item[0]))
    else:
        both = [*left, *right]
    placed += both
    y = max(item[1] for item in both) + 30
    placed += [(PAGE_LEFT, y + 14 * n, 10, line) for n, line in enumerate(_lines(AFTER, 10, FULL))]
    painter = QPainter(writer)
    for x, baseline, size, text in placed:
        painter.setFont(QFont("DejaVu Serif", size))
        painter.drawText(int(x), int(baseline), text)
    painter.end()
    return path


def table_pdf(path: Path, rows: list[list[str]], *, before: str, after: str, width: int = 0) -> Path:
    """A paragraph, a table as Qt prints one (cell by cell, padded, long cells wrapping; ``width``
    fixes the first column's width in points), and a paragraph."""
    from html import escape

    from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    first = f' width="{width}"' if width else ""
    body = "".join(
        "<tr>"
        + "".join(f"<td{first if j == 0 else ''}>{escape(c)}</td>" for j, c in enumerate(row))
        + "</tr>"
        for row in rows
    )
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Serif", 10))
    document.setHtml(f'<p>{escape(before)}</p><table cellpadding="4">{body}</table><p>{escape(after)}</p>')
    document.print_(writer)
    return path
