"""New values written the way the editor wrote the old ones: same quoting, same block style, same wrapping.

A plain scalar stays plain when the new text can be plain (else it becomes
double-quoted), a quoted one keeps its quotes, a ``|`` block keeps its header
and indentation, and its unchanged paragraphs keep their own line breaks; a
changed paragraph is wrapped as wide as the block's longest line.
"""

from __future__ import annotations

import json
import textwrap

import yaml
from yaml.nodes import Node, ScalarNode

from briefing.storyboard.text_edits import line_after, line_start

FLOW_INDICATORS = set(",[]{}")


def number_text(number: float) -> str:
    """``17500``, ``3.5``: the shortest text that reads back as the same number."""
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number)


def plain_ok(text: str, *, flow: bool) -> bool:
    if not text or text != text.strip() or "\n" in text or (flow and FLOW_INDICATORS & set(text)):
        return False
    try:
        return yaml.safe_load(f"k: {text}") == {"k": text}
    except yaml.YAMLError:
        return False


def quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def scalar_text(text: str, like: Node | None, *, flow: bool = False) -> str:
    """``text`` as a one-line YAML scalar in the style of ``like`` (plain if it can be)."""
    style = like.style if isinstance(like, ScalarNode) else None
    if style == "'" and "\n" not in text:
        return "'" + text.replace("'", "''") + "'"
    if style == '"':
        return quoted(text)
    return text if plain_ok(text, flow=flow) else quoted(text)


def block_span(text: str, node: ScalarNode) -> tuple[int, int]:
    """A ``|`` or ``>`` scalar's characters: its header to the end of its last non-blank line."""
    end = node.end_mark.index
    while end > node.start_mark.index and text[end - 1] in "\r\n ":
        end -= 1
    return node.start_mark.index, end


def block_lines(text: str, node: ScalarNode) -> tuple[str, int, list[list[str]]]:
    """The block's header (``|``, ``|-``, ``>``), its content indent and its paragraphs' raw lines."""
    start, end = block_span(text, node)
    header_end = text.find("\n", start)
    header = text[start:header_end].rstrip("\r")
    lines = text[header_end + 1 : end].replace("\r\n", "\n").split("\n")
    indent = min(
        (len(line) - len(line.lstrip(" ")) for line in lines if line.strip()),
        default=node.start_mark.column + 2,
    )
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            paragraphs[-1].append(line[indent:])
        elif paragraphs[-1]:
            paragraphs.append([])
    return header, indent, [p for p in paragraphs if p]


def block_text(
    paragraphs: tuple[str, ...],
    *,
    indent: int,
    header: str = "|",
    old: list[list[str]] | None = None,
    newline: str = "\n",
) -> str:
    """A block scalar (header first) holding ``paragraphs``; paragraphs found in ``old`` keep their lines.

    In a ``|`` block every line break is one the notes keep (the deck shows it), so a paragraph's
    lines are written as they are; a ``>`` block folds lines, so a new paragraph is wrapped.
    """
    folded = header.startswith(">")
    kept = {flat(" ".join(lines)): lines for lines in old or []}
    width = max([len(line) + indent for lines in old or [] for line in lines] + [78])
    out = [header]
    for number, paragraph in enumerate(paragraphs):
        if number:
            out.append("")
        lines = kept.get(flat(paragraph))  # the same words: the editor's own lines stay
        if lines is None and folded:
            lines = textwrap.wrap(
                paragraph, width=max(20, width - indent), break_long_words=False, break_on_hyphens=False
            )
        elif lines is None:
            lines = paragraph.split("\n")
        out.extend(" " * indent + line for line in lines)
    return newline.join(out)


def flat(text: str) -> str:
    """Words only: line breaks and runs of spaces are one space."""
    return " ".join(text.split())


def key_line_end(text: str, node: Node) -> int:
    """Where the line after a node's last line starts."""
    return line_after(text, node.end_mark.index, node.end_mark.column)


def indent_of_line(text: str, index: int) -> int:
    start = line_start(text, index)
    line = text[start:index]
    return len(line) - len(line.lstrip(" "))
