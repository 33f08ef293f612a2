"""Mouse input for the tools, from the audience view and the console's current-slide preview.

A :class:`ToolInput` watches one view's viewport (an event filter, so the
windows stay unaware of the tools) and turns mouse positions into canvas
coordinates with the view's own transform: a point on the console preview and
the same point on the audience land on the same canvas position at any window
size. What it takes and what it lets through:

- pen or highlighter: a left-button drag draws and is consumed (it neither
  navigates on the audience nor pans a chart on the console);
- pointer: moves are followed, clicks go on (a left click still advances);
- Ctrl + left button held: the pointer shows until the button is released.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGraphicsView

from briefing.app.tools.state import ToolState
from briefing.ink import Point
from briefing.layout import CANVAS_H, CANVAS_W

_MOUSE = {
    QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
}


def canvas_point(view: QGraphicsView, position: QPointF) -> Point | None:
    """The canvas position under ``position`` (viewport pixels); None off the slide."""
    scene_point = view.mapToScene(position.toPoint())
    x, y = scene_point.x(), scene_point.y()
    if 0 <= x <= CANVAS_W and 0 <= y <= CANVAS_H:
        return (x, y)
    return None


def clamp_to_canvas(view: QGraphicsView, position: QPointF) -> Point:
    """Like :func:`canvas_point`, but a stroke leaving the slide sticks to its edge."""
    scene_point = view.mapToScene(position.toPoint())
    return (min(max(scene_point.x(), 0.0), CANVAS_W), min(max(scene_point.y(), 0.0), CANVAS_H))


class ToolInput(QObject):
    """Tool input from one view; ``slide()`` is the slide it draws on (None: not now)."""

    def __init__(self, view: QGraphicsView, tools: ToolState, slide: Callable[[], int | None]) -> None:
        super().__init__(view)
        self.view, self.tools, self.slide = view, tools, slide
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave:
            if self.tools.drawing is None and not self.tools.flashing:
                self.tools.move_pointer(None)
            return False
        if event.type() not in _MOUSE or not isinstance(event, QMouseEvent):
            return False
        slide = self.slide()
        if slide is None:  # the console previews another slide: the tools rest
            return False
        return self._mouse(event, slide)

    def _mouse(self, event: QMouseEvent, slide: int) -> bool:
        tools, kind = self.tools, event.type()
        left = event.button() == Qt.MouseButton.LeftButton
        tools.move_pointer(canvas_point(self.view, event.position()))
        if kind == QEvent.Type.MouseMove:
            if tools.drawing is not None:
                tools.extend_stroke(clamp_to_canvas(self.view, event.position()))
                return True
            return tools.flashing
        if kind == QEvent.Type.MouseButtonRelease and left:
            if tools.flashing or tools.drawing is not None:
                tools.set_flash(False)
                tools.end_stroke()
                return True
            return False
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick) and left:
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                tools.set_flash(True)
                return True
            if tools.inking:
                tools.begin_stroke(slide, clamp_to_canvas(self.view, event.position()))
                return True
        return False


def tool_cursor(tools: ToolState, full_screen: bool) -> Qt.CursorShape | None:
    """The audience's cursor: a cross for ink, hidden under the pointer and in full screen."""
    if tools.inking:
        return Qt.CursorShape.CrossCursor
    if tools.tool == "pointer" or full_screen:
        return Qt.CursorShape.BlankCursor
    return None
