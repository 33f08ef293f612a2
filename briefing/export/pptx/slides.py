"""One deck slide from one :class:`SlideLayout`, in reading order.

Every slide kind is drawn from the layout's boxes, so this module has no
per-kind geometry of its own. What is kind-specific is which boxes go into
the slide layout's placeholders (:data:`PLACEHOLDER_ROLES`): the title always
goes into the title placeholder (screen readers and the outline view find it
there), the deck subtitle into the subtitle placeholder.

Shape order in the ``spTree`` is z-order *and* reading order: decorations
first (behind the text, marked decorative), then the title, then the body in
layout order, chart or picture, caption, and the footer and slide number last.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn

from briefing.export.pptx.charts import add_chart
from briefing.export.pptx.notes import set_notes
from briefing.export.pptx.shapes import add_decoration, add_picture
from briefing.export.pptx.style import DeckStyle
from briefing.export.pptx.template import TITLE_TYPES
from briefing.export.pptx.text import add_text_box, fill_text_frame, place
from briefing.layout import SlideLayout, TextBox
from briefing.storyboard.model import Chart, Image, Slide

#: Slide kind -> {layout role: placeholder types it may fill}.
PLACEHOLDER_ROLES: dict[str, dict[str, tuple[PP_PLACEHOLDER, ...]]] = {
    "title": {"title": TITLE_TYPES, "subtitle": (PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.BODY)},
}
DEFAULT_ROLES: dict[str, tuple[PP_PLACEHOLDER, ...]] = {"title": TITLE_TYPES}
LAST_ROLES = ("caption", "footer", "slide-number")
SLIDE_NUMBER_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"  # fixed: no random ids


def role_of(kind: str) -> str:
    return kind if kind in ("title", "section") else "content"


def build_slide(
    presentation: Any, layouts: dict[str, Any], slide: Slide, layout: SlideLayout, style: DeckStyle
) -> Any:
    """Add one slide to ``presentation`` showing ``layout`` at its final build step."""
    deck_slide = presentation.slides.add_slide(layouts[role_of(slide.kind)])
    if not style.templated:
        deck_slide.background.fill.solid()
        style.apply_color(deck_slide.background.fill.fore_color, layout.background)
    shapes = deck_slide.shapes
    ordered: list[Any] = [add_decoration(shapes, box, style) for box in layout.shapes]
    placed = _fill_placeholders(deck_slide, slide.kind, layout, style)
    _remove_unused_placeholders(deck_slide, placed.values())
    texts = [box for box in layout.texts if box.role not in placed]
    ordered.extend(placed[role] for role in ("title", "subtitle") if role in placed)
    if "title" not in placed:  # a layout without a title placeholder: a text box, still read first
        ordered.extend(add_text_box(shapes, box, style) for box in texts if box.role == "title")
    body = [box for box in texts if box.role not in ("title", *LAST_ROLES)]
    ordered.extend(add_text_box(shapes, box, style) for box in body)
    ordered.extend(_media(shapes, slide, layout, style))
    for role in LAST_ROLES:
        for box in texts:
            if box.role == role:
                shape = add_text_box(shapes, box, style)
                if role == "slide-number":
                    _as_slide_number_field(shape)
                ordered.append(shape)
    _reorder(shapes, ordered)
    set_notes(deck_slide, slide.notes)
    return deck_slide


def _fill_placeholders(deck_slide: Any, kind: str, layout: SlideLayout, style: DeckStyle) -> dict[str, Any]:
    roles = PLACEHOLDER_ROLES.get(kind, DEFAULT_ROLES)
    free = list(deck_slide.placeholders)
    placed: dict[str, Any] = {}
    for role, types in roles.items():
        boxes = layout.text(role)
        holder = next((p for p in free if p.placeholder_format.type in types), None)
        if not boxes or holder is None:
            continue
        free.remove(holder)
        _fill_placeholder(holder, boxes[0], style)
        placed[role] = holder
    return placed


def _fill_placeholder(holder: Any, box: TextBox, style: DeckStyle) -> None:
    place(holder, box)
    holder.name = f"{box.role.title()} {holder.shape_id}"
    fill_text_frame(holder.text_frame, box, style, shrink=style.templated)


def _remove_unused_placeholders(deck_slide: Any, keep: Any) -> None:
    """Empty placeholders would show "Click to add text" in PowerPoint: drop them."""
    kept = {id(shape._element) for shape in keep}
    for holder in list(deck_slide.placeholders):
        if id(holder._element) not in kept:
            holder._element.getparent().remove(holder._element)


def _media(shapes: Any, slide: Slide, layout: SlideLayout, style: DeckStyle) -> list[Any]:
    body = slide.body
    if isinstance(body, Chart) and layout.chart is not None:
        return [add_chart(shapes, body, layout.chart, style, title=slide.title)]
    if isinstance(body, Image) and layout.image is not None:
        return [add_picture(shapes, body.path, layout.image, body.alt)]
    return []


def _reorder(shapes: Any, ordered: list[Any]) -> None:
    """Put shapes in ``ordered`` order at the end of the spTree (z-order = reading order)."""
    tree = shapes._spTree
    for shape in ordered:
        element = shape._element
        tree.remove(element)
        tree.append(element)
    ext = tree.find(qn("p:extLst"))
    if ext is not None:  # extLst must stay last
        tree.remove(ext)
        tree.append(ext)


def _as_slide_number_field(shape: Any) -> None:
    """Make the number a slide-number field, so it stays right when slides are moved."""
    paragraph = shape.text_frame.paragraphs[0]
    run = paragraph.runs[0]._r
    field = etree.Element(qn("a:fld"))
    field.set("id", SLIDE_NUMBER_FIELD_ID)
    field.set("type", "slidenum")
    r_pr = run.find(qn("a:rPr"))
    if r_pr is not None:
        field.append(r_pr)
    text = etree.SubElement(field, qn("a:t"))
    text.text = run.findtext(qn("a:t"))
    run.addprevious(field)
    run.getparent().remove(run)
