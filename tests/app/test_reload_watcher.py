"""The watcher notices every way an editor saves, once per save, and survives replacement."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from briefing.app.live.watcher import ReloadWatcher


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    path = tmp_path / "deck.yaml"
    path.write_text("title: one\n", encoding="utf-8")
    return path


@pytest.fixture
def watcher(deck: Path) -> Iterator[ReloadWatcher]:
    watcher = ReloadWatcher([deck])
    yield watcher
    watcher.stop()
    watcher.deleteLater()


def save_in_place(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def save_atomically(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def test_in_place_save_is_noticed(qtbot: QtBot, deck: Path, watcher: ReloadWatcher) -> None:
    with qtbot.waitSignal(watcher.changed, timeout=3000) as blocker:
        save_in_place(deck, "title: two\n")
    assert blocker.args == [[str(deck)]]


def test_atomic_save_is_noticed_and_the_watch_survives_it(
        qtbot: QtBot, deck: Path, watcher: ReloadWatcher) -> None:
    for number in range(3):
        with qtbot.waitSignal(watcher.changed, timeout=3000):
            save_atomically(deck, f"title: v{number}\n")
    with qtbot.waitSignal(watcher.changed, timeout=3000):  # and in place after the renames
        save_in_place(deck, "title: last\n")
    assert str(deck) in watcher._fs.files()


def test_rapid_saves_give_one_signal(qtbot: QtBot, deck: Path, watcher: ReloadWatcher) -> None:
    watcher.debounce_ms = 150  # margin for a loaded test machine; the app uses 50
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        for number in range(5):
            save_atomically(deck, f"title: v{number}\n")
            qtbot.wait(5)  # the event loop runs between saves, as with a real editor
            save_in_place(deck, f"title: w{number}\n")
    with qtbot.assertNotEmitted(watcher.changed, wait=300):
        pass


def test_a_briefly_missing_file_is_waited_for(qtbot: QtBot, deck: Path, watcher: ReloadWatcher) -> None:
    seen: list[bool] = []
    watcher.changed.connect(lambda paths: seen.append(deck.exists()))
    deck.unlink()
    QTimer.singleShot(200, lambda: deck.write_text("title: back\n", encoding="utf-8"))
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert seen == [True]  # reported once, after it came back


def test_a_file_missing_for_good_is_reported_after_the_grace(
        qtbot: QtBot, deck: Path, watcher: ReloadWatcher) -> None:
    watcher.missing_grace_ms = 100
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        deck.unlink()
    with qtbot.waitSignal(watcher.changed, timeout=3000):  # and it is noticed when it returns
        deck.write_text("title: restored\n", encoding="utf-8")


def test_other_files_in_the_folder_are_ignored(qtbot: QtBot, deck: Path, watcher: ReloadWatcher) -> None:
    with qtbot.assertNotEmitted(watcher.changed, wait=300):
        (deck.parent / ".deck.yaml.swp").write_text("swap", encoding="utf-8")


def test_data_files_are_watched_too(qtbot: QtBot, deck: Path, watcher: ReloadWatcher) -> None:
    data = deck.parent / "data"
    data.mkdir()
    csv = data / "growth.csv"
    csv.write_text("year,value\n2024,1\n", encoding="utf-8")
    watcher.set_paths([deck, csv])
    with qtbot.waitSignal(watcher.changed, timeout=3000) as blocker:
        save_atomically(csv, "year,value\n2024,2\n")
    assert blocker.args == [[str(csv)]]


def test_set_paths_stops_watching_dropped_files(qtbot: QtBot, deck: Path, watcher: ReloadWatcher) -> None:
    other = deck.parent / "other.yaml"
    other.write_text("x", encoding="utf-8")
    watcher.set_paths([other])
    assert watcher.paths() == [str(other)]
    with qtbot.assertNotEmitted(watcher.changed, wait=300):
        save_in_place(deck, "title: ignored\n")
