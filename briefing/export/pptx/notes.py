"""Speaker notes: each slide's ``notes`` on its notes page, paragraph by paragraph.

python-pptx builds a notes page by cloning the notes master's placeholders,
through its shape API, for every slide: a third of the export time of a
text-only deck. :class:`NotesWriter` lets python-pptx build the first page of
an export and copies that page's XML for the others (same parts, same
relationships, same placeholders), then writes the text as XML.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.parts.slide import NotesSlidePart

from briefing.export.pptx import xml
from briefing.export.pptx.scripts import text_language
from briefing.i18n import is_rtl
from briefing.storyboard.text import note_paragraphs

NOTES_PART_NAME = "/ppt/notesSlides/notesSlide%d.xml"
#: Where PowerPoint's default notes master puts the notes text on a 7.5 x 10 in page (EMU).
BODY = (685800, 4400550, 5486400, 3600450)


def notes_paragraphs(notes: str) -> list[str]:
    """Blank lines separate paragraphs; a line break inside one stays a line break (``a:br``)."""
    return note_paragraphs(notes)


class NotesWriter:
    """Writes notes pages for one export (none for a slide without notes)."""

    def __init__(self, language: str = "en") -> None:
        self._language = language
        self._prototype: Any = None  # a fresh notes page, before any text
        self._master_part: Any = None

    def write(self, slide: Any, notes: str) -> None:
        paragraphs = notes_paragraphs(notes)
        if not paragraphs:
            return
        if self._prototype is None:
            notes_slide = slide.notes_slide  # python-pptx makes the first one
            element = notes_slide.element
            self._prototype = deepcopy(element)
            self._master_part = notes_slide.part.part_related_by(RT.NOTES_MASTER)
        else:
            element = self._copy_for(slide.part)
        _fill_body(element, paragraphs, self._language)

    def _copy_for(self, slide_part: Any) -> Any:
        package = slide_part.package
        element = deepcopy(self._prototype)
        part = NotesSlidePart(package.next_partname(NOTES_PART_NAME), CT.PML_NOTES_SLIDE, package, element)
        part.relate_to(self._master_part, RT.NOTES_MASTER)
        part.relate_to(slide_part, RT.SLIDE)
        slide_part.relate_to(part, RT.NOTES_SLIDE)
        return element


def _fill_body(element: Any, paragraphs: list[str], language: str) -> None:
    body = _body(element)
    runs = "".join(_paragraph(text, language) for text in paragraphs)
    fresh = xml.parse(f"<p:txBody><a:bodyPr/><a:lstStyle/>{runs}</p:txBody>")
    old = body.find(qn("p:txBody"))
    if old is not None:
        body.remove(old)
    body.append(fresh)


def _body(element: Any) -> Any:
    """The notes page's body placeholder. A template's notes master may have none (its designer
    unticked "Body" in Notes Master view): the page then gets one of its own, placed where
    PowerPoint's default notes master puts it, since there is nothing to inherit a place from."""
    found = element.xpath("./p:cSld/p:spTree/p:sp[p:nvSpPr/p:nvPr/p:ph[@type='body']]")
    if found:
        return found[0]
    tree = element.find(qn("p:cSld")).find(qn("p:spTree"))
    ids = [int(i) for i in tree.xpath(".//p:cNvPr/@id") if i.isdigit()]
    body = xml.parse(
        f'<p:sp><p:nvSpPr><p:cNvPr id="{max(ids, default=1) + 1}" name="Notes Placeholder"/>'
        '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{BODY[0]}" y="{BODY[1]}"/><a:ext cx="{BODY[2]}" cy="{BODY[3]}"/>'
        "</a:xfrm></p:spPr></p:sp>"
    )
    tree.append(body)
    return body


def _paragraph(text: str, language: str) -> str:
    """One notes paragraph: its language (``lang``); right to left on the right for Arabic or Hebrew."""
    r_pr = f'<a:rPr lang={xml.attr(text_language(text, language))} dirty="0"/>'
    p_pr = '<a:pPr algn="r" rtl="1"/>' if is_rtl(text) else ""
    return f"<a:p>{p_pr}{xml.runs(text, r_pr)}</a:p>"
