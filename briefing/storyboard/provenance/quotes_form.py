"""Quotes as they are compared: the quote form of a text, and a source's paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.sources import SourceText
from briefing.storyboard.provenance.words import flat

_TYPOGRAPHY = re.compile(r"['\"\-]+")
_ENDS = " .,;:!?"


@dataclass(frozen=True)
class Paragraph:
    line: int  # its first line in the source text
    flat: str  # normalised for quotes (see ``quote_form``)
    raw: str


def quote_form(text: str) -> str:
    """``text`` as quotes are compared: no quote marks or dashes, one space, lower case, no end
    punctuation."""
    return " ".join(_TYPOGRAPHY.sub(" ", flat(text)).casefold().split()).strip(_ENDS)


def paragraphs(text: SourceText) -> list[Paragraph]:
    """The source's paragraphs: runs of non-blank lines, or each line when lines are not wrapped.

    A report whose lines are long (median over 100 characters) writes one
    paragraph per line, blank lines or not; a hard-wrapped one separates its
    paragraphs with blank lines (a Word paragraph is one line either way).
    """
    lines = text.text.split("\n")
    lengths = sorted(len(line) for line in lines if line.strip())
    one_per_line = bool(lengths) and lengths[len(lengths) // 2] > 100
    found: list[Paragraph] = []
    block: list[str] = []
    first = 0
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip() and not (one_per_line and block):
            first = first or number
            block.append(line)
            continue
        if block:
            raw = " ".join(block)
            found.append(Paragraph(first, quote_form(raw), raw))
        block, first = ([line], number) if line.strip() else ([], 0)
    return found
