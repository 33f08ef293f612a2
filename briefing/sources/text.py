"""A source document's text, searchable the way a reader compares words.

A phrase copied from a report must still be found when the storyboard has
straight quotes where the report has curly ones, an en dash for a hyphen, or
a line break in the middle: those are typography, not a different wording.
So both sides are normalised the same way and the source keeps a map back to
its own offsets, which gives the line a hint points at.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.sources.document import Notice, Place, SourceDocument

QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u00b4": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
}
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_TRANSLATE = {ord(k): v for k, v in QUOTES.items()} | {ord(d): "-" for d in DASHES}
# Control and format characters that are not whitespace: nobody sees them, so nobody cites them.
INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\xad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)


def normalise(text: str) -> tuple[str, list[int]]:
    """``text`` with one space per whitespace run and plain quotes and hyphens.

    A pipe counts as a space, so a phrase spanning a table row's cells (``| Offshore |
    1,400 MW |``) is found as the words it holds ("Offshore 1,400 MW"); an escaped pipe
    (``\\|``, a pipe inside a cell) counts as a space too.

    Returns the normalised text and, for each of its characters, the offset
    of the character it came from in ``text``.
    """
    out: list[str] = []
    where: list[int] = []
    pending_space = -1
    prepared = INVISIBLE.sub("\x00", unicodedata.normalize("NFC", text)).replace("\\|", "\x00|")
    for index, char in enumerate(prepared):
        if char == "\x00":
            continue  # control and format characters: invisible, and dropped by the drafter
        if char.isspace() or char == "|":  # a table's cell separators count as spaces
            if pending_space < 0:
                pending_space = index
            continue
        if pending_space >= 0:
            if out:
                out.append(" ")
                where.append(pending_space)
            pending_space = -1
        out.append(char.translate(_TRANSLATE))
        where.append(index)
    return "".join(out), where


def normalised(text: str) -> str:
    return normalise(text)[0]


@dataclass
class SourceText:
    """One source document, read once, with its normalised text for phrase search."""

    path: Path
    text: str
    document: SourceDocument | None = None
    flat: str = ""
    offsets: list[int] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = unicodedata.normalize("NFC", self.text)
        self.flat, self.offsets = normalise(self.text)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    @classmethod
    def read(cls, path: Path) -> SourceText:
        """Read any document ``briefing draft`` reads (``SourceError`` when it cannot be read)."""
        from briefing.sources.read import read_source

        return cls.of(read_source(path))

    @classmethod
    def of(cls, document: SourceDocument) -> SourceText:
        return cls(document.path, document.text, document)

    @property
    def notices(self) -> tuple[Notice, ...]:
        """What reading the document noticed (an encoding assumed, unreadable text, a page without
        text), for the checker to pass on."""
        return self.document.notices if self.document is not None else ()

    def place(self, line: int) -> Place:
        """Where line ``line`` of ``text`` is in the original document (a Word paragraph, a PDF page)."""
        from briefing.sources.document import Place

        return self.document.place(line) if self.document is not None else Place(line)

    def contains(self, phrase: str) -> bool:
        flat = normalised(phrase)
        return bool(flat) and flat in self.flat

    def line_of(self, offset: int) -> int:
        """1-based line of a character offset in the original text."""
        return bisect.bisect_right(self.line_starts, offset)

    def closest_passage(self, phrase: str) -> tuple[int, str]:
        """The line and the words of the source most like ``phrase`` (for a hint; ``place(line)``
        says where that line is in the original)."""
        target = normalised(phrase)
        best: tuple[int, int, str] = (-1, 0, "")
        for number, line in enumerate(self.text.split("\n"), start=1):
            flat = normalised(line)
            if not flat:
                continue
            matcher = difflib.SequenceMatcher(None, flat, target, autojunk=False)
            blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3]
            score = sum(b.size for b in blocks)
            if score > best[0] and blocks:
                start = blocks[0].a
                end = blocks[-1].a + blocks[-1].size
                best = (score, number, _widen(flat, start, end))
        return best[1], best[2]


def _widen(line: str, start: int, end: int) -> str:
    """The matched span of ``line`` grown to whole words, at most about 100 characters."""
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    while end < len(line) and not line[end].isspace():
        end += 1
    passage = line[start:end]
    return passage if len(passage) <= 100 else passage[:97].rstrip() + "..."
