"""Small DrawingML builders: shapes are written as XML text and parsed once.

Going through python-pptx's object API costs a few thousand xpath look-ups per
slide; a 200-slide deck then takes longer than the bare python-pptx script
the benchmark compares us with. Shapes we fully control (text boxes,
decorations) are therefore written here as XML strings and parsed with
python-pptx's own parser, so the result is the same element classes.
"""

from __future__ import annotations

import re
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


#: Characters XML 1.0 cannot hold at all (C0 controls but tab and line ends, lone surrogates,
#: U+FFFE/U+FFFF): dropped, so any str the writer is handed still makes a well-formed part.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Line ends a YAML escape or a pasted text may hold; each becomes one ``a:br``.
_LINE_END = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def xml_safe(value: str) -> str:
    """``value`` without the characters XML 1.0 forbids."""
    return _NOT_XML.sub("", value)


def lines(value: str) -> list[str]:
    """``value``'s lines, split at any line end (``\\n``, ``\\r\\n``, U+2028 ...)."""
    return _LINE_END.split(xml_safe(value))


def text(value: str) -> str:
    """Element text: XML-safe and escaped; a line end becomes a plain space (use :func:`runs` for breaks)."""
    return escape(" ".join(lines(value)))


def attr(value: str) -> str:
    return quoteattr(" ".join(lines(value)))


def runs(value: str, r_pr: str) -> str:
    """Runs showing ``value``, each line end a line break (``a:br``) in the same paragraph.

    A raw line feed in ``a:t`` is shown by PowerPoint as a box or nothing; the app breaks the
    line there, so the deck does too. ``r_pr`` (an ``a:rPr`` element) styles runs and breaks.
    """
    parts = []
    for index, line in enumerate(lines(value)):
        if index:
            parts.append(f"<a:br>{r_pr}</a:br>")
        if line:
            parts.append(f"<a:r>{r_pr}<a:t>{escape(line)}</a:t></a:r>")
    return "".join(parts)


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
