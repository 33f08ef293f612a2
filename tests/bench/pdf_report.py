"""The synthetic report as a PDF: ``python -m tests.bench.pdf_report OUT.pdf [CHAPTERS]``.

The same chapters as the text report (``bench_draft.chapter``), set by Qt
(QTextDocument printed with QPdfWriter on A4, 11 pt body, headings larger)
so the PDF has a real text layer with fonts and sizes, as an exported report
has. Run in a process of its own: it needs a QGuiApplication.
"""

from __future__ import annotations

import html
import os
import sys
from pathlib import Path


def report_html(chapters: int) -> str:
    from tests.bench.bench_draft import chapter

    parts = [
        "<h1>A Synthetic Review of the Northern Quarter</h1>",
        "<p>This review looks at the quarter's renewal.</p>",
    ]
    for index in range(chapters):
        heading, *paragraphs = chapter(index).split("\n")
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        parts += [f"<p>{html.escape(text)}</p>" for text in paragraphs]
    return "".join(parts)


def write(path: Path, chapters: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    app = QGuiApplication.instance() or QGuiApplication([])
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(20, 20, 20, 20)
        )
    )
    writer.setResolution(300)
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Serif", 11))
    document.setHtml(report_html(chapters))
    document.print_(writer)
    del writer, app


if __name__ == "__main__":
    write(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 50)
