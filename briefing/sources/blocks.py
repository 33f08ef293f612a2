"""Structured documents (Word, PDF, web pages) as the same Markdown-like lines.

Every reader that finds structure hands it to a ``Blocks`` writer, so the
drafter sees one representation whatever the format:

- ``#`` the document's title, ``##`` its top-level headings (Word's Heading 1,
  HTML's h2 under a single h1, a PDF's largest heading size), ``###`` the next
  level, and so on down to ``######``;
- a paragraph is one line, with a blank line between paragraphs;
- ``- `` a list item (consecutive items without blank lines between them);
- ``> `` a block quote (consecutive quoted paragraphs without blank lines);
- a table as Markdown pipe rows, ``| a | b |``, with ``|---|---|`` after the first row;
- a fenced code block (```` ``` ````).

Each line keeps the ``Place`` the user finds it at in the original.
"""

from __future__ import annotations

import re

from briefing.sources.document import Line, Place
from briefing.sources.plain import clean

MAX_LEVEL = 6


class Blocks:
    """Collects a document's blocks as numbered lines with places."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self._last = ""  # the kind of the last block: "", "paragraph", "list", "quote", "code", "table"

    def _add(self, text: str, place: Place) -> None:
        self.lines.append(Line(len(self.lines) + 1, 1, text, place))

    def _open(self, kind: str, place: Place) -> None:
        """A blank line before a new block, except between list items or quoted paragraphs."""
        if self.lines and not (kind == self._last and kind in ("list", "quote")):
            self._add("", place)
        self._last = kind

    def mark(self, place: Place) -> int:
        """A blank line at ``place`` (a page without text): its number, for a notice to point at."""
        self._add("", place)
        return len(self.lines)

    def paragraph(self, text: str, place: Place) -> None:
        text = clean(text)[1]
        if text:
            self._open("paragraph", place)
            self._add(_unmark(text), place)

    def heading(self, text: str, level: int, place: Place) -> None:
        """``level`` 1 is the document's title, 2 a top-level heading (Word's Heading 1)."""
        text = clean(text)[1]
        if text:
            self._open("heading", place)
            self._add("#" * max(1, min(level, MAX_LEVEL)) + " " + text, place)

    def item(self, text: str, place: Place) -> None:
        text = clean(text)[1]
        if text:
            self._open("list", place)
            self._add("- " + text, place)

    def quote(self, text: str, place: Place) -> None:
        text = clean(text)[1]
        if text:
            self._open("quote", place)
            self._add("> " + text, place)

    def code(self, lines: list[str], place: Place) -> None:
        """A fenced block; its lines keep their indentation (tabs become four spaces)."""
        body = [line.replace("\t", "    ").rstrip() for line in lines]
        while body and not body[-1]:
            body.pop()
        if not any(body):
            return
        self._open("code", place)
        self._add("```", place)
        for line in body:
            self._add(clean(line)[1] and line, place)
        self._add("```", place)

    def table(self, rows: list[tuple[list[str], Place]]) -> None:
        """Pipe rows, padded to the widest row, a separator after the first (header) row."""
        cells = [[cell_text(c) for c in row] for row, _ in rows]
        width = max((len(row) for row in cells), default=0)
        if not width or not any(any(row) for row in cells):
            return
        self._open("table", rows[0][1])
        for index, (row, (_, place)) in enumerate(zip(cells, rows, strict=True)):
            padded = row + [""] * (width - len(row))
            self._add("| " + " | ".join(padded) + " |", place)
            if index == 0:
                self._add("|" + "---|" * width, place)


def cell_text(text: str) -> str:
    """One table cell on one line; a pipe in it is escaped as Markdown does (``\\|``)."""
    return clean(text)[1].replace("|", "\\|")


_MARKUP = re.compile(r"^(?:#{1,6}(?:\s|$)|>|```|~~~|\|)")


def _unmark(text: str) -> str:
    """A paragraph that would read as a heading, a quote, a fence or a table row is escaped with a
    backslash, as Markdown does, so it stays a paragraph (Word users do type "# 1 priority")."""
    return "\\" + text if _MARKUP.match(text) else text
