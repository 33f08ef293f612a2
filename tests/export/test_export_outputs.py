"""`-o` never replaces what the user owns: the storyboard, its CSV and images, the template.

Each refused case exits 1 with one clear line, leaves every file as it was and
writes nothing else; a folder (existing, or given with a trailing '/') gets the
deck inside it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PIL import Image as PILImage
from pptx import Presentation

from briefing.cli import main

STORYBOARD = """
title: Outputs
sections:
  - title: Data
    slides:
      - title: A chart from a CSV
        chart: {type: bar, csv: data.csv}
      - title: A picture
        image: {path: photo.png, alt: a red square}
"""


@pytest.fixture
def story(tmp_path: Path, write_storyboard) -> Path:
    (tmp_path / "data.csv").write_text("year,value\n2020,1\n2021,2\n", encoding="utf-8")
    PILImage.new("RGB", (40, 30), "red").save(tmp_path / "photo.png")
    return write_storyboard(STORYBOARD)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _refused(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main(["export", *args])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "Traceback" not in err and "wrote" not in err
    return err.strip()


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("deck.yaml", "it is the storyboard"),
        ("data.csv", "it is a CSV file the storyboard uses"),
        ("photo.png", "it is an image the storyboard uses"),
    ],
)
def test_an_input_is_never_the_output(
    story: Path, name: str, what: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(story.parent)
    err = _refused([str(story), "-o", str(story.parent / name)], capsys)
    assert err.startswith(f"briefing export: error: cannot write {story.parent / name}: {what}")
    assert err.endswith("choose another output name")
    assert _snapshot(story.parent) == before


def test_the_storyboard_is_refused_even_when_it_has_errors(
    tmp_path: Path, write_storyboard, capsys: pytest.CaptureFixture[str]
) -> None:
    story = write_storyboard("title: Broken\nsections: 3\n")
    err = _refused([str(story), "-o", str(story)], capsys)
    assert "it is the storyboard" in err
    assert story.read_text(encoding="utf-8") == "title: Broken\nsections: 3\n"


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_links_to_an_input_are_the_input(
    story: Path, link: str, capsys: pytest.CaptureFixture[str]
) -> None:
    alias = story.parent / "alias.pptx"
    if link == "symlink":
        alias.symlink_to(story.parent / "photo.png")
    else:
        os.link(story.parent / "photo.png", alias)
    before = (story.parent / "photo.png").read_bytes()
    err = _refused([str(story), "-o", str(alias)], capsys)
    assert "it is an image the storyboard uses" in err
    assert (story.parent / "photo.png").read_bytes() == before


def test_the_template_is_never_the_output(
    story: Path, corporate_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = corporate_template.read_bytes()
    err = _refused([str(story), "--template", str(corporate_template), "-o", str(corporate_template)], capsys)
    assert f"cannot write {corporate_template}: it is the template" in err
    assert corporate_template.read_bytes() == before


def test_a_folder_with_a_trailing_slash_is_created(story: Path, tmp_path: Path) -> None:
    assert main(["export", str(story), "-o", f"{tmp_path}/out/", "-q"]) == 0
    assert (tmp_path / "out").is_dir()
    assert len(Presentation(str(tmp_path / "out" / "deck.pptx")).slides) == 4  # title, divider, 2


def test_a_folder_that_does_not_exist_is_not_written_as_a_file(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused([str(story), "-o", str(tmp_path / "out")], capsys)
    assert err == (
        f"briefing export: error: cannot write {tmp_path / 'out'}: no folder has that name and a file "
        f"needs the extension .pptx; write {tmp_path / 'out'}/ to create the folder, "
        f"or {tmp_path / 'out'}.pptx"
    )
    assert not (tmp_path / "out").exists()


def test_an_existing_folder_gets_the_deck_inside(story: Path, tmp_path: Path) -> None:
    (tmp_path / "decks").mkdir()
    assert main(["export", str(story), "-o", str(tmp_path / "decks"), "-q"]) == 0
    assert [p.name for p in (tmp_path / "decks").iterdir()] == ["deck.pptx"]


def test_a_file_in_a_missing_folder_is_refused(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused([str(story), "-o", str(tmp_path / "nope" / "deck.pptx")], capsys)
    assert err == (
        f"briefing export: error: cannot write {tmp_path / 'nope' / 'deck.pptx'}: "
        f"folder {tmp_path / 'nope'} does not exist"
    )
    assert not (tmp_path / "nope").exists()


def test_a_read_only_deck_is_refused_not_replaced(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "final.pptx"
    out.write_bytes(b"the signed-off deck")
    out.chmod(0o444)
    err = _refused([str(story), "-o", str(out)], capsys)
    assert err == (
        f"briefing export: error: cannot write {out}: the file is read-only; "
        "make it writable or choose another name"
    )
    assert out.read_bytes() == b"the signed-off deck"


def test_a_read_only_folder_is_refused(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        err = _refused([str(story), "-o", str(folder)], capsys)
        target = folder / "deck.pptx"
        assert err == f"briefing export: error: cannot write {target}: folder {folder} is read-only"
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_a_device_is_never_replaced(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused([str(story), "-o", os.devnull], capsys)
    assert err == f"briefing export: error: cannot write {os.devnull}: it is not a regular file"
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_the_writers_themselves_refuse_an_input(story: Path, qtbot) -> None:
    """The app calls export_deck and render_pngs directly (its Save dialogs): they refuse too."""
    from briefing.export.images import render_pdf, render_pngs
    from briefing.export.pptx import export_deck
    from briefing.outputs import OutputRefused
    from briefing.storyboard.load import load_storyboard

    storyboard = load_storyboard(story)
    before = _snapshot(story.parent)
    with pytest.raises(OutputRefused, match="it is the storyboard"):
        export_deck(storyboard, story)
    with pytest.raises(OutputRefused, match="it is a CSV file the storyboard uses"):
        render_pdf(storyboard, story.parent / "data.csv")
    assert _snapshot(story.parent) == before
    # an image named like a rendered slide, in the folder the PNGs go to
    (story.parent / "photo.png").rename(story.parent / "slide-003.png")
    text = story.read_text(encoding="utf-8").replace("photo.png", "slide-003.png")
    story.write_text(text, encoding="utf-8")
    storyboard = load_storyboard(story)
    with pytest.raises(OutputRefused, match="it is an image the storyboard uses"):
        render_pngs(storyboard, story.parent, size=(160, 90))
    assert not (story.parent / "slide-001.png").exists()


def test_a_source_document_is_never_the_output(
    tmp_path: Path, write_storyboard, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF the report itself")
    story = write_storyboard(
        "title: Sourced\nsources:\n  report: {title: The report, file: report.pdf}\n"
        "sections:\n  - title: S\n    slides:\n      - title: One\n        bullets: [a]\n"
    )
    assert main(["render", str(story), "--pdf", str(tmp_path / "report.pdf")]) == 1
    err = capsys.readouterr().err
    assert f"cannot write {tmp_path / 'report.pdf'}: it is the source document 'report'" in err
    assert (tmp_path / "report.pdf").read_bytes() == b"%PDF the report itself"
