"""A 1,000,000-point line chart: frame time while panning.

In a child process: the chart item from ``briefing.render.charts`` (1M points,
no value labels) sits in a 1920x1080 scene shown in a view; each frame pans
the plot by 2% of its width and repaints the viewport synchronously
(``viewport().repaint()``). A plain pyqtgraph ``PlotWidget`` with the same
data is measured the same way, as a reference.
"""

from __future__ import annotations

import argparse
import sys
import time

from tests.bench.common import Context, Row, keep_none_alive, na, run_child, summary, write_child_result

GROUP = "chart 1M"
TARGET = "< 33 ms/frame"
LIMIT_MS = 33.0
POINTS = 1_000_000


def _data():
    import numpy as np

    rng = np.random.default_rng(7)
    return np.cumsum(rng.normal(size=POINTS)) + 100.0


def _frames(repaint, pan, frames: int) -> list[float]:
    out = []
    for _ in range(frames):
        t0 = time.perf_counter()
        pan()
        repaint()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def child_ours(frames: int) -> dict[str, object]:
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

    from briefing.layout import Rect
    from briefing.layout.theme import resolve_theme
    from briefing.storyboard.model import Chart, Series, ThemeSpec

    app = QApplication.instance() or QApplication(sys.argv)
    from briefing.render.charts import make_chart_item

    values = _data()
    t0 = time.perf_counter()
    chart = Chart(
        type="line",
        categories=tuple(str(i) for i in range(POINTS)),
        series=(Series("random walk", tuple(values.tolist())),),
        labels=False,
    )
    t_model = time.perf_counter() - t0
    t0 = time.perf_counter()
    item = _make(make_chart_item, chart, resolve_theme(ThemeSpec()), Rect(120, 220, 1680, 760))
    t_build = time.perf_counter() - t0
    scene = QGraphicsScene(0, 0, 1920, 1080)
    scene.addItem(item)
    view = QGraphicsView(scene)
    view.resize(1920, 1080)
    view.show()
    t0 = time.perf_counter()
    view.viewport().repaint()
    app.processEvents()
    t_first = time.perf_counter() - t0
    width = item.size().width()
    if hasattr(item, "pan_by"):
        pan = lambda: item.pan_by(QPointF(-0.02 * width, 0))  # noqa: E731
    else:
        raise RuntimeError(f"{type(item).__name__} has no pan_by")
    # pan only makes sense zoomed in: show the first 10% of the data
    if hasattr(item, "view"):
        item.view.setXRange(0, POINTS * 0.1, padding=0)
    view.viewport().repaint()
    ms = _frames(view.viewport().repaint, pan, frames)
    return {"frames": summary(ms), "build_s": t_build, "model_s": t_model, "first_paint_s": t_first}


def _make(factory, chart, theme, rect):
    try:
        return factory(chart, theme, rect, animate=False)
    except TypeError:
        return factory(chart, theme, rect)


def child_pyqtgraph(frames: int) -> dict[str, object]:
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    values = _data()
    widget = pg.PlotWidget()
    widget.resize(1920, 1080)
    widget.plot(np.arange(POINTS, dtype=float), values)
    widget.show()
    app.processEvents()
    vb = widget.getViewBox()
    vb.setXRange(0, POINTS * 0.1, padding=0)
    widget.viewport().repaint()
    step = POINTS * 0.1 * 0.02
    ms = _frames(widget.viewport().repaint, lambda: vb.translateBy(x=step), frames)
    return {"frames": summary(ms)}


def measure(ctx: Context) -> list[Row]:
    frames = str(ctx.reps(100, 30))
    rows: list[Row] = []
    for name, which, target in (
        ("1M-point line, pan", "ours", TARGET),
        ("plain pyqtgraph 1M (ref)", "pg", "(info)"),
    ):
        try:
            data = run_child("bench_chart1m", [which, frames], timeout=300)
        except Exception as error:
            rows.append(na(GROUP, name, f"{type(error).__name__}: {error}", target))
            continue
        s = data["frames"]
        row = Row(GROUP, name, value=s["median"], unit="ms", stats=s, target=target, extra=data)
        row.note = f"p95 {s['p95']:.1f} ms, max {s['max']:.1f} ms over {s['n']} frames"
        if which == "ours":
            row.ok = s["median"] < LIMIT_MS
            build, first = data["build_s"] * 1000, data["first_paint_s"] * 1000
            row.note += f"; item built in {build:.0f} ms, first paint {first:.0f} ms"
        rows.append(row)
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--out", required=True)
    parser.add_argument("which", choices=("ours", "pg"))
    parser.add_argument("frames", type=int)
    args = parser.parse_args(argv)
    keep_none_alive()
    result = child_ours(args.frames) if args.which == "ours" else child_pyqtgraph(args.frames)
    write_child_result(args.out, result)
    return 0


if __name__ == "__main__":
    if "--child" in sys.argv:
        sys.exit(main(sys.argv[1:]))
    for r in measure(Context(quick=True)):
        print(r)
