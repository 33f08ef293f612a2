"""The edit collector for one storyboard text: scalars replaced in their style, keys added or dropped,
lists changed keeping the lines of the items that stayed (see :mod:`briefing.review.apply`)."""

from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing.review.yaml_text import block_lines, block_span, block_text, scalar_text
from briefing.storyboard.model import Slide, Storyboard
from briefing.storyboard.text_edits import (
    Edit,
    TextNotEdited,
    compose,
    content_end,
    dash_column,
    item,
    item_spans,
    key_node,
    line_start,
    newline_of,
    value,
)


class Edits:
    """Edits collected against one text, plus files beside it and what could not be applied."""

    def __init__(self, text: str, storyboard: Storyboard) -> None:
        self.text = text
        self._root: Node | None = None
        self._composed = False
        self.storyboard = storyboard
        self.edits: list[Edit] = []
        self.files: dict[Path, str] = {}
        self.notes: list[tuple[int, str]] = []
        self.newline = newline_of(text)

    @property
    def root(self) -> Node | None:
        """The text's YAML nodes, composed on first use (a large storyboard takes seconds)."""
        if not self._composed:
            self._root, self._composed = compose(self.text), True
        return self._root

    def slide_node(self, slide: Slide) -> MappingNode:
        if slide.kind == "title":
            node = self.root
        else:
            section = item(value(self.root, "sections"), slide.section)
            node = section if slide.kind == "section" else item(value(section, "slides"), self._index(slide))
        if not isinstance(node, MappingNode):
            raise TextNotEdited(f"slide '{slide.title}' is not where the storyboard had it")
        return node

    def _index(self, slide: Slide) -> int:
        return self.storyboard.sections[slide.section].slides.index(slide)

    # ------------------------------------------------------------------ scalars
    def set_key(
        self, mapping: Node | None, key: str, new: str, *, raw: bool = False, after: str = ""
    ) -> None:
        """``key: new`` in ``mapping``: the value replaced where it stands, or the key added on the
        line after ``after``'s value (else after the title, else at the end, as keep-timings does)."""
        if not isinstance(mapping, MappingNode):
            raise TextNotEdited(f"no mapping to set '{key}' in")
        current = value(mapping, key)
        flow = bool(mapping.flow_style)
        if current is not None:
            shown = new if raw else scalar_text(new, current, flow=flow)
            self.edits.append(Edit(current.start_mark.index, current.end_mark.index, shown))
            return
        shown = new if raw else scalar_text(new, None, flow=flow)
        if flow:
            closing = mapping.end_mark.index - 1
            self.edits.append(Edit(closing, closing, f", {key}: {shown}"))
            return
        anchor = value(mapping, after) if after else None
        anchor = anchor or value(mapping, "title") or mapping.value[-1][1]
        at = content_end(self.text, anchor)
        indent = mapping.value[0][0].start_mark.column
        self.edits.append(Edit(at, at, f"{' ' * indent}{key}: {shown}{self.newline}"))

    def drop_key(self, mapping: MappingNode, key: str) -> None:
        """Remove ``key:`` and its value (whole lines) from a block mapping."""
        name = key_node(mapping, key)
        current = value(mapping, key)
        if name is None or current is None:
            return
        start = line_start(self.text, name.start_mark.index)
        self.edits.append(Edit(start, content_end(self.text, current), ""))

    def set_notes(self, mapping: MappingNode, paragraphs: tuple[str, ...]) -> None:
        current = value(mapping, "notes")
        key = key_node(mapping, "notes")
        if isinstance(current, ScalarNode) and current.style in ("|", ">"):
            header, indent, old = block_lines(self.text, current)
            start, end = block_span(self.text, current)
            body = block_text(paragraphs, indent=indent, header=header, old=old, newline=self.newline)
            self.edits.append(Edit(start, end, body if paragraphs else '""'))
            return
        if (len(paragraphs) <= 1 and "\n" not in "".join(paragraphs)) or mapping.flow_style:
            self.set_key(mapping, "notes", "\n\n".join(paragraphs))
            return
        column = key.start_mark.column if key is not None else mapping.value[0][0].start_mark.column
        body = block_text(paragraphs, indent=column + 2, newline=self.newline)
        self.set_key(mapping, "notes", body, raw=True)

    # ------------------------------------------------------------------ lists
    def set_list(self, sequence: Node | None, new: list[str], render: Any, same: Any = None) -> None:
        """A list of scalars made ``new``: changed items replaced; when it grew or shrank, the lines
        of the items that stayed are kept."""
        if not isinstance(sequence, SequenceNode):
            raise TextNotEdited("expected a list")
        items: list[Node] = sequence.value
        same = same or (lambda node, text: isinstance(node, ScalarNode) and node.value == text)
        flow = bool(sequence.flow_style)
        old = [n.value if isinstance(n, ScalarNode) else None for n in items]
        if len(items) == len(new) and not moved(old, new):
            for node, text in zip(items, new, strict=True):
                if not same(node, text):
                    self.edits.append(
                        Edit(node.start_mark.index, node.end_mark.index, render(text, node, flow))
                    )
            return
        if flow or not items:
            body = "[" + ", ".join(render(t, None, True) for t in new) + "]"
            self.edits.append(Edit(sequence.start_mark.index, sequence.end_mark.index, body))
            return
        self.rebuild(
            sequence,
            [render(t, None, False) for t in new],
            [n.value if isinstance(n, ScalarNode) else None for n in items],
            new,
        )

    def rebuild(self, sequence: SequenceNode, rendered: list[str], old: list[Any], new: list[Any]) -> None:
        """The list made ``new``: an item equal to an old one keeps its lines, others are ``rendered``."""
        spans = item_spans(self.text, sequence)
        dash = dash_column(self.text, sequence.value[0])
        parts = []
        matcher = SequenceMatcher(None, old, new, autojunk=False)
        reuse = {
            j: i
            for block in matcher.get_matching_blocks()
            for i, j in zip(
                range(block.a, block.a + block.size), range(block.b, block.b + block.size), strict=True
            )
        }
        for j, item_value in enumerate(new):  # moved items keep their own lines too
            free = [i for i, o in enumerate(old) if o == item_value and i not in reuse.values()]
            if j not in reuse and free:
                reuse[j] = free[0]
        for j, shown in enumerate(rendered):
            if j in reuse:
                start, end = spans[reuse[j]]
                parts.append(self.text[start:end])
            else:
                lines = shown.split("\n")
                parts.append(
                    self.newline.join(
                        " " * dash + ("- " if n == 0 else "  ") + line for n, line in enumerate(lines)
                    )
                    + self.newline
                )
        self.edits.append(Edit(spans[0][0], spans[-1][1], "".join(parts)))


def moved(old: list[Any], new: list[Any]) -> bool:
    """Whether an item of ``old`` now stands elsewhere (a reorder: lines move, comments with them)."""
    return any(item != old[i] and item in old for i, item in enumerate(new) if i < len(old))


def plain_render(text: str, like: Node | None, flow: bool) -> str:
    return scalar_text(text, like, flow=flow)


def number_render(text: str, like: Node | None, flow: bool) -> str:
    return text


def same_number(node: Node, text: str) -> bool:
    try:
        return isinstance(node, ScalarNode) and float(node.value) == float(text)
    except ValueError:
        return False
