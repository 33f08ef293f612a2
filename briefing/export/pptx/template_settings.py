"""A template's settings that belong to the template, not to a deck built on it.

A company template may be protected or set up to be shown a certain way; a deck built on it
must open and play as the storyboard's own. :func:`reset_settings` removes, part by part:

* a password to modify (``p:modifyVerifier`` in ``presentation.xml``): PowerPoint would ask
  the stakeholder for the template owner's password, or open the deck read-only;
* the slide show settings (``p:showPr`` in ``presProps.xml``): a range of the template's
  slides (``p:sldRg``: the show would start at slide 5 of the deck), one of its custom shows,
  kiosk mode (clicks no longer advance), looping;
* Office's own custom properties (named ``_...``): ``_MarkAsFinal`` opens the deck "marked as
  final", the ``_AdHocReviewCycleID`` family starts a review cycle. The template's other
  custom properties (a sensitivity label, a document class) stay.

The template's core and extended properties and its thumbnail (a picture of its first slide,
the count and titles of its own slides) are not kept at all (``template_rules``).
"""

from __future__ import annotations

from typing import Any

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_PML = "application/vnd.openxmlformats-officedocument.presentationml."
PRESENTATION_PROPERTIES = _PML + "presProps+xml"
CUSTOM_PROPERTIES = "application/vnd.openxmlformats-officedocument.custom-properties+xml"


def reset_settings(root: Any, content_type: str, main: bool) -> tuple[bool, list[tuple[str, str]]]:
    """Remove the template's own settings from part ``root``: (whether it changed, and
    (category, what) for each that the user is told about)."""
    if main:
        verifiers = list(root.iterfind(f"{_P}modifyVerifier"))
        _remove(verifiers)
        return bool(verifiers), [("protection", "ppt/presentation.xml")] if verifiers else []
    if content_type == PRESENTATION_PROPERTIES:
        shows = list(root.iterfind(f"{_P}showPr"))
        told = [("show", what) for show in shows for what in _show_settings(show)]
        _remove(shows)
        return bool(shows), told
    if content_type == CUSTOM_PROPERTIES:
        office = [p for p in root.iterfind(f"{_CUSTOM}property") if p.get("name", "").startswith("_")]
        _remove(office)
        return bool(office), []
    return False, []


def _show_settings(show: Any) -> list[str]:
    """What a user would notice of a ``p:showPr``, in words."""
    found = []
    if show.find(f"{_P}kiosk") is not None:
        found.append("browsed at a kiosk")
    if show.find(f"{_P}browse") is not None:
        found.append("browsed by an individual")
    if show.get("loop") in ("1", "true"):
        found.append("looping")
    for slide_range in show.iterfind(f"{_P}sldRg"):
        found.append(f"slides {slide_range.get('st', '?')} to {slide_range.get('end', '?')} only")
    if show.find(f"{_P}custShow") is not None:
        found.append("a custom show")
    return found


def _remove(elements: list[Any]) -> None:
    for element in elements:
        element.getparent().remove(element)
