"""The console banner: every problem of a broken save as file:line:col, hidden when fixed."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from briefing.app.live.banner import ProblemBanner, problem_lines
from briefing.errors import Diagnostic


def test_banner_lists_every_problem_with_line_and_column(qtbot: QtBot, tmp_path: Path) -> None:
    banner = ProblemBanner(base_dir=tmp_path)
    qtbot.addWidget(banner)
    problems = [
        Diagnostic(tmp_path / "deck.yaml", 12, 7, "unknown key 'titel'", hint="did you mean 'title'?"),
        Diagnostic(tmp_path / "data" / "growth.csv", 3, 2, "'2O24' is not a number"),
    ]
    banner.show_problems(problems)
    assert not banner.isHidden()
    text = banner.text()
    assert "2 problems" in text
    assert "deck.yaml:12:7: error: unknown key 'titel'" in text
    assert "hint: did you mean 'title'?" in text
    assert "data/growth.csv:3:2: error: '2O24' is not a number" in text
    assert "deck.yaml:12:7" in banner.details.text()  # what is drawn, not only the model


def test_banner_clears_and_hides(qtbot: QtBot, tmp_path: Path) -> None:
    banner = ProblemBanner()
    qtbot.addWidget(banner)
    banner.show_problems([Diagnostic(tmp_path / "d.yaml", 1, 1, "bad")])
    banner.clear_problems()
    assert banner.isHidden() and banner.text() == ""
    banner.show_problems([])
    assert banner.isHidden()


def test_clicking_a_location_asks_to_open_the_editor_there(qtbot: QtBot, tmp_path: Path) -> None:
    banner = ProblemBanner()
    qtbot.addWidget(banner)
    path = tmp_path / "d.yaml"
    banner.show_problems([Diagnostic(path, 4, 2, "a"), Diagnostic(path, 9, 1, "b")])
    with qtbot.waitSignal(banner.open_requested, timeout=1000) as blocker:
        banner.details.linkActivated.emit("1")
    assert blocker.args == [tmp_path / "d.yaml", 9]


def test_problem_outside_the_folder_keeps_its_full_path(tmp_path: Path) -> None:
    elsewhere = Path("/elsewhere/x.csv")
    assert problem_lines([Diagnostic(elsewhere, 2, 3, "m")], tmp_path) == [f"{elsewhere}:2:3: error: m"]
