"""A template's package rebuilt in memory as a clean presentation python-pptx can open.

The template is never handed to python-pptx as it came. :func:`clean_package` walks its
relationships from the package root (:mod:`template_zip` reads the zip and XML without
trusting them) and writes a new package holding only what a deck may build on:

* what :mod:`template_rules` forbids is left out (macros, ActiveX, OLE objects and embedded
  packages, add-ins, external relationships) and whatever referred to it in the XML goes
  too (:mod:`template_refs`); the template's own slides are left out as well, and so are its
  document properties, thumbnail and settings (:mod:`template_settings`);
* every main content type (``.potx``, ``.ppsx``, ``.pptm``, ``.potm``...) becomes the plain
  presentation's, and the package's content types are written anew, one per part kept;
* LibreOffice's misspelt core-properties relationship type is corrected, and a second
  relationship of a kind a part may hold once (the package's core properties, a
  layout's master, a master's theme...) is ignored: python-pptx or the Open XML SDK
  refuse them;
* damage is refused with a sentence naming the part: a missing part, a part without a
  content type, XML that is not well-formed, a reference to a relationship the part does
  not have, a master or layout that is not one, no slide master or layout at all.

Parts are read and rewritten in memory; the user's file is never touched.
"""

from __future__ import annotations

import posixpath
import re
from collections import deque
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from briefing.export.pptx.template_opc import (
    CONTENT_TYPES,
    REL_NS,
    ContentTypes,
    Rel,
    package_bytes,
    rels_name,
)
from briefing.export.pptx.template_refs import R_NS, clean_references, prune_animations, remove_active_content
from briefing.export.pptx.template_rules import (
    MAIN_TYPES,
    PRESENTATION_MAIN,
    Dropped,
    content_type_category,
    part_category,
    relationship_category,
)
from briefing.export.pptx.template_settings import reset_settings
from briefing.export.pptx.template_size import check_slide_size
from briefing.export.pptx.template_svg import is_svg, plain_svg, svg_hazard
from briefing.export.pptx.template_theme import check_theme
from briefing.export.pptx.template_zip import (
    MAX_ELEMENTS_TOTAL,
    MAX_XML_PART,
    TemplateArchive,
    TemplateDamaged,
    element_count,
    parse_xml,
    serialize,
)

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PKG_RT = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
OFFICE_DOCUMENT = _RT + "officeDocument"
MISSPELT_CORE_PROPERTIES = (
    "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties"
)
#: Relationships the package root may hold once; python-pptx refuses a second.
ROOT_SINGLES = {
    OFFICE_DOCUMENT,
    _PKG_RT + "core-properties",
    _PKG_RT + "thumbnail",
    _RT + "extended-properties",
    _RT + "custom-properties",
}
#: Names python-pptx gives parts it makes (core properties, a notes master, slides), and the
#: kind of relationship that alone may reach a template's part of such a name.
FIXED_NAMES = (
    ("docprops/core.xml", _PKG_RT + "core-properties"),
    ("ppt/notesmasters/notesmaster1.xml", _RT + "notesMaster"),
    ("ppt/slides/", _RT + "slide"),
    ("ppt/notesslides/", _RT + "notesSlide"),
)
#: Relationships any part may hold once (a layout: its slide master too).
PART_SINGLES = {
    _RT + kind
    for kind in (
        "theme",
        "presProps",
        "viewProps",
        "tableStyles",
        "notesMaster",
        "handoutMaster",
        "commentAuthors",
    )
}
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_CT_PML = "application/vnd.openxmlformats-officedocument.presentationml."
THEME = "application/vnd.openxmlformats-officedocument.theme+xml"
#: Content type -> the root element its part must have (python-pptx relies on it).
ROOTS = {
    PRESENTATION_MAIN: f"{_P}presentation",
    _CT_PML + "slideMaster+xml": f"{_P}sldMaster",
    _CT_PML + "slideLayout+xml": f"{_P}sldLayout",
    _CT_PML + "notesMaster+xml": f"{_P}notesMaster",
    _CT_PML + "handoutMaster+xml": f"{_P}handoutMaster",
    THEME: "{http://schemas.openxmlformats.org/drawingml/2006/main}theme",
}
#: Content type -> what needs a theme of its own, as the error names it.
THEMED = {
    _CT_PML + "slideMaster+xml": "slide master",
    _CT_PML + "notesMaster+xml": "notes master",
    _CT_PML + "handoutMaster+xml": "handout master",
}
#: Relationship type -> the content types its target may have (the parts a deck is built on).
EXPECTED_TYPES = {
    _RT + "slideMaster": {_CT_PML + "slideMaster+xml"},
    _RT + "slideLayout": {_CT_PML + "slideLayout+xml"},
    _RT + "notesMaster": {_CT_PML + "notesMaster+xml"},
    _RT + "handoutMaster": {_CT_PML + "handoutMaster+xml"},
    _RT + "theme": {"application/vnd.openxmlformats-officedocument.theme+xml"},
    _RT + "presProps": {_CT_PML + "presProps+xml"},
    _RT + "viewProps": {_CT_PML + "viewProps+xml"},
    _RT + "tableStyles": {_CT_PML + "tableStyles+xml"},
    _PKG_RT + "core-properties": {"application/vnd.openxmlformats-package.core-properties+xml"},
    _RT + "extended-properties": {"application/vnd.openxmlformats-officedocument.extended-properties+xml"},
}
#: A video or sound is reached by two relationships of its slide (or layout): these kinds.
MEDIA_KINDS = {_RT + "video", _RT + "audio", "http://schemas.microsoft.com/office/2007/relationships/media"}
#: The parts python-pptx builds on, by content type: the one kind of relationship that reaches each.
REQUIRED_KINDS = {
    next(iter(EXPECTED_TYPES[_RT + kind])): _RT + kind
    for kind in ("slideMaster", "slideLayout", "notesMaster", "handoutMaster", "theme")
}
#: python-pptx loads relationships depth-first, recursively: a deeper chain is refused.
MAX_DEPTH = 40
#: A target with a scheme (``https:``, ``mailto:``, ``file:``) is an address outside the package
#: whatever its ``TargetMode`` says: a part's relative name cannot start so (RFC 3986, 4.2).
ABSOLUTE_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
#: Where ISO/IEC 29500 Strict puts its relationship types and XML namespaces (Transitional
#: uses ``schemas.openxmlformats.org``): python-pptx reads Transitional only.
STRICT_PREFIX = "http://purl.oclc.org/ooxml/"
STRICT = (
    "it is saved as Strict Open XML, which a deck cannot be built on; in PowerPoint, save it "
    "as a PowerPoint Presentation (.pptx) or PowerPoint Template (.potx), not as Strict Open XML"
)


