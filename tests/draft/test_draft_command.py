"""`briefing draft` as a command: never overwrites without --force, never the report, same bytes each time."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from briefing.cli import main
from briefing.commands.check import check_file
from tests.draft import draft_summary as summary

REPORTS = Path(__file__).parent / "reports"


def _report(tmp_path: Path) -> Path:
    report = tmp_path / "harbour-towns.txt"
    shutil.copy(REPORTS / report.name, report)
    return report


def test_existing_file_is_kept_without_force(tmp_path, capsys) -> None:
    report = _report(tmp_path)
    target = tmp_path / "deck.yaml"
    target.write_text("mine\n", encoding="utf-8")
    assert main(["draft", str(report), "-o", str(target)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"briefing draft: error: {target} exists; pass --force to replace it"
    )
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert main(["draft", str(report), "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("# Drafted by `briefing draft`")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.yaml", "harbour-towns.txt"]


def test_never_writes_over_the_report(tmp_path, capsys) -> None:
    report = _report(tmp_path)
    before = report.read_bytes()
    assert main(["draft", str(report), "-o", str(report), "--force"]) == 1
    assert "it is the report" in capsys.readouterr().err
    assert report.read_bytes() == before


def test_default_output_is_the_report_name_in_the_current_folder(tmp_path, monkeypatch, capsys) -> None:
    report = _report(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["draft", str(report)]) == 0
    doc = summary.load(work / "harbour-towns.yaml")
    assert doc["sources"]["report"]["file"] == "../harbour-towns.txt"


def test_same_report_gives_the_same_bytes(tmp_path, capsys) -> None:
    report = _report(tmp_path)
    assert main(["draft", str(report), "-o", str(tmp_path / "a.yaml")]) == 0
    assert main(["draft", str(report), "-o", str(tmp_path / "b.yaml")]) == 0
    assert (tmp_path / "a.yaml").read_bytes() == (tmp_path / "b.yaml").read_bytes()


def test_missing_report_is_a_usage_error(tmp_path, capsys) -> None:
    assert main(["draft", str(tmp_path / "nope.txt")]) == 2
    assert capsys.readouterr().err.strip().endswith("nope.txt does not exist")


def test_badly_encoded_report_still_drafts(tmp_path, capsys) -> None:
    report = tmp_path / "latin.txt"
    report.write_bytes(
        "Caf\u00e9 Openings\n\nThe city licensed 140 new caf\u00e9s last year.\n".encode("cp1252")
    )
    assert main(["draft", str(report), "-o", str(tmp_path / "d.yaml")]) == 0
    err = capsys.readouterr().err
    assert f"{report}:1:1: warning: the report is not UTF-8; read it as Windows-1252" in err
    doc = summary.load(tmp_path / "d.yaml")
    assert summary.figures(doc) == [("stat", 140, "", "")]
    # the draft checks clean; check repeats the reader's notice at the draft's sources: entry
    found = check_file(tmp_path / "d.yaml")
    assert [(d.severity, d.code, d.line) for d in found] == [("warning", "source-notice", 9)]
    assert (
        found[0].message
        == "source 'report' (latin.txt, line 1): the report is not UTF-8; read it as Windows-1252 (detected)"
    )


def test_word_report_headings_become_sections(tmp_path, capsys) -> None:
    report = tmp_path / "brief.docx"
    body = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'
        if style
        else f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        for style, text in [
            ("Title", "Bridge Repairs"),
            ("Heading1", "Costs"),
            ("", "The river bridge repairs cost $12 million over two years."),
            ("Heading1", "Traffic"),
            ("", "Daily crossings rose 20% after the reopening."),
        ]
    )
    xml = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    with zipfile.ZipFile(report, "w") as archive:
        archive.writestr("word/document.xml", xml)
    assert main(["draft", str(report), "-o", str(tmp_path / "w.yaml")]) == 0
    doc = summary.load(tmp_path / "w.yaml")
    assert doc["title"] == "Bridge Repairs"
    assert summary.section_titles(doc) == ["Costs", "Traffic"]
    assert summary.figures(doc) == [("stat", 12, "$", "M"), ("stat", 20, "+", "%")]


def test_a_yml_name_is_a_storyboard_name_too(tmp_path, capsys) -> None:
    report = _report(tmp_path)
    target = tmp_path / "talk.yml"
    assert main(["draft", str(report), "-o", str(target)]) == 0
    assert [d for d in check_file(target) if d.severity == "error"] == []
    assert main(["draft", str(report), "-o", str(tmp_path / "talk.txt")]) == 1
    assert "the file name must end in .yaml" in capsys.readouterr().err
