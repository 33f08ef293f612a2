"""The console's problem banner: a broken save, said plainly, never on the projector.

When a save does not load, the talk goes on with the last good version and
the presenter console shows this banner: one line per problem, as
``file:line:col: message`` (the same text ``briefing check`` prints), with
the hint under it. Each location is a link that opens the editor there. The
banner hides itself when :meth:`ProblemBanner.clear_problems` is called (the
live reload does so as soon as the file loads again).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from briefing.errors import Diagnostic

STYLE = """
QFrame#problems { background: #5A1414; border: 1px solid #E8483B; border-radius: 4px; }
QFrame#problems QLabel { color: #FFE9E6; background: transparent; }
QFrame#problems QLabel#problems-title { font-weight: bold; }
QFrame#problems QScrollArea { background: transparent; border: none; }
"""
LINK_COLOUR = "#FFD27A"  # QSS cannot style links inside a QLabel: set inline


def location(diagnostic: Diagnostic, base_dir: Path | None = None) -> str:
    """``file:line:col`` with the file relative to the storyboard's folder when inside it."""
    path = diagnostic.path
    if path is None:
        where = "<storyboard>"
    elif base_dir is not None and Path(path).is_relative_to(base_dir):
        where = Path(path).relative_to(base_dir).as_posix()
    else:
        where = str(path)
    return f"{where}:{diagnostic.line}:{diagnostic.col}"


def problem_lines(diagnostics: Sequence[Diagnostic], base_dir: Path | None = None) -> list[str]:
    """The banner's text, one entry per problem (plain text: tests and logs read this)."""
    lines = []
    for diagnostic in diagnostics:
        text = f"{location(diagnostic, base_dir)}: {diagnostic.severity}: {diagnostic.message}"
        if diagnostic.hint:
            text += f"\n    hint: {diagnostic.hint}"
        lines.append(text)
    return lines


class ProblemBanner(QFrame):
    """A red strip listing every problem of the last save; hidden when there are none."""

    open_requested = Signal(object, int)  # path, line: the presenter clicked a location

    def __init__(
        self, parent: QWidget | None = None, *, base_dir: Path | None = None, max_height: int = 220
    ) -> None:
        super().__init__(parent)
        self.setObjectName("problems")
        self.setStyleSheet(STYLE)
        self.base_dir = base_dir
        self.diagnostics: tuple[Diagnostic, ...] = ()
        self.title = QLabel(self)
        self.title.setObjectName("problems-title")
        self.details = QLabel(self)
        self.details.setObjectName("problems-details")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.details.linkActivated.connect(self._on_link)
        self.max_height = max_height
        self.scroll_area = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.details)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(scroll)
        self.hide()

    # ------------------------------------------------------------------ api
    def show_problems(
        self, diagnostics: Sequence[Diagnostic], *, loaded: bool = True, source: bool = False
    ) -> None:
        """List ``diagnostics``; ``loaded=False`` when no version of the file has loaded yet.

        ``source=True``: they come from proving the storyboard against its sources
        (``check --source``); the storyboard loaded and is presented as saved.
        """
        self.diagnostics = tuple(diagnostics)
        if not self.diagnostics:
            self.clear_problems()
            return
        count = len(self.diagnostics)
        noun = "problem" if count == 1 else "problems"
        if source:
            self.title.setText(f"{count} {noun} against the cited source — presenting this version")
        elif loaded:
            self.title.setText(f"The last save has {count} {noun} — still presenting the last good version")
        else:
            self.title.setText(f"The storyboard has {count} {noun} — it appears as soon as a save fixes them")
        self.details.setText(self._html())
        self.setToolTip("\n".join(problem_lines(self.diagnostics, self.base_dir)))
        self.show()
        self._fit_height()

    def clear_problems(self) -> None:
        self.diagnostics = ()
        self.title.clear()
        self.details.clear()
        self.setToolTip("")
        self.hide()

    def text(self) -> str:
        """Everything the banner says, as plain text."""
        if not self.diagnostics:
            return ""
        return "\n".join([self.title.text(), *problem_lines(self.diagnostics, self.base_dir)])

    # ------------------------------------------------------------------ helpers
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the problems need, up to ``max_height`` (then it scrolls)."""
        width = max(self.scroll_area.viewport().width(), 200)
        needed = self.details.heightForWidth(width)
        if needed <= 0:
            needed = self.details.sizeHint().height()
        self.scroll_area.setFixedHeight(max(1, min(needed + 2, self.max_height)))

    def _html(self) -> str:
        rows = []
        for number, diagnostic in enumerate(self.diagnostics):
            where = html.escape(location(diagnostic, self.base_dir))
            row = (
                f'<a href="{number}" style="color:{LINK_COLOUR}">{where}</a>: '
                f"{html.escape(diagnostic.severity)}: "
                f"{html.escape(diagnostic.message)}"
            )
            if diagnostic.hint:
                row += f"<br>&nbsp;&nbsp;&nbsp;&nbsp;<i>hint: {html.escape(diagnostic.hint)}</i>"
            rows.append(row)
        return "<br>".join(rows)

    def _on_link(self, href: str) -> None:
        diagnostic = self.diagnostics[int(href)]
        self.open_requested.emit(diagnostic.path, diagnostic.line)
