"""A company template's colours as our text meets them: a :class:`Backdrop` per slide role.

For each layout the deck uses (see ``template.open_base``) this reads what is behind the
slide and which colours text gets there:

- the colour scheme of the master's theme part, mapped through the master's ``p:clrMap``
  (or the layout's ``p:clrMapOvr``): ``tx1`` is what our text boxes inherit, ``bg2`` fills
  our cards, ``accent1``.. our accent text and chart series;
- the title colour of the master's ``p:titleStyle``;
- the background (``p:bg`` of the layout, else of the master: a solid, gradient, pattern or
  picture fill, or a ``p:bgRef`` with its colour), painted on a coarse grid, then the
  master's (unless the layout hides them) and the layout's own pictures and filled shapes
  on top, so the colour under any text box can be estimated from the artwork's pixels.

A template is untrusted: a picture that Pillow cannot or should not decode (too large, a
format it does not read, damaged) is left out; colours it does not understand are skipped.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image as PILImage
from pptx.oxml.ns import qn

from briefing.export.pptx.artwork_paint import paint_fill
from briefing.export.pptx.color_xml import ColorResolver, Paint, fill_paint, scheme_of
from briefing.export.pptx.template import Base, open_base
from briefing.layout import CANVAS_W, EMU_PER_UNIT
from briefing.layout.contrast import rgb_to_hex
from briefing.layout.legibility import Artwork, Backdrop, Surface
from briefing.storyboard.images import pillow_limits

GRID = (96, 54)  # cells over the 1920x1080 canvas: 20 x 20 units each
MAX_PICTURE_BYTES = 40_000_000
MAX_PICTURE_PIXELS = 40_000_000  # a template's artwork larger than this is left out, not decoded
CHOICES = ("bg1", "tx1", "bg2", "tx2")


def template_backdrop(path: Path) -> Backdrop:
    """Open ``path`` as ``export --template`` does and describe its surfaces (ExportError if unusable)."""
    return backdrop_of(open_base(path), Path(path).name)


def backdrop_of(base: Base, name: str) -> Backdrop:
    return Backdrop(name, {role: surface_of(layout) for role, layout in base.layouts.items()})


def surface_of(layout: Any) -> Surface:
    master = layout.slide_master
    colors = ColorResolver(scheme_of(master), _color_map(master, layout))
    grid = PILImage.new("RGB", GRID, colors.hex("bg1") or "#FFFFFF")
    drawn = _paint_background(grid, layout, master, colors)
    if layout.element.get("showMasterSp") != "0":
        drawn |= _paint_shapes(grid, master, colors)
    drawn |= _paint_shapes(grid, layout, colors)
    raw = grid.tobytes()
    pixels = tuple(f"#{raw[i]:02X}{raw[i + 1]:02X}{raw[i + 2]:02X}" for i in range(0, len(raw), 3))
    text = colors.hex("tx1") or "#000000"
    return Surface(
        layout=layout.name,
        fill=_mean(grid),
        text=text,
        title=_title_color(master, colors) or text,
        accent=colors.hex("accent1") or text,
        card=colors.hex("bg2") or _mean(grid),
        artwork=Artwork(GRID[0], GRID[1], pixels) if drawn else None,
        choices=tuple((n, c) for n in CHOICES if (c := colors.hex(n))),
        accents=tuple(c for n in range(1, 7) if (c := colors.hex(f"accent{n}"))),
    )


def _color_map(master: Any, layout: Any) -> dict[str, str]:
    own_map = master.element.find(qn("p:clrMap"))
    mapping = dict(own_map.attrib) if own_map is not None else {}
    override = layout.element.find(qn("p:clrMapOvr"))
    if override is not None:
        own = override.find(qn("a:overrideClrMapping"))
        if own is not None:
            mapping = dict(own.attrib)
    return mapping


def _title_color(master: Any, colors: ColorResolver) -> str | None:
    found = master.element.xpath("./p:txStyles/p:titleStyle/a:lvl1pPr/a:defRPr/a:solidFill/*")
    return colors.resolve(found[0]) if found else None


def _mean(grid: PILImage.Image) -> str:
    small = grid.resize((1, 1), PILImage.Resampling.BOX)
    return rgb_to_hex(small.getpixel((0, 0)))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- painting
def _paint_background(grid: PILImage.Image, layout: Any, master: Any, colors: ColorResolver) -> bool:
    """The layout's own background, else the master's; True when it is a picture."""
    for owner in (layout, master):
        background = _in_slide(owner, "p:bg")
        if background is None:
            continue
        properties = background.find(qn("p:bgPr"))
        if properties is not None:
            blip = properties.find(qn("a:blipFill"))
            if blip is not None and _paint_picture(grid, owner.part, blip, (0, 0, *GRID)):
                return True
            paint = fill_paint(properties, colors)
        else:
            reference = background.find(qn("p:bgRef"))
            color = colors.resolve(reference[0]) if reference is not None and len(reference) else None
            paint = Paint(((0.0, color, 1.0),)) if color else None
        if paint is not None:
            paint_fill(grid, (0, 0, *GRID), paint)
        return paint is not None and paint.angle is not None  # a gradient varies: keep its cells
    return False


def _in_slide(owner: Any, tag: str) -> Any | None:
    """``owner``'s ``p:cSld`` child ``tag`` (None when the part has none)."""
    common = owner.element.find(qn("p:cSld"))
    return common.find(qn(tag)) if common is not None else None


