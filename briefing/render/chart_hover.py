"""Hover and pointer interaction for live charts.

The overlay handles hover, wheel and drag itself (plain Qt events) rather than
relying on pyqtgraph's ``GraphicsScene`` mouse machinery, so charts work in
any ``QGraphicsScene`` the slide renderer builds.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSceneWheelEvent,
    QGraphicsSimpleTextItem,
)

from briefing.render.chart_style import HOVER_SIZE, chart_font, pen, qcolor


class HoverTip(QGraphicsItem):
    """A tooltip-like label drawn inside the chart (so it shows in every view of the slide)."""

    PAD_X = 16
    PAD_Y = 10

    def __init__(self, parent: QGraphicsItem, *, fill: str, border: str, text_color: str) -> None:
        super().__init__(parent)
        self._fill = fill
        self._border = border
        self._text = QGraphicsSimpleTextItem(self)
        self._text.setFont(chart_font(HOVER_SIZE))
        self._text.setBrush(qcolor(text_color))
        self._text.setPos(self.PAD_X, self.PAD_Y)
        self.setZValue(100)
        self.setAcceptHoverEvents(False)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.hide()

    def text(self) -> str:
        return self._text.text() if self.isVisible() else ""

    def boundingRect(self) -> QRectF:
        box = self._text.boundingRect()
        return QRectF(0, 0, box.width() + 2 * self.PAD_X, box.height() + 2 * self.PAD_Y)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen(self._border, 2))
        painter.setBrush(qcolor(self._fill, 0.96))
        painter.drawRoundedRect(self.boundingRect().adjusted(1, 1, -1, -1), 10, 10)

    def show_at(self, text: str, anchor: QPointF, bounds: QRectF) -> None:
        """Show ``text`` above and right of the pointer at ``anchor``, inside ``bounds``."""
        self.prepareGeometryChange()
        self._text.setText(text)
        box = self.boundingRect()
        x = anchor.x() + 20
        y = anchor.y() - box.height() - 20
        if x + box.width() > bounds.right():
            x = anchor.x() - 20 - box.width()
        if y < bounds.top():
            y = anchor.y() + 28
        x = min(max(x, bounds.left()), bounds.right() - box.width())
        y = min(max(y, bounds.top()), bounds.bottom() - box.height())
        self.setPos(x, y)
        self.show()


class Interactive(Protocol):
    interactive: bool

    def hover_at(self, pos: QPointF) -> str | None: ...
    def clear_hover(self) -> None: ...
    def zoom_at(self, pos: QPointF, steps: float) -> None: ...
    def pan_by(self, delta: QPointF) -> None: ...


class InteractionOverlay(QGraphicsItem):
    """Transparent item over the plot area: hover everywhere, zoom/pan when interactive."""

    def __init__(self, parent: QGraphicsItem, owner: Interactive) -> None:
        super().__init__(parent)
        self._owner = owner
        self._rect = QRectF()
        self._last: QPointF | None = None
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setZValue(50)

    def set_rect(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(rect)

    def boundingRect(self) -> QRectF:
        return self._rect

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self._rect)
        return path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        pass

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._owner.hover_at(self.mapToParent(event.pos()))

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._owner.clear_hover()

    def wheelEvent(self, event: QGraphicsSceneWheelEvent) -> None:
        if not self._owner.interactive:
            event.ignore()
            return
        self._owner.zoom_at(self.mapToParent(event.pos()), event.delta() / 120)
        event.accept()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self._owner.interactive:
            event.ignore()
            return
        self._last = event.scenePos()
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._last is None:
            return
        delta = event.scenePos() - self._last
        self._last = event.scenePos()
        self._owner.pan_by(self.mapFromScene(delta) - self.mapFromScene(QPointF(0, 0)))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._last = None
        self.unsetCursor()
