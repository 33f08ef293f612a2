"""The ``?`` overlay: every key, from :data:`briefing.app.presenting.keymap.KEY_HELP`.

The rows stand in two columns and the font follows the console's height, so
the whole list stays readable on a 1280x720 console (one tall column in a fixed
20 px font was clipped below ~900 px) and still fills a big one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from briefing.app.presenting.keymap import KEY_HELP

COLUMNS = 2
SMALLEST_FONT_PX = 13  # still readable at a lectern's distance from a laptop screen
LARGEST_FONT_PX = 20  # the size the single-column sheet had on a big console
_LINES_PER_FONT_PX = 44  # console height / this = font px: 720 px high gives 16 px

_STYLE = """
#helpOverlay {{ background: rgba(8, 12, 18, 235); }}
#helpOverlay QLabel {{ color: #E6EDF5; font-size: {font}px; background: transparent; }}
#helpOverlay QLabel#helpKeys {{ color: #F2A541; font-weight: bold; }}
#helpOverlay QLabel#helpTitle {{ font-size: {title}px; font-weight: bold; }}
#helpOverlay QLabel#helpFooter {{ color: #8FA1B8; }}
"""


def help_font_px(height: int) -> int:
    """The row font for an overlay ``height`` px high, between the readable and the roomy size."""
    return max(SMALLEST_FONT_PX, min(LARGEST_FONT_PX, height // _LINES_PER_FONT_PX))


class HelpOverlay(QWidget):
    """A dimmed sheet over the console; the audience never sees it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.rows: list[tuple[QLabel, QLabel]] = []
        title = QLabel("Keys")
        title.setObjectName("helpTitle")
        footer = QLabel("Any key or click closes this help.")
        footer.setObjectName("helpFooter")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addLayout(self._columns())
        layout.addWidget(footer)
        layout.addStretch(1)
        self._font_px = 0
        self._set_font_px(help_font_px(parent.height()))
        self.hide()

    def _columns(self) -> QHBoxLayout:
        """KEY_HELP in reading order: down the first column, then down the second."""
        per_column = -(-len(KEY_HELP) // COLUMNS)
        columns = QHBoxLayout()
        columns.setSpacing(40)
        for start in range(0, len(KEY_HELP), per_column):
            grid = QGridLayout()
            grid.setHorizontalSpacing(16)
            grid.setVerticalSpacing(6)
            grid.setColumnStretch(1, 1)
            for row, (keys, what) in enumerate(KEY_HELP[start : start + per_column]):
                keys_label, what_label = QLabel(keys), QLabel(what)
                keys_label.setObjectName("helpKeys")
                what_label.setWordWrap(True)
                for label in (keys_label, what_label):
                    label.setTextFormat(Qt.TextFormat.PlainText)
                    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                grid.addWidget(keys_label, row, 0)
                grid.addWidget(what_label, row, 1)
                self.rows.append((keys_label, what_label))
            grid.setRowStretch(grid.rowCount(), 1)  # a shorter last column stays at the top
            columns.addLayout(grid, 1)
        return columns

    def shown_text(self) -> str:
        """Every row's keys and meaning, as the presenter reads them."""
        return "\n".join(f"{keys.text()}  {what.text()}" for keys, what in self.rows)

    def font_px(self) -> int:
        return self._font_px

    def _set_font_px(self, font_px: int) -> None:
        if font_px != self._font_px:
            self._font_px = font_px
            self.setStyleSheet(_STYLE.format(font=font_px, title=font_px + 6))

    def show_over_parent(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._set_font_px(help_font_px(event.size().height()))
        super().resizeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.hide()
