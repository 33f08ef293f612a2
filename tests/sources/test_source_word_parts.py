"""Word's text boxes, footnotes, endnotes, headers and footers: read once, at places a user can find."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.sources import SourceError, SourceText, read_source
from tests.sources.word_files import NS, note_mark, notes, p, table, text_box, vml_box, write_docx


def _lines(path: Path) -> list[tuple[str, str]]:
    return [(line.text, line.place.label) for line in read_source(path).lines if line.text and line.place]


def test_a_text_box_is_read_once_after_the_paragraph_it_is_anchored_in(tmp_path) -> None:
    callout = text_box(p("Key figure"), p("Exports rose 42% in 2024."))
    body = p("Trade", "Heading1") + p("The port grew fast.", runs=callout) + p("Imports held steady.")
    assert _lines(write_docx(tmp_path / "r.docx", body)) == [
        ("## Trade", "paragraph 1"),
        ("The port grew fast.", "paragraph 2"),
        ("Key figure", "text box at paragraph 2"),
        ("Exports rose 42% in 2024.", "text box at paragraph 2"),
        ("Imports held steady.", "paragraph 3"),  # Ctrl+Down does not step into a text box
    ]


def test_an_old_vml_text_box_and_one_in_an_empty_paragraph_are_read(tmp_path) -> None:
    body = p("", runs=vml_box(p("Rents rose 18%."))) + p(
        "Text.", runs=text_box(p("Only once."), fallback=False)
    )
    assert _lines(write_docx(tmp_path / "r.docx", body)) == [
        ("Rents rose 18%.", "text box at paragraph 1"),
        ("Text.", "paragraph 2"),
        ("Only once.", "text box at paragraph 2"),
    ]


def test_a_text_box_in_a_table_cell_joins_the_cell_once(tmp_path) -> None:
    cell = f"<w:tc>{p('1,400 MW', runs=text_box(p('(record)')))}</w:tc>"
    body = (
        table(["Project", "Capacity"]).replace("</w:tbl>", "")
        + f"<w:tr><w:tc>{p('North')}</w:tc>{cell}</w:tr></w:tbl>"
    )
    assert [t for t, _ in _lines(write_docx(tmp_path / "r.docx", body))][
        -1
    ] == "| North | 1,400 MW (record) |"


def test_nested_text_boxes_are_bounded_and_read(tmp_path) -> None:
    inner = p("deepest")
    for _ in range(200):
        inner = p("", runs=text_box(inner, fallback=False))
    lines = _lines(write_docx(tmp_path / "r.docx", p("Top.") + inner))
    assert lines[0] == ("Top.", "paragraph 1")
    assert all(place == "text box at paragraph 2" for _, place in lines[1:])


def test_footnotes_and_endnotes_follow_the_body_numbered_as_word_shows_them(tmp_path) -> None:
    body = (
        p("Costs fell.", runs=note_mark(7))  # ids need not follow the order of the marks
        + p("Rents rose.", runs=note_mark(2) + note_mark(1, "endnote"))
        + p("Sales grew.", runs=note_mark(2, "endnote"))
    )
    parts = {
        "word/footnotes.xml": notes(
            "footnote", (2, "Survey of 1,200 households."), (7, "World Bank, 2023."), (9, "Unused.")
        ),
        "word/endnotes.xml": notes("endnote", (1, "Rents in euros."), (2, "Sales grew 12% in 2024.")),
    }
    assert _lines(write_docx(tmp_path / "r.docx", body, parts=parts)) == [
        ("Costs fell.", "paragraph 1"),
        ("Rents rose.", "paragraph 2"),
        ("Sales grew.", "paragraph 3"),
        ("World Bank, 2023.", "footnote 1"),
        ("Survey of 1,200 households.", "footnote 2"),
        ("Rents in euros.", "endnote i"),  # Word's default for endnotes
        ("Sales grew 12% in 2024.", "endnote ii"),
    ]
    text = SourceText.read(tmp_path / "r.docx")
    assert text.contains("Survey of 1,200 households")
    assert read_source(tmp_path / "r.docx").lines[-1].place.aside


def test_the_documents_own_note_numbering_is_followed(tmp_path) -> None:
    settings = '<w:settings><w:footnotePr><w:numFmt w:val="chicago"/></w:footnotePr></w:settings>'
    body = p("A.", runs=note_mark(1)) + p("B.", runs=note_mark(2))
    parts = {"word/footnotes.xml": notes("footnote", (1, "One."), (2, "Two.")), "word/settings.xml": settings}
    assert _lines(write_docx(tmp_path / "r.docx", body, parts=parts))[-2:] == [
        ("One.", "footnote *"),
        ("Two.", "footnote †"),
    ]


def test_each_distinct_header_and_footer_is_read_once_after_the_notes(tmp_path) -> None:
    parts = {
        "word/header1.xml": "<w:hdr>" + p("Harbour Review 2024") + "</w:hdr>",
        "word/header2.xml": "<w:hdr>" + p("Harbour Review 2024") + "</w:hdr>",
        "word/header3.xml": "<w:hdr>" + p("") + "</w:hdr>",
        "word/footer1.xml": "<w:ftr>" + p("Published by the port authority, March 2025") + "</w:ftr>",
        "word/footnotes.xml": notes("footnote", (1, "A note.")),
    }
    body = p("Body.", runs=note_mark(1))
    lines = _lines(write_docx(tmp_path / "r.docx", body, parts=parts))
    assert lines == [
        ("Body.", "paragraph 1"),
        ("A note.", "footnote 1"),
        ("Harbour Review 2024", "header"),
        ("Published by the port authority, March 2025", "footer"),
    ]


def test_damaged_note_and_header_parts_are_read_as_absent(tmp_path) -> None:
    parts = {
        "word/footnotes.xml": "<w:footnotes><w:footnote",
        "word/header1.xml": "<w:hdr><w:p>",
        "word/settings.xml": "<",
    }
    body = p("Body.", runs=note_mark(1))
    assert _lines(write_docx(tmp_path / "r.docx", body, parts=parts)) == [("Body.", "paragraph 1")]


def test_many_small_headers_cannot_add_up_to_a_bomb(tmp_path) -> None:
    """Each part is under the size at which its compression ratio is judged; together they are 120 MB."""
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", f"<w:document {NS}><w:body>{p('Body.')}</w:body></w:document>")
        for number in range(1, 33):
            for kind in ("header", "footer"):
                archive.writestr(f"word/{kind}{number}.xml", b"<a>" + b" " * 1_900_000 + b"</a>")
    assert path.stat().st_size < 1_000_000
    started = time.perf_counter()
    with pytest.raises(SourceError, match=r"too large|inflates past"):
        read_source(path)
    assert time.perf_counter() - started < 10


def _tree(draw, depth: int, names: list[str]) -> str:
    """A paragraph, with text boxes (nested) and footnote marks in it, or a table of such."""
    name = f"w{len(names)}"
    names.append(name)
    runs = ""
    for _ in range(draw(st.integers(0, 2 if depth < 3 else 0))):
        inner = "".join(_tree(draw, depth + 1, names) for _ in range(draw(st.integers(1, 2))))
        runs += text_box(inner, fallback=draw(st.booleans()))
    if draw(st.booleans()):
        runs += note_mark(len(names))
    if depth == 0 and draw(st.booleans()):  # in a table cell, beside a plain cell
        return f"<w:tbl><w:tr><w:tc>{p(name, runs=runs)}</w:tc><w:tc>{p('cell')}</w:tc></w:tr></w:tbl>"
    return p(name, runs=runs)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_paragraph_of_body_and_text_boxes_is_read_once(tmp_path, data) -> None:
    names: list[str] = []
    body = "".join(_tree(data.draw, 0, names) for _ in range(data.draw(st.integers(1, 4))))
    words = read_source(write_docx(tmp_path / "r.docx", body)).text.replace("|", " ").split()
    assert sorted(w for w in words if w.startswith("w")) == sorted(names)
