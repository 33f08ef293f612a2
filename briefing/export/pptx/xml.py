"""Small DrawingML builders: shapes are written as XML text and parsed once.

Going through python-pptx's object API costs a few thousand xpath look-ups per
slide; a 200-slide deck then takes longer than the bare python-pptx script
the benchmark compares us with. Shapes we fully control (text boxes,
decorations) are therefore written here as XML strings and parsed with
python-pptx's own parser, so the result is the same element classes.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

from pptx.oxml import parse_xml

from briefing.export.pptx.style import emu
from briefing.layout import Rect

NAMESPACES = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'
)
DECORATIVE = (
    '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
    '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>'
    "</a:ext></a:extLst>"
)


def text(value: str) -> str:
    return escape(value)


def attr(value: str) -> str:
    return quoteattr(value)


def xfrm(rect: Rect) -> str:
    return (
        f'<a:xfrm><a:off x="{emu(rect.x)}" y="{emu(rect.y)}"/>'
        f'<a:ext cx="{emu(rect.w)}" cy="{emu(rect.h)}"/></a:xfrm>'
    )


def solid_fill(color_xml: str) -> str:
    return f"<a:solidFill>{color_xml}</a:solidFill>" if color_xml else ""


def parse(fragment: str) -> Any:
    """Parse a fragment that uses the a:, p:, r: and c: prefixes (declared here)."""
    tag_end = fragment.index(">")
    if fragment[tag_end - 1] == "/":
        tag_end -= 1
    space = fragment.index(" ") if " " in fragment[:tag_end] else tag_end
    return parse_xml(f"{fragment[:space]} {NAMESPACES}{fragment[space:]}")
