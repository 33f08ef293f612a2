"""A template's SVG pictures: kept when self-contained, left out (their PNG copy stays) otherwise.

PowerPoint 2016 and later save an SVG picture twice: a PNG for older readers (``a:blip``) and
the SVG itself in the picture's ``asvg:svgBlip`` extension. An SVG is a document, not pixels: it
may fetch a picture or a style sheet from a server when drawn (a web beacon), or hold a script.
:func:`svg_hazard` says what an SVG would do beyond drawing itself; such an SVG is left out of
the deck, and the picture shows its PNG (``template_refs`` removes only the extension).

An SVG exported by Illustrator or Inkscape often declares the SVG 1.1 DTD (``<!DOCTYPE svg
PUBLIC ...>``) without using it: :func:`plain_svg` drops the declaration, which nothing reads
(an SVG whose DTD declares entities, or names a DTD elsewhere than the W3C's, is left out).
"""

from __future__ import annotations

import re
from typing import Any

from briefing.export.pptx.template_zip import element_count, parse_xml, serialize

SVG = "image/svg+xml"
#: Where the SVG DTDs an SVG may name (and nothing reads) live.
W3C_DTDS = ("http://www.w3.org/", "https://www.w3.org/")
#: Elements that run something: scripts, event listeners, embedded HTML.
ACTIVE = {"script", "foreignobject", "handler", "listener"}
#: Embedded pictures an SVG may carry inline (a ``data:`` address of these kinds).
INLINE = ("data:image/png", "data:image/jpeg", "data:image/gif")
#: A CSS reference to anything but a fragment of the SVG itself (``url(#gradient)``).
OUTSIDE_CSS = re.compile(r"url\(\s*['\"]?\s*(?!#)|@import", re.IGNORECASE)


def is_svg(content_type: str, name: str) -> bool:
    return content_type.split(";")[0].strip().lower() == SVG or name.lower().endswith(".svg")


def svg_hazard(name: str, blob: bytes) -> str | None:
    """What SVG part ``name`` would do beyond drawing itself, in words; None: nothing."""
    element_count(name, blob)
    root = parse_xml(name, blob, doctype=True)
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None and list(docinfo.internalDTD.iterentities()):
        return "declares entities"
    if docinfo.system_url and not docinfo.system_url.startswith(W3C_DTDS):
        return "fetches from outside"
    for node in root.iter():
        if not isinstance(node.tag, str):
            if _links_a_style_sheet(node):
                return "links a style sheet"
            continue
        if _local(node.tag).lower() in ACTIVE:
            return "holds a script"
        for attribute, value in node.attrib.items():
            found = _attribute_hazard(_local(attribute).lower(), value)
            if found:
                return found
        if _local(node.tag).lower() == "style" and OUTSIDE_CSS.search(node.text or ""):
            return "fetches from outside"
    for sibling in root.itersiblings(preceding=True):
        if _links_a_style_sheet(sibling):
            return "links a style sheet"
    return None


def plain_svg(name: str, blob: bytes) -> bytes:
    """The SVG without its DTD declaration (it is never read)."""
    return serialize(parse_xml(name, blob, doctype=True))


def _attribute_hazard(attribute: str, value: str) -> str | None:
    if attribute.startswith("on"):
        return "holds a script"
    address = value.strip().lower()
    if attribute == "href" and not (address.startswith("#") or address.startswith(INLINE)):
        return "fetches from outside"
    if OUTSIDE_CSS.search(value):  # style="...", fill="url(...)", mask, filter, clip-path
        return "fetches from outside"
    return None


def _links_a_style_sheet(node: Any) -> bool:
    return getattr(node, "target", None) == "xml-stylesheet"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
