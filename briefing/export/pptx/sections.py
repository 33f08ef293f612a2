"""PowerPoint sections: the storyboard's sections, named as in the storyboard.

python-pptx has no API for sections. PowerPoint 2010+ keeps them in an
extension of ``presentation.xml`` (``p:extLst/p:ext/p14:sectionLst``, the
ext's ``uri`` names the kind of extension): each ``p14:section`` has a name,
a GUID and the ``p:sldId`` ids of its slides, in deck order. Clients that do
not know the extension ignore it, so the deck stays valid everywhere.

The deck's slides are the storyboard's slides in order (the title slide goes
into the first section, as PowerPoint does with slides before any section;
the closing Sources slide belongs to the last). Section GUIDs are derived from the section's position
and title, never random, so re-exports stay byte-identical; a template's own
section list (naming its deleted sample slides) is replaced.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from pptx.oxml.ns import qn

from briefing.export.pptx import xml
from briefing.storyboard.model import Storyboard

SECTION_LIST_URI = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
_GUID_NAMESPACE = uuid.UUID("6f6d2b1c-5a0e-4c1b-9a57-6b7269656667")


def section_members(storyboard: Storyboard, deck_slides: int) -> list[list[int]]:
    """Deck slide positions per storyboard section (title slide first, trailing slides last)."""
    members: list[list[int]] = [[] for _ in storyboard.sections]
    if not members:
        return members
    for position, slide in enumerate(storyboard.slides[:deck_slides]):
        members[max(0, slide.section)].append(position)
    members[-1].extend(range(len(storyboard.slides), deck_slides))
    return members


def section_list_xml(names: Sequence[str], slide_ids: Sequence[Sequence[int]]) -> str:
    """The ``p:ext`` holding one ``p14:section`` per name, with the given ``sldId`` ids."""
    sections = []
    for number, (name, ids) in enumerate(zip(names, slide_ids, strict=True)):
        guid = "{" + str(uuid.uuid5(_GUID_NAMESPACE, f"{number}:{name}")).upper() + "}"
        members = "".join(f'<p14:sldId id="{i}"/>' for i in ids)
        sections.append(
            f"<p14:section name={xml.attr(name)} id={xml.attr(guid)}>"
            f"<p14:sldIdLst>{members}</p14:sldIdLst></p14:section>"
        )
    return (
        f'<p:ext uri="{SECTION_LIST_URI}"><p14:sectionLst xmlns:p14="{P14}">'
        + "".join(sections)
        + "</p14:sectionLst></p:ext>"
    )


def write_sections(presentation: Any, storyboard: Storyboard) -> None:
    """Put the storyboard's sections into ``presentation.xml`` (none when it has no sections)."""
    root = presentation.element
    ext_list = root.find(qn("p:extLst"))
    if ext_list is not None:
        for old in ext_list.findall(qn("p:ext")):
            if old.get("uri") == SECTION_LIST_URI:
                ext_list.remove(old)
    if not storyboard.sections:
        return
    all_ids = [int(i) for i in root.xpath("./p:sldIdLst/p:sldId/@id")]
    members = section_members(storyboard, len(all_ids))
    names = [section.title for section in storyboard.sections]
    ids = [[all_ids[position] for position in positions] for positions in members]
    if ext_list is None:
        ext_list = xml.parse("<p:extLst/>")
        root.append(ext_list)  # extLst is the last child of p:presentation
    ext_list.insert(0, xml.parse(section_list_xml(names, ids)))
