"""Where a deck came from, recorded so ``briefing import`` can take a stakeholder's edits back.

Two records, chosen for what LibreOffice Impress 7.4 keeps when it re-saves a deck
as ``.pptx`` (tested in ``tests/review``; PowerPoint keeps custom properties and shape
names as well, tested with decks shaped as it saves them; a Google Slides download
keeps neither, and ``briefing/review/roles.py`` reads its text boxes by place):

* **Custom document properties** (File > Properties > Custom): which storyboard
  text the deck came from (``BriefingStoryboard``: the SHA-256 of the YAML file)
  and a short fingerprint of each slide's title, body and notes at export
  (``BriefingSlides1`` ...; each value under 255 characters, PowerPoint's limit
  in its dialog). LibreOffice keeps custom properties and adds its own.
* **Each slide's storyboard id** in the *name* of its first non-placeholder
  shape (``Rule 3 [briefing:park-scale]``, as the Selection Pane shows it).
  LibreOffice drops slide names, custom tags and placeholder names on re-save,
  but keeps the names of ordinary shapes.

Everything is derived from the storyboard, so re-exports stay byte-identical.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn

from briefing.export.pptx import xml

HASH_PROPERTY = "BriefingStoryboard"
SLIDES_PROPERTY = "BriefingSlides"
MARKER = re.compile(r"\s*\[briefing:([^\]\s]+)\]\s*$")
SOURCES_KEY = "sources"
CHUNK = 240
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def storyboard_digest(path: Path | None) -> str:
    """``sha256:<hex>`` of the storyboard file's bytes, or "" (built in code, or unreadable)."""
    if path is None:
        return ""
    try:
        return "sha256:" + hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


def mark_slide(deck_slide: Any, key: str) -> None:
    """Put ``key`` into the name of the slide's first non-placeholder shape (if it has one)."""
    tree = deck_slide.element.find(qn("p:cSld")).find(qn("p:spTree"))
    for element in tree.xpath("./p:sp[not(p:nvSpPr/p:nvPr/p:ph)]/p:nvSpPr/p:cNvPr"):
        element.set("name", f"{element.get('name', '')} [briefing:{key}]".strip())
        return


def slide_records(entries: Sequence[tuple[str, tuple[str, str, str]]]) -> list[str]:
    """``key=title.body.notes`` per slide, joined with ``;`` into values of at most :data:`CHUNK`
    characters."""
    chunks: list[str] = []
    current = ""
    for key, prints in entries:
        record = f"{key}={'.'.join(prints)}"
        if current and len(current) + 1 + len(record) > CHUNK:
            chunks.append(current)
            current = ""
        current = f"{current};{record}" if current else record
    if current:
        chunks.append(current)
    return chunks


def write_identity(presentation: Any, digest: str, records: Sequence[str]) -> None:
    """Set the custom properties (replacing earlier ones of ours; a template's own stay)."""
    package = presentation.part.package
    part = _custom_part(package)
    if part is not None:
        root = etree.fromstring(part.blob, parser=etree.XMLParser(resolve_entities=False))
    else:
        root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    for prop in root.findall(f"{{{CUSTOM_NS}}}property"):
        if prop.get("name", "").startswith("Briefing"):
            root.remove(prop)
    values = [(HASH_PROPERTY, digest)] if digest else []
    values += [(f"{SLIDES_PROPERTY}{n}", value) for n, value in enumerate(records, start=1)]
    pid = max((int(p.get("pid", "1")) for p in root), default=1)
    for offset, (name, value) in enumerate(values, start=1):
        prop = etree.SubElement(
            root, f"{{{CUSTOM_NS}}}property", fmtid=FMTID, pid=str(pid + offset), name=name
        )
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = xml.xml_safe(value)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if part is None:
        part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, package, blob)
        package.relate_to(part, RT.CUSTOM_PROPERTIES)
    else:
        part.blob = blob


def _custom_part(package: Any) -> Any:
    try:
        return package.part_related_by(RT.CUSTOM_PROPERTIES)
    except KeyError:
        return None
