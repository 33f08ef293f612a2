"""A reload loads off the UI thread: saves during a load coalesce, stale results never show, closing waits."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from briefing.app.live.reload import LiveReload
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Storyboard

DECK = """\
title: Threaded
sections:
  - title: One
    slides:
      - title: Alpha
        id: alpha
        bullets: [first point]
      - title: Omega
        id: omega
        bullets: [z]
"""


def save_atomically(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def bullets(storyboard: Storyboard) -> str:
    return repr([s.body for s in storyboard.slides])


class GatedLoader:
    """A loader that reads the file, then waits for the test to let it finish (a slow load, on cue)."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.entered = threading.Event()
        self.threads: list[int] = []
        self.running = 0
        self.most_at_once = 0
        self.lock = threading.Lock()

    def __call__(self, path: Path) -> Storyboard:
        with self.lock:
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        try:
            self.threads.append(threading.get_ident())
            storyboard = load_storyboard(path)  # reads the text now: slower than the next save
            self.entered.set()
            assert self.gate.wait(5), "the test never let the load finish"
            return storyboard
        finally:
            with self.lock:
                self.running -= 1


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    path = tmp_path / "deck.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


@pytest.fixture
def gated() -> GatedLoader:
    return GatedLoader()


@pytest.fixture
def live(deck: Path, gated: GatedLoader) -> Iterator[LiveReload]:
    live = LiveReload(load_storyboard(deck), loader=gated)
    yield live
    gated.gate.set()
    live.stop()
    live.deleteLater()


def start_blocked_load(qtbot: QtBot, deck: Path, gated: GatedLoader, text: str) -> None:
    """Save ``text`` and wait until its load is running (and held) on the worker."""
    save_atomically(deck, text)
    qtbot.waitUntil(gated.entered.is_set, timeout=3000)


def test_the_load_runs_on_a_thread_other_than_the_gui_thread(
        qtbot: QtBot, deck: Path, live: LiveReload, gated: GatedLoader) -> None:
    gated.gate.set()
    with qtbot.waitSignal(live.reloaded, timeout=3000) as blocker:
        save_atomically(deck, DECK.replace("[z]", "[zz]"))
    assert gated.threads and threading.get_ident() not in gated.threads
    assert live.last_load_thread == gated.threads[-1]
    assert "zz" in bullets(blocker.args[0])


def test_the_default_loader_runs_in_the_loader_process(qtbot: QtBot, deck: Path) -> None:
    live = LiveReload(load_storyboard(deck))  # the real loader: not even this process's GIL is taken
    with qtbot.waitSignal(live.reloaded, timeout=30000) as blocker:
        save_atomically(deck, DECK.replace("[z]", "[from the loader process]"))
    assert live.last_load_pid not in (None, os.getpid())
    assert "from the loader process" in bullets(blocker.args[0]) and live.storyboard is blocker.args[0]
    live.stop()


def test_the_ui_keeps_running_while_a_load_is_held(
        qtbot: QtBot, deck: Path, live: LiveReload, gated: GatedLoader) -> None:
    start_blocked_load(qtbot, deck, gated, DECK.replace("[z]", "[held]"))
    ticks: list[float] = []
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    qtbot.wait(200)  # the event loop turns while the loader is still busy
    timer.stop()
    assert len(ticks) >= 5 and live.busy() and live.reloads == 0
    gated.gate.set()
    qtbot.waitUntil(lambda: live.reloads == 1, timeout=3000)
    assert "held" in bullets(live.storyboard)


def test_rapid_saves_during_a_load_give_one_result_with_the_newest_text(
        qtbot: QtBot, deck: Path, live: LiveReload, gated: GatedLoader) -> None:
    results: list[Storyboard] = []
    live.reloaded.connect(lambda new, diff: results.append(new))
    start_blocked_load(qtbot, deck, gated, DECK.replace("first point", "save 1"))
    for number in (2, 3, 4):
        save_atomically(deck, DECK.replace("first point", f"save {number}"))
        qtbot.wait(120)  # past the debounce: each save is reported while the first load runs
    assert len(gated.threads) == 1  # never a second load while one runs
    with qtbot.waitSignal(live.idle, timeout=5000):
        gated.gate.set()
    qtbot.wait(100)
    assert len(results) == 1 and "save 4" in bullets(results[0])  # "save 1" was stale: never shown
    assert live.storyboard is results[0]
    assert len(gated.threads) == 2 and gated.most_at_once == 1


def test_a_broken_save_during_a_load_keeps_the_last_good_version(
        qtbot: QtBot, deck: Path, live: LiveReload, gated: GatedLoader) -> None:
    good = live.storyboard
    start_blocked_load(qtbot, deck, gated, DECK.replace("first point", "good edit"))
    save_atomically(deck, DECK.replace("bullets: [z]", "bulets: [z]"))
    qtbot.waitUntil(live.busy, timeout=3000)
    qtbot.wait(150)
    with qtbot.assertNotEmitted(live.reloaded), qtbot.waitSignal(live.failed, timeout=5000) as blocker:
        gated.gate.set()
    assert any(d.line == 10 for d in blocker.args[0])  # the misspelt key
    assert live.storyboard is good  # the stale "good edit" was dropped, the last good version stays
    with qtbot.waitSignals([live.recovered, live.reloaded], timeout=3000):
        save_atomically(deck, DECK.replace("first point", "fixed"))
    assert "fixed" in bullets(live.storyboard)


def test_closing_the_app_during_a_load_waits_and_drops_the_result(
        qtbot: QtBot, make_controller: Any, deck: Path) -> None:
    entered = threading.Event()

    def slow_loader(path: Path) -> Storyboard:
        entered.set()
        time.sleep(0.3)  # a long load still running when the presenter quits
        return load_storyboard(path)

    presenter = make_controller(load_storyboard(deck))
    assert presenter.start_live_reload()
    live = presenter.live_reload
    live.loader = slow_loader  # on the worker thread, where the test can hold it
    applied: list[object] = []
    live.reloaded.connect(lambda *args: applied.append(args))
    save_atomically(deck, DECK.replace("first point", "too late"))
    qtbot.waitUntil(entered.is_set, timeout=3000)
    started = time.monotonic()
    presenter.console.close()  # quits the app (the timer does not run: no question asked)
    assert time.monotonic() - started < 2.0
    assert presenter.live_reload is None and not live._thread.isRunning()
    qtbot.wait(100)
    assert applied == [] and "too late" not in bullets(presenter.state.storyboard)
