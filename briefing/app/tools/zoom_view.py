"""Zoom on screen: the audience's camera glides to the region; clicks and drags pick it.

:class:`ZoomCamera` moves the audience view's camera (its transform), never
scales a picture of the slide, so the zoomed slide is drawn again as vectors
and stays sharp. :class:`ZoomInput` watches one view's viewport (an event
filter, so windows stay unaware of zoom): while the presenter picks, a left
click or drag there frames a region in canvas units, mapped through that
view's own camera, so the console preview and the audience agree at any size.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEasingCurve, QEvent, QObject, QPointF, QRectF, Qt, QTimer, QVariantAnimation
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from briefing.app.presenting.deck_state import DeckState
from briefing.app.tools.zoom import ZoomState
from briefing.app.tools.zoom_region import WHOLE_SLIDE, Region, pick_region, region_from_drag
from briefing.layout import CANVAS_H, CANVAS_W
from briefing.render.view import SlideView

ZOOM_MS = 250  # long enough to see where we go, short enough not to wait for it

_MOUSE = {
    QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
}


def _rect(region: Region) -> QRectF:
    return QRectF(region.x, region.y, region.width, region.height)


def _region(rect: QRectF) -> Region:
    return Region(rect.x(), rect.y(), rect.width(), rect.height())


def canvas_point(view: SlideView, position: QPointF) -> tuple[float, float]:
    """The canvas position under ``position`` (viewport pixels), kept on the slide."""
    point = view.mapToScene(position.toPoint())
    return (min(max(point.x(), 0.0), float(CANVAS_W)), min(max(point.y(), 0.0), float(CANVAS_H)))


class RegionOutline(QWidget):
    """A rectangle's outline over a view, letting every click and hover through to the slide.

    Only an outline: the presenter still reads the slide under it, and a
    chart under it on the console still zooms, pans and shows its values.
    """

    def __init__(self, parent: QWidget, color: str) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.color = QColor(color)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        pen = QPen(self.color, 3)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()


class ZoomCamera(QObject):
    """Moves ``view``'s camera to the zoom state's region (animated unless ``duration_ms`` is 0)."""

    def __init__(self, view: SlideView, zoom: ZoomState, *, duration_ms: int = ZOOM_MS) -> None:
        super().__init__(view)
        self.view, self.zoom = view, zoom
        self.animation = QVariantAnimation(self)
        self.animation.setDuration(duration_ms)
        self.animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.valueChanged.connect(self._step)
        self._from = self._to = WHOLE_SLIDE
        zoom.changed.connect(self._on_zoom)

    def _on_zoom(self, changed: set[str]) -> None:
        if "region" not in changed:
            return
        self.animation.stop()
        self._from = _region(self.view.shown_region())
        self._to = self.zoom.region or WHOLE_SLIDE
        if self._from == self._to or self.animation.duration() == 0:
            self._show(self._to)
        else:
            self.animation.start()

    def _step(self, value: object) -> None:
        self._show(self._from.lerp(self._to, float(value)))  # type: ignore[arg-type]

    def _show(self, region: Region) -> None:
        self.view.show_region(None if region == WHOLE_SLIDE else _rect(region))

    def dispose(self) -> None:
        self.animation.stop()
        self.zoom.changed.disconnect(self._on_zoom)


class ZoomInput(QObject):
    """Picks the zoom region with the mouse on one view while the presenter is picking.

    ``slide()`` says whether this view shows the audience's slide now (None:
    it previews another one, so it picks nothing). With ``frame`` the view also
    outlines the region the audience sees (the console's preview does).
    """

    def __init__(
        self, view: SlideView, zoom: ZoomState, slide: Callable[[], int | None], *, frame: bool = False
    ) -> None:
        super().__init__(view)
        self.view, self.zoom, self.slide = view, zoom, slide
        self.rubber_band = RegionOutline(view.viewport(), "#4FC3F7")  # the region being framed
        self.frame = RegionOutline(view.viewport(), "#F5A623") if frame else None  # what the audience sees
        self._start: tuple[float, float] | None = None
        self._cursor: Qt.CursorShape | None = None
        self._redraw = QTimer(self)  # after a resize, once the view has fitted its camera again
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(0)
        self._redraw.timeout.connect(self.draw_frame)
        view.viewport().installEventFilter(self)
        zoom.changed.connect(self._on_zoom)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.frame is not None:
            self._redraw.start()
        if event.type() not in _MOUSE or not isinstance(event, QMouseEvent):
            return False
        if not self.zoom.picking or self.slide() is None:
            return False
        return self._mouse(event)

    def _mouse(self, event: QMouseEvent) -> bool:
        point = canvas_point(self.view, event.position())
        kind = event.type()
        if kind == QEvent.Type.MouseMove:
            if self._start is not None:
                self._band(region_from_drag(self._start, point))
            return True
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if kind == QEvent.Type.MouseButtonRelease:
            start, self._start = self._start, None
            self.rubber_band.hide()
            if start is not None:
                self.zoom.pick(pick_region(start, point))
            return True
        self._start = point  # press or double-click
        return True

    def _band(self, region: Region) -> None:
        self.rubber_band.setGeometry(self.view.mapFromScene(_rect(region)).boundingRect())
        self.rubber_band.show()
        self.rubber_band.raise_()

    def _on_zoom(self, changed: set[str]) -> None:
        if "picking" in changed:
            self._start = None
            self.rubber_band.hide()
            self._picking_cursor(self.zoom.picking)
        self.draw_frame()

    def _picking_cursor(self, on: bool) -> None:
        """A cross while picking (even on a full-screen audience, whose cursor is hidden)."""
        viewport = self.view.viewport()
        if on:
            own = viewport.testAttribute(Qt.WidgetAttribute.WA_SetCursor)
            self._cursor = viewport.cursor().shape() if own else None
            viewport.setCursor(Qt.CursorShape.CrossCursor)
        elif self._cursor is not None:
            viewport.setCursor(self._cursor)
        else:
            viewport.unsetCursor()

    def draw_frame(self) -> None:
        if self.frame is None:
            return
        region = self.zoom.region
        if region is None or self.slide() is None:
            self.frame.hide()
            return
        self.frame.setGeometry(self.view.mapFromScene(_rect(region)).boundingRect())
        self.frame.show()
        self.frame.raise_()

    def dispose(self) -> None:
        self._redraw.stop()
        self.zoom.changed.disconnect(self._on_zoom)
        self.view.viewport().removeEventFilter(self)


class PresenterZoom:
    """Zoom put together: the state, the audience's camera, picking on both views.

    The controller makes one, hands it the audience view and the console's
    current-slide preview once they exist, and performs :meth:`toggle` and
    :meth:`escape` for the zoom key and Esc.
    """

    def __init__(self, deck: DeckState, *, animate: bool = True) -> None:
        self.deck = deck
        self.state = ZoomState(deck)
        self.animate = animate
        self.camera: ZoomCamera | None = None
        self.inputs: list[ZoomInput] = []

    def attach(self, audience_view: SlideView, console_view: SlideView) -> None:
        deck = self.deck
        self.camera = ZoomCamera(audience_view, self.state, duration_ms=ZOOM_MS if self.animate else 0)
        console_slide = lambda: None if deck.previewing else deck.current  # noqa: E731
        self.inputs = [
            ZoomInput(audience_view, self.state, lambda: deck.current),
            ZoomInput(console_view, self.state, console_slide, frame=True),
        ]
        deck.changed.connect(self._on_deck)

    def toggle(self) -> None:
        self.state.toggle()

    def escape(self) -> bool:
        """Esc leaves zoom first; False when zoom was off."""
        return self.state.escape()

    def _on_deck(self, changed: set[str]) -> None:
        for zoom_input in self.inputs:
            zoom_input.draw_frame()  # a preview of another slide shows no frame

    def dispose(self) -> None:
        self.deck.changed.disconnect(self._on_deck)
        for zoom_input in self.inputs:
            zoom_input.dispose()
        if self.camera is not None:
            self.camera.dispose()
        self.state.dispose()
