"""Painting a template's fills on the coarse grid ``template_colors`` samples text backgrounds from.

A fill is a :class:`~briefing.export.pptx.color_xml.Paint`: one colour or a linear gradient,
either with an opacity (``a:alpha``: translucent bubbles and veils over a background are
common artwork), on a rectangle or an ellipse. Painted with Pillow, cell by cell.
"""

from __future__ import annotations

import itertools
import math

from PIL import Image as PILImage
from PIL import ImageDraw

from briefing.export.pptx.color_xml import Paint
from briefing.layout.contrast import hex_to_rgb

Box = tuple[int, int, int, int]  # left, top, right, bottom in grid cells (may reach past the grid)


def paint_fill(grid: PILImage.Image, box: Box, paint: Paint, *, ellipse: bool = False) -> bool:
    """Paint ``paint`` into ``box`` over what ``grid`` shows; False when nothing of it is visible."""
    left, top = max(0, box[0]), max(0, box[1])
    right, bottom = min(grid.width, box[2]), min(grid.height, box[3])
    if right <= left or bottom <= top:
        return False
    layer, mask = _layer_and_mask(box, paint)
    if ellipse:
        shape = PILImage.new("L", layer.size, 0)
        ImageDraw.Draw(shape).ellipse((0, 0, layer.width - 1, layer.height - 1), fill=255)
        mask = PILImage.composite(mask, shape, shape)
    crop = (left - box[0], top - box[1], right - box[0], bottom - box[1])
    grid.paste(layer.crop(crop), (left, top), mask.crop(crop))
    return True


def _size(box: Box) -> tuple[int, int]:
    return max(1, box[2] - box[0]), max(1, box[3] - box[1])


def _at(paint: Paint, t: float) -> tuple[tuple[int, int, int], float]:
    """Colour and opacity of the gradient at ``t`` (0..1 along it)."""
    stops = paint.stops
    if t <= stops[0][0] or len(stops) == 1:
        return hex_to_rgb(stops[0][1]), stops[0][2]
    for (p0, c0, a0), (p1, c1, a1) in itertools.pairwise(stops):
        if t <= p1:
            share = (t - p0) / (p1 - p0) if p1 > p0 else 1.0
            (r0, g0, b0), (r1, g1, b1) = hex_to_rgb(c0), hex_to_rgb(c1)
            r, g, b = (r0 + (r1 - r0) * share, g0 + (g1 - g0) * share, b0 + (b1 - b0) * share)
            rgb = (round(r), round(g), round(b))
            return rgb, a0 + (a1 - a0) * share
    return hex_to_rgb(stops[-1][1]), stops[-1][2]


def _positions(box: Box, angle: float) -> list[float]:
    """Each cell's place along a linear gradient of ``angle`` degrees (DrawingML: clockwise from
    left-to-right), 0 at the box's first corner and 1 at the opposite one."""
    w, h = _size(box)
    dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    values = [((x + 0.5) * dx + (y + 0.5) * dy) for y in range(h) for x in range(w)]
    corners = [cx * dx + cy * dy for cx in (0, w) for cy in (0, h)]
    low, high = min(corners), max(corners)
    span = (high - low) or 1.0
    return [(v - low) / span for v in values]


def _layer_and_mask(box: Box, paint: Paint) -> tuple[PILImage.Image, PILImage.Image]:
    """The fill's colours and its opacity (0..255) over the box's cells."""
    size = _size(box)
    if paint.angle is None:
        first = paint.stops[0]
        return PILImage.new("RGB", size, hex_to_rgb(first[1])), PILImage.new("L", size, round(255 * first[2]))
    cells = [_at(paint, t) for t in _positions(box, paint.angle)]
    layer, mask = PILImage.new("RGB", size), PILImage.new("L", size)
    layer.putdata([rgb for rgb, _ in cells])
    mask.putdata([round(255 * opacity) for _, opacity in cells])
    return layer, mask
