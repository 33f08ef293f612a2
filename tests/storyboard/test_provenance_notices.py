"""What the source reader noticed is said by `check --source` too, at the source's entry in the storyboard."""

from __future__ import annotations

from pathlib import Path

from briefing.cli import main
from tests.sources.pdf_files import content, write_pdf

HEAD = """title: Harbour
sources:
  other: {title: Other}
  survey: {title: Harbour survey, file: FILE}
sections:
  - title: Freight
    slides:
      - title: Cafés
        notes: n
        sources: [{ref: survey, phrase: "48% of the freight"}]
        stats: [{value: 48, unit: "%", label: of the freight}]
"""


def _check(tmp_path: Path, capsys, report: str, *args: str) -> tuple[int, list[str]]:
    deck = tmp_path / "deck.yaml"
    deck.write_text(HEAD.replace("FILE", report), encoding="utf-8")
    code = main(["check", str(deck), *args])
    lines = capsys.readouterr().out.splitlines()
    return code, [line.replace(f"{deck.absolute()}:", "deck.yaml:") for line in lines]


def test_an_assumed_encoding_is_a_warning_at_the_sources_entry(tmp_path, capsys) -> None:
    (tmp_path / "survey.txt").write_bytes(
        "Caf\u00e9 owners say the harbour took 48% of the freight.\n".encode("cp1252")
    )
    code, out = _check(tmp_path, capsys, "survey.txt")
    assert code == 0
    assert out[0] == (
        "deck.yaml:4:3: warning: source 'survey' (survey.txt, line 1): the report is not UTF-8; "
        "read it as Windows-1252 (detected)"
    )
    assert out[1].startswith("  hint: phrases are looked for in the text as read: save the source as UTF-8")


def test_a_source_given_on_the_command_line_is_located_at_its_entry_too(tmp_path, capsys) -> None:
    report = tmp_path / "latin.txt"
    report.write_bytes("Caf\u00e9 owners say the harbour took 48% of the freight.\n".encode("cp1252"))
    (tmp_path / "survey.txt").write_text("unused", encoding="utf-8")
    code, out = _check(tmp_path, capsys, "survey.txt", "--source", f"survey={report}")
    assert code == 0
    assert out[0].startswith(
        "deck.yaml:4:3: warning: source 'survey' (latin.txt, line 1): the report is not UTF-8"
    )


def test_a_pdf_page_without_text_is_a_warning_with_the_ocr_hint(tmp_path, capsys) -> None:
    pages = [content([(11, 72, 700, "The harbour took 48% of the freight.")]), b""]
    write_pdf(tmp_path / "survey.pdf", pages)
    code, out = _check(tmp_path, capsys, "survey.pdf")
    assert code == 0
    assert out[0] == (
        "deck.yaml:4:3: warning: source 'survey' (survey.pdf, page 2): "
        "this page has no text layer (a scanned page?); its text is not read"
    )
    assert (
        out[1] == "  hint: figures on that page cannot be proved: run OCR first, "
        "e.g. `ocrmypdf in.pdf out.pdf`, and read that"
    )


def test_a_scanned_pdf_is_a_warning_at_its_entry_and_its_figures_are_not_judged(tmp_path, capsys) -> None:
    write_pdf(tmp_path / "survey.pdf", [b"q 100 0 0 100 0 0 cm Q"])
    code, out = _check(tmp_path, capsys, "survey.pdf")
    assert code == 0
    assert out[0].startswith("deck.yaml:4:3: warning: cannot read source 'survey' at ")
    assert out[0].endswith(
        "this PDF has no text layer (a scan?); run OCR first, e.g. `ocrmypdf in.pdf out.pdf`, and read that"
    )


def test_a_utf8_source_gives_no_notice(tmp_path, capsys) -> None:
    (tmp_path / "survey.txt").write_text(
        "Caf\u00e9 owners: the harbour took 48% of the freight.\n", encoding="utf-8"
    )
    assert _check(tmp_path, capsys, "survey.txt") == (0, [])
