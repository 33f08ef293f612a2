"""Large data: a million-point line stays light to pan and zoom.

The frame times are printed (``pytest -s``), not asserted: the benchmark
runner measures them properly. Run the measurement alone with::

    python tests/render/test_charts_large.py
"""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

from briefing.layout import Rect
from briefing.layout.theme import resolve_theme
from briefing.render.charts import make_chart_item
from briefing.storyboard.model import Chart, Series

N = 1_000_000
RECT = Rect(120, 200, 1680, 780)


def million_point_chart(n: int = N) -> Chart:
    rng = np.random.default_rng(7)
    values = np.cumsum(rng.normal(0, 1, n)) + 500
    return Chart(
        type="line",
        categories=tuple(str(i) for i in range(n)),
        series=(Series("Signal", tuple(values.tolist())),),
        y_title="level",
    )


def pan_frames(item, view: QGraphicsView, frames: int = 20) -> list[float]:
    """Milliseconds per frame: pan by a step, repaint the viewport synchronously."""
    times = []
    step = QPointF(-RECT.w / 40, 0)
    for _ in range(frames):
        start = time.perf_counter()
        item.pan_by(step)
        view.viewport().repaint()
        times.append((time.perf_counter() - start) * 1000)
    return times


def build(chart: Chart):
    scene = QGraphicsScene(0, 0, 1920, 1080)
    item = make_chart_item(chart, resolve_theme(), RECT, animate=False)
    scene.addItem(item)
    view = QGraphicsView(scene)
    scene.setParent(view)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.resize(1920, 1080)
    view.show()
    view.fitInView(scene.sceneRect())
    return item, view


@pytest.fixture(scope="module")
def big_chart() -> Chart:
    return million_point_chart()


def test_million_point_line_is_downsampled_and_clipped(qtbot, big_chart):
    item, view = build(big_chart)
    qtbot.addWidget(view)
    curve = item.curves[0]
    assert curve.opts["autoDownsample"] and curve.opts["downsampleMethod"] == "peak"
    assert curve.opts["clipToView"] and curve.opts["skipFiniteCheck"]
    assert item.label_texts() == [] and item.points.count() == 0  # no markers, no labels
    xs, _ = curve.getData()
    assert len(xs) < 20_000  # what is drawn, not the million
    assert len(item.values()["Signal"]) == N


def test_million_point_line_pans_and_zooms(qtbot, big_chart):
    item, view = build(big_chart)
    qtbot.addWidget(view)
    item.set_interactive(True)
    item.zoom_at(item.plot_rect().center(), 8)  # zoom in on x: about 27% of the range
    times = pan_frames(item, view)
    print(f"\n1M-point line, pan frame: median {np.median(times):.1f} ms, max {max(times):.1f} ms")
    (x0, x1), _ = item.view_range()
    assert 0 < x1 - x0 < N
    item.reset_view()
    assert item.view_range()[0] == pytest.approx((0, N - 1))


def test_many_points_hide_markers_but_few_show_them(qtbot):
    many = million_point_chart(51)
    few = million_point_chart(50)
    item_many, view_many = build(many)
    item_few, view_few = build(few)
    qtbot.addWidget(view_many)
    qtbot.addWidget(view_few)
    assert item_many.points.count() == 0 and item_many.label_texts() == []
    assert item_few.points.count() == 50 and item_few.label_texts()


def main() -> None:  # pragma: no cover - manual measurement
    app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    chart = million_point_chart()
    item, view = build(chart)
    app.processEvents()
    print(f"build + first paint: {(time.perf_counter() - start) * 1000:.0f} ms")
    for label, zoom in (("zoomed in 4 wheel steps", 4), ("zoomed in 8 wheel steps", 8)):
        item.reset_view()
        if zoom:
            item.zoom_at(item.plot_rect().center(), zoom)
        times = pan_frames(item, view, 40)
        print(f"{label}: pan frame median {np.median(times):.1f} ms, p90 {np.percentile(times, 90):.1f} ms")


if __name__ == "__main__":  # pragma: no cover
    main()
