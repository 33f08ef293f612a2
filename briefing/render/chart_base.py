"""What every live chart item does, whatever it draws.

A chart item holds two value matrices (series x categories): where the
current animation starts and where it ends. One ``QVariantAnimation`` drives
a progress value 0..1 and each subclass redraws itself from it, so the intro
(bars grow from 0, lines draw in, the pie sweeps) and live data updates
(``set_data`` morphs old values into new ones) are the same mechanism.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEasingCurve, QPointF, QRectF, QVariantAnimation
from PySide6.QtWidgets import QGraphicsItem, QGraphicsWidget

from briefing.layout import Rect
from briefing.layout.series_marks import SeriesMark, series_marks
from briefing.layout.theme import Theme
from briefing.render.chart_hover import HoverTip
from briefing.render.chart_parts import Legend, ValueLabel
from briefing.render.chart_style import INTRO_MS, LABEL_SIZE, MORPH_MS
from briefing.storyboard.model import Chart, format_number

Hit = tuple[int, int, QPointF]  # series, point, where the tip points at (item coordinates)


def value_matrix(chart: Chart) -> np.ndarray:
    """The chart's values as a float array of shape (series, categories)."""
    n = len(chart.categories)
    rows = [np.asarray(s.values, dtype=float)[:n] for s in chart.series]
    if not rows:
        return np.zeros((0, n))
    return np.vstack(rows)


def carried_values(old: Chart, old_values: np.ndarray, new: Chart) -> tuple[np.ndarray, np.ndarray]:
    """Old values laid out like ``new``, matched by series and category name, and where they matched.

    Cells that did not match are 0, so new categories grow from 0; removed
    categories simply vanish.
    """
    result = np.zeros((len(new.series), len(new.categories)))
    carried = np.zeros(result.shape, dtype=bool)
    old_series = {s.name: i for i, s in enumerate(old.series)}
    old_cats = {c: j for j, c in enumerate(old.categories)}
    cat_map = [(j, old_cats[c]) for j, c in enumerate(new.categories) if c in old_cats]
    if not cat_map or old_values.size == 0:
        return result, carried
    new_idx, old_idx = (np.array(ix) for ix in zip(*cat_map, strict=True))
    for s, series in enumerate(new.series):
        source = old_series.get(series.name, s if s < len(old.series) else None)
        if source is not None and source < old_values.shape[0]:
            result[s, new_idx] = old_values[source, old_idx]
            carried[s, new_idx] = True
    return result, carried


