"""Each source prepared once per check: phrase lookup by word start, and its paragraphs for quotes.

A 3,000-slide storyboard cites thousands of phrases in a 100-page report; a
plain substring search per phrase reads the whole report each time. Here the
offsets where words start are indexed by their first characters, so a phrase
is looked for only where a word with its first characters begins (a phrase
that starts inside a word, or is not found that way, is searched plainly).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from briefing.sources import SourceText
from briefing.storyboard.provenance.quotes_form import Paragraph, paragraphs
from briefing.storyboard.provenance.words import flat

KEY = 6
_WORD_START = re.compile(r"(?<!\S)\S")


@dataclass
class SourceIndex:
    """One source's normalised text, its word starts by key, and its paragraphs (made on first use)."""

    text: SourceText
    _starts: dict[str, list[int]] = field(default_factory=dict)
    _paragraphs: list[Paragraph] | None = None
    _joined: str = ""
    _offsets: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        body = self.text.flat
        for match in _WORD_START.finditer(body):
            self._starts.setdefault(body[match.start() : match.start() + KEY], []).append(match.start())

    def contains(self, phrase: str) -> bool:
        """Whether ``phrase`` occurs in the source, typography aside (as ``SourceText.contains``)."""
        words = flat(phrase)
        if not words:
            return False
        body = self.text.flat
        if any(body.startswith(words, at) for at in self._starts.get(words[:KEY], ())):
            return True
        return words in body

    @property
    def paragraphs(self) -> list[Paragraph]:
        if self._paragraphs is None:
            self._paragraphs = paragraphs(self.text)
            self._joined = "\n".join(p.flat for p in self._paragraphs)
            position = 0
            for paragraph in self._paragraphs:
                self._offsets.append(position)
                position += len(paragraph.flat) + 1
        return self._paragraphs

    def holding(self, pieces: list[str]) -> list[Paragraph]:
        """The paragraphs where every piece occurs, in order (pieces in quote form, see ``quote_form``)."""
        found: list[Paragraph] = []
        every = self.paragraphs
        at = self._joined.find(pieces[0])
        while at >= 0:
            index = bisect.bisect_right(self._offsets, at) - 1
            paragraph = every[index]
            if _holds(paragraph.flat, pieces, at - self._offsets[index]) and paragraph not in found:
                found.append(paragraph)
            at = self._joined.find(pieces[0], at + 1)
        return found


def _holds(text: str, pieces: list[str], start: int) -> bool:
    for piece in pieces:
        found = text.find(piece, start)
        if found < 0:
            return False
        start = found + len(piece)
    return True


class Sources:
    """The indexes of every source of one check, each made on first use."""

    def __init__(self, texts: Mapping[str, SourceText]) -> None:
        self.texts = texts
        self._indexes: dict[str, SourceIndex] = {}

    def __getitem__(self, ref: str) -> SourceIndex:
        if ref not in self._indexes:
            self._indexes[ref] = SourceIndex(self.texts[ref])
        return self._indexes[ref]
