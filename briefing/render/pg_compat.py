"""Everything briefing does to pyqtgraph beyond its public API, in one place.

Slide scenes are plain ``QGraphicsScene`` objects looked at by plain
``QGraphicsView`` objects (audience, console, previews, exports), not
pyqtgraph's ``GraphicsScene``/``GraphicsView``: those bring their own mouse
handling and range logic, and pyqtgraph assumes one view per scene where a
slide has several. pyqtgraph items still expect a few services from its own
scene and view; the pieces below provide them. Each one leans on pyqtgraph
internals, so each has a test in ``tests/render/test_pg_compat.py`` that fails
when pyqtgraph changes underneath.

Written for pyqtgraph 0.14 and tested with 0.14.0 (pyproject pins
``>=0.14,<0.15``). 0.13 called the device-transform hook ``deviceTransform``
(shadowing Qt's method); 0.14 renamed it ``deviceTransform_``.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPen, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QGraphicsWidget

from briefing.layout import CANVAS_H, CANVAS_W

#: the pyqtgraph minor version this module was written for (tests/render/test_pg_compat.py checks it)
TESTED_MINOR = "0.14"


class ViewBoxStandIn(QGraphicsWidget):
    """The outer "view" of a PlotItem in a plain scene: an identity ViewBox.

    pyqtgraph items walk up their parents for one that ``implements("ViewBox")``
    and, finding none, take ``scene.views()[0]`` to be a pyqtgraph
    ``GraphicsView`` and connect to its signals (``GraphicsItem._updateView``).
    A plain ``QGraphicsView`` has none, so a PlotItem is parented to this item:
    it maps 1:1 to its parent and has the two signals pyqtgraph connects
    (never emitted: the chart itself never moves inside its slide).
    """

    sigRangeChanged = Signal(object, object, object)
    sigTransformChanged = Signal(object)

    def implements(self, interface: str | None = None) -> bool:
        return interface == "ViewBox"

    def innerSceneItem(self) -> ViewBoxStandIn:
        return self

    def viewRect(self) -> QRectF:
        return self.rect()

    def itemBoundsChanged(self, item: object) -> None:
        """pyqtgraph tells a ViewBox when a child's bounds change (to auto-range); nothing to do."""


def apply_view_range(view: pg.ViewBox) -> None:
    """Move the ViewBox's data to its new range now.

    pyqtgraph defers this to its own ``GraphicsScene.sigPrepareForPaint``; a
    slide scene has no such signal, and value labels and hover need the new
    mapping before the next paint.
    """
    view.updateMatrix()


class CanvasAxisItem(pg.AxisItem):
    """An axis that also draws when the scene is rendered without any view.

    pyqtgraph sizes ticks in device pixels (``deviceTransform_``) and draws no
    ticks at all when there is no view; without one, canvas units are the device.
    """

    def deviceTransform_(self) -> QTransform:
        transform = super().deviceTransform_()
        return transform if transform is not None else self.sceneTransform()


def scale_curve_pens(curves: Iterable[pg.PlotDataItem], painter: QPainter) -> None:
    """Give each curve's drawn pen the width of its pen in canvas units for ``painter``.

    Pens inside a ViewBox must be cosmetic (data units differ along x and y),
    so a 5-unit line would stay 5 device pixels in a thumbnail. pyqtgraph
    keeps the pen a ``PlotDataItem`` hands its ``PlotCurveItem`` in that
    item's ``opts["pen"]``; call this before the curves paint (from their
    parent's ``paint``: parents paint before children in every render pass).
    """
    transform = painter.worldTransform()
    scale = abs(transform.m11() * transform.m22() - transform.m12() * transform.m21()) ** 0.5
    for curve in curves:
        drawn = curve.curve.opts.get("pen")
        base = curve.opts["pen"]
        if drawn is None or not isinstance(base, QPen):
            continue
        scaled = QPen(base)
        scaled.setWidthF(max(1.0, base.widthF() * scale))
        curve.curve.opts["pen"] = scaled


def set_downsample_factor(curve: pg.PlotDataItem, factor: float) -> None:
    """Samples kept per pixel of width by auto-downsampling (pyqtgraph's default is 5; no setter)."""
    curve.opts["autoDownsampleFactor"] = factor


def set_curve_antialias(curve: pg.PlotDataItem, on: bool) -> None:
    """Antialias this curve or not (no setter; applied at the next ``setData``)."""
    curve.opts["antialias"] = on


def ensure_camera(scene: QGraphicsScene) -> None:
    """Give a scene nobody looks at a hidden full-size view.

    pyqtgraph sizes ticks, grids and axis labels from the device transform of
    ``scene.views()[0]``; this camera makes that the canvas itself for scenes
    exported or thumbnailed before (or without) being shown, so they draw as
    on a full-size screen. Kept with the scene, never shown.
    """
    if scene.views():
        return
    camera = QGraphicsView(scene)
    camera.setFrameShape(QFrame.Shape.NoFrame)
    camera.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    camera.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    camera.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    camera.resize(CANVAS_W, CANVAS_H)
    camera.setSceneRect(0, 0, CANVAS_W, CANVAS_H)
    scene.destroyed.connect(camera.deleteLater)
    scene._briefing_camera = camera  # type: ignore[attr-defined]  # lives as long as the scene
