"""The ``?`` overlay: every key, from :data:`briefing.app.presenting.keymap.KEY_HELP`."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from briefing.app.presenting.keymap import KEY_HELP


def help_html() -> str:
    rows = "".join(
        f"<tr><td style='padding:4px 24px 4px 0; color:#F2A541'><b>{html.escape(keys)}</b></td>"
        f"<td style='padding:4px 0'>{html.escape(what)}</td></tr>"
        for keys, what in KEY_HELP
    )
    return (
        "<h2 style='margin-bottom:12px'>Keys</h2>"
        f"<table>{rows}</table>"
        "<p style='color:#8FA1B8; margin-top:16px'>Any key or click closes this help.</p>"
    )


class HelpOverlay(QWidget):
    """A dimmed sheet over the console; the audience never sees it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "#helpOverlay { background: rgba(8, 12, 18, 235); }"
            "#helpOverlay QLabel { color: #E6EDF5; font-size: 20px; background: transparent; }"
        )
        self.text = QLabel(help_html())
        self.text.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 0, Qt.AlignmentFlag.AlignCenter)
        self.hide()

    def show_over_parent(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.hide()
