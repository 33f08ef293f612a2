"""Ink and the laser pointer drawn as items above the slide, in the slide's own scene.

Items live on the 1920x1080 canvas, so every view of a scene (audience, console
preview, at any window size or zoom) scales them exactly like the slide under
them. :class:`ToolOverlays` puts one :class:`InkItem` and one
:class:`PointerItem` into each audience and console scene the scene cache
builds, and keeps them in step with :class:`ToolState` and :class:`DeckState`.
Drawing repaints only the newest piece of a stroke, so writing stays cheap
while a chart animates.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QRadialGradient
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from briefing.app.presenting.deck_state import DeckState
from briefing.app.tools.state import ToolState
from briefing.ink import Point, Stroke
from briefing.layout import CANVAS_H, CANVAS_W

INK_Z = 1_000_000  # above everything a slide draws (charts, hover labels)
POINTER_RADIUS = 10.0  # canvas px: a bright red dot ...
POINTER_GLOW = 26.0  # ... in a soft red glow, seen on any background
OVERLAY_ROLES = ("audience", "console", "next")  # ink everywhere a slide is shown big
POINTER_ROLES = ("audience", "console")  # the pointer only where the talk is


def scene_index(scene: QGraphicsScene | None) -> int | None:
    """The slide a scene shows (``SlideScene.index``; it follows live reloads)."""
    index = getattr(scene, "index", None)
    return index if isinstance(index, int) else None


def smooth_path(points: list[Point]) -> QPainterPath:
    """A curve through the midpoints of the recorded points: no corners from mouse sampling."""
    path = QPainterPath(QPointF(*points[0]))
    if len(points) == 1:
        path.lineTo(points[0][0] + 0.01, points[0][1])  # a tap still leaves a dot
        return path
    for (x0, y0), (x1, y1) in pairwise(points):
        path.quadTo(x0, y0, (x0 + x1) / 2, (y0 + y1) / 2)
    path.lineTo(*points[-1])
    return path


def stroke_pen(stroke: Stroke) -> QPen:
    color = QColor(stroke.pen.color)
    color.setAlphaF(stroke.pen.opacity)
    cap = Qt.PenCapStyle.FlatCap if stroke.pen.kind == "highlighter" else Qt.PenCapStyle.RoundCap
    return QPen(color, stroke.pen.width, Qt.PenStyle.SolidLine, cap, Qt.PenJoinStyle.RoundJoin)


class InkItem(QGraphicsItem):
    """The ink of the scene's slide, read from the tool state at every paint."""

    def __init__(self, tools: ToolState) -> None:
        super().__init__()
        self.tools = tools
        self._paths: dict[int, tuple[int, QPainterPath, QRectF]] = {}  # id(stroke) -> points, path, bounds
        self.setZValue(INK_Z)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # paint gets exposedRect
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, CANVAS_W, CANVAS_H)

    def strokes(self) -> tuple[Stroke, ...]:
        index = scene_index(self.scene())
        if index is None or not self.tools.ink_visible:
            return ()
        return self.tools.ink.strokes(index)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        strokes = self.strokes()
        if not strokes:
            self._paths.clear()
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        exposed = option.exposedRect  # while drawing: only around the newest points
        alive: dict[int, tuple[int, QPainterPath, QRectF]] = {}
        for stroke in strokes:
            cached = self._paths.get(id(stroke))
            if cached is None or cached[0] != len(stroke.points):
                left, top, right, bottom = stroke.bounds()
                bounds = QRectF(left, top, right - left, bottom - top)
                cached = (len(stroke.points), smooth_path(stroke.points), bounds)
            alive[id(stroke)] = cached
            if cached[2].intersects(exposed):
                painter.setPen(stroke_pen(stroke))
                painter.drawPath(cached[1])
        self._paths = alive

    def update_tail(self, stroke: Stroke) -> None:
        """Repaint only around the last few points of ``stroke`` (it just grew)."""
        tail = Stroke(stroke.pen, stroke.points[-3:])
        left, top, right, bottom = tail.bounds()
        self.update(QRectF(left, top, right - left, bottom - top))


