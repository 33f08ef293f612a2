"""What tools other than PowerPoint leave out of a template or get wrong, made as PowerPoint wants it.

A template written by a script or a converter may lack what PowerPoint requires but python-pptx
never reads, and the deck built on it would make PowerPoint "repair" it. :func:`repair_template`
puts back, on the opened presentation:

* the notes page size (``p:notesSz``, required): PowerPoint's 7.5 x 10 in;
* a slide master's colour map (``p:clrMap``, required): the usual one, text dark on light;
* the master and layout ids: one list entry per master or layout (a second naming the same one
  is dropped), numbered from 2^31 in order, since the format wants them unique across all
  masters and layouts and in that range.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.oxml.ns import qn

NOTES_SIZE = {"cx": "6858000", "cy": "9144000"}
COLOR_MAP = {
    "bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2",
    **{f"accent{n}": f"accent{n}" for n in range(1, 7)},
    "hlink": "hlink", "folHlink": "folHlink",
}  # fmt: skip
#: The first id of a master or layout (ST_SlideMasterId, ST_SlideLayoutId: 2^31 and above).
FIRST_ID = 2**31


def repair_template(presentation: Any) -> None:
    root = presentation.element
    if root.find(qn("p:notesSz")) is None:
        root.find(qn("p:sldSz")).addnext(etree.Element(qn("p:notesSz"), NOTES_SIZE))
    masters = _unique_entries(root.find(qn("p:sldMasterIdLst")))
    next_id = FIRST_ID
    for entry in masters:
        entry.set("id", str(next_id))
        next_id += 1
        master = presentation.part.related_part(entry.get(qn("r:id"))).slide_master.element
        if master.find(qn("p:clrMap")) is None:
            master.find(qn("p:cSld")).addnext(etree.Element(qn("p:clrMap"), COLOR_MAP))
        for layout in _unique_entries(master.find(qn("p:sldLayoutIdLst"))):
            layout.set("id", str(next_id))
            next_id += 1


def _unique_entries(id_list: Any) -> list[Any]:
    """The entries of a master or layout id list, each relationship once (later ones removed)."""
    if id_list is None:
        return []
    kept, seen = [], set()
    for entry in list(id_list):
        if not isinstance(entry.tag, str):
            continue  # a comment
        r_id = entry.get(qn("r:id"))
        if r_id in seen:
            id_list.remove(entry)
            continue
        seen.add(r_id)
        kept.append(entry)
    return kept
