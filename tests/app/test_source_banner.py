"""The console banner also shows what a storyboard's source file does not back, and clears when fixed."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from briefing.storyboard.load import load_storyboard

REPORT = "Ferry crossings rose to 1,250 a day, says port director Ada Brennan.\n"
DECK = """\
title: Harbour
sources:
  survey: {title: Harbour survey, file: survey.txt}
sections:
  - title: Ferries
    slides:
      - title: Crossings
        notes: n
        sources: [{ref: survey, phrase: "crossings rose to 1,520 a day"}]
        stats: [{value: 1520, label: crossings a day}]
"""


def save_atomically(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def test_banner_shows_a_misquoted_phrase_and_clears_when_fixed(
    qtbot: QtBot, make_controller: Any, tmp_path: Path
) -> None:
    (tmp_path / "survey.txt").write_text(REPORT, encoding="utf-8")
    deck = tmp_path / "deck.yaml"
    deck.write_text(DECK, encoding="utf-8")
    presenter = make_controller(load_storyboard(deck))
    assert presenter.start_live_reload()
    banner = presenter.console.problems
    qtbot.waitUntil(banner.isVisible, timeout=3000)
    text = banner.text()
    assert "1 problem against the cited source — presenting this version" in text
    where = "deck.yaml:9:41: error: phrase not found in source 'survey' (survey.txt)"
    assert f'{where}: "crossings rose to 1,520 a day"' in text
    assert 'hint: closest passage, survey.txt line 1: "crossings rose to 1,250 a day,"' in text

    before = presenter.live_reload.reloads
    save_atomically(deck, DECK.replace("1,520", "1,250").replace("1520", "1250"))
    qtbot.waitUntil(lambda: presenter.live_reload.reloads > before, timeout=3000)
    qtbot.waitUntil(banner.isHidden, timeout=3000)
    assert presenter.state.storyboard.slides[2].body.items[0].value == 1250


def test_banner_shows_a_report_edit_that_breaks_a_figure_and_clears_when_undone(
    qtbot: QtBot, make_controller: Any, tmp_path: Path
) -> None:
    report = tmp_path / "survey.txt"
    report.write_text(REPORT, encoding="utf-8")
    deck = tmp_path / "deck.yaml"
    deck.write_text(DECK.replace("1,520", "1,250").replace("1520", "1250"), encoding="utf-8")
    presenter = make_controller(load_storyboard(deck))
    assert presenter.start_live_reload()
    banner = presenter.console.problems
    qtbot.wait(300)
    assert banner.isHidden()

    save_atomically(report, REPORT.replace("1,250", "1,205"))
    qtbot.waitUntil(banner.isVisible, timeout=3000)
    assert "deck.yaml:9:41: error: phrase not found in source 'survey' (survey.txt)" in banner.text()

    save_atomically(report, REPORT)
    qtbot.waitUntil(banner.isHidden, timeout=3000)
