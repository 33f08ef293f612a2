"""`briefing render`: option parsing, PNGs and PDF from a storyboard file, errors."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtGui import QImage

from briefing.cli import main
from briefing.commands.render import parse_size, parse_slides, select_slides

DECK = """
title: Render test
sources:
  report: {title: The report}
sections:
  - title: Part one
    slides:
      - title: Numbers
        sources: [{ref: report, phrase: "25 square kilometers"}]
        stats: [{value: 25, unit: " km²", label: park}]
      - title: Points
        bullets: [one, two]
      - title: Voice
        quote: {text: "Hello.", who: Someone}
"""


def test_slides_lists_and_ranges():
    assert parse_slides("1-3,7") == [(1, 3), (7, 7)]
    assert parse_slides(" 2 , 5- ") == [(2, 2), (5, None)]
    assert select_slides([(1, 3), (7, 7)], 10) == [0, 1, 2, 6]
    assert select_slides([(2, 3), (1, 2)], 5) == [1, 2, 0]
    assert select_slides([(4, None)], 5) == [3, 4]
    with pytest.raises(ValueError, match="no slide 9"):
        select_slides([(1, 9)], 5)


@pytest.mark.parametrize("bad", ["", "a", "0", "3-1", "1,,2", "1-2-3", "-2"])
def test_bad_slide_lists_are_rejected(bad):
    with pytest.raises(argparse.ArgumentTypeError):
        parse_slides(bad)


def test_sizes():
    assert parse_size("1280x720") == (1280, 720)
    assert parse_size("640X360") == (640, 360)
    for bad in ("1280", "x720", "0x0", "99999x10", "12.5x3"):
        with pytest.raises(argparse.ArgumentTypeError):
            parse_size(bad)


def test_render_writes_chosen_pngs_and_a_pdf(qtbot, tmp_path, write_storyboard, capsys):
    path = write_storyboard(DECK)
    out = tmp_path / "png"
    pdf = tmp_path / "deck.pdf"
    code = main(
        ["render", str(path), "-o", str(out), "--size", "480x270", "--slides", "1,3-4", "--pdf", str(pdf)]
    )
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["slide-001.png", "slide-003.png", "slide-004.png"]
    assert QImage(str(out / "slide-003.png")).size().toTuple() == (480, 270)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "wrote 3 PNGs" in capsys.readouterr().err


def test_invalid_storyboard_prints_errors_and_exits_1(qtbot, tmp_path, write_storyboard, capsys):
    path = write_storyboard("title: Broken\nsections: []\nbogus: 1\n")
    assert main(["render", str(path), "-o", str(tmp_path / "png")]) == 1
    err = capsys.readouterr().err
    assert f"{path}:" in err and "error" in err
    assert not (tmp_path / "png").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["--slides", "x"],
        ["--size", "big"],
        ["--slides", "99"],
        [],  # nothing to write
        ["--notes"],  # notes without --pdf
    ],
)
def test_usage_errors_exit_2(qtbot, tmp_path, write_storyboard, args):
    path = write_storyboard(DECK)
    extra = ["-o", str(tmp_path / "png")] if args and args[0] != "--notes" else []
    with pytest.raises(SystemExit) as exit_info:
        main(["render", str(path), *extra, *args])
    assert exit_info.value.code == 2
