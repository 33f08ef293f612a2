"""Pie and donut charts, painted with ``QPainterPath`` wedges (pyqtgraph has none).

Only the first series is drawn (one wedge per category), starting at twelve
o'clock and going clockwise, like PowerPoint's pie. The intro sweeps the
wedges round; hovering a wedge pulls it out a little and shows its value.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from briefing.layout.series_marks import SeriesMark, series_marks
from briefing.render.chart_base import ChartItem, Hit
from briefing.render.chart_style import LABEL_SIZE, chart_font, pen, qcolor, wrap_category
from briefing.render.series_look import hatch_brush
from briefing.storyboard.model import Chart
from briefing.storyboard.numbers import format_percent

START_ANGLE = 90.0  # degrees, counter-clockwise from three o'clock (Qt's convention): twelve o'clock
DONUT_HOLE = 0.56  # inner radius / outer radius
POP_OUT = 16  # canvas units a hovered wedge moves out
MIN_INSIDE_DEGREES = 20  # narrower wedges get their label outside
LEGEND_GAP = 56


class PieChart(ChartItem):
    TYPES = ("pie", "donut")

    def _build(self) -> None:
        self.center_label = QGraphicsSimpleTextItem(self)  # a donut's hole names its series
        self.center_label.setFont(chart_font(LABEL_SIZE))
        self.center_label.setBrush(qcolor(self.theme.muted))
        self._spans: list[float] = []  # degrees, clockwise, per category
        self._wedge_values: list[float] = []
        self._center = QPointF()
        self._radius = 1.0

    def _legend_vertical(self) -> bool:
        return True

    @property
    def hole(self) -> float:
        return DONUT_HOLE if self.chart.type == "donut" else 0.0

    def _colors(self) -> list[str]:
        return [self.theme.series_color(i) for i in range(len(self.chart.categories))]

    @property
    def marks(self) -> tuple[SeriesMark, ...]:
        """Each slice's hatch where its colour could be confused with an earlier slice's (as the deck)."""
        return series_marks(self.chart.type, self._colors())

    def _load(self, chart: Chart) -> None:
        entries = list(zip(chart.categories, self._colors(), self.marks, strict=True))
        self.legend.set_entries(entries, self.size().width())
        self.legend.setVisible(chart.show_legend and bool(entries))
        self._make_labels(len(chart.categories) if chart.labels and chart.series else 0, self.theme.text)
        name = chart.series[0].name if chart.series else ""
        self.center_label.setText(wrap_category(name, 12))
        self.center_label.setVisible(bool(self.hole and name))

    def _relayout(self) -> None:
        w, h = self.size().width(), self.size().height()
        legend_w = self.legend.boundingRect().width() + LEGEND_GAP if self.legend.isVisible() else 0.0
        margin = LABEL_SIZE * 2.2  # room for labels outside narrow wedges
        diameter = max(10.0, min(h - 2 * margin, w - legend_w - 2 * margin))
        group_w = diameter + 2 * margin + legend_w
        left = max(0.0, (w - group_w) / 2)
        self._radius = diameter / 2
        self._center = QPointF(left + margin + self._radius, h / 2)
        if self.legend.isVisible():
            box = self.legend.boundingRect()
            self.legend.setPos(left + 2 * margin + diameter + LEGEND_GAP, (h - box.height()) / 2)
        self._place_center_label()
        self.update()

    def _place_center_label(self) -> None:
        label = self.center_label
        box = label.boundingRect()
        fits = box.width() <= 1.7 * self._radius * self.hole
        label.setVisible(bool(self.hole and label.text() and fits))
        label.setPos(self._center.x() - box.width() / 2, self._center.y() - box.height() / 2)

    # ------------------------------------------------------------------ frames
    def _render_frame(self) -> None:
        values = self.current()
        row = np.clip(values[0], 0, None) if values.shape[0] else np.zeros(0)
        total = float(row.sum())
        sweep = self.progress if self.mode == "intro" else 1.0
        self._wedge_values = [float(v) for v in row]
        self._spans = [float(v) / total * 360.0 * sweep if total > 0 else 0.0 for v in row]
        self._place_labels()
        self.update()

    def values(self) -> dict[str, tuple[float, ...]]:
        if not self.chart.series:
            return {}
        return {self.chart.series[0].name: tuple(self._wedge_values)}

    def wedge_angles(self) -> list[float]:
        """Angular size of each wedge in degrees (they add up to 360 when the sweep is done)."""
        return list(self._spans)

    def _starts(self) -> list[float]:
        """Clockwise start of each wedge, in degrees from twelve o'clock."""
        return [float(a) for a in np.concatenate(([0.0], np.cumsum(self._spans)[:-1]))][: len(self._spans)]

    def _direction(self, clockwise_degrees: float) -> QPointF:
        angle = math.radians(START_ANGLE - clockwise_degrees)
        return QPointF(math.cos(angle), -math.sin(angle))

    def _wedge_path(self, start: float, span: float, offset: QPointF) -> QPainterPath:
        r = self._radius
        center = self._center + offset
        outer = QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r)
        path = QPainterPath()
        if not self.hole:
            path.moveTo(center)
            path.arcTo(outer, START_ANGLE - start, -span)
            path.closeSubpath()
            return path
        # a ring sector drawn as one outline (out along the outer arc, back along the inner one):
        # the same shape as the wedge less the hole, without a boolean path operation per paint
        ri = r * self.hole
        inner = QRectF(center.x() - ri, center.y() - ri, 2 * ri, 2 * ri)
        path.arcMoveTo(outer, START_ANGLE - start)
        path.arcTo(outer, START_ANGLE - start, -span)
        path.arcTo(inner, START_ANGLE - start - span, span)
        path.closeSubpath()
        return path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen(self.theme.background, 3))
        hovered = self._hovered[1] if self._hovered else -1
        wedges = zip(self._starts(), self._spans, self._colors(), self.marks, strict=False)
        for i, (start, span, color, mark) in enumerate(wedges):
            if span <= 0:
                continue
            offset = self._direction(start + span / 2) * POP_OUT if i == hovered else QPointF()
            path = self._wedge_path(start, span, offset)
            painter.setBrush(qcolor(color))
            painter.drawPath(path)
            hatch = hatch_brush(mark, color)
            if hatch is not None:  # told apart from a neighbour of a similar colour (series_marks)
                painter.save()
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(hatch)
                painter.drawPath(path)
                painter.restore()

    def _place_labels(self) -> None:
        if not self._labels:
            return
        final = self._target[0]
        ring = (1 + self.hole) / 2 if self.hole else 0.64
        done = self.mode != "intro" or self.progress >= 1
        for i, (start, span) in enumerate(zip(self._starts(), self._spans, strict=True)):
            label = self._labels[i]
            label.setText(self.chart.format_value(final[i]))
            direction = self._direction(start + span / 2)
            inside = span >= MIN_INSIDE_DEGREES and self._fits_inside(label, span, ring)
            if inside:
                label.set_color(self.theme.on_color(self._colors()[i]))
                label.place(self._center + direction * (self._radius * ring), (0.5, 0.5))
            else:
                label.set_color(self.theme.text)
                anchor = (0.0 if direction.x() >= 0 else 1.0, 0.5 - 0.5 * direction.y())
                label.place(self._center + direction * (self._radius + 12), anchor)
            label.setVisible(span > 0 and (done or self.progress > 0.85))

    def _fits_inside(self, label, span: float, ring: float) -> bool:
        chord = 2 * self._radius * ring * math.sin(math.radians(min(span, 180)) / 2)
        box = label.boundingRect()
        thickness = self._radius * (1 - self.hole) if self.hole else self._radius
        return box.width() <= chord * 0.95 and box.height() <= thickness * 0.8

    # ------------------------------------------------------------------ hover
    def _hit(self, pos: QPointF) -> Hit | None:
        d = pos - self._center
        r = math.hypot(d.x(), d.y())
        if r > self._radius + POP_OUT or r < self._radius * self.hole or not self._spans:
            return None
        clockwise = (START_ANGLE - math.degrees(math.atan2(-d.y(), d.x()))) % 360.0
        for i, (start, span) in enumerate(zip(self._starts(), self._spans, strict=True)):
            if start <= clockwise < start + span:
                anchor = self._center + self._direction(start + span / 2) * (self._radius * 0.8)
                return 0, i, anchor
        return None

    def hover_text(self, series: int, point: int) -> str:
        text = super().hover_text(series, point)
        values = np.clip(np.asarray(self.chart.series[series].values, dtype=float), 0, None)
        total = float(values.sum())
        if total <= 0 or self.chart.unit.strip() == "%":
            return text  # values that are percentages already say their share
        return f"{text} ({format_percent(float(values[point]) / total)})"

    def _hover_changed(self) -> None:
        self.update()
