"""Sentences and words of a paragraph, as spans of its text (so phrases stay verbatim)."""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    "dr mr mrs ms prof st vs etc inc ltd co corp jr sr no fig approx dept univ gov e.g i.e u.s u.k".split()
)
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|[。！？]+[”’」』）]*")
WORD = re.compile(r"[^\s]+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``; "Dr. Chen" and "U.S. firms" do not end one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        before = text[start : match.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if match.group().startswith(".") and (last in ABBREVIATIONS or (len(last) == 1 and last.isalpha())):
            continue
        spans.append((start, match.end()))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD.finditer(text, start, len(text) if end is None else end)]


def shorten(text: str, words: int) -> str:
    """At most ``words`` words, cut at a word boundary (for titles the drafter writes)."""
    parts = text.split()
    return " ".join(parts[:words]) if len(parts) > words else text
