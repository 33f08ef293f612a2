"""What no exported deck may hold, whatever its template: :func:`deck_hazards` lists each as a line.

A deck never holds macros (a ``vbaProject`` part, a macro-enabled content type, a click
action that runs one), ActiveX controls, OLE objects, nor an external relationship other
than a source ``url`` the storyboard asked for, nor an SVG picture that runs a script or
fetches from outside. Embedded packages are allowed only as a chart's own workbook.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path

from lxml import etree

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
PLAIN_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
#: Words in a part name, content type or relationship type that mark active or embedded content.
FORBIDDEN_WORDS = ("vbaproject", "vbadata", "activex", "oleobject", "/control", "macroenabled")
#: Click actions that run a macro, a program or an OLE verb.
ACTIONS = re.compile(rb"ppaction://(macro|program|ole)", re.IGNORECASE)
#: An SVG's script, event handler, or reference to anything outside itself.
SVG_HAZARD = re.compile(
    rb"<(?:\w+:)?(script|foreignObject)\b|\son\w+\s*=|href\s*=\s*[\"']\s*(?!#|data:image/(png|jpeg|gif))"
    rb"|url\(\s*[\"']?\s*(?!#)|<!ENTITY|xml-stylesheet",
    re.IGNORECASE,
)
EMBEDDED_PACKAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"


def deck_hazards(deck: Path | bytes, allowed_urls: set[str]) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(deck) if isinstance(deck, bytes) else deck) as package:
        entries = {info.filename: package.read(info) for info in package.infolist()}
    problems = [f"part {name}" for name in entries if _forbidden(name)]
    types = etree.fromstring(entries["[Content_Types].xml"])
    for node in types:
        if _forbidden(node.get("ContentType", "")):
            problems.append(
                f"content type {node.get('ContentType')} ({node.get('PartName') or node.get('Extension')})"
            )
    main = types.find(f"{{{CT_NS}}}Override[@PartName='/ppt/presentation.xml']")
    if main is None or main.get("ContentType") != PLAIN_MAIN:
        problems.append(f"main part's content type is {None if main is None else main.get('ContentType')}")
    for name, blob in entries.items():
        if name.endswith(".rels"):
            problems += _relationship_hazards(name, blob, allowed_urls)
        elif name.endswith(".xml") and b"oleObj" in blob:
            problems.append(f"{name} holds an OLE object (p:oleObj)")
        elif name.endswith(".xml") and ACTIONS.search(blob):
            problems.append(f"{name} holds a click action that runs something")
        elif name.lower().endswith(".svg") and SVG_HAZARD.search(blob):
            problems.append(f"{name} is an SVG that runs a script or fetches from outside")
    return problems


def _relationship_hazards(name: str, blob: bytes, allowed_urls: set[str]) -> list[str]:
    problems = []
    source = posixpath.dirname(posixpath.dirname(name))
    for rel in etree.fromstring(blob).iter(f"{{{REL_NS}}}Relationship"):
        kind, target = rel.get("Type", ""), rel.get("Target", "")
        if rel.get("TargetMode") == "External" and target not in allowed_urls:
            problems.append(f"{name}: external relationship to {target}")
        if _forbidden(kind):
            problems.append(f"{name}: relationship of type {kind}")
        if kind == EMBEDDED_PACKAGE and source != "ppt/charts":
            problems.append(f"{name}: embedded package {target} outside a chart")
    return problems


def _forbidden(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in FORBIDDEN_WORDS) or lowered.startswith("ppt/embeddings/ole")
