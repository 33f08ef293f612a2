"""Text frames from the layout's :class:`TextBox`: real, editable text that fits.

python-pptx cannot fit text (its autofit is a flag PowerPoint applies later),
so we use the sizes the layout measured, with the layout's metrics (see
``briefing.layout.boxes``): font size ``TextBox.size / 2`` pt, exact line pitch
``size * line_spacing``, ``space_before`` in em of the box's size, hanging
bullets, the box's rectangle, word wrap on, no top/bottom insets, autofit
off. Lines wrap at ``WIDTH_SAFETY`` of the box's width, where the app wraps
them, so text breaks where the app breaks it, in PowerPoint and LibreOffice (see DECK_WIDTH).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from briefing.export.pptx import xml
from briefing.export.pptx.links import link_uri
from briefing.export.pptx.scripts import font_faces, paragraph_flags, text_language
from briefing.export.pptx.style import DeckStyle, emu
from briefing.layout import BULLET, Paragraph, TextBox
from briefing.layout.textfit import WIDTH_SAFETY

# Share of the box's width the deck wraps in: the app wraps at WIDTH_SAFETY; LibreOffice
# measures a hair wider than the layout (a line the app fits at exactly 96% wrapped), so
# the deck gets 1.5% more. A line may then fit in the deck that the app wrapped, never
# the other way round, which would overflow the box.
DECK_WIDTH = min(1.0, WIDTH_SAFETY + 0.015)
HYPERLINK_COLOR_URI = "{A12FA001-AC4F-418D-AE19-62706E023703}"
HYPERLINK_COLOR_NS = "http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor"
SLIDE_NUMBER_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"  # fixed: no random ids
#: Text that is ornament, not content: marked decorative, so screen readers skip it.
DECORATIVE_ROLES = frozenset({"quote-mark"})
_ALIGN = {"left": "l", "center": "ctr", "right": "r"}
_ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}


def text_box_xml(
    shape_id: int, box: TextBox, style: DeckStyle, *, field: str = "", links: Mapping[str, str] | None = None
) -> str:
    """A ``p:sp`` text box showing ``box`` (``field="slidenum"``: the number as a live field).

    ``links`` maps each paragraph's ``link`` to the slide's relationship id for it
    (see :func:`relate_links`); those paragraphs become hyperlinks.
    """
    name = xml.attr(f"{box.role.replace('-', ' ').title()} {shape_id}")
    mark = f">{xml.DECORATIVE}</p:cNvPr>" if box.role in DECORATIVE_ROLES else "/>"
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={name}{mark}<p:cNvSpPr txBox="1"/><p:nvPr/>'
        f"</p:nvSpPr><p:spPr>{xml.xfrm(box.rect)}"
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
        f"{text_body_xml(box, style, shrink=_may_shrink(box, style), field=field, links=links)}</p:sp>"
    )


def add_text_box(
    tree: Any,
    shape_id: int,
    box: TextBox,
    style: DeckStyle,
    *,
    field: str = "",
    links: Mapping[str, str] | None = None,
) -> Any:
    element = xml.parse(text_box_xml(shape_id, box, style, field=field, links=links))
    tree.append(element)
    return element


def fill_placeholder(element: Any, box: TextBox, style: DeckStyle) -> None:
    """Put ``box`` into a placeholder ``p:sp``: our rectangle, our text; the template's look otherwise."""
    sp_pr = element.find(qn("p:spPr"))
    for old in sp_pr.findall(qn("a:xfrm")):
        sp_pr.remove(old)
    sp_pr.insert(0, xml.parse(xml.xfrm(box.rect)))
    old_body = element.find(qn("p:txBody"))
    new_body = xml.parse(text_body_xml(box, style, shrink=_may_shrink(box, style)))
    if old_body is None:
        element.append(new_body)
    else:
        old_body.addprevious(new_body)
        element.remove(old_body)


def _may_shrink(box: TextBox, style: DeckStyle) -> bool:
    """Ask PowerPoint to shrink text the layout could not fit, or set in a template's unmeasured font."""
    return style.templated or box.overflow


def relate_links(slide_part: Any, box: TextBox) -> dict[str, str]:
    """Web address -> relationship id: one external hyperlink relationship per address in ``box``."""
    return {
        p.link: slide_part.relate_to(link_uri(p.link), RT.HYPERLINK, is_external=True)
        for p in box.paragraphs
        if p.link
    }


