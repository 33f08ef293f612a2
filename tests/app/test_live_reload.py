"""Live reload: good saves apply with a per-slide diff, broken saves keep the last good version."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from briefing.app.live.reload import LiveReload
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Chart

DECK = """\
title: Live
sections:
  - title: One
    id: one
    slides:
      - title: Alpha
        id: alpha
        bullets: [a]
      - title: Growth
        id: growth
        chart: {type: bar, csv: data/growth.csv}
      - title: Omega
        id: omega
        bullets: [z]
"""
CSV = "Year,Firms\n2022,10\n2023,20\n"


def save_atomically(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.swp-{os.getpid()}")
    temp.write_text(textwrap.dedent(text), encoding="utf-8")
    os.replace(temp, path)


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "growth.csv").write_text(CSV, encoding="utf-8")
    path = tmp_path / "deck.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


@pytest.fixture
def live(deck: Path) -> Iterator[LiveReload]:
    live = LiveReload(load_storyboard(deck))
    yield live
    live.stop()
    live.deleteLater()


def test_good_save_emits_the_new_storyboard_and_what_changed(
        qtbot: QtBot, deck: Path, live: LiveReload) -> None:
    with qtbot.waitSignal(live.reloaded, timeout=3000) as blocker:
        save_atomically(deck, DECK.replace("bullets: [z]", "bullets: [zz]"))
    new, diff = blocker.args
    assert [s.id for s in new.slides][-1] == "omega"
    assert diff.rebuild == (4,)  # only Omega's scene is rebuilt
    assert live.storyboard is new


def test_csv_save_is_a_chart_data_change(qtbot: QtBot, deck: Path, live: LiveReload) -> None:
    with qtbot.waitSignal(live.reloaded, timeout=3000) as blocker:
        save_atomically(deck.parent / "data" / "growth.csv", CSV + "2024,35\n")
    new, diff = blocker.args
    assert diff.data_only == (3,) and diff.rebuild == ()
    chart = new.slides[3].body
    assert isinstance(chart, Chart) and chart.series[0].values == (10, 20, 35)


def test_broken_save_keeps_the_last_good_version_then_recovers(
        qtbot: QtBot, deck: Path, live: LiveReload) -> None:
    good = live.storyboard
    with qtbot.waitSignal(live.failed, timeout=3000) as blocker:
        save_atomically(deck, DECK.replace("bullets: [a]", "bulets: [a]"))
    problems = blocker.args[0]
    assert (deck, 8, 9) in [(d.path, d.line, d.col) for d in problems]  # the misspelt key
    assert live.storyboard is good
    with qtbot.waitSignals([live.recovered, live.reloaded], timeout=3000):
        save_atomically(deck, DECK.replace("bullets: [a]", "bullets: [a, b]"))
    assert live.problems == []
    with qtbot.waitSignal(live.reloaded, timeout=3000):  # the watch still works after all that
        save_atomically(deck, DECK.replace("bullets: [a]", "bullets: [a, b, c]"))


def test_fixing_back_to_the_same_text_clears_the_problems(
        qtbot: QtBot, deck: Path, live: LiveReload) -> None:
    with qtbot.waitSignal(live.failed, timeout=3000):
        save_atomically(deck, DECK + "  - oops: [\n")
    with qtbot.waitSignal(live.recovered, timeout=3000):
        save_atomically(deck, DECK)
    assert live.reloads == 0  # same storyboard as before: nothing to rebuild


def test_missing_csv_is_a_problem_not_a_crash(qtbot: QtBot, deck: Path, live: LiveReload) -> None:
    live.watcher.missing_grace_ms = 100
    with qtbot.waitSignal(live.failed, timeout=3000) as blocker:
        (deck.parent / "data" / "growth.csv").unlink()
    assert any("growth.csv" in d.message or d.path.name == "growth.csv" for d in blocker.args[0])
    with qtbot.waitSignals([live.recovered, live.reloaded], timeout=3000):
        (deck.parent / "data" / "growth.csv").write_text(CSV + "2024,1\n", encoding="utf-8")


def test_a_loader_crash_is_shown_as_a_problem(qtbot: QtBot, deck: Path) -> None:
    def broken_loader(path: Path) -> object:
        raise RuntimeError("boom")

    live = LiveReload(load_storyboard(deck), loader=broken_loader)  # type: ignore[arg-type]
    with qtbot.waitSignal(live.failed, timeout=3000) as blocker:
        live.reload()
    assert "boom" in blocker.args[0][0].message
    live.stop()


def test_a_file_briefly_missing_during_a_save_is_not_an_error(
        qtbot: QtBot, deck: Path, live: LiveReload) -> None:
    from PySide6.QtCore import QTimer

    failures: list[object] = []
    live.failed.connect(failures.append)
    deck.unlink()  # some editors delete, then write the new file
    QTimer.singleShot(150, lambda: deck.write_text(DECK.replace("[z]", "[back]"), encoding="utf-8"))
    with qtbot.waitSignal(live.reloaded, timeout=3000):
        pass
    assert failures == []


def test_replaced_image_rebuilds_the_slide_showing_it(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    picture = QImage(8, 8, QImage.Format.Format_RGB32)
    picture.fill(QColor("red"))
    assert picture.save(str(tmp_path / "map.png"))
    path = tmp_path / "deck.yaml"
    path.write_text(
        "title: Pictures\nsections:\n  - title: S\n    slides:\n      - title: Map\n"
        "        image: {path: map.png, alt: a map}\n",
        encoding="utf-8",
    )
    live = LiveReload(load_storyboard(path))
    picture.fill(QColor("blue"))
    with qtbot.waitSignal(live.reloaded, timeout=3000) as blocker:
        temp = tmp_path / ".map.png.tmp"
        assert picture.save(str(temp), "PNG")
        os.replace(temp, tmp_path / "map.png")
    assert blocker.args[1].rebuild == (2,)
    live.stop()


def test_creating_a_missing_csv_fixes_the_storyboard_without_resaving_it(
        qtbot: QtBot, deck: Path, live: LiveReload) -> None:
    with qtbot.waitSignal(live.failed, timeout=3000):
        save_atomically(deck, DECK.replace("data/growth.csv", "data/new.csv"))
    with qtbot.waitSignals([live.recovered, live.reloaded], timeout=3000):
        (deck.parent / "data" / "new.csv").write_text("Year,Firms\n2030,1\n", encoding="utf-8")
    assert live.watcher.watch_folders is False


def test_the_same_problems_again_are_not_reported_twice(
        qtbot: QtBot, deck: Path, live: LiveReload) -> None:
    broken = DECK.replace("bullets: [a]", "bulets: [a]")
    with qtbot.waitSignal(live.failed, timeout=3000):
        save_atomically(deck, broken)
    with qtbot.assertNotEmitted(live.failed, wait=400):
        save_atomically(deck, broken)
