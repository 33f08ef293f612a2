"""The Word report's blocks as a text PDF (Qt's PDF writer), for the drafter's ground-truth tests.

LibreOffice on the test machines has no Writer, so the PDF is printed from
the same blocks the .docx is built from: title, headings in larger bold type,
paragraphs and a table, with embedded fonts so any script extracts as text.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

SIZES = {"Title": 22, "Heading1": 17, "Heading2": 14}


def report_html(blocks: list[tuple[str, object]], *, columns: bool = False) -> str:
    """The blocks as HTML; with ``columns`` the title across the page and the rest in two columns
    (a borderless table of two cells, the second starting halfway through the blocks)."""
    if columns:
        half = 1 + (len(blocks) - 1) // 2
        cells = [_blocks_html(part) for part in (blocks[1:half], blocks[half:])]
        return (
            f"<html><body>{_blocks_html(blocks[:1])}"
            '<table width="100%" cellspacing="12"><tr>'
            + "".join(f'<td width="50%" valign="top">{cell}</td>' for cell in cells)
            + "</tr></table></body></html>"
        )
    return f"<html><body>{_blocks_html(blocks)}</body></html>"


def _blocks_html(blocks: list[tuple[str, object]]) -> str:
    parts = []
    for kind, content in blocks:
        if kind == "table":
            rows = "".join(
                "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>"
                for row in content  # type: ignore[attr-defined]
            )
            parts.append(f'<table border="1" cellpadding="3">{rows}</table>')
            continue
        text = escape(content if isinstance(content, str) else "".join(content))  # type: ignore[arg-type]
        if kind in SIZES:
            parts.append(f'<p style="font-size:{SIZES[kind]}pt; font-weight:bold">{text}</p>')
        else:
            parts.append(f'<p style="font-size:10pt">{text}</p>')
    return "".join(parts)


def build_pdf(path: Path, blocks: list[tuple[str, object]], *, columns: bool = False) -> Path:
    """Print ``blocks`` to ``path`` (needs a QGuiApplication, e.g. pytest-qt's ``qapp``)."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(20, 20, 20, 20)
        )
    )
    writer.setTitle("Solar Mini-Grids in Northern Kenya")
    document = QTextDocument()
    document.setHtml(report_html(blocks, columns=columns))
    document.print_(writer)
    return path
