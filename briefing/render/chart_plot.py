"""Charts drawn on a pyqtgraph ``PlotItem``: axes, grid, view range, zoom/pan.

The plot is restyled for a slide: transparent, no top/right axes, no buttons
or context menu, big tick fonts in theme colours, grid lines only along the
value axis, and tick labels formatted like the slide's numbers ("$25M").
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF

from briefing.render.chart_base import ChartItem
from briefing.render.chart_hover import InteractionOverlay
from briefing.render.chart_style import (
    LABEL_SIZE,
    LEGEND_BAND,
    TICK_SIZE,
    TITLE_SIZE,
    chart_font,
    css_label,
    pen,
    qcolor,
    wrap_category,
)
from briefing.render.pg_compat import CanvasAxisItem, ViewBoxStandIn, apply_view_range
from briefing.storyboard.model import Chart, format_number
from briefing.storyboard.numbers import tick_decimals, tick_unit

TICK_OFFSET = 14
EDGE_OVERFLOW = 40  # canvas units a tick label may reach past its axis' ends


def nice_step(minimum: float) -> int:
    """Smallest 1/2/5 x 10^k integer step that is at least ``minimum``."""
    if minimum <= 1:
        return 1
    power = 10 ** math.floor(math.log10(minimum))
    for factor in (1, 2, 5, 10):
        if factor * power >= minimum:
            return int(factor * power)
    return int(10 * power)


class SlideAxis(CanvasAxisItem):
    """An axis styled for a slide; it also draws without a view (see ``CanvasAxisItem``)."""

    def boundingRect(self) -> QRectF:
        # pyqtgraph drops tick labels that stick out of this rect: let the first and last
        # ones (the 0 of a value axis, the first category) overflow the axis ends a little
        return super().boundingRect().adjusted(-EDGE_OVERFLOW, -EDGE_OVERFLOW, EDGE_OVERFLOW, EDGE_OVERFLOW)

    def canvas_length(self) -> float:
        size = self.size()
        return size.width() if self.orientation in ("bottom", "top") else size.height()


class CategoryAxis(SlideAxis):
    """Category names at integer positions, thinned out so that they never collide."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.names: list[str] = []
        self._extent = 1.0  # room a label needs along the axis, canvas units

    def set_categories(self, names: tuple[str, ...]) -> None:
        self.names = list(names)  # wrapped lazily: a line may have a million categories
        width, height = self.text_size()
        horizontal = self.orientation in ("bottom", "top")
        self._extent = width + 24 if horizontal else height + 8
        self.setTicks(None)  # the default ticks again: redraws them from tickValues

    def category_label(self, index: int) -> str:
        """Category ``index`` as shown: long names on two lines."""
        return wrap_category(self.names[index], 14 if self.orientation in ("bottom", "top") else 18)

    def _sample(self) -> list[str]:
        n = len(self.names)
        indices = range(n) if n <= 400 else range(0, n, n // 400)
        return [self.category_label(i) for i in indices]

    def text_size(self) -> tuple[float, float]:
        """(widest, tallest) label in canvas units."""
        metrics = QFontMetricsF(chart_font(TICK_SIZE))
        sample = self._sample()
        width = max((metrics.horizontalAdvance(ln) for n in sample for ln in n.split("\n")), default=0)
        lines = max((n.count("\n") + 1 for n in sample), default=1)
        return width, lines * metrics.lineSpacing()

    def tickValues(self, minVal: float, maxVal: float, size: float):
        n = len(self.names)
        minVal, maxVal = sorted((minVal, maxVal))
        if n == 0 or size <= 0 or maxVal <= minVal:
            return []
        length = self.canvas_length() or size
        step = nice_step(self._extent / (length / (maxVal - minVal)))
        first = max(0, math.ceil(minVal))
        last = min(n - 1, math.floor(maxVal))
        first = math.ceil(first / step) * step
        return [(float(step), [float(v) for v in range(first, last + 1, step)])]

    def tickStrings(self, values, scale, spacing):
        n = len(self.names)
        return [self.category_label(round(v)) if 0 <= round(v) < n else "" for v in values]


class ValueAxis(SlideAxis):
    """Numbers formatted like the slide's values: prefix, thousands, unit."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.prefix = ""
        self.unit = ""
        self.enableAutoSIPrefix(False)

    @property
    def tick_unit(self) -> str:
        """Short units ("%", "M", "bn") go on every tick; long ones (" firms") only in the title."""
        return tick_unit(self.unit)

    def tickStrings(self, values, scale, spacing):
        decimals = tick_decimals(spacing)
        return [
            format_number(v * scale + 0.0, prefix=self.prefix, unit=self.tick_unit, decimals=decimals)
            for v in values
        ]

    def tickValues(self, minVal, maxVal, size):
        """pyqtgraph's ticks, thinned out until their labels have room side by side."""
        levels = super().tickValues(minVal, maxVal, size)
        if self.orientation not in ("bottom", "top") or not levels or maxVal == minVal:
            return levels
        spacing, values = levels[0]
        metrics = QFontMetricsF(chart_font(TICK_SIZE))
        widest = max(
            (metrics.horizontalAdvance(t) for t in self.tickStrings(values, 1.0, spacing)), default=0
        )
        per_unit = (self.canvas_length() or size) / abs(maxVal - minVal)
        step = 1
        while spacing * step * per_unit < widest + 32 and step < len(values):
            step *= 2
        if step == 1:
            return levels[:1]
        kept = [v for v in values if round(v / spacing) % step == 0]
        return [(spacing * step, kept)]


class PlotChart(ChartItem):
    """A chart on a pyqtgraph PlotItem. ``CATEGORY_AXIS`` is "bottom", "left" or None (numeric x).

    The PlotItem sits in a ``ViewBoxStandIn`` covering this item, so it works
    in a plain slide scene (see ``briefing.render.pg_compat``).
    """

    CATEGORY_AXIS: str | None = "bottom"
    ZOOM_AXES = (True, False)  # (x, y) axes the wheel zooms and the drag pans

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        theme = self.theme
        cat = self.CATEGORY_AXIS
        self.value_axis = ValueAxis("bottom" if cat == "left" else "left")
        self.cat_axis = CategoryAxis(cat) if cat else ValueAxis("bottom")
        axes = {self.cat_axis.orientation: self.cat_axis, self.value_axis.orientation: self.value_axis}
        self.stand_in = ViewBoxStandIn(self)
        self.plot = pg.PlotItem(parent=self.stand_in, axisItems=axes, enableMenu=False)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.layout.setContentsMargins(0, 10, 24, 0)
        self.view = self.plot.getViewBox()
        self.view.setMouseEnabled(False, False)
        self.view.setMenuEnabled(False)
        self.view.disableAutoRange()
        for axis in (self.cat_axis, self.value_axis):
            axis.setTickFont(chart_font(TICK_SIZE))
            axis.setTextPen(qcolor(theme.muted))
            axis.setStyle(tickLength=0, tickTextOffset=TICK_OFFSET, autoExpandTextSpace=False, maxTickLevel=0)
            axis.setZValue(-200)  # grid lines behind the data (the ViewBox is at -100)
        self.cat_axis.setPen(pen(theme.grid, 2))
        self.value_axis.setPen(pen(theme.grid, 0, alpha=0.0))
        self.value_axis.setTickPen(pen(theme.grid, 1.5))
        self.value_axis.setGrid(255)
        if not cat:  # scatter: grid both ways, both axes numeric
            self.cat_axis.setTickPen(pen(theme.grid, 1.5))
            self.cat_axis.setGrid(255)
        self.overlay = InteractionOverlay(self, self)
        self.view.sigRangeChanged.connect(self._view_changed)
        self.view.sigResized.connect(self._view_changed)

    def _load_axes(self, chart: Chart) -> None:
        self.value_axis.prefix, self.value_axis.unit = chart.prefix, chart.unit
        if isinstance(self.cat_axis, CategoryAxis):
            self.cat_axis.set_categories(chart.categories)
        style = css_label(self.theme.muted, TITLE_SIZE)
        for axis, title in ((self.cat_axis, chart.x_title), (self.value_axis, chart.y_title)):
            if title:
                axis.setLabel(title, **style)
            axis.showLabel(bool(title))
        marks = self.marks
        entries = [
            (s.name, self.theme.series_color(i, s.color), marks[i]) for i, s in enumerate(chart.series)
        ]
        self.legend.set_entries(entries, self.size().width() - 40)
        self.legend.setVisible(chart.show_legend and bool(entries))

    # ------------------------------------------------------------------ geometry
    def _relayout(self) -> None:
        w, h = self.size().width(), self.size().height()
        top = 0.0
        if self.legend.isVisible():
            box = self.legend.boundingRect()
            self.legend.setPos((w - box.width()) / 2, 6)
            top = max(LEGEND_BAND, box.height() + 18)
        self.stand_in.resize(w, h)
        self._fix_axis_sizes()
        self.plot.setGeometry(QRectF(0, top, w, max(10.0, h - top)))
        self.plot.layout.activate()
        self.reset_view()
        self._view_changed()

    def _fix_axis_sizes(self) -> None:
        """Axis sizes from the texts they will show, so the first paint is already right."""
        metrics = QFontMetricsF(chart_font(TICK_SIZE))
        title_room = TITLE_SIZE * 1.7
        for axis in (self.cat_axis, self.value_axis):
            if isinstance(axis, CategoryAxis):
                text_w, text_h = axis.text_size()
            else:
                low, high = self._value_extent(axis)
                texts = axis.tickStrings([low, high, (low + high) / 2], 1.0, 1.0)
                text_w = max(metrics.horizontalAdvance(t) for t in texts)
                text_h = metrics.lineSpacing()
            extra = title_room if axis.label.isVisible() else 0
            if axis.orientation in ("left", "right"):
                axis.setWidth(int(text_w + TICK_OFFSET + extra + 10))
            else:
                axis.setHeight(int(text_h + TICK_OFFSET + extra + 4))

    def _value_extent(self, axis: pg.AxisItem) -> tuple[float, float]:
        x0, x1, y0, y1 = self.home_range()
        return (x0, x1) if axis.orientation in ("bottom", "top") else (y0, y1)

    def home_range(self) -> tuple[float, float, float, float]:
        """(xmin, xmax, ymin, ymax) of the full view, in data coordinates."""
        raise NotImplementedError

    def headroom(self, room: float = LABEL_SIZE * 1.6) -> float:
        """Fraction of the value axis kept free above the top value: ``room`` canvas units for its label."""
        rect = self.view.rect()
        extent = rect.width() if self.CATEGORY_AXIS == "left" else rect.height()
        if extent <= 0:
            extent = max(1.0, self.size().height() * 0.8)
        return min(0.3, room / extent) if self.chart.labels else 0.04

    def reset_view(self) -> None:
        x0, x1, y0, y1 = self.home_range()
        # zoom and pan stay inside the full view, so nobody gets lost in empty space mid-talk
        self.view.setLimits(
            xMin=x0,
            xMax=x1,
            yMin=y0,
            yMax=y1,
            maxXRange=x1 - x0,
            maxYRange=y1 - y0,
            minXRange=(x1 - x0) * 1e-6,
            minYRange=(y1 - y0) * 1e-6,
        )
        self.view.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def view_range(self) -> tuple[tuple[float, float], tuple[float, float]]:
        (x0, x1), (y0, y1) = self.view.viewRange()
        return (x0, x1), (y0, y1)

    def to_item(self, x: float, y: float) -> QPointF:
        """Data coordinates -> this item's coordinates."""
        return self.mapFromItem(self.view, self.view.mapFromView(QPointF(x, y)))

    def to_data(self, pos: QPointF) -> QPointF:
        return self.view.mapToView(self.view.mapFromItem(self, pos))

    def plot_rect(self) -> QRectF:
        """The data area in this item's coordinates."""
        return self.mapRectFromItem(self.view, self.view.rect())

    def _view_changed(self, *args: object) -> None:
        apply_view_range(self.view)  # labels and hover need the new mapping before the next paint
        self.overlay.set_rect(self.plot_rect())
        self._place_labels()

    def _place_labels(self) -> None:
        """Move value labels to their elements (after a frame, zoom or resize)."""

    def _show_label(self, index: int, text: str, point: QPointF, anchor: tuple[float, float]) -> None:
        label = self._labels[index]
        label.setText(text)
        label.place(point, anchor)
        label.setVisible(self.plot_rect().adjusted(-2, -LABEL_SIZE * 2, 2, 2).contains(point))

    # ------------------------------------------------------------------ interaction
    def zoom_at(self, pos: QPointF, steps: float) -> None:
        center = self.to_data(pos)
        scale = 0.85**steps
        zx, zy = self.ZOOM_AXES
        self.view.scaleBy(x=scale if zx else None, y=scale if zy else None, center=center)

    def pan_by(self, delta: QPointF) -> None:
        shift = self.to_data(delta) - self.to_data(QPointF(0, 0))
        zx, zy = self.ZOOM_AXES
        self.view.translateBy(x=-shift.x() if zx else None, y=-shift.y() if zy else None)


def padded_max(values: np.ndarray) -> float:
    """Largest value, or 1 for empty / all-zero data, so a range is never empty."""
    if values.size == 0:
        return 1.0
    top = float(np.nanmax(values))
    return top if top > 0 else 1.0