def text_body_xml(
    box: TextBox,
    style: DeckStyle,
    *,
    shrink: bool = False,
    field: str = "",
    links: Mapping[str, str] | None = None,
) -> str:
    """``p:txBody`` for ``box``. ``shrink``: let PowerPoint shrink overflow (template fonts
    were not measured by the layout)."""
    left, right = _side_insets(box)
    fit = "<a:normAutofit/>" if shrink else "<a:noAutofit/>"
    body_pr = (
        f'<a:bodyPr wrap="square" lIns="{left}" tIns="0" rIns="{right}" bIns="0" '
        f'anchor="{_ANCHOR[box.valign]}" rtlCol="0">{fit}</a:bodyPr>'
    )
    paragraphs = box.paragraphs or (Paragraph(""),)
    return (
        f"<p:txBody>{body_pr}<a:lstStyle/>"
        + "".join(_paragraph_xml(p, box, style, field, (links or {}).get(p.link, "")) for p in paragraphs)
        + "</p:txBody>"
    )


def _side_insets(box: TextBox) -> tuple[int, int]:
    """The free band (``1 - DECK_WIDTH`` of the width) sits opposite the alignment edge."""
    free = box.rect.w * (1 - DECK_WIDTH)
    if box.side == "center":
        return emu(free / 2), emu(free / 2)
    if box.side == "right":  # right-aligned, or left-aligned holding right-to-left text
        return emu(free), 0
    return 0, emu(free)


def _paragraph_xml(para: Paragraph, box: TextBox, style: DeckStyle, field: str, link_id: str) -> str:
    size = box.paragraph_size(para)
    text_at = box.text_indent(para)
    hang = text_at - box.bullet_indent(para) if para.bullet else 0.0
    p_pr = (
        f'<a:pPr marL="{emu(text_at)}" indent="{-emu(hang)}" algn="{_ALIGN[box.paragraph_align(para)]}"'
        f"{paragraph_flags(para.text, style.language)}>"
        f'<a:lnSpc><a:spcPts val="{_centipoints(size * box.line_spacing)}"/></a:lnSpc>'
        f'<a:spcBef><a:spcPts val="{_centipoints(para.space_before * box.size)}"/></a:spcBef>'
        '<a:spcAft><a:spcPts val="0"/></a:spcAft>' + _bullet_xml(para, style) + "</a:pPr>"
    )
    r_pr = _run_properties(box, size, style, para.text)
    if field:
        shown = f"<a:t>{xml.text(para.text)}</a:t>"
        run = f'<a:fld id="{SLIDE_NUMBER_FIELD_ID}" type="{field}">{r_pr}{shown}</a:fld>'
    else:  # a cited source's link is on every run of its paragraph
        run = xml.runs(para.text, _linked(r_pr, link_id) if link_id else r_pr)
    end = r_pr.replace("<a:rPr", "<a:endParaRPr", 1).replace("</a:rPr>", "</a:endParaRPr>")
    return f"<a:p>{p_pr}{run}{end}</a:p>"


def _linked(r_pr: str, link_id: str) -> str:
    """``r_pr`` with a hyperlink that keeps the run's own colour (Office's ``hlinkClr`` extension)."""
    click = (
        f'<a:hlinkClick r:id="{link_id}"><a:extLst><a:ext uri="{HYPERLINK_COLOR_URI}">'
        f'<ahyp:hlinkClr xmlns:ahyp="{HYPERLINK_COLOR_NS}" val="tx"/></a:ext></a:extLst></a:hlinkClick>'
    )
    return r_pr.replace("</a:rPr>", click + "</a:rPr>", 1)


def _bullet_xml(para: Paragraph, style: DeckStyle) -> str:
    if not para.bullet:
        return "<a:buNone/>"
    return (
        f"<a:buClr>{style.bullet_color_xml()}</a:buClr>"
        f'<a:buFont typeface="Arial"/><a:buChar char="{BULLET}"/>'
    )


def _run_properties(box: TextBox, size: float, style: DeckStyle, text: str) -> str:
    """``a:rPr``: language, size, weight, our colour and fonts (on a template only those its
    theme may lack: the CJK, Arabic or Hebrew font the layout measured the text with)."""
    attrs = (
        f'lang={xml.attr(text_language(text, style.language))} sz="{_centipoints(size)}" '
        f'b="{int(box.bold)}" i="{int(box.italic)}" dirty="0"'
    )
    if not style.templated:  # some layouts (PowerPoint's "Section Header") set all caps
        attrs += ' cap="none"'
    fill = xml.solid_fill(style.text_fill_xml(box))
    fonts = font_faces(text, style.language, style.font_name(heading=box.font == "heading"))
    return f"<a:rPr {attrs}>{fill}{fonts}</a:rPr>"


def _centipoints(size_units: float) -> int:
    """Canvas units (half points) to hundredths of a point."""
    return round(size_units * 50)