@dataclass
class CleanPackage:
    """The rebuilt package's bytes and what was left out of the template."""

    data: bytes
    dropped: Dropped


@dataclass
class _Walk:
    archive: TemplateArchive
    types: ContentTypes
    dropped: Dropped = field(default_factory=Dropped)
    parts: dict[str, str] = field(default_factory=dict)  # entry name -> content type
    rels: dict[str, list[Rel]] = field(default_factory=dict)  # source ("" the package) -> kept
    gone: dict[str, set[str]] = field(default_factory=dict)  # source -> ids dropped on purpose
    reached: dict[str, tuple[str, str]] = field(default_factory=dict)  # part -> first (source, kind)
    elements: int = 0  # XML elements read so far


def clean_package(data: bytes) -> CleanPackage:
    """``data`` (a template) as a clean package; :class:`TemplateDamaged` when it cannot be one."""
    archive = TemplateArchive(data)
    name = archive.find(CONTENT_TYPES)
    if name is None:
        raise TemplateDamaged(_not_office(archive))
    walk = _Walk(archive, ContentTypes(parse_xml(CONTENT_TYPES, archive.read(name, MAX_XML_PART))))
    _follow(walk)
    main = _main_part(walk)
    blobs = {part: _checked_blob(walk, part) for part in walk.parts}
    _check_structure(walk, main, blobs)
    walk.parts[main] = PRESENTATION_MAIN
    return CleanPackage(package_bytes(walk.parts, walk.rels, blobs), walk.dropped)


def _not_office(archive: TemplateArchive) -> str:
    """Why a zip without content types is no template: an OpenDocument file says what it is."""
    found = archive.find("mimetype")
    kind = archive.read(found, 1 << 16)[:200].decode("ascii", "replace").strip() if found else ""
    if kind.startswith("application/vnd.oasis.opendocument."):
        return (
            f"it is an OpenDocument file ({_printable(kind)}), not a PowerPoint one; in LibreOffice, "
            "save it as PowerPoint (.pptx or .potx)"
        )
    return "not a PowerPoint .pptx or .potx file (it has no [Content_Types].xml)"


def _follow(walk: _Walk) -> None:
    """Walk the relationships breadth-first from the package root, keeping what may stay."""
    queue, depth = deque([""]), {"": 0}
    while queue:
        source = queue.popleft()
        if depth[source] > MAX_DEPTH:
            raise TemplateDamaged(f"its relationships nest more than {MAX_DEPTH} parts deep")
        for rel in _kept_rels(walk, source):
            if rel.target not in depth:
                depth[rel.target] = depth[source] + 1
                queue.append(rel.target)


