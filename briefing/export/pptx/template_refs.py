"""The XML side of a dropped relationship: what referred to it goes too.

Parts refer to their relationships by id (``r:embed="rId3"``, ``r:id="rId2"``). When a
relationship is dropped (:mod:`template_rules`), whatever refers to it is removed, so no
reference is left dangling:

* a shape in a shape tree (a linked picture, an OLE object, an ActiveX control's shape,
  a linked video) goes as a whole: its element in the tree, so an OLE object's
  ``mc:AlternateContent`` goes with both its choices;
* a hyperlink or a sound goes alone: its shape stays, without the link;
* a picture's SVG (``asvg:svgBlip``) goes with its extension: the picture stays, with its PNG;
* a picture fill outside a shape tree (a linked background) keeps its ``a:blip``, without
  the link;
* anything else that refers (a list entry such as the slide list's ``p:sldId``, an ActiveX
  ``p:control``) is removed, and with it a container the schema wants filled that it
  leaves empty (``p:controls``).

A shape removed here may be the target of the part's animations: :func:`prune_animations`
removes those animations (all of the part's: a master's or layout's are few), so no animation
points at a shape that is not there.

A reference to an id the part never had is damage, not a drop: :func:`clean_references`
reports it and the template is refused. A click action that runs something needs no
relationship at all (``action="ppaction://macro?name=AutoRun"``): :func:`remove_active_content`
removes those hyperlinks (macros, programs, OLE verbs), and any OLE object or ActiveX
control still left, whatever relationship it names.
"""

from __future__ import annotations

from typing import Any

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
#: Shape trees: a reference inside one removes the whole shape (the tree's child).
TREES = {f"{_P}spTree", f"{_P}grpSp"}
#: Removed alone, the element around them stays.
ALONE = {f"{_A}hlinkClick", f"{_A}hlinkHover", f"{_A}hlinkMouseOver", f"{_A}snd", f"{_P}snd"}
BLIP = f"{_A}blip"
#: The SVG of a picture, in an extension of its ``a:blip`` (which names the PNG copy).
SVG_BLIP = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
#: Click actions that run something rather than go somewhere.
ACTIVE_ACTIONS = ("ppaction://macro", "ppaction://program", "ppaction://ole")
LINKS = (f"{_A}hlinkClick", f"{_A}hlinkHover", f"{_A}hlinkMouseOver")
#: Elements that are active content wherever they are, and their category.
ACTIVE_ELEMENTS = {f"{_P}oleObj": "ole", f"{_P}control": "activex"}
#: Containers the schema wants at least one child in: removed when their last child goes.
NOT_EMPTY = {f"{_P}controls", f"{_P}stSnd", f"{_P}sndAc", f"{_A}extLst"}
#: A group's own properties: a reference in them is the group's.
GROUP_PROPERTIES = {f"{_P}nvGrpSpPr", f"{_P}grpSpPr"}


def references(root: Any) -> list[tuple[Any, str, str]]:
    """Every (element, attribute, relationship id) in ``root``."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        for attribute, value in element.attrib.items():
            if attribute.startswith(f"{{{R_NS}}}") and value:
                found.append((element, attribute, value))
    return found


def clean_references(root: Any, kept: set[str], dropped: set[str]) -> tuple[bool, list[str]]:
    """Remove what refers to ``dropped`` ids: (whether ``root`` changed, ids referred to but unknown)."""
    changed, unknown = False, []
    for element, attribute, value in references(root):
        if value in kept:
            continue
        if value not in dropped:
            unknown.append(value)
            continue
        changed = True
        _remove(element, attribute)
    return changed, unknown


def remove_active_content(root: Any, part: str) -> list[tuple[str, str]]:
    """Remove what runs something whatever its relationships say: (category, what) for each.

    Hyperlinks whose action runs a macro, a program or an OLE verb go alone; an OLE object
    or ActiveX control still left (its relationship kept under another type, or none) goes
    with its shape.
    """
    found: list[tuple[str, str]] = []
    links = [
        link
        for tag in LINKS
        for link in root.iter(tag)
        if link.get("action", "").strip().lower().startswith(ACTIVE_ACTIONS)
    ]
    for link in links:
        found.append(("actions", link.get("action").strip()))
        _detach(link)
    for tag, category in ACTIVE_ELEMENTS.items():
        for element in list(root.iter(tag)):
            found.append((category, f"{part} ({element.get('name') or element.get('progId') or 'unnamed'})"))
            shape = _shape_of(element)
            _detach(shape if shape is not None else element)
    return found


def _remove(element: Any, attribute: str) -> None:
    if element.tag in ALONE:
        _detach(element)
        return
    if element.tag == SVG_BLIP and element.getparent() is not None:
        _detach(element.getparent())  # its a:ext: the picture stays, with its PNG
        return
    shape = _shape_of(element)
    if shape is not None:
        _detach(shape)
    elif element.tag == BLIP:
        element.attrib.pop(attribute, None)
    else:
        _detach(element)


def _shape_of(element: Any) -> Any | None:
    """The innermost ancestor-or-self of ``element`` that is a shape of a shape tree, if any."""
    node = element
    while node is not None:
        parent = node.getparent()
        if parent is not None and parent.tag in TREES and node.tag not in GROUP_PROPERTIES:
            return node
        node = parent
    return None


def _detach(element: Any) -> None:
    """Remove ``element``, and each parent left empty that the schema wants filled."""
    parent = element.getparent()
    while parent is not None:  # None: already gone with an ancestor
        parent.remove(element)
        if parent.tag not in NOT_EMPTY or len(parent):
            return
        element, parent = parent, parent.getparent()


def prune_animations(root: Any) -> bool:
    """Remove the part's animations (``p:timing``) when one targets a shape no longer there
    (a linked picture or an OLE object removed above): PowerPoint would repair the deck.
    Whether anything was removed."""
    shapes = {prop.get("id") for prop in root.iter(f"{_P}cNvPr")}
    removed = False
    for timing in list(root.iter(f"{_P}timing")):
        targets = [
            t.get("spid")
            for t in timing.iter(
                f"{_P}spTgt", f"{_P}bldP", f"{_P}bldGraphic", f"{_P}bldOleChart", f"{_P}bldDgm"
            )
        ]
        if any(target not in shapes for target in targets):
            timing.getparent().remove(timing)
            removed = True
    return removed
