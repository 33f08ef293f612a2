"""Keep timings after a rehearsal: the storyboard gets the durations, live reload shows the new plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from briefing.storyboard import check
from briefing.storyboard.load import load_storyboard

DECK = """\
# Rehearsal deck: comments stay
title: Timed talk
sections:
  - title: One   # first part
    slides:
      - title: Alpha
        id: alpha
        duration: "2min"   # the old plan
        bullets: [first point]

      - id: beta
        title: 'Beta'
        bullets: [second point]
"""
ALPHA, BETA = 2, 3  # deck indices: title, divider, then the slides


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    path = tmp_path / "deck.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


@pytest.fixture
def rehearsed(make_controller: Any, deck: Path, clock: Any) -> Any:
    controller = make_controller(load_storyboard(deck))
    assert controller.start_live_reload()
    controller.perform("next")  # the divider: starts the clock
    controller.perform("next")
    assert controller.state.current == ALPHA
    clock.advance(75)
    controller.perform("next")
    assert controller.state.current == BETA
    clock.advance(42)
    controller.perform("pause")
    return controller


def test_keep_timings_writes_only_duration_lines(qtbot: QtBot, rehearsed: Any, deck: Path) -> None:
    dialog = rehearsed.show_timing_report()
    assert dialog.keep_button.isVisible()
    before = rehearsed.live_reload.reloads
    result = dialog.keep()
    assert result.written, result.message
    assert "Kept the timings of 2 slides in deck.yaml" in dialog.status.text()
    assert deck.read_text(encoding="utf-8") == DECK.replace(
        'duration: "2min"   # the old plan', "duration: 1m15s   # the old plan"
    ).replace("        title: 'Beta'\n", "        title: 'Beta'\n        duration: 42s\n")
    storyboard, problems = check(deck)
    assert storyboard is not None and [p for p in problems if p.severity == "error"] == []
    qtbot.waitUntil(lambda: rehearsed.live_reload.reloads > before, timeout=3000)
    assert [s.duration for s in rehearsed.state.storyboard.sections[0].slides] == [75, 42]
    dialog.close()


def test_a_storyboard_changed_on_disk_is_not_written(rehearsed: Any, deck: Path) -> None:
    rehearsed.stop_live_reload()  # the app has not taken the edit below
    edited = DECK.replace("first point", "first point, edited")
    deck.write_text(edited, encoding="utf-8")
    dialog = rehearsed.show_timing_report()
    result = dialog.keep()
    assert not result.written
    assert "deck.yaml changed on disk since it was loaded: nothing was written" in dialog.status.text()
    assert deck.read_text(encoding="utf-8") == edited
    dialog.close()
