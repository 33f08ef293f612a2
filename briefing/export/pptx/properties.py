"""Document properties (File > Info): title, author, subject, keywords, dates.

Dates come from the storyboard's ``date`` when it parses, else a fixed date:
never "now", so exporting twice gives the same bytes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from briefing.export.pptx import xml
from briefing.export.pptx.reproducible import FIXED_DATE
from briefing.storyboard.model import Storyboard

#: PowerPoint's (and python-pptx's) limit on a core property's length, in characters.
PROPERTY_LIMIT = 255
ELLIPSIS = "\u2026"

_DATE_FORMATS = (
    "%Y-%m-%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %Y",
    "%b %Y",
    "%Y-%m",
    "%Y",
)


def deck_date(text: str) -> datetime:
    """The storyboard's date as a datetime, or :data:`FIXED_DATE`."""
    text = text.strip()
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        pass  # not ISO: try the human formats below
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return FIXED_DATE


def keywords(storyboard: Storyboard) -> str:
    return "; ".join(section.title for section in storyboard.sections)


def fit_property(value: str, limit: int = PROPERTY_LIMIT) -> str:
    """``value`` as a core property can hold it: one XML-safe line of at most ``limit`` characters.

    Longer text is cut at the last word boundary that leaves room for an ellipsis (at a
    character boundary when one word is that long), so File > Info shows whole words.
    """
    text = " ".join(" ".join(xml.lines(value)).split())
    if len(text) <= limit:
        return text
    room = text[: limit - len(ELLIPSIS) + 1]
    cut = room.rfind(" ")
    kept = room[:cut] if cut > 0 else room[:-1]
    return kept.rstrip(" ;,.:-") + ELLIPSIS


def set_properties(presentation: Any, storyboard: Storyboard) -> datetime:
    """Fill the core properties; returns the date written (for the zip normalizer)."""
    props = presentation.core_properties
    date = deck_date(storyboard.date)
    props.title = fit_property(storyboard.title)
    props.author = fit_property(storyboard.author)
    props.last_modified_by = fit_property(storyboard.author)
    props.subject = fit_property(storyboard.subtitle)
    props.keywords = fit_property(keywords(storyboard))
    props.language = fit_property(storyboard.language)
    props.category = "Briefing"
    props.comments = ""  # not python-pptx's own "generated using python-pptx"
    props.revision = 1
    props.created = date
    props.modified = date
    return date
