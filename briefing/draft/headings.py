"""The report's outline: its title, the paragraphs before the first heading, and one part per heading.

Headings come in several shapes: Markdown ``#`` lines (and underlined
"setext" ones; Word's Title and heading styles arrive as ``#`` lines too),
numbered headings ("2.", "3.1", "IV."), Chinese ones ("一、", "（一）",
"第一章", "1．"), and short title-case lines without a full stop, as in
plain-text reports. Junk glued in front of a heading has been cut off
already (see ``injected``), so the line is judged on what remains.

Besides paragraphs, a part holds tables (``|`` rows: never headings, charted
by ``tables``) and block quotes (``>`` lines, the marker dropped); fenced
code never reaches a part.
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
_BULLET = re.compile(r"^[-*+•]\s+")
_HAN = "一二三四五六七八九十百零〇"
_CHINESE = (
    (re.compile(rf"^第[{_HAN}\d]+[章篇部]\s*(.*)$"), 1),
    (re.compile(rf"^[{_HAN}]+[、．.]\s*(\S.*)$"), 1),
    (re.compile(rf"^第[{_HAN}\d]+节\s*(.*)$"), 2),
    (re.compile(rf"^[（(][{_HAN}]+[）)]\s*(\S.*)$"), 2),
    (re.compile(r"^[0-9０-９]+[．.、]\s*([^\s0-9０-９].*)$"), 3),
)
_CJK_PUNCTUATION = re.compile(r"[。！？；，：、“”「」]|[.!?;:,]$")
# "一、规模：稳步增长" is a numbered heading; a numbered sentence is not
_SENTENCE_PUNCTUATION = re.compile(r"[。！？；]|[，,：:]$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_FENCE = re.compile(r"^(```|~~~)")
_TABLE_ROW = re.compile(r"^\|.*\|$")
_PARAGRAPH_END = re.compile(r"[.!?:;\"”’)。！？；：」』]$")
MAX_HEADING_WORDS = 12
KINDS = {"paragraph": "text", "table": "table", "quote": "quote"}


@dataclass
class Paragraph:
    """Consecutive lines of one paragraph; ``text`` is their text joined with spaces.

    ``kind``: "text", "table" (its lines are ``|`` rows) or "quote" (a block quote).
    """

    lines: list[Line]
    kind: str = "text"

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
    level: int = 0  # 1 for "#"/"一、", deeper for sub-headings; 0 for a plain title-case line


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
        title = markdown.group(2).strip()
        chinese = chinese_heading(title)  # "## 第一章 规模": the numbering is no part of the title
        return (chinese[0] if chinese else title), len(markdown.group(1))
    chinese = chinese_heading(text)
    if chinese:
        return chinese
    numbered = _NUMBERED.match(text)
    if numbered and looks_like_title(numbered.group(1)):
        return numbered.group(1).strip(), 0
    if looks_like_title(text) or looks_like_cjk_title(text):
        return text.strip(), 0
    return None


def chinese_heading(text: str) -> tuple[str, int] | None:
    """``("产业规模", 1)`` from "一、产业规模": a short numbered line, no sentence punctuation.

    The level is negative so that a plain-text report accepts it (like a
    title-case line) while the outline still knows "（一）" is below "一、".
    """
    if len(text) > 40 or not _CJK.search(text):
        return None
    for pattern, level in _CHINESE:
        match = pattern.match(text)
        if match and not _SENTENCE_PUNCTUATION.search(match.group(1)) and len(match.group(1)) <= 30:
            return (match.group(1).strip() or text.strip()), -level
    return None


def looks_like_cjk_title(text: str) -> bool:
    """A short line of CJK text without sentence punctuation ("长三角新能源汽车产业发展报告")."""
    return 4 <= len(text) <= 40 and bool(_CJK.match(text)) and not _CJK_PUNCTUATION.search(text)


def looks_like_title(text: str) -> bool:
    """A short line, no closing full stop, most of its significant words capitalised."""
    words = text.split()
    if _CJK.search(text):
        return False  # judged by looks_like_cjk_title
    if not words or len(words) > MAX_HEADING_WORDS or len(text) > 100 or _PARAGRAPH_END.search(text):
        return False
    if text.endswith(",") or not (text[0].isupper() or text[0].isdigit()):
        return False
    significant = [w.strip("\"“”'‘’():,-") for w in words]
    significant = [w for w in significant if w and w.lower() not in SMALL_WORDS]
    if not significant:
        return False
    capitalised = sum(1 for w in significant if w[0].isupper() or w[0].isdigit())
    numbers = sum(1 for w in significant if w[0].isdigit())
    # a row of figures ("Marsabit 23 2,100") is no title
    return capitalised / len(significant) >= 0.75 and numbers * 2 < len(significant)


def outline(lines: list[Line], markdown: bool) -> Outline:
    """Group cleaned lines (blank lines included) into title, intro and parts."""
    blocks = _blocks(lines, markdown)
    result = Outline()
    levels = [level for kind, level, _ in blocks if kind == "heading"]
    first = blocks[0] if blocks else None
    if first is not None and first[0] == "heading" and len(levels) > 1:
        level = first[1]
        later = levels[1:]
        if level == 0 or all(depth(other) > depth(level) for other in later if other):
            result.title, result.title_line = first[2][0].text, first[2][0].number
            blocks = blocks[1:]
    for kind, level, block_lines in blocks:
        if kind == "heading":
            result.parts.append(Part(block_lines[0].text, block_lines[0].number, level=depth(level)))
        elif result.parts:
            result.parts[-1].paragraphs.append(Paragraph(block_lines, KINDS[kind]))
        else:
            result.intro.append(Paragraph(block_lines, KINDS[kind]))
    return result


def depth(level: int) -> int:
    """How deep a heading is: 1 for "#" and "一、", 2 for "##" and "（一）"; 0 for a plain line."""
    return abs(level)


def _blocks(lines: list[Line], markdown: bool) -> list[tuple[str, int, list[Line]]]:
    """("heading", level, [line]), ("paragraph"|"table"|"quote", 0, lines) in report order."""
    blocks: list[tuple[str, int, list[Line]]] = []
    current: list[Line] = []
    kind = "paragraph"

    def flush() -> None:
        if current:
            blocks.append((kind, 0, current.copy()))
            current.clear()

    fenced = False
    for index, line in enumerate(lines):
        if _FENCE.match(line.text) or fenced:
            flush()
            fenced = fenced != bool(_FENCE.match(line.text))
            continue  # code is not prose: it never reaches a slide
        special = _special(line)
        if special is not None or kind != "paragraph":
            if special is None or special[0] != kind:
                flush()
            if special is not None:
                kind = special[0]
                if special[1].text:
                    current.append(special[1])
                continue
            kind = "paragraph"
        if not line.text:
            flush()
            continue
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if _UNDERLINE.match(line.text) and not current:
            continue  # the underline of a setext heading, already taken
        heading = heading_of(line.text)
        if _UNDERLINE.match(following) and len(following) >= 3 and not current:
            heading = (line.text, 1 if following.startswith("=") else 2)
        if heading and (markdown or heading[1] <= 0) and (not current or heading[1] or _ends(current)):
            flush()
            blocks.append(("heading", heading[1], [Line(line.number, line.col, heading[0], line.place)]))
            continue
        if current and (_ends(current) or _LIST_ITEM.match(line.text)):
            flush()
        bullet = _BULLET.match(line.text)
        if bullet:  # a list item: the marker is no part of what it says
            line = Line(line.number, line.col + bullet.end(), line.text[bullet.end() :], line.place)
        current.append(line)
    flush()
    return blocks


def _special(line: Line) -> tuple[str, Line] | None:
    """A table row (kept whole) or a block-quote line (without its ``>``): ("table"|"quote", line)."""
    text = line.text
    if _TABLE_ROW.match(text) and text.count("|") >= 2:
        return "table", line
    if text.startswith(">"):
        rest = text[1:]
        stripped = rest.lstrip()
        return "quote", Line(line.number, line.col + 1 + len(rest) - len(stripped), stripped, line.place)
    return None


def _ends(lines: list[Line]) -> bool:
    return bool(_PARAGRAPH_END.search(lines[-1].text))
