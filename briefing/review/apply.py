"""A review's field changes written into the storyboard's text, as the smallest edits that say them.

Each change replaces only the scalar that holds the old words or figure (in
its own quoting style); a list that grew, shrank or was reordered keeps the
lines of the items that stayed. A chart read from a CSV gets its CSV changed
(:mod:`briefing.review.csv_edit`), never inline data. The order of sections
and slides, removed and new slides are :mod:`briefing.review.restructure`.
"""

from __future__ import annotations

from pathlib import Path

from briefing.review import body_edits
from briefing.review.changes import FieldChange, Review
from briefing.review.yaml_edits import Edits
from briefing.storyboard.model import Storyboard
from briefing.storyboard.text_edits import apply_edits, value


def apply_changes(
    text: str, storyboard: Storyboard, review: Review
) -> tuple[str, dict[Path, str], list[tuple[int, str]]]:
    """The storyboard text with every field change made, new CSV texts by path, and notes."""
    edits = Edits(text, storyboard)
    for change in review.changes:
        _apply(edits, change)
    return apply_edits(text, edits.edits), edits.files, edits.notes


def _apply(edits: Edits, change: FieldChange) -> None:
    slide, name, new = change.slide, change.field, change.new
    node = edits.slide_node(slide)
    if name == "title":
        edits.set_key(node, "title", str(new))
    elif name == "notes":
        assert isinstance(new, tuple)
        edits.set_notes(node, new)
    elif name == "subtitle":
        edits.set_key(node, "subtitle", str(new))
    elif name == "byline":
        body_edits.byline(edits, node, change)
    elif name == "bullets":
        body_edits.bullets(edits, value(node, "bullets"), new)  # type: ignore[arg-type]
    elif name == "stats":
        body_edits.stats(edits, change, value(node, "stats"), new)  # type: ignore[arg-type]
    elif name == "quote":
        edits.set_key(value(node, "quote"), "text", str(new))
    elif name == "attribution":
        body_edits.attribution(edits, value(node, "quote"), str(change.old), str(new))
    elif name == "columns":
        body_edits.columns(edits, value(node, "compare"), change.old, new)  # type: ignore[arg-type]
    elif name == "chart":
        body_edits.chart(edits, change, value(node, "chart"), new)  # type: ignore[arg-type]
    elif name in ("alt", "caption"):
        body = value(node, "chart") if value(node, "chart") is not None else value(node, "image")
        edits.set_key(body, name, str(new))
