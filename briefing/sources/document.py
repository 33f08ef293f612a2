"""A source document as every reader hands it on: numbered lines of clean text, each with its place.

Whatever the format (plain text in any encoding, Markdown, Word, PDF, a web
page), ``briefing draft`` and ``briefing check --source`` see the same thing:
lines of text, Markdown-like where the format has structure (``#`` headings,
``>`` block quotes, ``|`` table rows, fenced code), and for every line the
place a person finds it in the original: a line and column in a text file, a
paragraph in a Word document, a page and paragraph in a PDF. So a warning or
a hint always points where the user can look.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import BriefingError


class SourceError(BriefingError):
    """The source cannot be read at all (missing, too large, damaged, not a document)."""


@dataclass(frozen=True)
class Place:
    """Where a line is in its original document, as its own program shows it.

    For a text file ``paragraph`` and ``page`` are 0 and ``line``/``col`` are
    what the user's editor shows; for other formats ``paragraph`` (and
    ``page`` for PDF) say where to look. ``part`` names a part of a Word
    document outside the flow of body paragraphs ("text box" at a paragraph,
    "footnote 3", "endnote ii", "header", "footer"); ``aside`` marks the
    parts that are no body text (notes, headers, footers): ``check --source``
    may cite them, ``draft`` leaves them out.
    """

    line: int = 0
    col: int = 1
    paragraph: int = 0
    page: int = 0
    part: str = ""
    aside: bool = False

    @property
    def label(self) -> str:
        """``line 12``, ``paragraph 29``, ``page 3, paragraph 2``, ``footnote 3`` or
        ``text box at paragraph 12``."""
        if self.part:
            return f"{self.part} at paragraph {self.paragraph}" if self.paragraph else self.part
        if self.page:
            return f"page {self.page}, paragraph {self.paragraph}" if self.paragraph else f"page {self.page}"
        if self.paragraph:
            return f"paragraph {self.paragraph}"
        return f"line {self.line}"

    def prefix(self, path: Path | str) -> str:
        """The start of a diagnostic: ``report.txt:12:5`` or ``report.docx: paragraph 29``."""
        if self.page or self.paragraph or self.part:
            return f"{path}: {self.label}"
        return f"{path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Line:
    """One line of the document: its 1-based number in the read text, its column, text and place."""

    number: int
    col: int
    text: str
    place: Place | None = None  # None: a text file, where ``number``/``col`` are the place

    def where(self, col: int | None = None) -> Place:
        if self.place is not None:
            return self.place
        return Place(self.number, col if col is not None else self.col)


@dataclass(frozen=True)
class Notice:
    """Something found while reading that the user should know (a guessed encoding, a skipped part)."""

    place: Place
    message: str


@dataclass(frozen=True)
class SourceDocument:
    """A whole document: where it came from, its format, title, lines and what reading it noticed."""

    path: Path
    format: str  # "text", "markdown", "word", "pdf", "html"
    lines: tuple[Line, ...]
    title: str = ""  # the document's own title (Word's Title style, <title>, PDF metadata), if any
    notices: tuple[Notice, ...] = ()
    _numbers: list[int] = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # filled once here, not on first use: a document read once may be shared between threads
        self._numbers.extend(line.number for line in self.lines)

    @property
    def text(self) -> str:
        """The lines joined by line breaks: what phrases are searched in."""
        return "\n".join(line.text for line in self.lines)

    def place(self, number: int, col: int | None = None) -> Place:
        """The place of line ``number`` (1-based, as in ``Line.number``) and ``col``."""
        index = bisect.bisect_right(self._numbers, number) - 1
        if 0 <= index < len(self.lines) and self.lines[index].number == number:
            return self.lines[index].where(col)
        return Place(number, col or 1)
