"""Decorations and pictures: the layout's :class:`ShapeBox` es and image rectangles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pptx.enum.shapes import MSO_SHAPE

from briefing.export.pptx.alt_text import mark_decorative, set_alt_text
from briefing.export.pptx.style import DeckStyle, rect_emu
from briefing.layout import Rect, ShapeBox

_AUTO_SHAPES = {
    "rect": MSO_SHAPE.RECTANGLE,
    "rounded": MSO_SHAPE.ROUNDED_RECTANGLE,
    "ellipse": MSO_SHAPE.OVAL,
}
CORNER_RADIUS = 16  # canvas units, as the app draws rounded cards


def add_decoration(shapes: Any, box: ShapeBox, style: DeckStyle) -> Any:
    """A filled shape with no outline, no shadow, marked decorative for screen readers."""
    shape = shapes.add_shape(_AUTO_SHAPES[box.kind], *rect_emu(box.rect))
    shape.name = f"{box.role.title()} {shape.shape_id}"
    shape.fill.solid()
    style.fill_color(shape.fill.fore_color, box.fill)
    shape.line.fill.background()
    shape.shadow.inherit = False
    if box.kind == "rounded" and min(box.rect.w, box.rect.h) > 0:
        shape.adjustments[0] = min(0.5, CORNER_RADIUS / min(box.rect.w, box.rect.h))
    mark_decorative(shape)
    return shape


def add_picture(shapes: Any, path: Path, rect: Rect, alt: str) -> Any:
    picture = shapes.add_picture(str(path), *rect_emu(rect))
    picture.name = f"Picture {picture.shape_id}"
    set_alt_text(picture, alt)
    return picture