def _kept_rels(walk: _Walk, source: str) -> list[Rel]:
    kept: list[Rel] = []
    gone, ids, kinds = walk.gone.setdefault(source, set()), set(), set()
    for element in _relationship_elements(walk.archive, source):
        r_id, kind, target = (element.get(k) for k in ("Id", "Type", "Target"))
        if not (r_id and kind and target):
            raise TemplateDamaged(f"{rels_name(source)} has a relationship without an Id, Type or Target")
        if r_id in ids:
            raise TemplateDamaged(f"{rels_name(source)} has two relationships with the id {r_id}")
        ids.add(r_id)
        if kind.startswith(STRICT_PREFIX):
            raise TemplateDamaged(STRICT)
        kind = _PKG_RT + "core-properties" if kind == MISSPELT_CORE_PROPERTIES else kind
        external = element.get("TargetMode") == "External" or ABSOLUTE_URI.match(target) is not None
        category = relationship_category(kind, external)
        duplicate = kind in kinds and kind in _singles(walk, source)
        if category is not None or duplicate:
            walk.dropped.add(category or "", _shown(walk.archive, source, target, category))
            gone.add(r_id)
            continue
        rel = _internal(walk, source, r_id, kind, target)
        if rel is None:
            gone.add(r_id)
        else:
            kinds.add(kind)
            kept.append(rel)
    walk.rels[source] = kept
    return kept


def _singles(walk: _Walk, source: str) -> set[str]:
    """Relationship kinds ``source`` may hold once; a later one is ignored (python-pptx and the
    Open XML SDK refuse a second)."""
    if not source:
        return ROOT_SINGLES
    if walk.parts.get(source) == _CT_PML + "slideLayout+xml":
        return PART_SINGLES | {_RT + "slideMaster"}
    return PART_SINGLES


def _internal(walk: _Walk, source: str, r_id: str, kind: str, target: str) -> Rel | None:
    """The kept relationship to an existing part with a content type (None: dropped by type)."""
    name = _resolve(walk.archive, source, target)
    content_type = walk.types.of(name)
    if content_type is None:
        raise TemplateDamaged(f"{name} has no content type in [Content_Types].xml")
    category = (
        None if content_type in MAIN_TYPES else content_type_category(content_type) or part_category(name)
    )
    if category is None and is_svg(content_type, name):
        hazard = svg_hazard(name, walk.archive.read(name, MAX_XML_PART))
        category = None if hazard is None else "svg"
    if category is not None:
        walk.dropped.add(category, name)
        return None
    _check_kind(walk, source, kind, name, content_type)
    walk.parts[name] = content_type
    return Rel(r_id, kind, name)


def _check_kind(walk: _Walk, source: str, kind: str, name: str, content_type: str) -> None:
    """A part is what its relationship says, and every other part reaching it agrees."""
    expected = EXPECTED_TYPES.get(kind)
    required = REQUIRED_KINDS.get(content_type, kind)
    if required != kind:  # a layout related as something else: python-pptx would relate it twice
        raise TemplateDamaged(f"{name} is reached as a {_short(kind)}, not as a {_short(required)}")
    if expected is not None and content_type not in expected:
        raise TemplateDamaged(
            f"the {_short(kind)} relationship of {source or 'its package'} points to {name}, "
            f"whose content type is {_printable(content_type)}"
        )
    fixed = next((k for folder, k in FIXED_NAMES if name.lower().startswith(folder)), kind)
    if fixed != kind:  # python-pptx may write a part of its own under that name
        raise TemplateDamaged(f"{name} is reached as a {_short(kind)}, not as a {_short(fixed)}")
    first = walk.reached.setdefault(name, (source, kind))
    media = first[0] == source and {first[1], kind} <= MEDIA_KINDS  # a video: as video and as media
    if first[1] != kind and not media:
        raise TemplateDamaged(
            f"{name} is reached by relationships of two types ({_short(first[1])} and {_short(kind)})"
        )


def _short(kind: str) -> str:
    """A relationship type's last word (``slideLayout``), as the user may look it up."""
    return _printable(kind.rstrip("/").rsplit("/", 1)[-1] or kind)


def _resolve(archive: TemplateArchive, source: str, target: str) -> str:
    base = "/" if not source else "/" + posixpath.dirname(source)
    joined = posixpath.normpath(posixpath.join(base, target.split("#", 1)[0])).lstrip("/")
    where = f"{source} refers to" if source else "its package relationships refer to"
    for candidate in (joined, unquote(joined)):
        found = archive.find(candidate)
        if found is None or found.endswith("/"):
            continue
        if found == CONTENT_TYPES or found.endswith(".rels") or not found.isprintable():
            raise TemplateDamaged(f"{where} {_printable(found)}, which is not a part")
        return found
    raise TemplateDamaged(f"{where} {_printable(joined)}, which is not in the template")


