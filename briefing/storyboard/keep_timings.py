"""Rehearsal timings written back into the storyboard text as each slide's ``duration:``.

The storyboard is the editor's file, so the edit is the smallest one that
says the new durations: an existing ``duration:`` value is replaced where it
stands (quotes included), a slide without one gets a ``duration:`` line under
its title at the indentation of its keys (or ``, duration: …`` before the
closing brace of a flow mapping). Every other byte (comments, key order,
quoting, blank lines, line endings) stays as the editor wrote it. The text is
edited, not re-dumped: PyYAML's marks locate each node.
"""

from __future__ import annotations

from collections.abc import Mapping

from yaml.nodes import MappingNode, Node, ScalarNode

from briefing.storyboard.text_edits import (
    Edit,
    TextNotEdited,
    apply_edits,
    compose,
    item,
    line_after,
    newline_of,
    value,
    with_line_feeds,
)

SlidePosition = tuple[int, int]  # (section index, slide index within the section), 0-based


class TimingsNotWritten(TextNotEdited):
    """The storyboard's text does not have the shape the edit needs (it does not load)."""


def duration_text(seconds: float) -> str:
    """``45`` -> ``45s``, ``120`` -> ``2min``, ``95`` -> ``1m35s`` (whole seconds, at least 1 s)."""
    total = max(1, round(seconds))
    minutes, secs = divmod(total, 60)
    if not minutes:
        return f"{secs}s"
    return f"{minutes}min" if not secs else f"{minutes}m{secs:02d}s"


def with_durations(text: str, seconds: Mapping[SlidePosition, float]) -> str:
    """``text`` with each slide at a position in ``seconds`` given that ``duration:``.

    Raises :class:`TimingsNotWritten` when the text is not a storyboard with
    those slides (the caller then writes nothing).
    """
    text, own_line_breaks = with_line_feeds(text)
    try:
        root = compose(text)
    except TextNotEdited as error:
        raise TimingsNotWritten(str(error)) from error
    edits = [
        _duration_edit(text, _slide_node(root, position), duration_text(spent))
        for position, spent in seconds.items()
    ]
    return own_line_breaks(apply_edits(text, edits))


def _slide_node(root: Node | None, position: SlidePosition) -> MappingNode:
    section, slide = position
    node = item(value(item(value(root, "sections"), section), "slides"), slide)
    if not isinstance(node, MappingNode):
        raise TimingsNotWritten(f"no slide {slide + 1} in section {section + 1}")
    return node


def _duration_edit(text: str, slide: MappingNode, duration: str) -> Edit:
    current = value(slide, "duration")
    if current is not None:
        return Edit(current.start_mark.index, current.end_mark.index, duration)
    if slide.flow_style:
        closing = slide.end_mark.index - 1  # the "}"
        return Edit(closing, closing, f", duration: {duration}")
    _, anchor_value = next(
        ((k, v) for k, v in slide.value if isinstance(k, ScalarNode) and k.value == "title"), slide.value[0]
    )
    indent = slide.value[0][0].start_mark.column
    at = line_after(text, anchor_value.end_mark.index, anchor_value.end_mark.column)
    newline = newline_of(text)
    lead = "" if at == 0 or text[at - 1] == "\n" else newline  # the file's last line had no newline
    return Edit(at, at, f"{lead}{' ' * indent}duration: {duration}{newline}")
