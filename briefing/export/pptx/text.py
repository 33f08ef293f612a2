"""Text frames from the layout's :class:`TextBox`: real, editable text that fits.

python-pptx cannot fit text (its autofit is a flag PowerPoint applies later),
so we use the sizes the layout measured: font size ``TextBox.size / 2`` pt,
the box's rectangle, word wrap on, zero insets and autofit off. Text then
breaks where the app breaks it, in PowerPoint and LibreOffice alike.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu

from briefing.export.pptx.style import DeckStyle, emu, points, rect_emu
from briefing.layout import BULLET, Paragraph, TextBox
from briefing.textfit import WIDTH_SAFETY

_ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
DECK_WIDTH = WIDTH_SAFETY  # share of the box's width the deck wraps in, as the app does
_ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}


def add_text_box(shapes: Any, box: TextBox, style: DeckStyle) -> Any:
    """A new text box shape showing ``box``."""
    shape = shapes.add_textbox(*rect_emu(box.rect))
    shape.name = f"{box.role.title()} {shape.shape_id}"
    fill_text_frame(shape.text_frame, box, style)
    return shape


def place(shape: Any, box: TextBox) -> None:
    """Move and size an existing shape (a placeholder) to ``box.rect``."""
    shape.left, shape.top, shape.width, shape.height = rect_emu(box.rect)


def fill_text_frame(frame: Any, box: TextBox, style: DeckStyle, *, shrink: bool = False) -> None:
    """Replace the frame's text with ``box``'s paragraphs, styled and sized.

    ``shrink`` asks PowerPoint to shrink text on overflow: used on a company
    template, whose theme font the layout did not measure.
    """
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE if shrink else MSO_AUTO_SIZE.NONE
    frame.margin_top = frame.margin_bottom = Emu(0)
    frame.margin_left, frame.margin_right = _side_insets(box)
    frame.vertical_anchor = _ANCHOR[box.valign]
    paragraphs = box.paragraphs or (Paragraph(""),)
    frame.text = ""
    for index, para in enumerate(paragraphs):
        target = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        _fill_paragraph(target, para, box, style)


def _side_insets(box: TextBox) -> tuple[Emu, Emu]:
    """Wrap where the app wraps: the layout breaks lines at ``WIDTH_SAFETY`` of the box's width.

    The deck gets a hair more (``DECK_WIDTH``) so a line the app fits never wraps
    in PowerPoint over a rounding difference; the free band sits opposite the
    alignment edge, so the text stays where the app draws it.
    """
    free = box.rect.w * (1 - DECK_WIDTH)
    if box.align == "center":
        return emu(free / 2), emu(free / 2)
    if box.align == "right":
        return emu(free), Emu(0)
    return Emu(0), emu(free)


def _fill_paragraph(target: Any, para: Paragraph, box: TextBox, style: DeckStyle) -> None:
    """One paragraph with the layout's metrics (see ``briefing.boxes``): exact line pitch
    ``size * line_spacing``, ``space_before`` in em of the box's size, hanging bullets."""
    size = box.paragraph_size(para)
    target.alignment = _ALIGN[box.align]
    target.line_spacing = points(size * box.line_spacing)
    target.space_before = points(para.space_before * box.size)
    target.space_after = Emu(0)
    _indent(target, para, box, style)
    run = target.add_run()
    run.text = para.text
    font = run.font
    font.size = points(size)
    font.bold = box.bold
    font.italic = box.italic
    if not style.templated:  # some layouts (PowerPoint's "Section Header") set all caps
        run._r.get_or_add_rPr().set("cap", "none")
    name = style.font_name(heading=box.font == "heading")
    if name:
        font.name = name
        _set_typeface(run, "a:ea", name)
        _set_typeface(run, "a:cs", name)
    style.text_color(font.color, box.color)


def _indent(paragraph: Any, para: Paragraph, box: TextBox, style: DeckStyle) -> None:
    """Left margin at the text, first line hanging back to the bullet glyph."""
    p_pr = paragraph._p.get_or_add_pPr()
    text_at = box.text_indent(para)
    p_pr.set("marL", str(emu(text_at)))
    p_pr.set("indent", str(-emu(text_at - box.bullet_indent(para)) if para.bullet else 0))
    for tag in ("a:buClr", "a:buNone", "a:buChar", "a:buAutoNum", "a:buFont"):
        for old in p_pr.findall(qn(tag)):
            p_pr.remove(old)
    if para.bullet:
        style.bullet_color(etree.SubElement(p_pr, qn("a:buClr")))
        etree.SubElement(p_pr, qn("a:buFont")).set("typeface", "Arial")
        etree.SubElement(p_pr, qn("a:buChar")).set("char", BULLET)
    else:
        etree.SubElement(p_pr, qn("a:buNone"))


def _set_typeface(run: Any, tag: str, name: str) -> None:
    r_pr = run._r.get_or_add_rPr()
    element = r_pr.find(qn(tag))
    if element is None:
        element = etree.SubElement(r_pr, qn(tag))
    element.set("typeface", name)
