"""Quotes as they are compared: the quote form of a text, and a source's paragraphs."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from briefing.sources import SourceText
from briefing.storyboard.provenance.words import flat

_TYPOGRAPHY = re.compile(r"['\"\-「」『』〈〉《》]+")
_ENDS = " .,;:!?。，、；：！？…"


@dataclass(frozen=True)
class Paragraph:
    line: int  # its first line in the source text
    flat: str  # normalised for quotes (see ``quote_form``)
    raw: str


def quote_form(text: str) -> str:
    return flat_quote_form(flat(text))


def flat_quote_form(text: str) -> str:
    """``text`` as quotes are compared: no quote marks or dashes, one space, lower case, no end
    punctuation."""
    return " ".join(_TYPOGRAPHY.sub(" ", text).casefold().split()).strip(_ENDS)


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
            found.append(Paragraph(first, _flat_lines(text, first, first + len(block)), " ".join(block)))
        block, first = ([line], number) if line.strip() else ([], 0)
    return found


def _flat_lines(text: SourceText, first: int, stop: int) -> str:
    """Lines ``first`` to ``stop - 1`` of the source in quote form, cut from its normalised text."""
    start = text.line_starts[first - 1]
    end = text.line_starts[stop - 1] if stop - 1 < len(text.line_starts) else len(text.text)
    low, high = bisect.bisect_left(text.offsets, start), bisect.bisect_left(text.offsets, end)
    return flat_quote_form(text.flat[low:high])
