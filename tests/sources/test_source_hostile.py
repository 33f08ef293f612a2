"""Hostile sources under every suffix: a clear error or a notice, never a traceback, in bounded time."""

from __future__ import annotations

import io
import os
import random
import textwrap
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.cli import main
from briefing.sources import SourceError, read_source
from briefing.sources.read import MAX_SOURCE_BYTES
from tests.sources.pdf_files import write_pdf
from tests.sources.word_files import p, write_docx

SUFFIXES = [".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm"]
FOLDER_SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _read_or_source_error(path: Path) -> None:
    try:
        read_source(path)
    except SourceError as error:
        assert str(error).startswith(f"{path}: ")


@pytest.mark.parametrize("suffix", SUFFIXES)
@FOLDER_SETTINGS
@given(data=st.binary(max_size=3000))
def test_random_bytes_under_any_suffix_never_raise_anything_but_source_error(tmp_path, suffix, data) -> None:
    path = tmp_path / f"report{suffix}"
    path.write_bytes(data)
    _read_or_source_error(path)


@settings(FOLDER_SETTINGS, max_examples=12)
@given(data=st.binary(max_size=2000))
def test_random_bytes_after_a_pdf_header_never_raise_anything_but_source_error(tmp_path, data) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4\n" + data)
    _read_or_source_error(path)


WORD_PARTS = [
    "word/document.xml",
    "word/styles.xml",
    "word/footnotes.xml",
    "word/header1.xml",
    "word/settings.xml",
]
# a body with a footnote mark and a text box, so the other parts are looked up
MARKED = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
    '<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p>'
    "</w:txbxContent></w:r></w:p></w:body></w:document>"
)


@FOLDER_SETTINGS
@given(body=st.text(max_size=400), member=st.sampled_from(WORD_PARTS))
def test_a_zip_with_any_document_xml_never_raises_anything_but_source_error(tmp_path, body, member) -> None:
    path = tmp_path / "report.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", body if member == "word/document.xml" else MARKED)
        if member != "word/document.xml":
            archive.writestr(member, body)
    path.write_bytes(buffer.getvalue())
    _read_or_source_error(path)


@FOLDER_SETTINGS
@given(markup=st.text(alphabet=st.sampled_from(list("<>/=\"' abcdhlpqrtu1é&;#\n")), max_size=300))
def test_any_markup_as_a_web_page_never_raises_anything_but_source_error(tmp_path, markup) -> None:
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    _read_or_source_error(path)


@pytest.mark.parametrize(
    ("suffix", "outcome"),
    [
        (".txt", ""),
        (".md", ""),
        (".docx", r"the file is empty \(0 bytes\), not a Word document"),
        (".pdf", r"the file is empty \(0 bytes\), not a PDF"),
        (".html", r"the file is empty \(0 bytes\), not a web page"),
    ],
)
def test_an_empty_file_is_empty_text_or_a_clear_error(tmp_path, suffix, outcome) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    if not outcome:
        assert read_source(path).text == ""
        return
    with pytest.raises(SourceError, match=outcome):
        read_source(path)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".pdf", ".html"])
def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path, suffix) -> None:
    path = tmp_path / f"huge{suffix}"
    with path.open("wb") as handle:
        handle.truncate(MAX_SOURCE_BYTES + 1)  # sparse: no disk used
    with pytest.raises(SourceError, match="the document is larger than 20 MB"):
        read_source(path)