class ChartItem(QGraphicsWidget):
    """Base of all live charts: animation, hover tip, value labels, legend.

    Subclasses implement ``_build`` (create their items), ``_relayout`` (fit
    the item's size), ``_render_frame`` (draw ``current()`` at ``progress``),
    ``values`` (read back what is plotted) and ``_hit`` (what is under a point).
    """

    #: chart types this class draws; ``set_data`` accepts any of them
    TYPES: tuple[str, ...] = ()

    def __init__(self, chart: Chart, theme: Theme, rect: Rect, *, animate: bool = True) -> None:
        super().__init__()
        self.theme = theme
        self.chart = chart
        self.interactive = False
        self.mode = "intro"  # "intro" or "morph": what the running animation does
        self.progress = 1.0
        self._final_drawn = False
        self._start = value_matrix(chart)
        self._target = self._start.copy()
        self._labels: list[ValueLabel] = []
        self._hovered: tuple[int, int] | None = None
        self._anim = QVariantAnimation(self)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.valueChanged.connect(self._on_frame)
        self.setAcceptHoverEvents(True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape, False)
        self.setPos(rect.x, rect.y)
        self.resize(rect.w, rect.h)
        self.legend = Legend(self, theme.text, vertical=self._legend_vertical(), background=theme.background)
        self.tip = HoverTip(self, fill=theme.surface, border=theme.grid, text_color=theme.text)
        self._build()
        self._load(chart)
        self._relayout()
        if animate:  # the pre-intro state: bars at 0, nothing drawn yet
            self._start = np.zeros_like(self._target)
        self.progress = 0.0 if animate else 1.0
        self._draw()

    # ------------------------------------------------------------------ public API
    def play_intro(self, duration_ms: int = INTRO_MS) -> None:
        """Start the entrance animation from the empty state."""
        self._start = np.zeros_like(self._target)
        self._run("intro", duration_ms, QEasingCurve.Type.OutCubic)

    def finish_intro(self) -> None:
        """Jump to the final state of whatever animation is running (nothing to do when it shows)."""
        if self._final_drawn and not self.is_animating():
            return  # a scene shown again, or built without animation: drawing it again costs a switch ms
        self._anim.stop()
        self.progress = 1.0
        self._draw()

    def set_data(self, chart: Chart, *, animate: bool = True) -> None:
        """Show new data, morphing from what is on screen over ~400 ms."""
        if chart.type not in self.TYPES:
            raise ValueError(f"a {self.chart.type} chart item cannot show a {chart.type} chart")
        shown = self.current()
        old = self.chart
        self._anim.stop()
        self.chart = chart
        self._start = self._morph_start(*carried_values(old, shown, chart))
        self._target = value_matrix(chart)
        self.clear_hover()
        self._load(chart)
        self._relayout()
        if animate:
            self._run("morph", MORPH_MS, QEasingCurve.Type.InOutCubic)
        else:
            self.progress = 1.0
            self._draw()

    def is_animating(self) -> bool:
        return self._anim.state() == QVariantAnimation.State.Running

    def values(self) -> dict[str, tuple[float, ...]]:
        raise NotImplementedError

    def hover_text(self, series: int, point: int) -> str:
        chart = self.chart
        s = chart.series[series]
        value = chart.format_value(s.values[point])
        return f"{chart.categories[point]} — {s.name}: {value}"

    def hover_at(self, pos: QPointF) -> str | None:
        """Hover at ``pos`` (item coordinates): show and return the tip's text, or None."""
        hit = self._hit(pos)
        if hit is None:
            self.clear_hover()
            return None
        series, point, _anchor = hit
        text = self.hover_text(series, point)
        self.tip.show_at(text, pos, self.rect())
        if self._hovered != (series, point):
            self._hovered = (series, point)
            self._hover_changed()
        return text

    def clear_hover(self) -> None:
        self.tip.hide()
        if self._hovered is not None:
            self._hovered = None
            self._hover_changed()

    def set_interactive(self, on: bool) -> None:
        """Console: wheel zoom and drag pan; audience: the chart stays put."""
        self.interactive = on

    def reset_view(self) -> None:
        """Back to the full view (after zoom/pan)."""

    def zoom_at(self, pos: QPointF, steps: float) -> None:
        """Zoom by wheel ``steps`` around ``pos`` (item coordinates); charts without axes ignore it."""

    def pan_by(self, delta: QPointF) -> None:
        """Pan by ``delta`` (item coordinates); charts without axes ignore it."""

    def label_texts(self) -> list[str]:
        """Texts of the value labels currently visible."""
        return [label.text() for label in self._labels if label.isVisible()]

    def legend_entries(self) -> list[str]:
        return self.legend.entries if self.legend.isVisible() else []

    def current(self) -> np.ndarray:
        """Values at the current animation progress (series x categories)."""
        return self._start + (self._target - self._start) * self.progress

    @property
    def marks(self) -> tuple[SeriesMark, ...]:
        """Each series' hatch, dash or marker shape where colours could be confused (as in the deck)."""
        colors = [self.theme.series_color(i, s.color) for i, s in enumerate(self.chart.series)]
        return series_marks(self.chart.type, colors)

    # ------------------------------------------------------------------ subclass hooks
    def _build(self) -> None:
        raise NotImplementedError

    def _load(self, chart: Chart) -> None:
        """Take a (new) chart: rebuild per-series items, legend and labels."""
        raise NotImplementedError

    def _relayout(self) -> None:
        raise NotImplementedError

    def _render_frame(self) -> None:
        raise NotImplementedError

    def _hit(self, pos: QPointF) -> Hit | None:
        raise NotImplementedError

    def _morph_start(self, start: np.ndarray, carried: np.ndarray) -> np.ndarray:
        """Where a morph starts for cells with no old value (``carried`` False): 0 by default."""
        return start

    def _hover_changed(self) -> None:
        """Hovered element changed (pies pull the wedge out)."""

    def _legend_vertical(self) -> bool:
        return False

    # ------------------------------------------------------------------ helpers
    def _run(self, mode: str, duration_ms: int, easing: QEasingCurve.Type) -> None:
        self._anim.stop()
        self.mode = mode
        self.progress = 0.0
        self._draw()
        self._anim.setDuration(max(1, int(duration_ms)))
        self._anim.setEasingCurve(easing)
        self._anim.start()

    def _draw(self) -> None:
        """Draw ``current()`` at ``progress``; remembers whether that was the final frame."""
        self._render_frame()
        self._final_drawn = self.progress >= 1.0

    def _on_frame(self, value: float) -> None:
        self.progress = float(value)
        self._draw()

    def _make_labels(self, count: int, color: str) -> None:
        self._labels = self._renew_labels(self._labels, count, color)

    def _renew_labels(self, old: list[ValueLabel], count: int, color: str) -> list[ValueLabel]:
        """Drop ``old`` labels, return ``count`` new ones."""
        for label in old:
            label.setParentItem(None)  # type: ignore[arg-type]  # PySide6 stub omits None (Qt: no parent)
            if label.scene() is not None:
                label.scene().removeItem(label)
        return [ValueLabel(self, color, LABEL_SIZE) for _ in range(count)]

    def _declutter(self, order: list[int] | None = None) -> None:
        """Hide labels that would overlap a label placed before them (in ``order``)."""
        placed: list[QRectF] = []
        for k in order if order is not None else range(len(self._labels)):
            label = self._labels[k]
            if not label.isVisible():
                continue
            box = label.mapRectToParent(label.boundingRect()).adjusted(-4, -2, 4, 2)
            if any(box.intersects(other) for other in placed):
                label.hide()
            else:
                placed.append(box)

    def _label_text(self, value: float, final: float) -> str:
        """A label while its number counts up: decimals fixed by the final value."""
        if self.progress >= 1.0:
            return self.chart.format_value(final)
        chart = self.chart
        return format_number(value, prefix=chart.prefix, unit=chart.unit, decimals=chart.value_decimals)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if hasattr(self, "tip"):
            self._relayout()
            self._draw()

    def boundingRect(self) -> QRectF:
        return self.rect()
