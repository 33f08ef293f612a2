"""Small graphics items the charts are dressed with: value labels and legends.

They are children of the chart item (not of pyqtgraph's ViewBox), so their
sizes are canvas units and they scale with every view of the slide, unlike
``pyqtgraph.TextItem`` which keeps a constant size in device pixels.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem

from briefing.layout.series_marks import SeriesMark
from briefing.render.chart_style import LEGEND_SIZE, chart_font, pen, qcolor
from briefing.render.series_look import dashed, draw_markers, hatch_brush


class ValueLabel(QGraphicsSimpleTextItem):
    """A number placed at an anchor point: ``anchor`` (0..1, 0..1) is which point of its box."""

    def __init__(self, parent: QGraphicsItem, color: str, size: float) -> None:
        super().__init__(parent)
        self.setFont(chart_font(size, bold=True))
        self.setBrush(QBrush(qcolor(color)))
        self.setAcceptHoverEvents(False)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(20)

    def set_color(self, color: str) -> None:
        self.setBrush(QBrush(qcolor(color)))

    def set_size(self, size: float) -> None:
        if self.font().pixelSize() != round(size):
            self.setFont(chart_font(size, bold=True))

    def place(self, point: QPointF, anchor: tuple[float, float]) -> None:
        box = self.boundingRect()
        self.setPos(point.x() - anchor[0] * box.width(), point.y() - anchor[1] * box.height())


class Legend(QGraphicsItem):
    """Colour swatches and series names, in a row (charts) or a column (pies)."""

    SWATCH = 22
    GAP = 12
    SPACING = 40

    def __init__(
        self, parent: QGraphicsItem, text_color: str, *, vertical: bool = False, background: str = "#000000"
    ) -> None:
        super().__init__(parent)
        self._text_color = text_color
        self._background = background
        self._marks: list[SeriesMark] = []
        self._vertical = vertical
        self._entries: list[tuple[str, str]] = []
        self._texts: list[QGraphicsSimpleTextItem] = []
        self._size = QRectF()
        self.setAcceptHoverEvents(False)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    @property
    def entries(self) -> list[str]:
        return [name for name, _ in self._entries]

    def set_entries(
        self, entries: list[tuple[str, str]] | list[tuple[str, str, SeriesMark]], max_width: float
    ) -> None:
        """(name, colour) pairs, or (name, colour, mark) where a series has a hatch, dash or marker
        shape (the swatch shows it too); rows wrap when wider than ``max_width``."""
        self.prepareGeometryChange()
        for text in self._texts:
            text.setParentItem(None)  # type: ignore[arg-type]  # PySide6 stub omits None (Qt: no parent)
            if text.scene() is not None:
                text.scene().removeItem(text)
        self._entries = [(e[0], e[1]) for e in entries]
        self._marks = [e[2] if len(e) > 2 else SeriesMark() for e in entries]  # type: ignore[misc]
        self._texts = []
        x = y = 0.0
        line_h = LEGEND_SIZE * 1.5
        width = 0.0
        for name, _ in self._entries:
            text = QGraphicsSimpleTextItem(name, self)
            text.setFont(chart_font(LEGEND_SIZE))
            text.setBrush(QBrush(qcolor(self._text_color)))
            entry_w = self.SWATCH + self.GAP + text.boundingRect().width()
            if self._vertical:
                x = 0.0
            elif x > 0 and x + entry_w > max_width:
                x, y = 0.0, y + line_h
            text.setPos(x + self.SWATCH + self.GAP, y + (line_h - text.boundingRect().height()) / 2)
            text.setData(0, QPointF(x, y))
            self._texts.append(text)
            width = max(width, x + entry_w)
            if self._vertical:
                y += line_h
            else:
                x += entry_w + self.SPACING
        height = y if self._vertical else y + line_h
        self._size = QRectF(0, 0, width, height)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._size

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        line_h = LEGEND_SIZE * 1.5
        for (_, color), mark, text in zip(self._entries, self._marks, self._texts, strict=True):
            origin = text.data(0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(qcolor(color))
            top = origin.y() + (line_h - self.SWATCH) / 2
            swatch = QRectF(origin.x(), top, self.SWATCH, self.SWATCH)
            painter.drawRoundedRect(swatch, 4, 4)
            self._paint_mark(painter, swatch, color, mark)

    def _paint_mark(self, painter: QPainter, swatch: QRectF, color: str, mark: SeriesMark) -> None:
        """The series' hatch, dash or marker shape on its swatch, as the plot draws it."""
        hatch = hatch_brush(mark, color)
        if hatch is not None:
            painter.setBrush(hatch)
            painter.drawRoundedRect(swatch, 4, 4)
        if mark.dash != "solid":
            painter.setBrush(qcolor(self._background))
            painter.drawRoundedRect(swatch, 4, 4)
            line = dashed(pen(color, 4), mark)
            line.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(line)
            mid = swatch.center().y()
            painter.drawLine(QPointF(swatch.left(), mid), QPointF(swatch.right(), mid))
        if mark.marker != "circle":
            painter.setBrush(qcolor(self._background))
            painter.drawRoundedRect(swatch, 4, 4)
            draw_markers(painter, [swatch.center()], color, self._background, self.SWATCH * 0.8, mark.marker)


class PointsItem(QGraphicsItem):
    """Round markers in canvas units (pyqtgraph's pixel-mode symbols need a view to draw)."""

    def __init__(self, parent: QGraphicsItem, ring_color: str) -> None:
        super().__init__(parent)
        self._ring = ring_color
        self._groups: list[tuple[list[QPointF], str, float, str]] = []
        self._clip = QRectF()
        self.setAcceptHoverEvents(False)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(10)

    def set_points(self, groups: list[tuple[list[QPointF], str, float, str]], clip: QRectF) -> None:
        """Groups of (points in parent coordinates, colour, diameter, shape); drawn inside ``clip``."""
        self.prepareGeometryChange()
        self._groups = groups
        self._clip = QRectF(clip)
        self.update()

    def count(self) -> int:
        return sum(len(points) for points, _, _, _ in self._groups)

    def boundingRect(self) -> QRectF:
        return self._clip.adjusted(-20, -20, 20, 20)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(self._clip.adjusted(-12, -12, 12, 12))
        for points, color, diameter, shape in self._groups:
            if not points:
                continue
            if shape != "circle":  # a series told apart by its marker's shape (series_marks)
                draw_markers(painter, points, color, self._ring, diameter * 1.3, shape)
                continue
            for pen_color, width in ((self._ring, diameter + 6), (color, diameter)):
                marker = QPen(qcolor(pen_color), width)
                marker.setCapStyle(Qt.PenCapStyle.RoundCap)
                painter.setPen(marker)
                painter.drawPoints(points)
