"""One test per piece of ``briefing.render.pg_compat``: each fails when pyqtgraph changes underneath it."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from chart_samples import RECT, THEME, Stage, sample_chart
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene

from briefing.render.charts import make_chart_item
from briefing.render.pg_compat import (
    TESTED_MINOR,
    ViewBoxStandIn,
    apply_view_range,
    ensure_camera,
    set_curve_antialias,
    set_downsample_factor,
)


def _scene_with(chart_type: str):
    """A plain slide-sized scene holding one final-state chart, and no view."""
    scene = QGraphicsScene(0, 0, 1920, 1080)
    item = make_chart_item(sample_chart(chart_type), THEME, RECT, animate=False)
    scene.addItem(item)
    return scene, item


def test_pyqtgraph_is_the_minor_version_pg_compat_was_written_for():
    # a new minor version: re-run this file, check the renders, then move TESTED_MINOR and the pin
    assert pg.__version__.startswith(TESTED_MINOR + "."), pg.__version__


def test_plot_item_takes_the_stand_in_for_its_view_box_in_a_plain_view(qtbot):
    item, _ = Stage(qtbot)(sample_chart("bar"))
    assert isinstance(item.stand_in, ViewBoxStandIn)
    # pyqtgraph looks for implements("ViewBox") up the tree; else it takes the plain QGraphicsView
    for pg_item in (item.plot, item.view, item.value_axis):  # (PlotItem.getViewBox means its inner box)
        assert pg.GraphicsItem.getViewBox(pg_item) is item.stand_in
    assert item.stand_in.viewRect() == item.rect()  # an identity "view" covering the chart
    assert item.stand_in.mapToItem(item, QPointF(10, 20)) == QPointF(10, 20)


def test_view_range_is_applied_at_once_where_pyqtgraph_waits_for_its_own_scene(qapp):
    scene = QGraphicsScene()
    view = pg.ViewBox()
    scene.addItem(view)
    view.resize(200, 100)
    data = QGraphicsRectItem(0, 0, 1, 1)  # anything drawn in data coordinates
    view.addItem(data)
    view.setRange(xRange=(0, 1), yRange=(0, 10), padding=0)
    apply_view_range(view)
    view.setRange(xRange=(0, 2), yRange=(0, 20), padding=0)
    # pyqtgraph moves the drawn data from GraphicsScene.sigPrepareForPaint, which a plain scene lacks
    assert data.mapToItem(view, QPointF(2, 0)) != QPointF(200, 100)
    apply_view_range(view)
    assert data.mapToItem(view, QPointF(2, 0)) == QPointF(200, 100)
    assert data.mapToItem(view, QPointF(0, 20)) == QPointF(0, 0)


def test_axis_draws_its_ticks_with_no_view_at_all(qapp):
    _scene, item = _scene_with("bar")
    image = QImage(100, 100, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = item.cat_axis.generateDrawSpecs(painter)
        plain = pg.AxisItem("bottom")
        item.cat_axis.parentItem().scene().addItem(plain)
        plain_specs = plain.generateDrawSpecs(painter)
    finally:
        painter.end()
    assert plain_specs is None  # pyqtgraph's own axis gives up without a view: the override is needed
    assert specs is not None
    texts = [text for _rect, _flags, text in specs[2]]
    assert texts == ["Shanghai", "Berlin", "London", "Singapore"]


def _line_thickness(image: QImage, x: int, rows: range, color: QColor) -> int:
    """Pixels of column ``x`` in ``rows`` closer to ``color`` than to the background."""
    background = QColor(THEME.background)

    def distance(a: QColor, b: QColor) -> int:
        return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())

    return sum(
        1
        for y in rows
        if distance(image.pixelColor(x, y), color) < distance(image.pixelColor(x, y), background)
    )


def _rendered_line_thickness(scene: QGraphicsScene, item, width: int) -> int:
    """Thickness in pixels of the first series' line between its 4th and 5th points, at ``width``."""
    scale = width / 1920
    image = QImage(width, round(1080 * scale), QImage.Format.Format_ARGB32)
    image.fill(QColor(THEME.background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, width, 1080 * scale), scene.sceneRect())
    painter.end()
    middle = item.mapToScene(item.to_item(3.5, 0)).x() * scale  # no marker there
    plot = item.mapRectToScene(item.plot_rect())
    rows = range(round(plot.top() * scale), round(plot.bottom() * scale))
    return _line_thickness(image, round(middle), rows, QColor(THEME.series_color(0, None)))


def test_line_keeps_its_canvas_width_in_a_quarter_size_render(qapp):
    scene, item = _scene_with("line")
    item.set_data(sample_chart("line", labels=False), animate=False)
    full, quarter = _rendered_line_thickness(scene, item, 1920), _rendered_line_thickness(scene, item, 480)
    # a cosmetic pen left alone keeps its 5 device pixels in the small render (measured: 10 vs 9 rows)
    assert quarter <= full / 2, (quarter, full)


def _downsampled_length(factor: float) -> int:
    stand_in = ViewBoxStandIn()
    plot = pg.PlotItem(parent=stand_in)
    curve = pg.PlotDataItem()
    plot.addItem(curve)
    set_downsample_factor(curve, factor)
    curve.setDownsampling(auto=True, method="peak")
    plot.setGeometry(QRectF(0, 0, 440, 300))
    plot.layout.activate()
    n = 100_000
    curve.setData(np.arange(n, dtype=float), np.sin(np.arange(n) / 50.0))
    plot.setXRange(0, n - 1, padding=0)
    apply_view_range(plot.getViewBox())
    width = plot.getViewBox().width()
    xs, _ = curve.getData()
    stand_in.deleteLater()
    return len(xs), width


def test_downsample_factor_sets_the_samples_kept_per_pixel(qapp):
    (kept, width), (kept_default, _) = _downsampled_length(1.5), _downsampled_length(5.0)
    assert width > 300
    # peak downsampling keeps two samples (min, max) per bucket, factor buckets per pixel
    assert kept == pytest.approx(2 * 1.5 * width, rel=0.15)
    assert kept_default == pytest.approx(2 * 5.0 * width, rel=0.15)


@pytest.mark.parametrize("on", [False, True])
def test_antialias_option_reaches_the_drawn_curve(qapp, on):
    curve = pg.PlotDataItem()
    set_curve_antialias(curve, on)
    curve.setData([0.0, 1.0, 2.0], [0.0, 1.0, 0.0])
    assert curve.curve.opts["antialias"] is on


def test_camera_gives_an_unseen_scene_canvas_pixels(qapp):
    scene, item = _scene_with("bar")
    assert item.view.deviceTransform_() is None  # pyqtgraph has no device without a view
    ensure_camera(scene)
    ensure_camera(scene)
    assert len(scene.views()) == 1
    item.view.forgetViewWidget()
    device = item.view.deviceTransform_()
    assert device is not None
    assert device.map(QPointF(10, 10)) == item.view.sceneTransform().map(QPointF(10, 10))
