"""The proof follows the edit: a figure a stakeholder "fixed" is checked against the report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pptx import Presentation

from briefing.cli import main
from briefing.export.pptx import export_deck
from briefing.storyboard.load import load_storyboard
from tests.review import stakeholder as sh
from tests.shared_report import shared_report


@pytest.fixture
def cited(project: Path) -> Path:
    """The bundled briefing with its report declared as ``file:`` (a copy in the test's folder)."""
    shutil.copy(shared_report(), project.parent / "report.txt")
    text = project.read_text(encoding="utf-8")
    text = text.replace(
        '    title: "Shanghai as a technology innovation hub (investigative report)"\n',
        '    title: "Shanghai as a technology innovation hub (investigative report)"\n    file: report.txt\n',
    )
    project.write_text(text, encoding="utf-8")
    return project


def test_a_changed_figure_that_the_report_does_not_back_is_an_error_at_its_line(
    cited: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = cited.parent / "deck.pptx"
    export_deck(load_storyboard(cited), deck)
    prs = Presentation(str(deck))
    slide = sh.slide_with_title(prs, "From farmland to a science city")
    sh.set_paragraph(sh.shape_named(slide, "Stat Value", 1), 0, sh.EDITED_STAT)
    prs.save(str(deck))
    assert main(["import", str(deck), "--into", str(cited)]) == 0
    err = capsys.readouterr().err
    line = next(
        n for n, t in enumerate(cited.read_text(encoding="utf-8").splitlines(), 1) if "value: 16000" in t
    )
    errors = [e for e in err.splitlines() if ": error: " in e]
    assert errors and all(f"shanghai-innovation.yaml:{line}:" in e for e in errors), err
    assert any("17,500" in e or "17500" in e for e in errors), err


def test_an_unchanged_deck_raises_no_figure_error(cited: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deck = cited.parent / "deck.pptx"
    export_deck(load_storyboard(cited), deck)
    assert main(["import", str(deck), "--into", str(cited)]) == 0
    assert ": error: " not in capsys.readouterr().err
