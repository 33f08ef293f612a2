"""PDF reports: paragraphs and headings rebuilt from the text layer, places by page, bombs refused."""

from __future__ import annotations

import time
import zlib
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.sources import SourceError, SourceText, read_source
from briefing.sources.pdf import MAX_INFLATED
from briefing.sources.pdf_layout import plain_glyphs
from tests.sources.pdf_files import content, report_pages, write_pdf


def _texts(path: Path) -> list[tuple[str, str]]:
    return [(line.text, line.place.label) for line in read_source(path).lines if line.text and line.place]


def test_a_report_reads_as_title_headings_and_paragraphs_at_their_pages(tmp_path) -> None:
    path = write_pdf(tmp_path / "r.pdf", report_pages())
    document = read_source(path)
    assert document.format == "pdf" and document.title == "Harbour Towns Review"
    assert _texts(path) == [
        ("# Harbour Towns Review", "page 1, paragraph 1"),
        ("## Ports and Piers", "page 1, paragraph 2"),
        (
            "The new pier in Dunmore cost $12 million and opened in May. Traffic rose 35% in the first year.",
            "page 1, paragraph 3",
        ),
        (
            "A second paragraph says the ferry carries 1,200 people a day, twice the number of 2019.",
            "page 1, paragraph 4",
        ),
        ("### Fishing", "page 1, paragraph 5"),
        ("Catches fell by a fifth.", "page 1, paragraph 6"),
        ("## Housing", "page 2, paragraph 1"),
        (
            "Rents in the harbour towns rose 18% since 2020, says the council's planning office.",
            "page 2, paragraph 2",
        ),
    ]  # the page numbers at the foot of each page are gone


def test_phrases_across_line_breaks_are_found_and_hints_name_the_page(tmp_path) -> None:
    text = SourceText.read(write_pdf(tmp_path / "r.pdf", report_pages()))
    assert text.contains("cost $12 million and opened in May")
    line, _ = text.closest_passage("Rents in the harbour towns rose 19% since 2020")
    assert text.place(line).label == "page 2, paragraph 2"


def test_the_metadata_title_wins_unless_it_is_a_file_name(tmp_path) -> None:
    assert read_source(write_pdf(tmp_path / "a.pdf", report_pages(), title="Harbour Review 2024")).title == (
        "Harbour Review 2024"
    )
    assert read_source(write_pdf(tmp_path / "b.pdf", report_pages(), title="report-final.docx")).title == (
        "Harbour Towns Review"
    )


def test_running_headers_repeat_on_every_page_and_are_dropped(tmp_path) -> None:
    pages = [
        [
            (9, 72, 800, "Harbour Review 2024 - confidential"),
            (11, 72, 700, f"Page {n} body text."),
            (9, 290, 40, f"{n} / 4"),
        ]
        for n in range(1, 5)
    ]
    assert [t for t, _ in _texts(write_pdf(tmp_path / "r.pdf", pages))] == [
        f"Page {n} body text." for n in range(1, 5)
    ]


def test_a_paragraph_cut_by_a_page_break_is_one_paragraph_at_its_first_page(tmp_path) -> None:
    pages = [
        [(11, 72, 700, "Opening words."), (11, 72, 100, "The ferry carries 1,200 people on a busy")],
        [(11, 72, 780, "summer day, says the operator."), (11, 72, 740, "Next thing.")],
    ]
    assert _texts(write_pdf(tmp_path / "r.pdf", pages)) == [
        ("Opening words.", "page 1, paragraph 1"),
        ("The ferry carries 1,200 people on a busy summer day, says the operator.", "page 1, paragraph 2"),
        ("Next thing.", "page 2, paragraph 2"),
    ]


def test_bullets_become_list_items(tmp_path) -> None:
    pages = [
        [
            (11, 72, 700, "Priorities:"),
            (11, 72, 686, "• Ports first"),
            (9, 72, 672, "•"),  # a bullet in a size (or font) of its own
            (11, 86, 672, "Grid second"),
        ]
    ]
    assert [t for t, _ in _texts(write_pdf(tmp_path / "r.pdf", pages))] == [
        "Priorities:",
        "- Ports first",
        "- Grid second",
    ]


def test_a_scanned_pdf_without_text_is_an_error_with_the_ocr_hint(tmp_path) -> None:
    path = write_pdf(tmp_path / "scan.pdf", [b"q 100 0 0 100 0 0 cm Q", b""])
    with pytest.raises(
        SourceError, match=r"this PDF has no text layer \(a scan\?\); run OCR first, e\.g\. `ocrmypdf"
    ):
        read_source(path)


def test_a_page_without_text_among_others_is_a_notice(tmp_path) -> None:
    path = write_pdf(
        tmp_path / "r.pdf", [content([(11, 72, 700, "Text here.")]), b"", content([(11, 72, 700, "More.")])]
    )
    document = read_source(path)
    assert [(n.place.label, n.message) for n in document.notices] == [
        ("page 2", "this page has no text layer (a scanned page?); its text is not read")
    ]


def test_an_encrypted_pdf_is_a_clear_error(tmp_path) -> None:
    encrypt = (
        b" /Encrypt << /Filter /Standard /V 1 /R 2 /O <"
        + b"11" * 32
        + b"> /U <"
        + b"22" * 32
        + b"> /P -44 >> /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]"
    )
    path = write_pdf(tmp_path / "locked.pdf", report_pages(), trailer_extra=encrypt)
    with pytest.raises(SourceError, match="password-protected"):
        read_source(path)


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n" + bytes(range(256)) * 40, b"%PDF-1.4\n1 0 obj << /Type /Catalog", b"not a pdf at all"],
)
def test_damaged_or_fake_pdfs_are_clear_errors(tmp_path, data) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    with pytest.raises(SourceError, match=r"not a PDF|damaged|no text layer"):
        read_source(path)


