"""Ink from the talk as drawings on its slides: one freeform shape per stroke.

PowerPoint keeps a presenter's ink annotations on the slides; we do the same
with python-pptx's ``FreeformBuilder`` (an open polyline through the recorded
points), coloured and sized like the pen, the highlighter translucent as on
screen. The strokes come from the Qt-free :mod:`briefing.ink` model, in canvas
units (1920x1080), and are scaled to the slide's size here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Emu

from briefing.export.pptx.alt_text import set_alt_text
from briefing.export.pptx.internals import color_element
from briefing.ink import Point, Stroke
from briefing.layout import CANVAS_W

Ink = Mapping[int, Sequence[Stroke]]  # slide index in the deck -> its strokes

_SUBPIXELS = 100  # freeform vertices are whole numbers: keep 1/100 of a canvas pixel
INK_NAME = "Ink"


def add_ink(deck_slide: Any, strokes: Sequence[Stroke], slide_width: int) -> list[Any]:
    """Draw ``strokes`` on ``deck_slide`` (``slide_width`` in EMU); returns the new shapes."""
    emu_per_px = slide_width / CANVAS_W
    shapes = []
    for number, stroke in enumerate(strokes, start=1):
        if stroke.points:
            shapes.append(_stroke_shape(deck_slide.shapes, stroke, emu_per_px, number))
    return shapes


def _stroke_shape(shapes: Any, stroke: Stroke, emu_per_px: float, number: int) -> Any:
    vertices = _vertices(stroke.points)
    builder = shapes.build_freeform(vertices[0][0], vertices[0][1], scale=emu_per_px / _SUBPIXELS)
    builder.add_line_segments(vertices[1:], close=False)
    shape = builder.convert_to_shape()
    shape.name = f"{INK_NAME} {number}"
    shape.fill.background()
    line = shape.line
    line.color.rgb = RGBColor.from_string(stroke.pen.color.lstrip("#").upper())
    line.width = Emu(round(stroke.pen.width * emu_per_px))
    if stroke.pen.opacity < 1:
        alpha = etree.SubElement(color_element(line.color), qn("a:alpha"))
        alpha.set("val", str(round(stroke.pen.opacity * 100000)))
    _round_ends(shape, flat=stroke.pen.kind == "highlighter")
    what = "Highlighter" if stroke.pen.kind == "highlighter" else "Pen"
    set_alt_text(shape, f"{what} ink drawn during the talk")
    return shape


def _vertices(points: Sequence[Point]) -> list[tuple[int, int]]:
    """Points in 1/100 canvas px; a single tap becomes a dot (a very short line)."""
    vertices = [(round(x * _SUBPIXELS), round(y * _SUBPIXELS)) for x, y in points]
    if len(vertices) == 1:
        x, y = vertices[0]
        vertices.append((x + _SUBPIXELS // 2, y))
    return vertices


def _round_ends(shape: Any, *, flat: bool) -> None:
    """Round caps and joins, like a felt-tip (a highlighter's ends are square)."""
    ln = shape.element.find(qn("p:spPr")).find(qn("a:ln"))  # there: the width was just set
    ln.set("cap", "flat" if flat else "rnd")
    for old in ln.findall(qn("a:round")):
        ln.remove(old)
    fill = ln.find(qn("a:solidFill"))
    join = etree.Element(qn("a:round"))
    if fill is not None:
        fill.addnext(join)
    else:
        ln.append(join)


def ink_shapes(deck_slide: Any) -> list[Any]:
    """The ink shapes on a slide (tests and re-exports read them back)."""
    return [shape for shape in deck_slide.shapes if shape.name.startswith(f"{INK_NAME} ")]
