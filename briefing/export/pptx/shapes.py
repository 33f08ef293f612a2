"""Decorations and pictures: the layout's :class:`ShapeBox` es and image rectangles."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from briefing.errors import ExportError
from briefing.export.pptx import xml
from briefing.export.pptx.alt_text import set_alt_text
from briefing.export.pptx.style import DeckStyle, rect_emu
from briefing.layout import Rect, ShapeBox
from briefing.storyboard.images import picture_of, pillow_limits
from briefing.storyboard.model import Image

_GEOMETRY = {"rect": "rect", "rounded": "roundRect", "ellipse": "ellipse"}
CORNER_RADIUS = 16  # canvas units, as the app rounds its cards


def decoration_xml(shape_id: int, box: ShapeBox, style: DeckStyle) -> str:
    """A filled shape, no outline, no theme style (so no shadow), marked decorative."""
    name = xml.attr(f"{box.role.replace('-', ' ').title()} {shape_id}")
    adjust = ""
    if box.kind == "rounded" and min(box.rect.w, box.rect.h) > 0:
        ratio = min(0.5, CORNER_RADIUS / min(box.rect.w, box.rect.h))
        adjust = f'<a:gd name="adj" fmla="val {round(ratio * 100000)}"/>'
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={name}>{xml.DECORATIVE}</p:cNvPr>'
        "<p:cNvSpPr/><p:nvPr/></p:nvSpPr>"
        f'<p:spPr>{xml.xfrm(box.rect)}<a:prstGeom prst="{_GEOMETRY[box.kind]}"><a:avLst>{adjust}</a:avLst>'
        f"</a:prstGeom>{xml.solid_fill(style.fill_color_xml(box.fill))}<a:ln><a:noFill/></a:ln></p:spPr>"
        "</p:sp>"
    )


def add_decoration(tree: Any, shape_id: int, box: ShapeBox, style: DeckStyle) -> Any:
    element = xml.parse(decoration_xml(shape_id, box, style))
    tree.append(element)
    return element


def add_picture(shapes: Any, image: Image, rect: Rect, alt: str) -> Any:
    """The loader's checked picture (storyboard/images.py): the bytes the app draws, upright."""
    checked = picture_of(image)
    name = Path(image.path).name
    try:
        if checked is None:
            raise OSError("it cannot be read")
        with pillow_limits():  # python-pptx opens it with Pillow; a checked 108 MP photo is fine
            picture = shapes.add_picture(io.BytesIO(checked.output_bytes()), *rect_emu(rect))
    except (OSError, ValueError) as error:  # PIL's UnidentifiedImageError is an OSError
        raise ExportError(f"cannot put image {name} into the deck: {error}") from error
    picture.name = f"Picture {picture.shape_id}"
    set_alt_text(picture, alt)
    return picture
