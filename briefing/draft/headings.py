"""The report's outline: its title, the paragraphs before the first heading, and one part per heading.

Headings come in several shapes: Markdown ``#`` lines (and underlined
"setext" ones), numbered headings ("2.", "3.1", "IV."), and short title-case
lines without a full stop, as in plain-text reports. Junk glued in front of
a heading has been cut off already (see ``injected``), so the line is judged
on what remains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.sources import Line

SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or over per the to under up upon via vs versus with "
    "without its their his her our".split()
)
_MARKDOWN = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_UNDERLINE = re.compile(r"^(=+|-+)$")
_NUMBERED = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.)\s+(.+)$")
_LIST_ITEM = re.compile(r"^(?:[-*+•]\s+|\d+[.)]\s+)")
_PARAGRAPH_END = re.compile(r"[.!?:;\"”’)]$")
MAX_HEADING_WORDS = 12


@dataclass
class Paragraph:
    """Consecutive lines of one paragraph; ``text`` is their text joined with spaces."""

    lines: list[Line]

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    @property
    def line(self) -> int:
        return self.lines[0].number


@dataclass
class Part:
    title: str
    line: int
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Outline:
    title: str = ""
    title_line: int = 0
    intro: list[Paragraph] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)


def heading_of(text: str) -> tuple[str, int] | None:
    """``(heading text, level)`` when the line is a heading, else None (level 0: plain heading)."""
    markdown = _MARKDOWN.match(text)
    if markdown:
        return markdown.group(2).strip(), len(markdown.group(1))
    numbered = _NUMBERED.match(text)
    if numbered and looks_like_title(numbered.group(1)):
        return numbered.group(1).strip(), 0
    if looks_like_title(text):
        return text.strip(), 0
    return None


def looks_like_title(text: str) -> bool:
    """A short line, no closing full stop, most of its significant words capitalised."""
    words = text.split()
    if not words or len(words) > MAX_HEADING_WORDS or len(text) > 100 or _PARAGRAPH_END.search(text):
        return False
    if text.endswith(",") or not (text[0].isupper() or text[0].isdigit()):
        return False
    significant = [w.strip("\"“”'‘’():,-") for w in words]
    significant = [w for w in significant if w and w.lower() not in SMALL_WORDS]
    if not significant:
        return False
    capitalised = sum(1 for w in significant if w[0].isupper() or w[0].isdigit())
    return capitalised / len(significant) >= 0.75


def outline(lines: list[Line], markdown: bool) -> Outline:
    """Group cleaned lines (blank lines included) into title, intro and parts."""
    blocks = _blocks(lines, markdown)
    result = Outline()
    levels = [level for kind, level, _ in blocks if kind == "heading"]
    first = blocks[0] if blocks else None
    if first is not None and first[0] == "heading" and len(levels) > 1:
        level = first[1]
        later = levels[1:]
        if level == 0 or all(other > level for other in later):
            result.title, result.title_line = first[2][0].text, first[2][0].number
            blocks = blocks[1:]
    for kind, _, block_lines in blocks:
        if kind == "heading":
            result.parts.append(Part(block_lines[0].text, block_lines[0].number))
        elif result.parts:
            result.parts[-1].paragraphs.append(Paragraph(block_lines))
        else:
            result.intro.append(Paragraph(block_lines))
    return result


def _blocks(lines: list[Line], markdown: bool) -> list[tuple[str, int, list[Line]]]:
    """("heading", level, [line]) and ("paragraph", 0, lines) in report order."""
    blocks: list[tuple[str, int, list[Line]]] = []
    current: list[Line] = []

    def flush() -> None:
        if current:
            blocks.append(("paragraph", 0, current.copy()))
            current.clear()

    for index, line in enumerate(lines):
        if not line.text:
            flush()
            continue
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if _UNDERLINE.match(line.text) and not current:
            continue  # the underline of a setext heading, already taken
        heading = heading_of(line.text)
        if _UNDERLINE.match(following) and len(following) >= 3 and not current:
            heading = (line.text, 1 if following.startswith("=") else 2)
        if heading and (markdown or heading[1] == 0) and (not current or heading[1] or _ends(current)):
            flush()
            blocks.append(("heading", heading[1], [Line(line.number, line.col, heading[0], line.place)]))
            continue
        if current and (_ends(current) or _LIST_ITEM.match(line.text)):
            flush()
        current.append(line)
    flush()
    return blocks


def _ends(lines: list[Line]) -> bool:
    return bool(_PARAGRAPH_END.search(lines[-1].text))
