"""Which part of the slide a zoom shows: pure geometry on the 1920x1080 canvas (no Qt).

A region always has the slide's own aspect, so the zoomed audience fills its
screen exactly as the whole slide did, and it always lies inside the slide, so
the audience never sees past the slide's edge. Points and rectangles come in
canvas units: the windows map their mouse positions through their own camera
first, so the console preview and the audience pick the same region at any
window size.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.layout import CANVAS_H, CANVAS_W

CLICK_MAGNIFICATION = 2.0  # a click shows a quarter of the slide, as PowerPoint's magnifier
MAX_MAGNIFICATION = 8.0  # smaller drags still give this much: one label, not one pixel
DRAG_THRESHOLD = 12.0  # canvas units: a shorter drag is a click


@dataclass(frozen=True)
class Region:
    """A rectangle of the canvas (top-left corner and size, canvas units)."""

    x: float
    y: float
    width: float
    height: float

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.height / 2)

    @property
    def magnification(self) -> float:
        return CANVAS_W / self.width

    def lerp(self, other: Region, t: float) -> Region:
        """The region ``t`` of the way (0..1) from this one to ``other`` (the zoom animation)."""
        return Region(
            self.x + (other.x - self.x) * t,
            self.y + (other.y - self.y) * t,
            self.width + (other.width - self.width) * t,
            self.height + (other.height - self.height) * t,
        )


WHOLE_SLIDE = Region(0.0, 0.0, float(CANVAS_W), float(CANVAS_H))


def _centred(cx: float, cy: float, width: float) -> Region:
    """A slide-shaped region ``width`` wide around (cx, cy), slid back inside the slide."""
    width = min(max(width, CANVAS_W / MAX_MAGNIFICATION), float(CANVAS_W))
    height = width * CANVAS_H / CANVAS_W
    x = min(max(cx - width / 2, 0.0), CANVAS_W - width)
    y = min(max(cy - height / 2, 0.0), CANVAS_H - height)
    return Region(x, y, width, height)


def region_around(point: tuple[float, float], magnification: float = CLICK_MAGNIFICATION) -> Region:
    """The region a click at ``point`` zooms to: centred there when it can be, inside the slide."""
    return _centred(point[0], point[1], CANVAS_W / max(magnification, 1.0))


def region_from_drag(start: tuple[float, float], end: tuple[float, float]) -> Region:
    """The region a dragged rectangle zooms to: the smallest slide-shaped one holding it.

    The rectangle is clipped to the slide first; a thin rectangle grows in its
    short direction around its centre, so nothing the presenter framed is cut.
    """
    left, right = sorted((_clip(start[0], CANVAS_W), _clip(end[0], CANVAS_W)))
    top, bottom = sorted((_clip(start[1], CANVAS_H), _clip(end[1], CANVAS_H)))
    width = max(right - left, (bottom - top) * CANVAS_W / CANVAS_H)
    return _centred((left + right) / 2, (top + bottom) / 2, width)


def is_drag(start: tuple[float, float], end: tuple[float, float]) -> bool:
    """Whether the mouse moved far enough between press and release to mean a rectangle."""
    return abs(end[0] - start[0]) >= DRAG_THRESHOLD or abs(end[1] - start[1]) >= DRAG_THRESHOLD


def pick_region(start: tuple[float, float], end: tuple[float, float]) -> Region:
    """A press at ``start`` released at ``end``: a rectangle when dragged, else a click."""
    return region_from_drag(start, end) if is_drag(start, end) else region_around(end)


def _clip(value: float, upper: float) -> float:
    return min(max(value, 0.0), float(upper))
