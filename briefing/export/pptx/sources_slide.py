"""The deck's closing Sources slide: every cited source once, with its details and link.

A stakeholder who presents the deck again gets the answer to "where is that
from?" on one slide. The layout (``briefing.layout.slides.layout_sources_slide``)
decides what it shows and where; this module adds it as an ordinary bullets
slide after the storyboard's slides, so it has a title placeholder, the
slide number field and, for each source with a ``url``, a hyperlink. The
storyboard key ``sources_slide: false`` leaves it out, and a storyboard that
cites nothing gets none.
"""

from __future__ import annotations

from typing import Any

from briefing.export.pptx.notes import NotesWriter
from briefing.export.pptx.slide_parts import SlideAdder
from briefing.export.pptx.slides import build_slide
from briefing.export.pptx.style import DeckStyle
from briefing.i18n import strings_for
from briefing.layout.citations import cited_sources, source_label, sources_title
from briefing.layout.slides import layout_sources_slide
from briefing.storyboard.model import Bullets, Slide, Storyboard

SOURCES_NOTES = strings_for("en").sources_notes  # the English notes; a deck's own in its language


def has_sources_slide(storyboard: Storyboard) -> bool:
    return storyboard.sources_slide and bool(cited_sources(storyboard))


def add_sources_slide(
    adder: SlideAdder, layouts: dict[str, Any], storyboard: Storyboard, style: DeckStyle, notes: NotesWriter
) -> Any | None:
    """Add the Sources slide at the end of the deck (None when there is none to add)."""
    layout = layout_sources_slide(storyboard, style.theme)
    if layout is None:
        return None
    slide = Slide(title=sources_title(storyboard), body=Bullets(items=()), id="sources")
    entries = [source_label(s) + (f", {s.url}" if s.url else "") for s in cited_sources(storyboard)]
    text = "\n\n".join([strings_for(storyboard.language).sources_notes, *entries])
    return build_slide(adder, layouts, slide, layout, style, notes, text)