Place = Callable[[float, float, float, float], tuple[float, float, float, float]]
MAX_GROUP_DEPTH = 8  # groups nest; an untrusted template cannot make us recurse without end


def _paint_shapes(grid: PILImage.Image, owner: Any, colors: ColorResolver) -> bool:
    """Pictures and filled shapes that are not placeholders, groups included, in z-order;
    True when any was drawn."""
    tree = _in_slide(owner, "p:spTree")
    if tree is None:
        return False
    return _paint_tree(grid, tree, owner.part, colors, lambda x, y, w, h: (x, y, w, h), 0)


def _paint_tree(
    grid: PILImage.Image, tree: Any, part: Any, colors: ColorResolver, place: Place, depth: int
) -> bool:
    drawn = False
    for shape in tree:
        if shape.tag == qn("p:grpSp") and depth < MAX_GROUP_DEPTH:
            inner = _group_place(shape, place)
            if inner is not None:
                drawn |= _paint_tree(grid, shape, part, colors, inner, depth + 1)
            continue
        if shape.tag not in (qn("p:pic"), qn("p:sp")) or shape.xpath("./*[1]/p:nvPr/p:ph"):
            continue
        box = _cells(shape, place)
        if box is None:
            continue
        if shape.tag == qn("p:pic"):
            blip = shape.find(qn("p:blipFill"))
            drawn |= blip is not None and _paint_picture(grid, part, blip, box)
            continue
        paint = _shape_fill(shape, colors)
        if paint is not None:
            ellipse = shape.xpath("./p:spPr/a:prstGeom/@prst") == ["ellipse"]
            drawn |= paint_fill(grid, box, paint, ellipse=ellipse)
    return drawn


def _shape_fill(shape: Any, colors: ColorResolver) -> Paint | None:
    """A shape's own fill, else its theme style's (``p:style/a:fillRef``); None for no fill."""
    properties = shape.find(qn("p:spPr"))
    if properties is None or properties.find(qn("a:noFill")) is not None:
        return None
    own = fill_paint(properties, colors)
    if own or properties.find(qn("a:solidFill")) is not None:
        return own
    reference = shape.xpath("./p:style/a:fillRef")
    if reference and reference[0].get("idx", "0") not in ("0", "1000") and len(reference[0]):
        color = colors.resolve(reference[0][0])
        return Paint(((0.0, color, 1.0),)) if color else None
    return None


def _numbers(element: Any, names: tuple[str, str]) -> tuple[float, float] | None:
    try:
        return float(int(element.get(names[0]))), float(int(element.get(names[1])))
    except (TypeError, ValueError):
        return None


