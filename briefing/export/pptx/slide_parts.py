"""Adding slides without python-pptx's per-slide overhead.

``Slides.add_slide`` creates an empty slide, clones the layout's placeholders
through the shape API and relates the slide to the presentation with a look-up
over every existing relationship: per slide, cost that grows with the deck.
:class:`SlideAdder` lets python-pptx add the first slide of each layout, keeps
a copy of that fresh slide's XML, and adds later slides of the layout from the
copy: the same part type, relationships and ``sldIdLst`` entry.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.parts.slide import SlidePart

from briefing.export.pptx.internals import add_relationship

MIN_SLIDE_ID = 256


class SlideAdder:
    """Adds slides to one presentation, one prototype per slide layout."""

    def __init__(self, presentation: Any) -> None:
        self._presentation = presentation
        self._prototypes: dict[Any, Any] = {}
        self._id_list = presentation.element.get_or_add_sldIdLst()
        used = [int(i) for i in self._id_list.xpath("./p:sldId/@id")]
        self._last_id = max([MIN_SLIDE_ID - 1, *used])
        self._count = len(used)  # len() of an lxml element walks its children: count ourselves

    def add(self, layout: Any) -> Any:
        """A new slide based on ``layout``, with the layout's placeholders."""
        prototype = self._prototypes.get(layout.part)
        if prototype is None:
            slide = self._presentation.slides.add_slide(layout)
            self._prototypes[layout.part] = deepcopy(slide.element)
            self._last_id = max(self._last_id, int(self._id_list[-1].get("id")))
            self._count += 1
            return slide
        presentation_part = self._presentation.part
        self._count += 1
        partname = PackURI(f"/ppt/slides/slide{self._count}.xml")
        slide_part = SlidePart(partname, CT.PML_SLIDE, presentation_part.package, deepcopy(prototype))
        slide_part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        r_id = add_relationship(presentation_part, RT.SLIDE, slide_part)
        self._last_id += 1
        etree.SubElement(self._id_list, qn("p:sldId"), {"id": str(self._last_id), qn("r:id"): r_id})
        return slide_part.slide
