"""Any mix of blocks in a Word document or a web page reads back as the same words, in order,
each block as the Markdown-like line the drafter expects."""

from __future__ import annotations

import re
from html import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.sources import read_source
from tests.sources.word_files import p, table, write_docx

WORDS = st.lists(st.text(alphabet="abcdefghjkmnopqrstuwyz", min_size=1, max_size=8), min_size=1, max_size=6)
BLOCK = st.one_of(
    st.tuples(st.sampled_from(["", "Title", "Heading1", "Heading2", "Quote", "ListParagraph"]), WORDS),
    st.tuples(st.just("table"), st.lists(st.lists(WORDS, min_size=1, max_size=3), min_size=1, max_size=3)),
)
MARKS = {"": "", "Title": "# ", "Heading1": "## ", "Heading2": "### ", "Quote": "> ", "ListParagraph": "- "}
HTML_TAGS = {
    "": "p",
    "Title": "h1",
    "Heading1": "h2",
    "Heading2": "h3",
    "Quote": "blockquote",
    "ListParagraph": "li",
}
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _expected(blocks) -> list[str]:
    lines = []
    for kind, content in blocks:
        if kind == "table":
            width = max(len(row) for row in content)
            for index, row in enumerate(content):
                cells = [" ".join(words) for words in row] + [""] * (width - len(row))
                lines.append("| " + " | ".join(cells) + " |")
                if index == 0:
                    lines.append("|" + "---|" * width)
        else:
            lines.append(MARKS[kind] + " ".join(content))
    return lines


def _read_lines(path) -> list[str]:
    return [line.text for line in read_source(path).lines if line.text]


@SETTINGS
@given(blocks=st.lists(BLOCK, min_size=1, max_size=8))
def test_any_word_document_reads_back_block_by_block(tmp_path, blocks) -> None:
    body = ""
    for kind, content in blocks:
        if kind == "table":
            body += table(*[[" ".join(words) for words in row] for row in content])
        else:
            body += p(" ".join(content), kind)
    assert _read_lines(write_docx(tmp_path / "r.docx", body)) == _expected(blocks)


@SETTINGS
@given(blocks=st.lists(BLOCK, min_size=1, max_size=8))
def test_any_web_article_reads_back_block_by_block(tmp_path, blocks) -> None:
    titles = sum(1 for kind, _ in blocks if kind == "Title")
    parts = []
    for kind, content in blocks:
        if kind == "table":
            rows = "".join(
                "<tr>" + "".join(f"<td>{escape(' '.join(words))}</td>" for words in row) + "</tr>"
                for row in content
            )
            parts.append(f"<table>{rows}</table>")
        elif kind == "ListParagraph":
            parts.append(f"<ul><li>{' '.join(content)}</li></ul>")
        else:
            tag = HTML_TAGS[kind]
            parts.append(f"<{tag}>{' '.join(content)}</{tag}>")
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><article>{''.join(parts)}</article></body></html>", encoding="utf-8")
    expected = _expected(blocks)
    if titles > 1:  # several h1: they are sections, and every heading one level down
        expected = [re.sub(r"^(#+) ", r"#\1 ", line) for line in expected]
    assert _read_lines(path) == expected
