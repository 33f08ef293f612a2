"""A framed box with a label: stands in for a missing image (or a chart not yet drawable)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from briefing.layout import Rect
from briefing.layout.theme import Theme
from briefing.render.fonts import slide_font


class PlaceholderItem(QGraphicsItem):
    def __init__(self, rect: Rect, label: str, theme: Theme) -> None:
        super().__init__()
        self._rect = QRectF(rect.x, rect.y, rect.w, rect.h)
        self.label = label
        self._theme = theme

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setBrush(QColor(self._theme.surface))
        pen = QPen(QColor(self._theme.grid), 3, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(self._rect, 16, 16)
        painter.setPen(QColor(self._theme.muted))
        painter.setFont(slide_font(28))
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.label)
