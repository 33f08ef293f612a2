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

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn

from briefing.export.pptx.animations import add_timing, build_clicks, timing_xml
from briefing.export.pptx.charts import add_chart
from briefing.export.pptx.notes import NotesWriter
from briefing.export.pptx.shapes import add_decoration, add_picture
from briefing.export.pptx.slide_parts import SlideAdder
from briefing.export.pptx.style import DeckStyle
from briefing.export.pptx.template import TITLE_TYPES
from briefing.export.pptx.text import add_text_box, fill_placeholder, relate_links
from briefing.layout import SlideLayout, TextBox
from briefing.storyboard.model import Chart, Image, Slide

#: Slide kind -> {layout role: placeholder types it may fill}.
PLACEHOLDER_ROLES: dict[str, dict[str, tuple[PP_PLACEHOLDER, ...]]] = {
    "title": {"title": TITLE_TYPES, "subtitle": (PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.BODY)},
}
DEFAULT_ROLES: dict[str, tuple[PP_PLACEHOLDER, ...]] = {"title": TITLE_TYPES}
LAST_ROLES = ("caption", "footer", "slide-number")


def role_of(kind: str) -> str:
    return kind if kind in ("title", "section") else "content"


class _Ids:
    """Shape ids for one slide: one more than the largest in use, counting up."""

    def __init__(self, tree: Any) -> None:
        self._last = max((int(v) for v in tree.xpath("//p:cNvPr/@id")), default=1)

    def __call__(self) -> int:
        self._last += 1
        return self._last


def build_slide(
    adder: SlideAdder,
    layouts: dict[str, Any],
    slide: Slide,
    layout: SlideLayout,
    style: DeckStyle,
    notes: NotesWriter,
    speaker_notes: str,
) -> Any:
    """Add one slide showing ``layout``; later build steps come on clicks (see ``animations``)."""
    style = style.on_slide(layout)  # text colours are judged on this slide's template surface
    deck_slide = adder.add(layouts[role_of(slide.kind)])
    if not style.templated and layout.background != style.theme.background:
        deck_slide.background.fill.solid()  # the master carries the usual background
        style.apply_color(deck_slide.background.fill.fore_color, layout.background)
    tree = deck_slide.element.find(qn("p:cSld")).find(qn("p:spTree"))
    extension = tree.find(qn("p:extLst"))
    if extension is not None:
        tree.remove(extension)
    placed = _placeholders(tree, slide.kind, layout)
    next_id = _Ids(tree)
    for shape in layout.shapes:
        add_decoration(tree, next_id(), shape, style)
    for role in ("title", "subtitle"):
        if role in placed:  # move after the decorations, in reading order
            tree.remove(placed[role])
            tree.append(placed[role])
            fill_placeholder(placed[role], layout.text(role)[0], style)
    texts = [box for box in layout.texts if box.role not in placed]
    for box in texts:  # a title without a placeholder comes first all the same
        if box.role == "title":
            add_text_box(tree, next_id(), box, style, links=relate_links(deck_slide.part, box))
    built: tuple[int, TextBox] | None = None
    for box in texts:
        if box.role not in ("title", *LAST_ROLES):
            shape_id = next_id()
            add_text_box(tree, shape_id, box, style, links=relate_links(deck_slide.part, box))
            if any(p.step for p in box.paragraphs):
                built = (shape_id, box)
    chart = _media(deck_slide.shapes, slide, layout, style)
    next_id = _Ids(tree)  # python-pptx numbered the chart or picture: count on from there
    for role in LAST_ROLES:
        for box in texts:
            if box.role == role:
                field = "slidenum" if role == "slide-number" else ""
                links = relate_links(deck_slide.part, box)
                add_text_box(tree, next_id(), box, style, field=field, links=links)
    if extension is not None:
        tree.append(extension)
    _animate(deck_slide, built, chart)
    notes.write(deck_slide, speaker_notes)
    return deck_slide


def _placeholders(tree: Any, kind: str, layout: SlideLayout) -> dict[str, Any]:
    """Pick a placeholder for each placeholder role; drop the others (they'd say "Click to add text")."""
    roles = PLACEHOLDER_ROLES.get(kind, DEFAULT_ROLES)
    placed: dict[str, Any] = {}
    for element in tree.xpath("./p:sp[p:nvSpPr/p:nvPr/p:ph]"):
        kind_of = element.ph_type
        role = next(
            (r for r, types in roles.items() if kind_of in types and r not in placed and layout.text(r)),
            None,
        )
        if role is None:
            tree.remove(element)
        else:
            placed[role] = element
    return placed


def _animate(deck_slide: Any, built: tuple[int, TextBox] | None, chart: tuple[int, str] | None) -> None:
    """Clicks for the build steps after the first, the chart growing in: as in the app."""
    timing = timing_xml(
        text_id=built[0] if built else None,
        clicks=build_clicks(built[1]) if built else (),
        chart_id=chart[0] if chart else None,
        chart_type=chart[1] if chart else "",
    )
    add_timing(deck_slide.element, timing)


def _media(shapes: Any, slide: Slide, layout: SlideLayout, style: DeckStyle) -> tuple[int, str] | None:
    """Add the chart or picture; for a chart, its shape id and type (it gets an entrance)."""
    body = slide.body
    if isinstance(body, Chart) and layout.chart is not None:
        frame = add_chart(shapes, body, layout.chart, style, title=slide.title)
        return frame.shape_id, body.type
    if isinstance(body, Image) and layout.image is not None:
        add_picture(shapes, body, layout.image, body.alt)
    return None
