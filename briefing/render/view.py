"""A camera on a SlideScene: the whole 16:9 slide, scaled to fit, letterboxed in black."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QResizeEvent, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

from briefing.layout import CANVAS_H, CANVAS_W


class SlideView(QGraphicsView):
    """Shows one slide scene, always whole; ``set_interactive(False)`` for the audience.

    When not interactive, mouse and wheel events never reach the scene, so a
    chart on the projector cannot be zoomed or hovered by accident; they go
    on to the view's parent instead (a click can advance the slide).
    """

    def __init__(self, parent: QWidget | None = None, *, interactive: bool = True) -> None:
        super().__init__(parent)
        self._interactive = interactive
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QColor("#000000"))
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMouseTracking(True)
        self._region: QRectF | None = None  # the part of the canvas shown; None: all of it
        self._apply_interactive()

    def set_slide_scene(self, scene: QGraphicsScene | None) -> None:
        """Look at ``scene`` (or nothing); the slide fills the widget, keeping 16:9."""
        old = self.scene()
        if old is not None and old is not scene and hasattr(old, "set_interactive"):
            old.set_interactive(False)
        self.setScene(scene)
        if scene is not None:
            self.setSceneRect(0, 0, CANVAS_W, CANVAS_H)
            if hasattr(scene, "set_interactive"):
                scene.set_interactive(self._interactive)
        self.fit()

    def set_interactive(self, on: bool) -> None:
        """False: mouse events stay out of the scene (the audience view)."""
        self._interactive = on
        self._apply_interactive()
        scene = self.scene()
        if scene is not None and hasattr(scene, "set_interactive"):
            scene.set_interactive(on)

    def is_interactive(self) -> bool:
        return self._interactive

    def warm(self, scene: QGraphicsScene) -> None:
        """Paint ``scene`` once off screen at this view's size, so its first real paint is quick.

        A scene's first paint costs two to three times a later one: chart axes
        draw their ticks into a picture, glyphs of each size are rasterised and
        cached, label paths are built. The console builds the next slide's scenes
        while the presenter talks and warms them here; the key press then only
        shows a picture already drawn once (issue: a switch within one frame).
        """
        from briefing.render.thumbnails import paint_scene

        size = self.viewport().size()
        if size.width() <= 0 or size.height() <= 0:
            return
        ratio = self.viewport().devicePixelRatioF()  # the same device pixels as the screen (HiDPI)
        image = QImage(size * ratio, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        painter = QPainter(image)
        try:
            paint_scene(scene, painter, QRectF(0, 0, size.width(), size.height()))
        finally:
            painter.end()

    def show_region(self, region: QRectF | None) -> None:
        """Look at ``region`` of the canvas (a zoom), or at the whole slide (None).

        The camera moves, the scene stays vector: text and charts are drawn
        again at the new scale, so a zoomed slide is as sharp as a whole one.
        """
        self._region = QRectF(region) if region is not None else None
        self.fit()

    def shown_region(self) -> QRectF:
        """The part of the canvas the camera frames (the whole canvas when not zoomed)."""
        return QRectF(self._region) if self._region is not None else QRectF(0, 0, CANVAS_W, CANVAS_H)

    def fit(self) -> None:
        """Scale so the framed region (the whole canvas unless zoomed) shows, centred, letterboxed."""
        self.resetTransform()
        if self.scene() is None or self.viewport().width() <= 0 or self.viewport().height() <= 0:
            return
        # not fitInView: it keeps a few pixels of margin; the slide should touch two edges
        region = self.shown_region()
        viewport = self.viewport().rect()
        scale = min(viewport.width() / region.width(), viewport.height() / region.height())
        self.setTransform(QTransform.fromScale(scale, scale))
        self.centerOn(region.center())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fit()

    def _apply_interactive(self) -> None:
        self.setInteractive(self._interactive)

    # Not interactive: mouse events are ignored here, so they never reach the scene
    # and propagate to the parent widget instead (a click on the projector advances).
    def mousePressEvent(self, event) -> None:
        self._forward(event, super().mousePressEvent)

    def mouseReleaseEvent(self, event) -> None:
        self._forward(event, super().mouseReleaseEvent)

    def mouseDoubleClickEvent(self, event) -> None:
        self._forward(event, super().mouseDoubleClickEvent)

    def mouseMoveEvent(self, event) -> None:
        self._forward(event, super().mouseMoveEvent)

    def wheelEvent(self, event) -> None:
        self._forward(event, super().wheelEvent)

    def contextMenuEvent(self, event) -> None:
        self._forward(event, super().contextMenuEvent)

    def _forward(self, event, handler) -> None:
        if self._interactive:
            handler(event)
        else:
            event.ignore()
