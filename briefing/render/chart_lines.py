"""Line, area and scatter charts on ``pyqtgraph.PlotDataItem``.

Built for large series too: curves use peak downsampling and clip-to-view,
skip the finite check, and drop markers and value labels above
``MAX_MARKED_POINTS`` points, so a million-point line still pans smoothly.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF

from briefing.render.chart_base import Hit
from briefing.render.chart_parts import PointsItem
from briefing.render.chart_plot import PlotChart
from briefing.render.chart_style import (
    LABEL_SIZE,
    MAX_MARKED_POINTS,
    chart_font,
    cosmetic_pen,
    qcolor,
    tint,
)
from briefing.render.pg_compat import scale_curve_pens, set_curve_antialias, set_downsample_factor
from briefing.render.series_look import dashed
from briefing.storyboard.model import Chart

LINE_WIDTH = 5.0
LINE_WIDTH_DENSE = 3.0  # dense lines: thinner (a wide pen costs most of a frame)
MARKER_SIZE = 16
HOVER_RADIUS = 48  # canvas units
ANTIALIAS_LIMIT = 20_000
# pyqtgraph keeps ~2 x factor points per pixel of width with peak downsampling (default factor 5);
# 1.5 still shows every peak and makes a 1M-point line draw ~3x faster in software rendering
DOWNSAMPLE_FACTOR = 1.5
AREA_TINT = 0.32  # share of the series colour in an area's fill (the rest is the background)


class LineChart(PlotChart):
    """Lines (and filled areas) over categories; they draw in from left to right."""

    TYPES: tuple[str, ...] = ("line", "area")
    CATEGORY_AXIS: str | None = "bottom"
    ZOOM_AXES = (True, True)

    def _build(self) -> None:
        super()._build()
        self.curves: list[pg.PlotDataItem] = []
        self._curve_pool: list[pg.PlotDataItem] = []
        self._fill_pool: list[pg.PlotDataItem] = []
        self.fills: list[pg.PlotDataItem] = []
        self.plot.setDownsampling(auto=True, mode="peak")
        self.plot.setClipToView(True)
        self.points = PointsItem(self, self.theme.background)

    @property
    def marked(self) -> bool:
        return len(self.chart.categories) <= MAX_MARKED_POINTS

    def x_data(self) -> np.ndarray:
        return np.arange(len(self.chart.categories), dtype=float)

    def _load(self, chart: Chart) -> None:
        self._load_axes(chart)
        self._x = self.x_data()
        self.ZOOM_AXES = (True, chart.type != "area")
        # curves are reused, never removed (see BarChart._load)
        while len(self._curve_pool) < len(chart.series):
            self._curve_pool.append(self._curve())
        self.curves = self._curve_pool[: len(chart.series)]
        for i, curve in enumerate(self._curve_pool):
            curve.setVisible(i < len(chart.series))
            if i >= len(chart.series):
                curve.setData([], [])
        marks = self.marks
        for i, (series, curve) in enumerate(zip(chart.series, self.curves, strict=True)):
            self._style_curve(curve, self.theme.series_color(i, series.color), len(self._x))
            if curve.opts["pen"] is not None and not marks[i].plain:
                curve.setPen(dashed(curve.opts["pen"], marks[i]))
            curve.setZValue(20)
        self._load_fills(chart)
        count = self._target.size if chart.labels and self.marked else 0
        self._make_labels(count, self.theme.text)

    def _curve(self) -> pg.PlotDataItem:
        curve = pg.PlotDataItem(skipFiniteCheck=True)
        self.plot.addItem(curve)  # PlotItem.addItem applies the plot's own downsampling settings: after
        set_downsample_factor(curve, DOWNSAMPLE_FACTOR)
        curve.setDownsampling(auto=True, method="peak")
        curve.setClipToView(True)
        return curve

    def paint(self, painter, option, widget=None) -> None:
        """Keep line widths in canvas units in every view, thumbnails included (see ``scale_curve_pens``)."""
        scale_curve_pens(self.curves, painter)

    def _style_curve(self, curve: pg.PlotDataItem, color: str, n: int) -> None:
        curve.setPen(cosmetic_pen(color, LINE_WIDTH if n <= ANTIALIAS_LIMIT else LINE_WIDTH_DENSE))
        curve.setFillLevel(None)
        set_curve_antialias(curve, n <= ANTIALIAS_LIMIT)

    def _load_fills(self, chart: Chart) -> None:
        """Area fills: opaque tints behind all lines, the largest series furthest back.

        Translucent fills stacked on each other mix into mud; opaque tints in
        size order keep every series' band its own colour and every line visible.
        """
        count = len(chart.series) if chart.type == "area" else 0
        while len(self._fill_pool) < count:
            fill = self._curve()
            fill.setPen(None)
            self._fill_pool.append(fill)
        self.fills = self._fill_pool[:count]
        for i, fill in enumerate(self._fill_pool):
            fill.setVisible(i < count)
            if i >= count:
                fill.setData([], [])
        means = [float(np.nanmean(row)) if row.size else 0.0 for row in self._target[:count]]
        for rank, s in enumerate(np.argsort(means)[::-1]):
            color = self.theme.series_color(int(s), chart.series[s].color)
            fill = self.fills[s]
            fill.setFillLevel(0.0)
            fill.setFillBrush(qcolor(tint(color, self.theme.background, AREA_TINT)))
            fill.setZValue(1 + rank)

    def current(self) -> np.ndarray:
        # lines do not grow during their intro, they draw in
        return self._target if self.mode == "intro" else super().current()

    def _morph_start(self, start: np.ndarray, carried: np.ndarray) -> np.ndarray:
        """A new point on a line starts level with its neighbour rather than dropping to 0."""
        start = start.copy()
        n = start.shape[1]
        index = np.arange(n)
        for s in range(start.shape[0]):
            if not carried[s].any():
                continue
            before = np.maximum.accumulate(np.where(carried[s], index, -1))
            after = np.minimum.accumulate(np.where(carried[s], index, n)[::-1])[::-1]
            use_before = (before >= 0) & ((after == n) | (index - before <= after - index))
            nearest = np.where(use_before, before, after)
            start[s] = np.where(carried[s], start[s], start[s, nearest])
        return start

    def home_range(self) -> tuple[float, float, float, float]:
        n = len(self._x)
        pad = 0.35 if n <= MAX_MARKED_POINTS else 0.0
        x0, x1 = (float(self._x[0]), float(self._x[-1])) if n else (0.0, 1.0)
        if x1 == x0:
            x0, x1 = x0 - 1, x1 + 1
        span = x1 - x0
        return (x0 - pad * span / max(1, n - 1), x1 + pad * span / max(1, n - 1), *self._value_range())

    def _value_range(self) -> tuple[float, float]:
        values = self._target[np.isfinite(self._target)] if self._target.size else np.zeros(1)
        low, high = (float(values.min()), float(values.max())) if values.size else (0.0, 1.0)
        if self.chart.type == "area" or (low >= 0 and low <= 0.4 * high):
            low = min(0.0, low)
        span = (high - low) or abs(high) or 1.0
        head = self.headroom()
        bottom = low if low == 0 else low - span * 0.06
        return bottom, bottom + (high - bottom) / (1 - head)

    # ------------------------------------------------------------------ frames
    def _visible_count(self) -> float:
        """How many points are drawn (fractional while drawing in)."""
        n = len(self._x)
        if self.mode != "intro" or self.progress >= 1:
            return float(n)
        return 1 + self.progress * (n - 1)

    def _render_frame(self) -> None:
        values = self.current()
        shown = self._visible_count()
        whole = math.floor(shown)
        for s, curve in enumerate(self.curves):
            xs, ys = self._x[:whole], values[s, :whole]
            if whole < len(self._x) and whole > 0:
                frac = shown - whole
                tip_x = xs[-1] + (self._x[whole] - xs[-1]) * frac
                tip_y = ys[-1] + (values[s, whole] - ys[-1]) * frac
                xs, ys = np.append(xs, tip_x), np.append(ys, tip_y)
            curve.setData(xs, ys)
            if s < len(self.fills):
                self.fills[s].setData(xs, ys)
        self._place_labels()

    def values(self) -> dict[str, tuple[float, ...]]:
        result = {}
        for series, curve in zip(self.chart.series, self.curves, strict=True):
            _, ys = curve.getOriginalDataset()
            result[series.name] = tuple(float(v) for v in ys) if ys is not None else ()
        return result

    def _marker_groups(self, drawn: int) -> list[tuple[list[QPointF], str, float, str]]:
        """Marker positions (item coordinates) of the points drawn so far."""
        if not self.marked and self.chart.type != "scatter":
            return []
        values = self.current()
        origin, unit = self.to_item(0, 0), self.to_item(1, 1)
        sx, sy = unit.x() - origin.x(), unit.y() - origin.y()
        size = MARKER_SIZE + (6 if self.chart.type == "scatter" else 0)
        marks = self.marks
        groups: list[tuple[list[QPointF], str, float, str]] = []
        for s, series in enumerate(self.chart.series):
            mask = self._shown_mask(drawn)
            px = origin.x() + self._x[mask] * sx
            py = origin.y() + values[s, mask] * sy
            points = [QPointF(float(x), float(y)) for x, y in zip(px, py, strict=True)]
            groups.append((points, self.theme.series_color(s, series.color), size, marks[s].marker))
        return groups

    def _shown_mask(self, drawn: int) -> np.ndarray:
        mask = np.zeros(len(self._x), dtype=bool)
        mask[:drawn] = True
        return mask

    def _place_labels(self) -> None:
        if not hasattr(self, "curves"):
            return
        drawn = math.floor(self._visible_count())
        self.points.set_points(self._marker_groups(drawn), self.plot_rect())
        if not self._labels:
            return
        values, final = self.current(), self._target
        shown = self._shown_mask(drawn)
        every = self._label_stride()
        n = values.shape[1]
        offset, anchor = self._label_offset()
        for k, (s, i) in enumerate(np.ndindex(values.shape)):
            value = float(values[s, i])
            point = self.to_item(float(self._x[i]), value) + offset
            self._show_label(k, self._label_text(value, float(final[s, i])), point, anchor)
            wanted = shown[i] and ((n - 1 - i) % every == 0)
            if not wanted:
                self._labels[k].hide()
        # the latest points matter most: keep their labels when labels collide
        self._declutter(sorted(range(len(self._labels)), key=lambda k: (-(k % n), k // n)))

    def _label_offset(self) -> tuple[QPointF, tuple[float, float]]:
        """Where a label sits relative to its point: above it."""
        return QPointF(0, -(MARKER_SIZE / 2 + 6)), (0.5, 1.0)

    def _label_stride(self) -> int:
        """Label every point when they fit side by side, else every k-th (always the last)."""
        n = len(self._x)
        if n < 2:
            return 1
        from PySide6.QtGui import QFontMetricsF

        metrics = QFontMetricsF(chart_font(LABEL_SIZE, bold=True))
        widest = max(metrics.horizontalAdvance(self.chart.format_value(v)) for v in self._target.ravel())
        spacing = abs(self.to_item(self._x[1], 0).x() - self.to_item(self._x[0], 0).x())
        return max(1, math.ceil((widest + 10) / max(spacing, 1e-6)))

    # ------------------------------------------------------------------ hover
    def _hit(self, pos: QPointF) -> Hit | None:
        if not self.plot_rect().contains(pos) or not len(self._x):
            return None
        x = self.to_data(pos).x()
        i = int(np.clip(np.searchsorted(self._x, x), 0, len(self._x) - 1))
        candidates = {max(0, i - 1), i}
        values = self.current()
        best: Hit | None = None
        best_d: float = HOVER_RADIUS
        for j in candidates:
            for s in range(values.shape[0]):
                point = self.to_item(self._x[j], values[s, j])
                d = math.hypot(point.x() - pos.x(), point.y() - pos.y())
                if d <= best_d:
                    best, best_d = (s, j, point), d
        return best


class ScatterChart(LineChart):
    """Points at numeric x (the categories) and y (the values); they appear left to right."""

    TYPES = ("scatter",)
    CATEGORY_AXIS = None

    def x_data(self) -> np.ndarray:
        return np.asarray(self.chart.x_values, dtype=float)

    def _load(self, chart: Chart) -> None:
        super()._load(chart)
        self.ZOOM_AXES = (True, True)
        self.cat_axis.prefix = self.cat_axis.unit = ""

    def _style_curve(self, curve: pg.PlotDataItem, color: str, n: int) -> None:
        # the curve holds the plotted data (read back by values()); PointsItem draws the points
        curve.setPen(None)
        curve.setFillLevel(None)

    @property
    def marked(self) -> bool:
        return False  # the points are the markers

    def home_range(self) -> tuple[float, float, float, float]:
        xs = self._x if len(self._x) else np.zeros(1)
        x0, x1 = float(xs.min()), float(xs.max())
        span = (x1 - x0) or 1.0
        return (x0 - span * 0.06, x1 + span * 0.06, *self._value_range())

    def _shown_mask(self, drawn: int) -> np.ndarray:
        if self.mode == "intro" and self.progress < 1 and len(self._x):
            x0, x1 = float(self._x.min()), float(self._x.max())
            return self._x <= x0 + (x1 - x0) * self.progress
        return np.ones(len(self._x), dtype=bool)

    def _render_frame(self) -> None:
        values = self.current()
        for s, curve in enumerate(self.curves):
            curve.setData(self._x, values[s])
        self._place_labels()

    def _make_labels(self, count: int, color: str) -> None:
        n = len(self.chart.categories)
        super()._make_labels(self._target.size if self.chart.labels and n <= MAX_MARKED_POINTS else 0, color)

    def _label_stride(self) -> int:
        return 1

    def _label_offset(self) -> tuple[QPointF, tuple[float, float]]:
        return QPointF(MARKER_SIZE / 2 + 10, 0), (0.0, 0.5)  # right of the point

    def _visible_count(self) -> float:
        return float(len(self._x))

    def _hit(self, pos: QPointF) -> Hit | None:
        if not self.plot_rect().contains(pos) or not len(self._x):
            return None
        values = self.current()
        best: Hit | None = None
        best_d: float = HOVER_RADIUS
        origin, unit = self.to_item(0, 0), self.to_item(1, 1)
        sx, sy = unit.x() - origin.x(), unit.y() - origin.y()
        for s in range(values.shape[0]):
            dx = origin.x() + self._x * sx - pos.x()
            dy = origin.y() + values[s] * sy - pos.y()
            dist = np.hypot(dx, dy)
            j = int(np.argmin(dist))
            if dist[j] <= best_d:
                best_d = float(dist[j])
                best = (s, j, self.to_item(self._x[j], values[s, j]))
        return best

    def hover_text(self, series: int, point: int) -> str:
        chart = self.chart
        s = chart.series[series]
        x_name = chart.x_title or "x"
        return f"{s.name} — {x_name} {chart.categories[point]}: {chart.format_value(s.values[point])}"