def _printable(name: str) -> str:
    return name if name.isprintable() else repr(name)


def _shown(archive: TemplateArchive, source: str, target: str, category: str | None) -> str:
    """How the warning names a dropped target: a link as written, a part by its name."""
    if category == "external":
        return target
    try:
        return _resolve(archive, source, target)
    except TemplateDamaged:
        return target


def _relationship_elements(archive: TemplateArchive, source: str) -> list[Any]:
    name = archive.find(rels_name(source))
    if name is None:
        return []
    root = parse_xml(name, archive.read(name, MAX_XML_PART))
    return list(root.iter(f"{{{REL_NS}}}Relationship"))


def _main_part(walk: _Walk) -> str:
    main = next((rel.target for rel in walk.rels[""] if rel.kind == OFFICE_DOCUMENT), None)
    if main is None:
        raise TemplateDamaged("not a PowerPoint file (its package names no main document)")
    if walk.parts[main] not in MAIN_TYPES:
        kind = _printable(walk.parts[main])
        raise TemplateDamaged(f"not a PowerPoint file (its main part {main} is {kind})")
    return main


def _checked_blob(walk: _Walk, part: str) -> bytes:
    """The part's bytes; XML is parsed (refused when damaged) and cleaned of dropped references."""
    content_type = walk.parts[part]
    if not (content_type.endswith("xml") or part.lower().endswith(".xml")):
        return walk.archive.read(part)
    blob = walk.archive.read(part, MAX_XML_PART)
    walk.elements += element_count(part, blob)
    if is_svg(content_type, part):
        return plain_svg(part, blob)
    if walk.elements > MAX_ELEMENTS_TOTAL:
        raise TemplateDamaged(f"its parts hold over {MAX_ELEMENTS_TOTAL:,} XML elements in all; at most that")
    root = parse_xml(part, blob)
    if str(root.tag).startswith("{" + STRICT_PREFIX):
        raise TemplateDamaged(STRICT)
    expected = ROOTS.get(PRESENTATION_MAIN if content_type in MAIN_TYPES else content_type)
    if expected is not None and root.tag != expected:
        raise TemplateDamaged(f"{part} is not a {expected.split('}')[1]} part (its root is {root.tag})")
    if content_type == THEME:
        check_theme(part, root)
    kept = {rel.r_id for rel in walk.rels.get(part, [])}
    changed, unknown = clean_references(root, kept, walk.gone.get(part, set()))
    if unknown:
        raise TemplateDamaged(f"{part} refers to relationship {unknown[0]}, which the part does not have")
    active = remove_active_content(root, part)
    if changed or active:
        prune_animations(root)
    reset, settings = reset_settings(root, content_type, content_type in MAIN_TYPES)
    for category, what in [*active, *settings]:
        walk.dropped.add(category, what)
    return serialize(root) if changed or active or reset else blob


def _check_structure(walk: _Walk, main: str, blobs: dict[str, bytes]) -> None:
    """A slide size PowerPoint can show, and a slide master with at least one layout, listed
    where python-pptx looks for them, each master with its theme. A listed layout that lost its
    relationship to its master (python-pptx's ``missing_rels_item.pptx``) is related back to the
    master listing it."""
    check_slide_size(main, parse_xml(main, blobs[main]))
    masters = _listed(walk, main, blobs, "sldMasterIdLst")
    if not masters:
        raise TemplateDamaged(f"it has no slide master ({main} lists none)")
    listed = {
        layout: master for master in masters for layout in _listed(walk, master, blobs, "sldLayoutIdLst")
    }
    if not listed:
        raise TemplateDamaged("its slide masters have no slide layouts")
    for layout, master in listed.items():
        rels = walk.rels.setdefault(layout, [])
        if not any(rel.kind == _RT + "slideMaster" for rel in rels):  # its .rels lost: it is the lister's
            taken = {rel.r_id for rel in rels} | walk.gone.get(layout, set())
            r_id = next(f"rIdMaster{n}" for n in range(len(taken) + 1) if f"rIdMaster{n}" not in taken)
            rels.append(Rel(r_id, _RT + "slideMaster", master))
    for part, content_type in walk.parts.items():
        if content_type in THEMED and not any(rel.kind == _RT + "theme" for rel in walk.rels.get(part, [])):
            raise TemplateDamaged(f"{part} has no theme (a {THEMED[content_type]} needs one)")


def _listed(walk: _Walk, part: str, blobs: dict[str, bytes], tag: str) -> list[str]:
    root = parse_xml(part, blobs[part])
    ids = [e.get(f"{{{R_NS}}}id") for e in root.iterfind(f"{_P}{tag}/*")]
    by_id = {rel.r_id: rel.target for rel in walk.rels.get(part, [])}
    return [by_id[i] for i in ids if i in by_id]
