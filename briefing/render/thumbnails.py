"""Slide scenes as pictures: console previews, the overview grid, PNG export."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsScene

from briefing.layout import CANVAS_H, CANVAS_W

_HINTS = (
    QPainter.RenderHint.Antialiasing
    | QPainter.RenderHint.TextAntialiasing
    | QPainter.RenderHint.SmoothPixmapTransform
)


def paint_scene(scene: QGraphicsScene, painter: QPainter, target: QRectF) -> None:
    """Draw the whole slide into ``target`` (letterboxed to 16:9 if the ratio differs)."""
    from briefing.render.pg_compat import ensure_camera  # here: pyqtgraph loads with the first chart

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
