"""The deck's order of sections and slides written into the storyboard, slides as whole lines.

Every kept slide keeps its own lines (comments above it move with it); a
slide moved into a section of another indentation is shifted as a block; a
slide the stakeholder deleted loses its lines; a slide they added becomes a
bullet slide with their title, text and notes, at its place. A section left
with no slides is removed (a section must have one).
"""

from __future__ import annotations

from yaml.nodes import Node, SequenceNode

from briefing.review.body_edits import bullet_yaml, grouped
from briefing.review.changes import Entry, Order, Review
from briefing.review.deck import DeckSlide
from briefing.review.yaml_text import block_text, scalar_text
from briefing.storyboard.model import Slide, Storyboard
from briefing.storyboard.text_edits import (
    Edit,
    TextNotEdited,
    apply_edits,
    compose,
    dash_column,
    item_spans,
    newline_of,
    reindent,
    value,
)


def restructure(text: str, storyboard: Storyboard, review: Review) -> tuple[str, list[tuple[int, str]]]:
    """``text`` with the review's order, removals and new slides (positions from ``storyboard``)."""
    order = review.order or _unchanged(storyboard, review)
    root = compose(text)
    sections = value(root, "sections")
    if not isinstance(sections, SequenceNode):
        raise TextNotEdited("the storyboard has no sections list")
    newline = newline_of(text)
    section_spans = item_spans(text, sections)
    slide_texts: dict[str, str] = {}
    leads: dict[int, list[str]] = {}
    section_texts = {}
    notes: list[tuple[int, str]] = []
    for number, (section, node) in enumerate(zip(storyboard.sections, sections.value, strict=True)):
        slides = value(node, "slides")
        if not isinstance(slides, SequenceNode):
            raise TextNotEdited(f"section '{section.title}' has no slides list")
        spans = item_spans(text, slides)
        dash = dash_column(text, slides.value[0])
        leads[number] = []
        for slide, (start, end) in zip(section.slides, spans, strict=True):
            lead, rest = _leading_blanks(text[start:end])
            leads[number].append(lead)
            slide_texts[slide.id] = reindent(rest, -dash)
        s_start, s_end = section_spans[number]
        section_texts[number] = (text[s_start : spans[0][0]], text[spans[-1][1] : s_end], dash)
    parts = []
    for section, entries in order.sections:
        if not entries:
            notes.append((0, f"section '{section.title}' has no slides left: removed"))
            continue
        number = storyboard.sections.index(section)
        head, tail, dash = section_texts[number]
        body = "".join(
            _lead(leads[number], position) + reindent(_entry_text(e, slide_texts, newline), dash)
            for position, e in enumerate(entries)
        )
        parts.append(head + body + tail)
    if not parts:
        raise TextNotEdited("the deck has no slides of this storyboard left")
    return apply_edits(text, [Edit(section_spans[0][0], section_spans[-1][1], "".join(parts))]), notes


def _unchanged(storyboard: Storyboard, review: Review) -> Order:
    removed = {s.id for s in review.removed}
    return Order(tuple((s, tuple(x for x in s.slides if x.id not in removed)) for s in storyboard.sections))


def _entry_text(entry: Entry, slide_texts: dict[str, str], newline: str) -> str:
    if isinstance(entry, Slide):
        return slide_texts[entry.id]
    return new_slide_yaml(entry, newline)


def _leading_blanks(span: str) -> tuple[str, str]:
    """The blank lines a slide's lines start with (they separate it from the one above), and the rest."""
    lines = span.splitlines(keepends=True)
    count = next((n for n, line in enumerate(lines) if line.strip()), len(lines))
    return "".join(lines[:count]), "".join(lines[count:])


def _lead(leads: list[str], position: int) -> str:
    """The separation the section had at this position (slides keep the file's rhythm when moved)."""
    if position < len(leads):
        return leads[position]
    return leads[-1] if len(leads) > 1 else ""


def new_slide_yaml(deck_slide: DeckSlide, newline: str = "\n") -> str:
    """A new bullet slide from a slide the stakeholder added (at indentation 0, dash first)."""
    view = deck_slide.view
    lines = [f"- title: {scalar_text(view.title or f'New slide {deck_slide.number}', None)}"]
    if view.notes:
        lines.append("  notes: " + block_text(view.notes, indent=4, newline=newline))
    lines.append("  bullets:")
    bullets = view.bullets or tuple(
        (0, t) for t in (view.quote, view.caption, *(f"{v} {label}" for v, label in view.stats)) if t
    )
    for text, children in grouped(bullets or ((0, view.title or "(empty)"),)):
        first, *rest = bullet_yaml(text, children).split("\n")
        lines.append(f"    - {first}")
        lines.extend(f"      {line}" for line in rest)
    return newline.join(lines) + newline


def slide_nodes(root: Node | None) -> list[Node]:
    sections = value(root, "sections")
    return list(sections.value) if isinstance(sections, SequenceNode) else []
