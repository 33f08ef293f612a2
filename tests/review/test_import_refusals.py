"""Decks an import must refuse: a clear message, exit 1, the storyboard untouched, never a traceback."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation

from briefing.cli import main
from briefing.review.package import MAX_SLIDES
from briefing.storyboard.load import load_storyboard
from tests.review import stakeholder as sh


def _refused(deck: Path, project: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    before = project.read_bytes()
    assert main(["import", str(deck), "--into", str(project), "--write", *extra]) == 1
    assert project.read_bytes() == before
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def test_an_encrypted_deck_is_refused_with_what_to_do(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "locked.pptx"  # PowerPoint writes a password-protected deck as an OLE compound file
    deck.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 4096)
    assert "encrypted (password-protected)" in _refused(deck, project, capsys)


def test_a_damaged_deck_is_refused(
    project: Path, exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "cut.pptx"
    deck.write_bytes(exported.read_bytes()[: exported.stat().st_size // 2])
    assert "is damaged" in _refused(deck, project, capsys)


def test_a_file_that_is_not_a_deck_is_refused(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "notes.pptx"
    deck.write_text("just some text", encoding="utf-8")
    assert "is not a PowerPoint deck" in _refused(deck, project, capsys)


def test_a_deck_with_thousands_of_slides_is_refused(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "huge.pptx"
    with zipfile.ZipFile(deck, "w") as archive:
        archive.writestr("ppt/presentation.xml", "<p/>")
        for number in range(1, MAX_SLIDES + 500):
            archive.writestr(f"ppt/slides/slide{number}.xml", "<p:sld/>")
    assert f"has {MAX_SLIDES + 499} slides" in _refused(deck, project, capsys)


def test_a_deck_of_another_storyboard_is_refused(
    project: Path, tmp_path: Path, write_storyboard: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    other = write_storyboard(
        """
        title: Another talk
        sections:
          - title: Something else
            slides:
              - title: Unrelated
                bullets: [Nothing in common]
        """,
        name="other.yaml",
    )
    from briefing.export.pptx import export_deck

    deck = tmp_path / "other.pptx"
    export_deck(load_storyboard(other), deck)
    assert "not exported from" in _refused(deck, project, capsys)


def test_a_storyboard_edited_since_the_export_is_refused_then_merged_with_force(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prs = Presentation(str(exported))
    stats = sh.slide_with_title(prs, "From farmland to a science city")
    sh.set_paragraph(stats.shapes.title, 0, sh.EDITED_TITLE)  # the stakeholder's edit
    quote = sh.slide_with_title(prs, "From making phones to inventing chips")
    sh.set_paragraph(quote.shapes.title, 0, "Phones to chips")  # overlaps the editor's
    edited = exported.with_name("edited.pptx")
    prs.save(str(edited))
    text = project.read_text(encoding="utf-8")
    text = text.replace("- title: From making phones to inventing chips", "- title: From phones to chips")
    text = text.replace("We start in Pudong, on the east bank", "We begin in Pudong, on the east bank")
    project.write_text(text, encoding="utf-8")
    err = _refused(edited, project, capsys)
    assert "was edited since edited.pptx was exported" in err and "--force" in err
    assert main(["import", str(edited), "--into", str(project), "--write", "--force"]) == 0
    err = capsys.readouterr().err
    new = load_storyboard(project)
    titles = {s.id: s.title for s in new.slides}
    assert titles["park-scale"] == sh.EDITED_TITLE  # the deck's edit
    assert titles["metamorphosis"] == "From phones to chips"  # both edited: the storyboard's stays
    assert new.sections[0].notes.startswith("We begin in Pudong")  # the editor's newer notes stay
    assert "edited in both the deck and the storyboard" in err


def test_a_storyboard_with_errors_is_not_imported_into(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project.write_text(
        project.read_text(encoding="utf-8").replace("sections:", "sectionz:"), encoding="utf-8"
    )
    assert "sectionz" in _refused(exported, project, capsys)


def test_a_read_only_storyboard_is_refused_not_replaced(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prs = Presentation(str(exported))
    sh.set_paragraph(
        sh.slide_with_title(prs, "From farmland to a science city").shapes.title, 0, sh.EDITED_TITLE
    )
    edited = exported.with_name("edited.pptx")
    prs.save(str(edited))
    project.chmod(0o444)
    try:
        assert "read-only" in _refused(edited, project, capsys)
    finally:
        project.chmod(0o644)


def test_force_does_not_bring_back_a_slide_the_editor_deleted_since_the_export(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prs = Presentation(str(exported))
    stats = sh.slide_with_title(prs, "From farmland to a science city")
    sh.set_paragraph(stats.shapes.title, 0, sh.EDITED_TITLE)
    edited = exported.with_name("edited.pptx")
    prs.save(str(edited))
    text = project.read_text(encoding="utf-8")
    start = text.index('      - title: "Government: a blueprint backed by money"')
    end = text.index('      - title: "AI+: the city pays 30% of the cloud bill"')
    project.write_text(text[:start] + text[end:], encoding="utf-8")
    assert main(["import", str(edited), "--into", str(project), "--write", "--force"]) == 0
    ids = [s.id for s in load_storyboard(project).slides]
    assert "policy" not in ids and "government-a-blueprint-backed-by-money" not in ids
    assert "deleted from the storyboard since the export: not added back" in capsys.readouterr().err