def _long_paragraph() -> str:
    words = random.Random(7).choices(["harbour", "pier", "12%", "ferry", "$3 million", "town"], k=30_000)
    return " ".join(words)[:200_000]


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".html", ".pdf"])
def test_a_200_kb_single_paragraph_is_read_whole_and_quickly(tmp_path, suffix) -> None:
    text = _long_paragraph()
    path = tmp_path / f"long{suffix}"
    if suffix == ".docx":
        write_docx(path, p(text))
    elif suffix == ".html":
        path.write_text(f"<html><body><p>{text}</p></body></html>", encoding="utf-8")
    elif suffix == ".pdf":  # wrapped as a PDF sets it: about 45 pages of 50 lines
        rows = textwrap.wrap(text, 90)
        pages = [rows[start : start + 50] for start in range(0, len(rows), 50)]
        write_pdf(path, [[(11, 40, 780 - 14 * n, row) for n, row in enumerate(page)] for page in pages])
    else:
        path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    document = read_source(path)
    assert time.perf_counter() - started < 10
    texts = [line.text for line in document.lines if line.text]
    assert (" ".join(texts) if suffix == ".pdf" else texts) == (text if suffix == ".pdf" else [text])


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_binary_garbage_named_as_text_is_read_with_a_notice(tmp_path, suffix) -> None:
    path = tmp_path / f"garbage{suffix}"
    path.write_bytes(os.urandom(5000).replace(b"\xef\xbb\xbf", b"") + bytes(range(32)) * 50)
    [*_, notice] = read_source(path).notices
    assert "does not look like text" in notice.message


def test_a_pdf_or_word_file_with_a_text_name_is_read_as_what_it_is(tmp_path) -> None:
    path = write_pdf(tmp_path / "report.txt", [[(11, 72, 700, "Ferries carry 1,200 people.")]])
    document = read_source(path)
    assert document.format == "pdf" and document.lines[0].text == "Ferries carry 1,200 people."
    assert [n.message for n in document.notices] == ["this file is a PDF although its name ends in .txt"]
    word = read_source(write_docx(tmp_path / "word.md", p("Ports first.")))
    assert word.format == "word" and [n.message for n in word.notices] == [
        "this file is a Word document although its name ends in .md"
    ]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "locked.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "password-protected",
        ),
        ("scan.pdf", None, "this PDF has no text layer"),
        ("cut.docx", b"PK\x03\x04" + bytes(100), "damaged"),
    ],
)
def test_draft_says_what_is_wrong_with_an_unreadable_report_and_writes_nothing(
    tmp_path, capsys, name, data, message
) -> None:
    report = tmp_path / name
    if data is None:
        write_pdf(report, [b"q Q"])
    else:
        report.write_bytes(data)
    output = tmp_path / "draft.yaml"
    assert main(["draft", str(report), "-o", str(output)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"briefing draft: error: {report}: ") and message in err
    assert "Traceback" not in err and not output.exists()


def test_an_unchanged_source_is_read_once_and_a_changed_one_again(tmp_path) -> None:
    path = write_pdf(tmp_path / "r.pdf", [[(11, 72, 700, "Rents rose 18%.")]])
    first = read_source(path)
    assert read_source(path) is first  # checking on every save does not start PDFium again
    write_pdf(path, [[(11, 72, 700, "Rents rose 19%.")]])  # same size, same second
    assert read_source(path).lines[0].text == "Rents rose 19%."


def test_a_web_page_nested_too_deep_or_too_large_is_a_clear_error(tmp_path) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 5000 + "<p>12%</p>" + "</div>" * 5000 + "</body></html>")
    with pytest.raises(SourceError, match=r"the web page cannot be read whole .*Excessive depth"):
        read_source(deep)
    large = tmp_path / "large.html"
    large.write_text("<html><body><table>" + "<tr><td>x</td></tr>" * 160_000 + "</table></body></html>")
    with pytest.raises(SourceError, match="the web page has more than 300,000 elements; not read"):
        read_source(large)
    nested = tmp_path / "nested.html"  # deep, but within what is read: every word comes out
    nested.write_text(
        "<html><body>" + "<div>" * 1000 + "<p>Rents rose 12%.</p>" + "</div>" * 1000 + "</body></html>"
    )
    assert [line.text for line in read_source(nested).lines if line.text] == ["Rents rose 12%."]
