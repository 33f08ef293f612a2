"""File > Import review…: the stakeholders' deck shown slide by slide, applied on confirmation, and
the presenter shows the new storyboard after live reload."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from briefing.export.pptx import export_deck
from briefing.storyboard.load import load_storyboard
from tests.review import stakeholder as sh

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def reviewed(tmp_path: Path) -> tuple[Path, Path]:
    """The bundled briefing copied, exported, and edited by a stakeholder (with a comment)."""
    shutil.copytree(REPO / "slides", tmp_path / "talk")
    story = tmp_path / "talk" / "shanghai-innovation.yaml"
    deck = tmp_path / "deck.pptx"
    export_deck(load_storyboard(story), deck)
    prs = Presentation(str(deck))
    slide = sh.slide_with_title(prs, "From farmland to a science city")
    sh.set_paragraph(slide.shapes.title, 0, sh.EDITED_TITLE)
    sh.add_legacy_comment(prs, slide, "Anna Lee", sh.COMMENT)
    edited = tmp_path / "edited.pptx"
    prs.save(str(edited))
    return story, edited


def _open(controller: Any, deck: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(deck), "PowerPoint (*.pptx)"))
    controller.menus["import_review"].trigger()
    return controller.review_dialog


def test_the_dialog_shows_edits_and_comments_and_apply_reaches_the_presenter(
    qtbot: QtBot, make_controller: Any, reviewed: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    story, edited = reviewed
    controller = make_controller(load_storyboard(story))
    assert controller.start_live_reload()
    dialog = _open(controller, edited, monkeypatch)
    assert dialog is not None and dialog.isVisible()
    assert f"+      - title: {sh.EDITED_TITLE}" in dialog.diff.toPlainText()
    rows = [dialog.slides.topLevelItem(i) for i in range(dialog.slides.topLevelItemCount())]
    children = [(r.text(0), r.child(n).text(1)) for r in rows for n in range(r.childCount())]
    assert any(
        slide == "From farmland to a science city" and sh.EDITED_TITLE in text for slide, text in children
    )
    assert any(f'comment by Anna Lee on slide 3: "{sh.COMMENT}"' in text for _, text in children)
    assert load_storyboard(story).slides[2].title == "From farmland to a science city"  # nothing written yet
    assert dialog.apply()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: controller.state.storyboard.slides[2].title == sh.EDITED_TITLE, timeout=10000)


def test_cancel_writes_nothing(
    make_controller: Any, reviewed: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    story, edited = reviewed
    before = story.read_bytes()
    controller = make_controller(load_storyboard(story))
    dialog = _open(controller, edited, monkeypatch)
    dialog.reject()
    assert story.read_bytes() == before


def test_a_deck_that_cannot_be_imported_is_said_in_a_message(
    make_controller: Any, reviewed: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story, _ = reviewed
    broken = tmp_path / "broken.pptx"
    broken.write_bytes(b"not a deck")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    controller = make_controller(load_storyboard(story))
    assert _open(controller, broken, monkeypatch) is None
    assert said and "is not a PowerPoint deck" in said[0]
