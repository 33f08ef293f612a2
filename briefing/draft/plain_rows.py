"""Tables that lost their grid: rows of a label and numbers, as a PDF's text gives them.

A PDF has no table structure, so its reader gives a table as lines like
"Marsabit 23 2,100 4,800". Three or more such one-line paragraphs in a row
(two when each holds two numbers or more), each a label followed by the same
count of numbers and no sentence end, are read as a table: the line before
them, when it has no digits and no full stop, is its header. Columns are
named from the header when it has one word per column or one capitalised
group of words per column ("Capacity (kW)"), else by their order ("first
column of figures", in words: the drafter writes no number of its own).
"""

from __future__ import annotations

import re

from briefing.draft.headings import Paragraph
from briefing.sources import Line
from briefing.storyboard.figures import numbers_in

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")
MAX_HEADER_WORDS = 10


def numbers_at_end(text: str) -> tuple[str, list[str]] | None:
    """("Marsabit", ["23", "2,100", "4,800"]) when ``text`` is a label then numbers only."""
    if not text or text.rstrip().endswith((".", ":", ";", ",")):
        return None
    tokens = text.split()
    cells: list[str] = []
    while tokens and _is_number(tokens[-1]):
        cells.insert(0, tokens.pop())
    if not tokens or not cells or any(c.isdigit() for c in " ".join(tokens)):
        return None
    return " ".join(tokens), cells


def _is_number(token: str) -> bool:
    found = numbers_in(token)
    return len(found) == 1 and found[0].text in (token, token.rstrip("%"))


def regroup(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """``paragraphs`` with each run of plain rows (and its header line) made one "rows" paragraph."""
    out: list[Paragraph] = []
    index = 0
    while index < len(paragraphs):
        run = _run(paragraphs, index)
        if run:
            header = out.pop().lines if out and _header(out[-1]) else []
            rows = [p.lines[0] for p in paragraphs[index : index + run]]
            out.append(Paragraph([*header, *rows], "rows+header" if header else "rows"))
            index += run
        else:
            out.append(paragraphs[index])
            index += 1
    return out


def _run(paragraphs: list[Paragraph], index: int) -> int:
    width = 0
    count = 0
    for paragraph in paragraphs[index:]:
        one_line = paragraph.kind == "text" and len(paragraph.lines) == 1
        row = numbers_at_end(paragraph.text) if one_line else None
        if row is None or (width and len(row[1]) != width):
            break
        width = len(row[1])
        count += 1
    return count if count >= 3 or (count >= 2 and width >= 2) else 0


def _header(paragraph: Paragraph) -> bool:
    text = paragraph.text
    return (
        paragraph.kind == "text"
        and len(paragraph.lines) == 1
        and not re.search(r"\d|[.!?]$", text)
        and 0 < len(text.split()) <= MAX_HEADER_WORDS
    )


def _capitalised_groups(words: list[str]) -> list[str]:
    """Header words grouped so that each column name starts with a capital letter."""
    groups: list[list[str]] = []
    for word in words:
        if word[0].isupper() or not groups:
            groups.append([word])
        else:
            groups[-1].append(word)
    return [" ".join(group) for group in groups]


def as_table(lines: list[Line], has_header: bool) -> tuple[list[str], list[tuple[Line, list[str]]]]:
    """(column names, [(line, cells)]) of a run of plain rows, cells as written."""
    rows: list[tuple[Line, list[str]]] = []
    for line in lines[1:] if has_header else lines:
        parsed = numbers_at_end(line.text)
        if parsed:
            rows.append((line, [parsed[0], *parsed[1]]))
    width = len(rows[0][1]) if rows else 0
    words = lines[0].text.split() if has_header else []
    groups = _capitalised_groups(words)
    if len(words) == width:
        names = words
    elif len(groups) == width:  # "County Sites Capacity (kW) Households connected"
        names = groups
    else:
        ordinals = [f"{ORDINALS[i]} column of figures" for i in range(min(width - 1, len(ORDINALS)))]
        names = [words[0] if words else "", *ordinals]
    return names, rows
