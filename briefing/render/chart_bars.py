"""Bar charts: grouped columns (``bar``), stacked columns (``stacked``), horizontal bars (``hbar``).

Each series is one ``pyqtgraph.BarGraphItem``; its geometry options are the
plotted values, which is what :meth:`values` reads back.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetricsF

from briefing.render.chart_base import Hit
from briefing.render.chart_plot import PlotChart, padded_max
from briefing.render.chart_style import LABEL_SIZE, MIN_LABEL_SIZE, chart_font, qcolor
from briefing.storyboard.model import Chart

GROUP_WIDTH = 0.78  # share of a category slot used by its bars
STACK_WIDTH = 0.56
BAR_FILL = 0.9  # share of a bar's slot that is painted (a thin gap between grouped bars)
LABEL_GAP = 8  # canvas units between a bar's end and its label
MAX_BAR_UNITS = {False: 220.0, True: 110.0}  # thickest bar (canvas units): columns, horizontal bars


def label_width(text: str, size: float = LABEL_SIZE) -> float:
    return QFontMetricsF(chart_font(size, bold=True)).horizontalAdvance(text)


class BarChart(PlotChart):
    """Vertical columns, grouped side by side or stacked."""

    TYPES: tuple[str, ...] = ("bar", "stacked")
    CATEGORY_AXIS: str | None = "bottom"
    ZOOM_AXES = (True, False)
    HORIZONTAL = False

    def _build(self) -> None:
        super()._build()
        self.bars: list[pg.BarGraphItem] = []
        self._bar_pool: list[pg.BarGraphItem] = []
        self._totals: list = []  # stacked charts: each stack's total above it
        if self.HORIZONTAL:
            self.view.invertY(True)  # first category at the top

    @property
    def stacked(self) -> bool:
        return self.chart.type == "stacked"

    def _load(self, chart: Chart) -> None:
        self._load_axes(chart)
        # pyqtgraph items are reused, never removed: removing one from a ViewBox shown by a
        # plain QGraphicsView makes pyqtgraph look for its own GraphicsView and fail
        while len(self._bar_pool) < len(chart.series):
            item = pg.BarGraphItem(x=[0.0], height=[0.0], width=1.0, pen=pg.mkPen(None))
            self.plot.addItem(item)
            self._bar_pool.append(item)
        self.bars = self._bar_pool[: len(chart.series)]
        for i, item in enumerate(self._bar_pool):
            item.setVisible(i < len(chart.series))
        self._paint_bars()
        self._make_labels(self._target.size if chart.labels else 0, self.theme.text)
        self._totals = self._renew_labels(
            self._totals, len(chart.categories) if chart.show_stack_totals else 0, self.theme.text
        )

    def _paint_bars(self) -> None:
        """Series colours; the hovered bar a shade brighter (darker on a light slide)."""
        hovered = self._hovered
        for s, (series, item) in enumerate(zip(self.chart.series, self.bars, strict=True)):
            color = qcolor(self.theme.series_color(s, series.color))
            if hovered is None or hovered[0] != s:
                item.setOpts(brush=color, brushes=None)
                continue
            lit = color.lighter(125) if self.theme.name == "dark" else color.darker(115)
            brushes = [lit if i == hovered[1] else color for i in range(len(self.chart.categories))]
            item.setOpts(brushes=brushes)

    def _hover_changed(self) -> None:
        self._paint_bars()

    # ------------------------------------------------------------------ geometry of bars
    def _geometry(self, values: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
        """(centers, bases, bar width) per series x category for ``values``."""
        n_series, n = values.shape
        slots = np.arange(n, dtype=float)
        per_slot = self._units_per_value(1.0) if self.plot_rect().width() > 0 else 0.0
        # few categories: bars keep a sensible thickness instead of filling the whole slot
        cap = MAX_BAR_UNITS[self.HORIZONTAL] / per_slot if per_slot > 0 else 1.0
        if self.stacked or n_series == 0:
            positive = np.cumsum(np.clip(values, 0, None), axis=0) - np.clip(values, 0, None)
            negative = np.cumsum(np.clip(values, None, 0), axis=0) - np.clip(values, None, 0)
            bases = np.where(values >= 0, positive, negative)
            centers = np.tile(slots, (n_series, 1))
            return centers, bases, min(STACK_WIDTH, cap)
        width = min(GROUP_WIDTH / n_series, cap)
        offsets = -width * n_series / 2 + (np.arange(n_series) + 0.5) * width
        centers = slots[None, :] + offsets[:, None]
        return centers, np.zeros_like(values), width

    def home_range(self) -> tuple[float, float, float, float]:
        values = self._target
        if self.stacked:
            top = padded_max(np.clip(values, 0, None).sum(axis=0))
            low = float(np.clip(values, None, 0).sum(axis=0).min(initial=0.0))
        else:
            top = padded_max(values)
            low = float(min(0.0, values.min(initial=0.0)))
        head = self.headroom()
        span = (top - low) / (1 - head)
        low_end = low - span * head if low < 0 else 0.0
        n = max(1, len(self.chart.categories))
        return self._orient(-0.5, n - 0.5, low_end, low + span if low < 0 else top / (1 - head))

    def headroom(self, room: float = LABEL_SIZE * 1.6) -> float:
        if self.HORIZONTAL and self.chart.labels and not self.stacked:
            widest = max((label_width(self.chart.format_value(v)) for v in self._target.ravel()), default=0)
            room = widest + LABEL_GAP + 12
        return super().headroom(room)

    def _orient(self, c0: float, c1: float, v0: float, v1: float) -> tuple[float, float, float, float]:
        return (v0, v1, c0, c1) if self.HORIZONTAL else (c0, c1, v0, v1)

    # ------------------------------------------------------------------ frames
    def _render_frame(self) -> None:
        values = self.current()
        centers, bases, width = self._geometry(values)
        for s, item in enumerate(self.bars):
            if self.HORIZONTAL:
                item.setOpts(y=centers[s], height=width * BAR_FILL, x0=bases[s], width=values[s])
            else:
                item.setOpts(x=centers[s], width=width * BAR_FILL, y0=bases[s], height=values[s])
        self._place_labels()

    def values(self) -> dict[str, tuple[float, ...]]:
        key = "width" if self.HORIZONTAL else "height"
        return {
            series.name: tuple(float(v) for v in np.atleast_1d(item.opts[key]))
            for series, item in zip(self.chart.series, self.bars, strict=True)
        }

    def _place_labels(self) -> None:
        if not self._labels or not hasattr(self, "bars"):
            return
        values = self.current()
        centers, bases, width = self._geometry(values)
        final = self._target
        texts = [self._label_text(v, f) for v, f in zip(values.ravel(), final.ravel(), strict=True)]
        size = self._label_size(texts, width)
        for k, (s, i) in enumerate(np.ndindex(values.shape)):
            label = self._labels[k]
            label.set_size(size or MIN_LABEL_SIZE)
            value, base, center = float(values[s, i]), float(bases[s, i]), float(centers[s, i])
            if self.stacked:
                self._place_inside(k, texts[k], center, base, value, s)
            else:
                self._place_outside(k, texts[k], center, base + value, value)
            if size == 0:
                label.hide()
        self._declutter()
        self._place_totals(values, centers)

    def _place_totals(self, values: np.ndarray, centers: np.ndarray) -> None:
        if not self._totals:
            return
        nets = values.sum(axis=0)  # the net total (gains minus losses), as the deck labels it
        finals = self._target.sum(axis=0)
        gains, losses = np.clip(values, 0, None).sum(axis=0), np.clip(values, None, 0).sum(axis=0)
        ends = np.where(finals >= 0, gains, losses)
        for i, label in enumerate(self._totals):
            label.setText(self._label_text(nets[i], finals[i]))
            outward = 1.0 if finals[i] >= 0 else -1.0  # beyond the positive end, or below the negative one
            if self.HORIZONTAL:
                point = self.to_item(ends[i], centers[0, i]) + QPointF(LABEL_GAP * outward, 0)
                anchor = (0.0, 0.5) if outward > 0 else (1.0, 0.5)
            else:
                point = self.to_item(centers[0, i], ends[i]) - QPointF(0, LABEL_GAP * outward)
                anchor = (0.5, 1.0) if outward > 0 else (0.5, 0.0)
            label.place(point, anchor)
            label.setVisible(self.plot_rect().adjusted(-2, -LABEL_SIZE * 2, 2, 2).contains(point))

    def total_texts(self) -> list[str]:
        """Totals shown above the stacks (stacked charts)."""
        return [label.text() for label in self._totals if label.isVisible()]

    def _label_size(self, texts: list[str], bar_width: float) -> float:
        """One font size for all labels, shrunk so labels fit their bars; 0: they cannot."""
        slot = self._units_per_value(bar_width)
        if self.HORIZONTAL:
            needed = LABEL_SIZE * 1.15
            return LABEL_SIZE if needed <= slot * 1.05 else (0 if slot < MIN_LABEL_SIZE else MIN_LABEL_SIZE)
        widest = max((label_width(t) for t in texts), default=0.0)
        if widest <= slot * 1.1 or widest == 0:
            return LABEL_SIZE
        size = LABEL_SIZE * slot * 1.1 / widest
        return size if size >= MIN_LABEL_SIZE else 0

    def _units_per_value(self, data_width: float) -> float:
        """Canvas units spanned by ``data_width`` along the category axis."""
        a, b = self.to_item(0, 0), self.to_item(data_width, data_width)
        return abs(b.y() - a.y()) if self.HORIZONTAL else abs(b.x() - a.x())

    def _place_outside(self, k: int, text: str, center: float, end: float, value: float) -> None:
        negative = value < 0
        if self.HORIZONTAL:
            point = self.to_item(end, center) + QPointF(-LABEL_GAP if negative else LABEL_GAP, 0)
            anchor = (1.0, 0.5) if negative else (0.0, 0.5)
        else:
            point = self.to_item(center, end) + QPointF(0, LABEL_GAP if negative else -LABEL_GAP)
            anchor = (0.5, 0.0) if negative else (0.5, 1.0)
        self._show_label(k, text, point, anchor)
        self._labels[k].set_color(self.theme.text)

    def _place_inside(self, k: int, text: str, center: float, base: float, value: float, s: int) -> None:
        mid = base + value / 2
        point = self.to_item(mid, center) if self.HORIZONTAL else self.to_item(center, mid)
        self._show_label(k, text, point, (0.5, 0.5))
        label = self._labels[k]
        fill = self.theme.series_color(s, self.chart.series[s].color)
        label.set_color(self.theme.on_color(fill))
        a = self.to_item(base, base) if self.HORIZONTAL else self.to_item(center, base)
        b = self.to_item(base + value, base) if self.HORIZONTAL else self.to_item(center, base + value)
        room = abs(b.x() - a.x()) if self.HORIZONTAL else abs(b.y() - a.y())
        need = label.boundingRect().width() + 8 if self.HORIZONTAL else label.boundingRect().height()
        if room < need:
            label.hide()

    # ------------------------------------------------------------------ hover
    def _hit(self, pos: QPointF) -> Hit | None:
        if not self.plot_rect().contains(pos):
            return None
        data = self.to_data(pos)
        along, across = (data.y(), data.x()) if self.HORIZONTAL else (data.x(), data.y())
        values = self.current()
        centers, bases, width = self._geometry(values)
        tolerance = self._value_tolerance()
        for s, i in np.ndindex(values.shape):
            low, high = sorted((float(bases[s, i]), float(bases[s, i] + values[s, i])))
            if abs(along - centers[s, i]) <= width / 2 and low - tolerance <= across <= high + tolerance:
                top = high if values[s, i] >= 0 else low
                anchor = (
                    self.to_item(top, float(centers[s, i]))
                    if self.HORIZONTAL
                    else self.to_item(float(centers[s, i]), top)
                )
                return s, i, anchor
        return None

    def _value_tolerance(self) -> float:
        """A few canvas units in value units, so zero-height bars can still be hovered."""
        a, b = self.to_data(QPointF(0, 0)), self.to_data(QPointF(6, 6))
        return abs(b.x() - a.x()) if self.HORIZONTAL else abs(b.y() - a.y())


class HBarChart(BarChart):
    """Horizontal bars, first category at the top."""

    TYPES = ("hbar",)
    CATEGORY_AXIS = "left"
    ZOOM_AXES = (False, True)
    HORIZONTAL = True
