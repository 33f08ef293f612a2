"""Package rules a schema cannot express, checked on a saved deck.

An XSD validates one part at a time; PowerPoint also refuses (or "repairs") a deck whose
parts disagree with each other: a shape id used twice on one slide, a relationship that
points nowhere, a part without a content type, a slide size that contradicts its type.
:func:`package_problems` lists every such problem as one line (empty: none).
"""

from __future__ import annotations

import posixpath
import zipfile
from collections import Counter
from pathlib import Path

from lxml import etree

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = {"p": P_NS, "r": R_NS, "ct": CT_NS, "rel": REL_NS}

#: ``p:sldSz/@type`` -> (cx, cy) in EMU, per ECMA-376 Part 1, 19.7.5 (ST_SlideSizeType).
SLIDE_SIZE_TYPES = {
    "screen4x3": (9144000, 6858000),
    "screen16x9": (9144000, 5143500),
    "screen16x10": (9144000, 5715000),
    "letter": (9144000, 6858000),
    "A4": (9144000, 6858000),
    "35mm": (10287000, 6858000),
    "overhead": (9144000, 6858000),
    "banner": (7315200, 914400),
    "ledger": (12179300, 9134475),
    "A3": (12801600, 9601200),
    "B4ISO": (10826750, 8120063),
    "B5ISO": (7169150, 5376863),
    "B4JIS": (10287000, 7715250),
    "B5JIS": (7315200, 5486400),
    "hagakiCard": (3600450, 5400675),
}
#: A video or sound is reached by two relationships of its slide, as PowerPoint writes them:
#: ``video`` (or ``audio``) for older readers and ``media`` for PowerPoint 2010 and later.
MEDIA_PAIR = {
    f"{R_NS}/video",
    f"{R_NS}/audio",
    "http://schemas.microsoft.com/office/2007/relationships/media",
}
#: Parts that need a relationship of a kind (ECMA-376 Part 1, 13.3): a layout its master, a
#: master its theme.
REQUIRED = (
    ("ppt/slideLayouts/", "slideMaster"),
    ("ppt/slideMasters/", "theme"),
    ("ppt/notesMasters/", "theme"),
    ("ppt/handoutMasters/", "theme"),
    ("ppt/slides/", "slideLayout"),
)
#: Parts whose shapes share one id space (ECMA-376 Part 1, 19.3.1.12 cNvPr: unique per slide).
SHAPE_TREE_PARTS = ("slides/", "slideLayouts/", "slideMasters/", "notesSlides/", "notesMasters/")


def package_problems(deck: Path) -> list[str]:
    with zipfile.ZipFile(deck) as package:
        entries = {info.filename: package.read(info) for info in package.infolist()}
    problems = _content_type_problems(entries)
    problems += _relationship_problems(entries)
    problems += _shape_id_problems(entries)
    problems += _presentation_problems(entries)
    return problems


def _parts(entries: dict[str, bytes]) -> list[str]:
    return [name for name in entries if name != "[Content_Types].xml" and not name.endswith(".rels")]


def _content_type_problems(entries: dict[str, bytes]) -> list[str]:
    types = etree.fromstring(entries["[Content_Types].xml"])
    defaults = {d.get("Extension").lower() for d in types.findall(f"{{{CT_NS}}}Default")}
    overrides = [o.get("PartName") for o in types.findall(f"{{{CT_NS}}}Override")]
    problems = [f"content type given twice for {n}" for n, c in Counter(overrides).items() if c > 1]
    problems += [f"content type for a missing part {n}" for n in overrides if n.lstrip("/") not in entries]
    for name in _parts(entries):
        extension = name.rsplit(".", 1)[-1].lower()
        if f"/{name}" not in overrides and extension not in defaults:
            problems.append(f"{name} has no content type")
    return problems


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _relationships(entries: dict[str, bytes], part: str) -> dict[str, etree._Element]:
    blob = entries.get(_rels_name(part))
    if blob is None:
        return {}
    return {rel.get("Id"): rel for rel in etree.fromstring(blob).findall(f"{{{REL_NS}}}Relationship")}


def _target(part: str, rel: etree._Element) -> str:
    target = rel.get("Target")
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))


def _relationship_problems(entries: dict[str, bytes]) -> list[str]:
    problems: list[str] = []
    reached = {"[Content_Types].xml"}
    types: dict[str, set[str]] = {}
    for part in ["", *_parts(entries)]:
        rels = _relationships(entries, part)
        for r_id, rel in rels.items():
            if rel.get("TargetMode") == "External":
                continue
            target = _target(part, rel)
            reached.add(target)
            types.setdefault(target, set()).add(rel.get("Type"))
            if target not in entries:
                problems.append(f"{part or '/'}: relationship {r_id} points to missing part {target}")
        if part.endswith(".xml"):
            used = etree.fromstring(entries[part]).xpath("//@r:*", namespaces=NS)
            problems += [f"{part}: {u.attrname} {u} is not a relationship of the part"
                         for u in used if str(u) and str(u) not in rels]
    problems += [f"{name} is reached by no relationship" for name in _parts(entries) if name not in reached]
    for name in _parts(entries):
        kinds = {rel.get("Type", "").rsplit("/", 1)[-1] for rel in _relationships(entries, name).values()}
        needed = next((kind for folder, kind in REQUIRED if name.startswith(folder)), None)
        if needed is not None and needed not in kinds:
            problems.append(f"{name} has no {needed} relationship")
    problems += [f"{name} is reached by relationships of {len(kinds)} types: {sorted(kinds)}"
                 for name, kinds in types.items() if len(kinds - MEDIA_PAIR) + bool(kinds & MEDIA_PAIR) > 1]
    return problems


def _shape_id_problems(entries: dict[str, bytes]) -> list[str]:
    problems = []
    for part in _parts(entries):
        if not (part.startswith("ppt/") and part.endswith(".xml") and part[4:].startswith(SHAPE_TREE_PARTS)):
            continue
        root = etree.fromstring(entries[part])
        ids = root.xpath("//p:cNvPr/@id", namespaces=NS)
        problems += [f"{part}: shape id {i} used {n} times" for i, n in Counter(ids).items() if n > 1]
        targets = root.xpath("//p:timing//p:spTgt/@spid | //p:timing//p:bldP/@spid", namespaces=NS)
        problems += [f"{part}: an animation targets shape {t}, not there" for t in targets if t not in ids]
    return problems


def _presentation_problems(entries: dict[str, bytes]) -> list[str]:
    presentation = etree.fromstring(entries["ppt/presentation.xml"])
    problems = []
    size = presentation.find("p:sldSz", NS)
    cx, cy, kind = int(size.get("cx")), int(size.get("cy")), size.get("type")
    if kind is not None and SLIDE_SIZE_TYPES.get(kind) != (cx, cy):
        problems.append(f"slide size {cx} x {cy} EMU contradicts its type {kind!r}")
    slide_ids = presentation.xpath("p:sldIdLst/p:sldId/@id", namespaces=NS)
    problems += [f"slide id {i} used twice" for i, n in Counter(slide_ids).items() if n > 1]
    problems += [f"slide id {i} is below 256" for i in slide_ids if int(i) < 256]
    return problems
