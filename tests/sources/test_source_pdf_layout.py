"""Rebuilding paragraphs and headings from a PDF's lines never loses, reorders or invents a word."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.sources.pdf_layout import PdfLine, layout

WORD = st.text(alphabet="abcdefghjkmnopqrstuwyz", min_size=2, max_size=9)  # no i/v/x: never a page number
LINE = st.tuples(
    st.lists(WORD, min_size=1, max_size=8),
    st.sampled_from([11.0, 11.0, 11.0, 11.0, 14.0, 20.0]),  # body text mostly, some headings
    st.sampled_from([13.0, 13.0, 13.0, 24.0, 40.0]),  # line spacing, paragraph spacing
    st.sampled_from([72.0, 72.0, 90.0]),  # left edge, an indented first line
    st.floats(min_value=120, max_value=520),  # right edge
)


def _unique(raw: list[list[tuple[list[str], float, float, float, float]]]) -> None:
    """Each line starts with a word of its own, so no line repeats on every page like a running header."""
    for number, line in enumerate(line for page in raw for line in page):
        line[0].insert(0, "n" + "".join("abcdefghjk"[int(d)] for d in str(number)))


def _pages(raw: list[list[tuple[list[str], float, float, float, float]]]) -> list[list[PdfLine]]:
    pages = []
    for page in raw:
        baseline = 800.0
        lines = []
        for words, size, gap, left, right in page:
            baseline -= gap
            lines.append(PdfLine(" ".join(words), size, size * 1.17, left, baseline, right))
        pages.append(lines)
    return pages


@settings(max_examples=150, deadline=None)
@given(raw=st.lists(st.lists(LINE, min_size=0, max_size=12), min_size=1, max_size=6))
def test_every_word_comes_out_once_and_in_order(raw) -> None:
    _unique(raw)
    pages = _pages(raw)
    blocks, _, notices = layout(pages, "")
    words = [w for page in raw for words, *_ in page for w in words]
    out = [re.sub(r"^(?:#+ |- )", "", line.text) for line in blocks.lines if line.text]
    assert " ".join(out).split() == words
    assert len(notices) == sum(1 for page in raw if not page)
    for line in blocks.lines:  # every line is at a page that exists, and at a paragraph of it
        assert line.place is not None and 1 <= line.place.page <= len(raw)


def test_a_paragraph_of_thousands_of_lines_is_joined_in_linear_time() -> None:
    """A PDF (a hostile one, or a long run of text without a stop) may make one paragraph of every
    line of 60 pages: joining them must not copy the text once a line."""
    import time

    pages = [
        [PdfLine("word " * 12 + "and", 10.0, 11.7, 72.0, 800.0 - 14 * n, 500.0) for n in range(50)]
        for _ in range(600)
    ]
    started = time.perf_counter()
    blocks, _, _ = layout(pages, "")
    assert time.perf_counter() - started < 5
    assert len(max((line.text for line in blocks.lines), key=len)) > 1_000_000
