"""Document properties (File > Info): title, author, subject, keywords, dates.

Dates come from the storyboard's ``date`` when it parses, else a fixed date:
never "now", so exporting twice gives the same bytes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from briefing.export.pptx.reproducible import FIXED_DATE
from briefing.storyboard.model import Storyboard

_DATE_FORMATS = (
    "%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %Y", "%b %Y", "%Y-%m", "%Y",
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


def set_properties(presentation: Any, storyboard: Storyboard) -> datetime:
    """Fill the core properties; returns the date written (for the zip normalizer)."""
    props = presentation.core_properties
    date = deck_date(storyboard.date)
    props.title = storyboard.title
    props.author = storyboard.author
    props.last_modified_by = storyboard.author
    props.subject = storyboard.subtitle
    props.keywords = keywords(storyboard)
    props.language = storyboard.language
    props.category = "Briefing"
    props.revision = 1
    props.created = date
    props.modified = date
    return date