def _group_place(group: Any, place: Place) -> Place | None:
    """How a group's child coordinates land on the slide (``chOff``/``chExt`` onto ``off``/``ext``)."""
    found = group.xpath("./p:grpSpPr/a:xfrm")
    if not found:
        return place
    parts = [found[0].find(qn(f"a:{tag}")) for tag in ("off", "ext", "chOff", "chExt")]
    if any(p is None for p in parts):
        return place
    off, ext = _numbers(parts[0], ("x", "y")), _numbers(parts[1], ("cx", "cy"))
    child_off, child_ext = _numbers(parts[2], ("x", "y")), _numbers(parts[3], ("cx", "cy"))
    if off is None or ext is None or child_off is None or child_ext is None or 0 in child_ext:
        return None
    sx, sy = ext[0] / child_ext[0], ext[1] / child_ext[1]

    def inner(x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
        return place(off[0] + (x - child_off[0]) * sx, off[1] + (y - child_off[1]) * sy, w * sx, h * sy)

    return inner


def _cells(shape: Any, place: Place) -> tuple[int, int, int, int] | None:
    """The grid cells a shape covers (None: no position, or nothing on the slide)."""
    found = shape.xpath("./p:spPr/a:xfrm")
    if not found:
        return None
    offset, extent = found[0].find(qn("a:off")), found[0].find(qn("a:ext"))
    if offset is None or extent is None:
        return None
    position, size = _numbers(offset, ("x", "y")), _numbers(extent, ("cx", "cy"))
    if position is None or size is None:
        return None
    unit = EMU_PER_UNIT * CANVAS_W / GRID[0]
    x, y, w, h = (v / unit for v in place(*position, *size))
    if not all(map(math.isfinite, (x, y, w, h))) or max(abs(x), abs(y), w, h) > 1e9:
        return None
    box = (round(x), round(y), round(x + w), round(y + h))
    inside = box[2] > 0 and box[3] > 0 and box[0] < GRID[0] and box[1] < GRID[1] and w >= 1 and h >= 1
    return box if inside else None


def _paint_picture(grid: PILImage.Image, part: Any, blip_fill: Any, box: tuple[int, int, int, int]) -> bool:
    """Paint the visible part of a picture into ``box`` (grid cells; it may reach past the grid)."""
    blip = blip_fill.find(qn("a:blip"))
    r_id = blip.get(qn("r:embed")) if blip is not None else None
    try:
        image_part = part.related_part(r_id) if r_id else None
    except KeyError:
        return False
    visible = _visible(box)
    if image_part is None or visible is None or len(image_part.blob) > MAX_PICTURE_BYTES:
        return False
    share, (x0, y0, x1, y1) = visible
    picture = _decoded(image_part.blob, share, (x1 - x0, y1 - y0))
    if picture is None:
        return False
    grid.paste(picture.convert("RGB"), (x0, y0), picture.getchannel("A"))
    return True


Share = tuple[float, float, float, float]


def _visible(box: tuple[int, int, int, int]) -> tuple[Share, tuple[int, int, int, int]] | None:
    """Which share of a picture (left, top, right, bottom, 0..1) lands on which grid cells."""
    x0, y0, x1, y1 = box
    seen = (max(0, x0), max(0, y0), min(GRID[0], x1), min(GRID[1], y1))
    if seen[2] <= seen[0] or seen[3] <= seen[1]:
        return None
    w, h = x1 - x0, y1 - y0
    return ((seen[0] - x0) / w, (seen[1] - y0) / h, (seen[2] - x0) / w, (seen[3] - y0) / h), seen


def _decoded(blob: bytes, share: Share, size: tuple[int, int]) -> PILImage.Image | None:
    """``share`` of the picture scaled to ``size`` cells, with alpha (None: not a picture to open)."""
    try:
        with pillow_limits(), PILImage.open(io.BytesIO(blob)) as image:
            width, height = image.size
            if width * height > MAX_PICTURE_PIXELS:
                return None
            image.draft("RGB", (size[0] * 4, size[1] * 4))
            scale_w, scale_h = image.size
            crop = (
                round(share[0] * scale_w),
                round(share[1] * scale_h),
                max(round(share[0] * scale_w) + 1, round(share[2] * scale_w)),
                max(round(share[1] * scale_h) + 1, round(share[3] * scale_h)),
            )
            return image.convert("RGBA").crop(crop).resize(size, PILImage.Resampling.BOX)
    except (
        OSError,
        ValueError,
        SyntaxError,
        PILImage.DecompressionBombError,
        PILImage.DecompressionBombWarning,
    ):
        return None


__all__ = ["backdrop_of", "surface_of", "template_backdrop"]