def test_a_decompression_bomb_is_refused_quickly_without_inflating_it(tmp_path) -> None:
    packer = zlib.compressobj(9)
    head = packer.compress(b"BT /F1 11 Tf 72 700 Td (hello) Tj ")
    chunk = b" " * (1 << 20)
    body = b"".join(packer.compress(chunk) for _ in range(MAX_INFLATED // len(chunk) + 8))
    stream = head + body + packer.compress(b" ET") + packer.flush()
    path = write_pdf(tmp_path / "bomb.pdf", [b"PLACEHOLDER"])
    raw = path.read_bytes().replace(
        b"<< /Length 11 >>\nstream\nPLACEHOLDER",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream,
    )
    path.write_bytes(raw)
    assert path.stat().st_size < 200_000
    started = time.perf_counter()
    with pytest.raises(SourceError, match=r"inflate past 128 MB \(a decompression bomb\?\)"):
        read_source(path)
    assert time.perf_counter() - started < 5


def test_too_many_pages_is_a_clear_error(tmp_path) -> None:
    path = write_pdf(tmp_path / "many.pdf", [b""] * 2001)
    with pytest.raises(SourceError, match="the PDF has 2,001 pages; more than 2,000 are not read"):
        read_source(path)


def test_a_compressed_report_reads_like_an_uncompressed_one(tmp_path) -> None:
    plain = _texts(write_pdf(tmp_path / "a.pdf", report_pages()))
    assert _texts(write_pdf(tmp_path / "b.pdf", report_pages(), compress=True)) == plain


def test_a_pdf_set_by_qt_reads_as_its_headings_and_paragraphs(qapp, tmp_path) -> None:
    """Qt writes a PDF glyph by glyph, and PDFium joins its lines: they are split again."""
    from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument

    path = tmp_path / "qt.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Serif", 11))
    prose = "Ferries carry 1,200 people a day, twice the number of 2019, says the operator. " * 6
    document.setHtml(
        f"<h1>Harbour Review</h1><p>The new pier cost $12 million.</p><h2>Ports</h2><p>{prose}</p>"
        "<h2>Housing</h2><p>Rents rose 18% since 2020.</p>"
    )
    document.print_(writer)
    del writer
    assert [text for text, _ in _texts(path)] == [
        "# Harbour Review",
        "The new pier cost $12 million.",
        "## Ports",
        prose.strip(),
        "## Housing",
        "Rents rose 18% since 2020.",
    ]


def test_radicals_ligatures_and_line_break_spaces_in_cjk_text_are_what_was_typed() -> None:
    assert plain_glyphs("同比增⻓18%，⼴告 ﬁnal exam\ufffeple，研发中心 占三成 and more") == (
        "同比增长18%，广告 final example，研发中心占三成 and more"
    )


def test_draft_warns_about_a_page_without_text_at_that_page(tmp_path, capsys) -> None:
    report = write_pdf(
        tmp_path / "r.pdf",
        [
            content([(11, 72, 700, "Ferries carry 1,200 people a day.")]),
            b"",
            content([(11, 72, 700, "Rents rose 18%.")]),
        ],
    )
    assert main(["draft", str(report), "-o", str(tmp_path / "d.yaml")]) == 0
    assert f"{report}: page 2: warning: this page has no text layer" in capsys.readouterr().err


def _operator_bomb(path: Path, megabytes: int) -> Path:
    """A small PDF whose one page draws millions of text runs: within the inflate budget, but
    PDFium would need gigabytes for it."""
    packer = zlib.compressobj(9)
    runs = b"(aaaa) Tj " * 100_000
    stream = packer.compress(b"BT /F1 11 Tf 72 700 Td ")
    stream += b"".join(packer.compress(runs) for _ in range(megabytes))
    stream += packer.compress(b" ET") + packer.flush()
    write_pdf(path, [b"PLACEHOLDER"])
    path.write_bytes(
        path.read_bytes().replace(
            b"<< /Length 11 >>\nstream\nPLACEHOLDER",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream,
        )
    )
    return path


def test_a_pdf_that_needs_more_memory_than_allowed_is_stopped_with_a_clear_error(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr("briefing.sources.pdf.MEMORY_BYTES", 400 << 20)
    path = _operator_bomb(tmp_path / "bomb.pdf", 30)
    assert path.stat().st_size < 500_000
    started = time.perf_counter()
    with pytest.raises(SourceError, match=r"needs more memory or time than a report may \(a PDF bomb\?\)"):
        read_source(path)
    assert time.perf_counter() - started < 30


def test_a_pdf_that_takes_too_long_is_stopped_at_the_timeout(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("briefing.sources.pdf.TIMEOUT_SECONDS", 0.05)
    with pytest.raises(
        SourceError, match=r"reading the PDF took longer than 0\.05 s \(a PDF bomb\?\); stopped"
    ):
        read_source(write_pdf(tmp_path / "r.pdf", report_pages()))


def test_a_page_that_cannot_be_loaded_is_a_notice_and_the_others_are_read(tmp_path) -> None:
    path = write_pdf(
        tmp_path / "r.pdf", [content([(11, 72, 700, "Page one.")]), content([(11, 72, 700, "Page two.")])]
    )
    path.write_bytes(
        path.read_bytes().replace(b"/Kids [4 0 R 6 0 R] /Count 2", b"/Kids [4 0 R 99 0 R 6 0 R] /Count 3")
    )
    document = read_source(path)
    assert [text for text, _ in _texts(path)] == ["Page one.", "Page two."]
    assert [(n.place.label, n.message) for n in document.notices] == [
        ("page 2", "this page is damaged and could not be read")
    ]