class PointerItem(QGraphicsItem):
    """The laser dot; its position is the pointer's canvas position."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(INK_Z + 1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.hide()

    def boundingRect(self) -> QRectF:
        return QRectF(-POINTER_GLOW, -POINTER_GLOW, 2 * POINTER_GLOW, 2 * POINTER_GLOW)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        glow = QRadialGradient(QPointF(0, 0), POINTER_GLOW)
        core = POINTER_RADIUS / POINTER_GLOW
        glow.setColorAt(0.0, QColor(255, 240, 240))  # white-hot centre
        glow.setColorAt(core * 0.4, QColor(255, 60, 60))
        glow.setColorAt(core, QColor(255, 30, 30))  # a solid red dot ...
        glow.setColorAt(core + 0.12, QColor(255, 30, 30, 110))
        glow.setColorAt(1.0, QColor(255, 0, 0, 0))  # ... fading into the slide
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(glow))
        painter.drawEllipse(QPointF(0, 0), POINTER_GLOW, POINTER_GLOW)


@dataclass
class Overlay:
    role: str
    ink: InkItem
    pointer: PointerItem


class ToolOverlays:
    """Adds the tool items to new scenes and keeps every one of them up to date."""

    def __init__(self, tools: ToolState, state: DeckState) -> None:
        self.tools, self.state = tools, state
        self._overlays: weakref.WeakKeyDictionary[QGraphicsScene, Overlay] = weakref.WeakKeyDictionary()
        tools.changed.connect(self._on_tools)
        state.changed.connect(self._on_deck)

    def decorate(self, role: str, scene: QGraphicsScene) -> None:
        """Scene-cache hook: a scene for ``role`` was just built."""
        if role not in OVERLAY_ROLES or scene in self._overlays:
            return
        overlay = Overlay(role, InkItem(self.tools), PointerItem())
        scene.addItem(overlay.ink)
        scene.addItem(overlay.pointer)
        self._overlays[scene] = overlay
        self._place_pointer(scene, overlay)

    def overlay(self, scene: QGraphicsScene | None) -> Overlay | None:
        return self._overlays.get(scene) if scene is not None else None

    def disconnect(self) -> None:
        self.tools.changed.disconnect(self._on_tools)
        self.state.changed.disconnect(self._on_deck)

    # ------------------------------------------------------------------ observing
    def _on_tools(self, changed: set[str], slide: int | None = None) -> None:
        if changed & {"ink", "visible"}:
            self._repaint_ink(slide if "visible" not in changed else None)
        if changed & {"pointer", "tool"}:
            self._place_pointers()

    def _on_deck(self, changed: set[str]) -> None:
        if changed & {"current", "preview", "storyboard"}:
            self._place_pointers()

    def _repaint_ink(self, slide: int | None) -> None:
        growing = self.tools.drawing
        for scene, overlay in list(self._overlays.items()):
            if slide is not None and scene_index(scene) != slide:
                continue
            if growing is not None and slide is not None and len(growing.points) > 1:
                overlay.ink.update_tail(growing)
            else:
                overlay.ink.update()

    def _place_pointers(self) -> None:
        for scene, overlay in list(self._overlays.items()):
            self._place_pointer(scene, overlay)

    def _place_pointer(self, scene: QGraphicsScene, overlay: Overlay) -> None:
        tools, state = self.tools, self.state
        follows_talk = overlay.role == "audience" or not state.previewing
        on_slide = scene_index(scene) == state.current and follows_talk and overlay.role in POINTER_ROLES
        shown = tools.pointer_shown and on_slide and tools.pointer_at is not None
        if shown and tools.pointer_at is not None:
            overlay.pointer.setPos(QPointF(*tools.pointer_at))
        overlay.pointer.setVisible(shown)
