"""Minimal edits of the storyboard's text, located by PyYAML's node marks.

The storyboard is the editor's file: tools that write into it (keep timings,
``briefing import``) change only the characters that carry their change, so
comments, key order, quoting, blank lines and line endings stay as written.
This module holds what they share: finding a node by key and index, an
:class:`Edit` (replace ``start:end`` by ``text``), applying many at once, and
the spans of a block sequence's items (so items can be reordered, moved,
removed or inserted as whole lines, comments above an item moving with it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode


class TextNotEdited(ValueError):
    """The text does not have the shape the edit needs (it does not parse, or a node is missing)."""


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str


def compose(text: str) -> Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise TextNotEdited(f"the storyboard does not parse: {error}") from error


def value(node: Node | None, key: str) -> Node | None:
    """The value of ``key`` in a mapping node (None if absent or not a mapping)."""
    if not isinstance(node, MappingNode):
        return None
    pairs: list[tuple[Node, Node]] = node.value
    return next((v for k, v in pairs if isinstance(k, ScalarNode) and k.value == key), None)


def key_node(node: Node | None, key: str) -> Node | None:
    if not isinstance(node, MappingNode):
        return None
    return next((k for k, _ in node.value if isinstance(k, ScalarNode) and k.value == key), None)


def item(node: Node | None, index: int) -> Node | None:
    items: list[Node] = node.value if isinstance(node, SequenceNode) else []
    return items[index] if 0 <= index < len(items) else None


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with every edit made (they must not overlap; insertions at one point keep their order)."""
    ordered = sorted(enumerate(edits), key=lambda pair: (pair[1].start, pair[1].end, pair[0]))
    last_end = -1
    for _, edit in ordered:
        if edit.start < last_end:
            raise TextNotEdited("two edits overlap")
        last_end = max(last_end, edit.end)
    for _, edit in reversed(ordered):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


def with_line_feeds(text: str) -> tuple[str, Callable[[str], str]]:
    """``text`` with a classic Mac file's line breaks (a lone CR) as LF, which the edits look for
    to find lines (one character for one: every place stays), and the function that gives an
    edited text the file's own line breaks back."""
    if "\r" not in text or "\n" in text:
        return text, lambda edited: edited
    return text.replace("\r", "\n"), lambda edited: edited.replace("\n", "\r")


def line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def line_after(text: str, index: int, column: int) -> int:
    """Where the line after the one holding ``index`` starts (``index`` itself at a line start)."""
    if column == 0:
        return index
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def newline_of(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _is_filler(line: str) -> bool:
    """A blank or comment-only line."""
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def content_end(text: str, node: Node) -> int:
    """Where the line after ``node``'s last non-comment, non-blank line starts."""
    end = node.end_mark.index
    start = line_start(text, end)
    if end > start and text[start:end].strip():  # the node ends inside a content line
        return line_after(text, end, 1)
    while start > node.start_mark.index:
        previous = line_start(text, start - 1)
        if not _is_filler(text[previous:start]):
            return start
        start = previous
    return line_after(text, node.start_mark.index, 1)


def item_spans(text: str, sequence: SequenceNode) -> list[tuple[int, int]]:
    """Each block-sequence item's whole lines: the comment and blank lines above it, its own lines."""
    if sequence.flow_style:
        raise TextNotEdited(
            f"line {sequence.start_mark.line + 1}: a [flow, style] list cannot be reordered here; "
            "write it as a block list (one '- item' per line) and import again"
        )
    items: list[Node] = sequence.value
    starts = []
    floor = line_start(text, sequence.start_mark.index)
    for node in items:
        start = line_start(text, node.start_mark.index)
        while start > floor:
            previous = line_start(text, start - 1)
            if not _is_filler(text[previous:start]):
                break
            start = previous
        starts.append(start)
        floor = content_end(text, node)
    ends = [*starts[1:], content_end(text, items[-1])] if items else []
    return list(zip(starts, ends, strict=True))


def dash_column(text: str, node: Node) -> int:
    """The column of the ``-`` in front of a block-sequence item."""
    start = line_start(text, node.start_mark.index)
    line = text[start : node.start_mark.index]
    return line.rfind("-") if "-" in line else node.start_mark.column


def reindent(block: str, delta: int) -> str:
    """Shift every non-blank line of ``block`` by ``delta`` columns."""
    if delta == 0:
        return block
    lines = block.splitlines(keepends=True)
    if delta > 0:
        return "".join(" " * delta + line if line.strip() else line for line in lines)
    cut = -delta
    return "".join(
        line if not line.strip() else line[cut:] if line[:cut].strip() == "" else line.lstrip(" ")
        for line in lines
    )
