"""Slide scenes as pictures: console previews, the overview grid, PNG export."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView

from briefing.layout import CANVAS_H, CANVAS_W

_HINTS = (
    QPainter.RenderHint.Antialiasing
    | QPainter.RenderHint.TextAntialiasing
    | QPainter.RenderHint.SmoothPixmapTransform
)


def ensure_camera(scene: QGraphicsScene) -> None:
    """Give a scene nobody looks at a hidden full-size view.

    pyqtgraph sizes ticks, grids and axis labels from the device transform of
    a view; a chart in a scene with no view draws a grid line per pixel and
    drops its category labels. Exports and thumbnails of unseen scenes get
    this camera (kept with the scene, never shown).
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


def paint_scene(scene: QGraphicsScene, painter: QPainter, target: QRectF) -> None:
    """Draw the whole slide into ``target`` (letterboxed to 16:9 if the ratio differs)."""
    ensure_camera(scene)
    painter.setRenderHints(_HINTS)
    scene.render(painter, target, QRectF(0, 0, CANVAS_W, CANVAS_H), Qt.AspectRatioMode.KeepAspectRatio)


def render_image(scene: QGraphicsScene, size: QSize) -> QImage:
    """The slide as an image of ``size`` (black bars if not 16:9)."""
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("#000000"))
    painter = QPainter(image)
    try:
        paint_scene(scene, painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    return image


def render_pixmap(scene: QGraphicsScene, width: int) -> QPixmap:
    """A 16:9 thumbnail ``width`` pixels wide."""
    width = max(1, int(width))
    height = max(1, round(width * CANVAS_H / CANVAS_W))
    return QPixmap.fromImage(render_image(scene, QSize(width, height)))
