"""Word reports read as a Word user sees them: title, headings by style, tables in place, paragraphs."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from briefing.sources import SourceError, SourceText, read_source
from tests.sources.word_files import NS, WORD_STYLES, p, style, table, write_docx

SUPERSCRIPT = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>{}</w:t></w:r>'
NOTE = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'


def _lines(path: Path) -> list[tuple[str, str]]:
    return [(line.text, line.place.label if line.place else "") for line in read_source(path).lines]


def test_title_headings_table_quote_and_list_become_markdown_lines_at_their_paragraphs(tmp_path) -> None:
    body = (
        p("Wind Power Review", "Title")
        + p("Capacity", "Heading1")
        + p("Installed capacity grew.")
        + table(["Project", "Capacity"], ["Offshore North", "1,400 MW"])
        + p("Outlook", "Heading2")
        + p('"We are ahead," says Ann Lee.', "Quote")
        + p("Ports first", "ListParagraph")
        + p("Grid second", numbered=True)
    )
    document = read_source(write_docx(tmp_path / "r.docx", body))
    assert document.title == "Wind Power Review"
    assert [line.text for line in document.lines if line.text] == [
        "# Wind Power Review",
        "## Capacity",
        "Installed capacity grew.",
        "| Project | Capacity |",
        "|---|---|",
        "| Offshore North | 1,400 MW |",
        "### Outlook",
        '> "We are ahead," says Ann Lee.',
        "- Ports first",
        "- Grid second",
    ]
    places = {line.text: line.place.label for line in document.lines if line.text and line.place}
    assert places["Installed capacity grew."] == "paragraph 3"
    assert places["| Offshore North | 1,400 MW |"] == "paragraph 6"  # table cells are paragraphs too
    assert places["### Outlook"] == "paragraph 8"
    assert places["- Grid second"] == "paragraph 11"


def test_renamed_localised_and_derived_heading_styles_are_headings(tmp_path) -> None:
    styles = WORD_STYLES + "".join(
        [
            style("berschrift1", "Überschrift 1"),  # a German name, no outline level
            style("ReportHeading", "Report Heading", based_on="Heading2"),  # a company's own style
            style("Chapter", "Chapter", outline=0),  # only an outline level says it
            style("Plain", "Plain", based_on="Heading1", outline=9),  # body text based on a heading
        ]
    )
    body = p("Markt", "berschrift1") + p("Ports", "ReportHeading") + p("Grid", "Chapter") + p("x", "Plain")
    lines = [t for t, _ in _lines(write_docx(tmp_path / "r.docx", body, styles=styles)) if t]
    assert lines == ["## Markt", "### Ports", "## Grid", "x"]


def test_a_document_without_styles_part_still_knows_heading_ids(tmp_path) -> None:
    body = p("Bridge Repairs", "Title") + p("Costs", "Heading1") + p("It cost $12 million.")
    assert [t for t, _ in _lines(write_docx(tmp_path / "r.docx", body, styles=None)) if t] == [
        "# Bridge Repairs",
        "## Costs",
        "It cost $12 million.",
    ]


def test_the_core_title_is_the_title_when_no_paragraph_has_the_title_style(tmp_path) -> None:
    path = write_docx(tmp_path / "r.docx", p("Some text."), core_title="Harbour Review 2024")
    assert read_source(path).title == "Harbour Review 2024"
    generated = write_docx(tmp_path / "g.docx", p("Some text."), core_title="Microsoft Word - old.doc")
    assert read_source(generated).title == ""


def test_footnote_marks_never_reach_the_text_but_square_kilometres_do(tmp_path) -> None:
    runs = SUPERSCRIPT.format("2") + '<w:r><w:t xml:space="preserve"> of land.</w:t></w:r>'
    runs += NOTE + SUPERSCRIPT.format("3") + SUPERSCRIPT.format("st")
    lines = [t for t, _ in _lines(write_docx(tmp_path / "r.docx", p("The park covers 25 km", runs=runs)))]
    assert lines == ["The park covers 25 km² of land.st"]


def test_merged_cells_keep_the_columns_in_step(tmp_path) -> None:
    span = '<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>'
    merged = f"<w:tc>{span}{p('Both years')}</w:tc><w:tc>{p('MW')}</w:tc>"
    plain = "".join(f"<w:tc>{p(c)}</w:tc>" for c in "abc")
    body = f"<w:tbl><w:tr>{merged}</w:tr><w:tr>{plain}</w:tr></w:tbl>"
    assert [t for t, _ in _lines(write_docx(tmp_path / "r.docx", body)) if t] == [
        "| Both years |  | MW |",
        "|---|---|---|",
        "| a | b | c |",
    ]


def test_a_phrase_across_table_cells_is_found_and_placed_at_its_row(tmp_path) -> None:
    body = p("Intro.") + table(["Project", "Capacity"], ["Offshore North", "1,400 MW"])
    text = SourceText.read(write_docx(tmp_path / "r.docx", body))
    for phrase in ("Offshore North 1,400 MW", "Offshore North | 1,400 MW", "1,400 MW"):
        assert text.contains(phrase)
    line, passage = text.closest_passage("Offshore North 1,500 MW")
    assert text.place(line).label == "paragraph 4" and "Offshore North" in passage


def _ole(stream_name: str) -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + stream_name.encode("utf-16-le") + bytes(600)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_ole("EncryptedPackage"), "the Word document is password-protected; save a copy without a password"),
        (_ole("WordDocument"), "this is an old Word 97-2003 document (.doc), not a .docx"),
        (b"Just some text in a .docx name.", "not a Word document (a .docx file is a zip archive"),
        (b"", "the file is empty (0 bytes), not a Word document"),
    ],
)
def test_protected_old_or_fake_word_files_are_clear_errors(tmp_path, data, message) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(data)
    with pytest.raises(SourceError, match="^" + str(path).replace("\\", "\\\\") + ": ") as caught:
        read_source(path)
    assert message in str(caught.value)


def test_a_damaged_word_file_is_a_clear_error(tmp_path) -> None:
    whole = write_docx(tmp_path / "whole.docx", p("Some text.") * 200).read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(SourceError, match="damaged"):
        read_source(cut)
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(SourceError, match="damaged"):
        read_source(broken)
    other = tmp_path / "deck.docx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("ppt/presentation.xml", "<p/>")
    with pytest.raises(SourceError, match=r"it has no word/document\.xml"):
        read_source(other)


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/document.xml", "w") as member:
            chunk = b" " * (1 << 20)
            for _ in range(150):
                member.write(chunk)
    assert path.stat().st_size < 1_000_000
    with pytest.raises(SourceError, match=r"too large|inflates"):
        read_source(path)


def test_a_zip_that_lies_about_its_size_is_a_clear_error(tmp_path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<a>" + b" " * 2_000_000 + b"</a>")
    data = bytearray(buffer.getvalue())
    # declare a small uncompressed size (central directory and local header) so only the cap stops it
    small = (1000).to_bytes(4, "little")
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = small
    data[22:26] = small
    path = tmp_path / "liar.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(SourceError):
        read_source(path)


def test_an_entity_expansion_bomb_or_deep_nesting_is_bounded(tmp_path) -> None:
    entities = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10 if i else "lol" * 10}">' for i in range(10))
    body = p("&e9;").replace("&amp;e9;", "&e9;")
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE d [{entities}]><w:document {NS}><w:body>{body}</w:body></w:document>'
    )
    deep = "<w:sdt><w:sdtContent>" * 50_000 + p("deep") + "</w:sdtContent></w:sdt>" * 50_000
    for name, xml in (
        ("bomb", bomb),
        ("deep", f"<w:document {NS}><w:body>{deep}</w:body></w:document>"),
    ):
        path = tmp_path / f"{name}.docx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:  # stored: no ratio to refuse
            archive.writestr("word/document.xml", xml)
        started = time.perf_counter()
        try:
            assert "lollol" not in read_source(path).text
        except SourceError as error:
            assert "damaged" in str(error)
        assert time.perf_counter() - started < 5
