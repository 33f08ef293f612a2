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
    body = element.xpath("./p:cSld/p:spTree/p:sp[p:nvSpPr/p:nvPr/p:ph[@type='body']]")
    if not body:
        raise ValueError("the notes master has no body placeholder for the notes text")
    runs = "".join(_paragraph(text, language) for text in paragraphs)
    fresh = xml.parse(f"<p:txBody><a:bodyPr/><a:lstStyle/>{runs}</p:txBody>")
    old = body[0].find(qn("p:txBody"))
    if old is not None:
        body[0].remove(old)
    body[0].append(fresh)


def _paragraph(text: str, language: str) -> str:
    """One notes paragraph: its language (``lang``); right to left on the right for Arabic or Hebrew."""
    r_pr = f'<a:rPr lang={xml.attr(text_language(text, language))} dirty="0"/>'
    p_pr = '<a:pPr algn="r" rtl="1"/>' if is_rtl(text) else ""
    return f"<a:p>{p_pr}{xml.runs(text, r_pr)}</a:p>"
