"""A deck as its zip members, for the test clients that reshape a deck the way PowerPoint or Google
Slides save it (``powerpoint.py``, ``google_slides.py``): parts renamed with every relationship that
points at them, parts dropped, ``[Content_Types].xml`` written again. Our own code, test-only."""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NS = {"p": P, "a": A, "r": R, "c": C, "rel": REL_NS, "ct": CT_NS}
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

Entries = dict[str, bytes]


def read(path: Path) -> Entries:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write(entries: Entries, path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", entries["[Content_Types].xml"])
        for name, data in entries.items():
            if name != "[Content_Types].xml":
                archive.writestr(name, data)
    return path


def parse(blob: bytes) -> etree._Element:
    return etree.fromstring(blob)


def dump(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def source_of(rels: str) -> str:
    """The part a ``.rels`` member belongs to ("" for the package's own)."""
    folder, name = posixpath.split(rels)
    return posixpath.join(posixpath.dirname(folder), name[: -len(".rels")])


def resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def relations(entries: Entries, part: str) -> list[tuple[str, str, str]]:
    """(rId, type, target part) of ``part``'s internal relationships."""
    blob = entries.get(rels_name(part))
    if blob is None:
        return []
    return [
        (rel.get("Id", ""), rel.get("Type", ""), resolve(part, rel.get("Target", "")))
        for rel in parse(blob).iter(f"{{{REL_NS}}}Relationship")
        if rel.get("TargetMode") != "External"
    ]


def content_types(entries: Entries) -> dict[str, str]:
    root = parse(entries["[Content_Types].xml"])
    defaults = {
        d.get("Extension", "").lower(): d.get("ContentType", "") for d in root.iter(f"{{{CT_NS}}}Default")
    }
    overrides = {
        o.get("PartName", "")[1:]: o.get("ContentType", "") for o in root.iter(f"{{{CT_NS}}}Override")
    }
    return {
        name: overrides.get(name) or defaults.get(name.rsplit(".", 1)[-1].lower(), "")
        for name in entries
        if name != "[Content_Types].xml" and not name.endswith(".rels")
    }


def write_content_types(entries: Entries, types: dict[str, str], defaults: dict[str, str]) -> None:
    """``[Content_Types].xml`` as a client writes it: Defaults by extension, an Override for the rest."""
    root = etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})
    for extension, kind in defaults.items():
        etree.SubElement(root, f"{{{CT_NS}}}Default", Extension=extension, ContentType=kind)
    for name in entries:
        if name == "[Content_Types].xml" or name.endswith(".rels"):
            continue
        kind = types[name]
        if defaults.get(name.rsplit(".", 1)[-1].lower()) != kind:
            etree.SubElement(root, f"{{{CT_NS}}}Override", PartName="/" + name, ContentType=kind)
    entries["[Content_Types].xml"] = dump(root)


def rename(entries: Entries, mapping: dict[str, str]) -> Entries:
    """Every part in ``mapping`` under its new name, every relationship pointing at it following."""
    types = content_types(entries)
    moved = {rels_name(old): rels_name(new) for old, new in mapping.items()}
    result: Entries = {}
    for name, data in entries.items():
        if name.endswith(".rels"):
            source = source_of(name)
            new_source = mapping.get(source, source)
            root = parse(data)
            for rel in root.iter(f"{{{REL_NS}}}Relationship"):
                if rel.get("TargetMode") == "External":
                    continue
                target = resolve(source, rel.get("Target", ""))
                new_target = mapping.get(target, target)
                rel.set("Target", posixpath.relpath(new_target, posixpath.dirname(new_source) or "."))
            result[moved.get(name, name)] = dump(root)
        elif name != "[Content_Types].xml":
            result[mapping.get(name, name)] = data
    result["[Content_Types].xml"] = entries["[Content_Types].xml"]
    new_types = {mapping.get(name, name): kind for name, kind in types.items()}
    write_content_types(result, new_types, {})
    entries.clear()
    entries.update(result)
    return entries


def drop_relationships(entries: Entries, source: str, predicate: object) -> list[str]:
    """Remove ``source``'s relationships for which ``predicate(type, target)`` holds; their targets."""
    name = rels_name(source)
    if name not in entries:
        return []
    root = parse(entries[name])
    gone = []
    for rel in list(root.iter(f"{{{REL_NS}}}Relationship")):
        target = resolve(source, rel.get("Target", ""))
        if predicate(rel.get("Type", ""), target):  # type: ignore[operator]
            root.remove(rel)
            gone.append(target)
    entries[name] = dump(root)
    return gone


def drop_part(entries: Entries, part: str) -> None:
    """The part, its relationships and everything only it pointed at (charts' workbooks)."""
    for _, _, target in relations(entries, part):
        if target in entries and not target.endswith(".xml"):
            entries.pop(target, None)
    entries.pop(part, None)
    entries.pop(rels_name(part), None)
    root = parse(entries["[Content_Types].xml"])
    for override in list(root.iter(f"{{{CT_NS}}}Override")):
        if override.get("PartName") == "/" + part:
            root.remove(override)
    entries["[Content_Types].xml"] = dump(root)


def add_relationship(entries: Entries, source: str, kind: str, target: str) -> str:
    """A new relationship from ``source`` to ``target`` (a part name); its rId."""
    name = rels_name(source)
    root = (
        parse(entries[name])
        if name in entries
        else etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
    )
    ids = {rel.get("Id") for rel in root}
    number = 1
    while f"rId{number}" in ids:
        number += 1
    etree.SubElement(
        root,
        f"{{{REL_NS}}}Relationship",
        Id=f"rId{number}",
        Type=kind,
        Target=posixpath.relpath(target, posixpath.dirname(source) or "."),
    )
    entries[name] = dump(root)
    return f"rId{number}"


def add_part(entries: Entries, name: str, data: bytes, kind: str) -> None:
    entries[name] = data
    root = parse(entries["[Content_Types].xml"])
    etree.SubElement(root, f"{{{CT_NS}}}Override", PartName="/" + name, ContentType=kind)
    entries["[Content_Types].xml"] = dump(root)


def slide_order(entries: Entries) -> list[str]:
    """The slide parts in presentation order."""
    presentation = parse(entries["ppt/presentation.xml"])
    targets = {rid: target for rid, _, target in relations(entries, "ppt/presentation.xml")}
    return [targets[rid] for rid in presentation.xpath("//p:sldIdLst/p:sldId/@r:id", namespaces=NS)]
