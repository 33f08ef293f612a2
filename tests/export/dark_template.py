"""Templates whose text colour cannot be read on their own background, built with python-pptx.

``build_dark_template``: a near-black master background and a dark full-slide picture
(artwork), while the theme's text colour stays black (``dk1`` = #000000): what a company
template with dark artwork but a light-slide colour scheme looks like. Our text boxes would
inherit ``tx1`` and come out black on black.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageDraw
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.shapes.picture import CT_Picture
from pptx.util import Emu

DARK = RGBColor(0x10, 0x12, 0x16)


def dark_artwork_png(width: int = 320, height: int = 180) -> bytes:
    """A dark picture: a near-black field with a slightly lighter diagonal band (photo-like artwork)."""
    image = PILImage.new("RGB", (width, height), (12, 14, 20))
    draw = ImageDraw.Draw(image)
    draw.polygon([(0, height), (width // 2, 0), (width, 0), (width // 3, height)], fill=(34, 30, 44))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def build_dark_template(path: Path, *, artwork: bool = True) -> Path:
    """A 16:9 template: near-black background, dark artwork over the whole slide, black text colour."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    master = prs.slide_master
    master.background.fill.solid()
    master.background.fill.fore_color.rgb = DARK
    if artwork:
        _, r_id = master.part.get_or_add_image_part(io.BytesIO(dark_artwork_png()))
        picture = CT_Picture.new_pic(90, "Artwork", "", r_id, 0, 0, prs.slide_width, prs.slide_height)
        master.shapes._spTree.insert(2, picture)  # behind the placeholders, as artwork sits
    prs.save(str(path))
    return path
