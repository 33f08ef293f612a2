"""Shared fixtures. Qt runs offscreen so the suite needs no display."""

from __future__ import annotations

import gc
import os
import sys
import textwrap
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefing.runtime import manual_collection

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")


@pytest.fixture
def bundled_storyboard() -> Path:
    from briefing.resources import default_storyboard

    return default_storyboard()


@pytest.fixture
def write_storyboard(tmp_path: Path) -> Callable[..., Path]:
    """Write a storyboard (dedented) to ``tmp_path`` and return its path."""

    def write(text: str, name: str = "deck.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


@pytest.fixture(autouse=True)
def _collect_garbage_between_tests() -> Iterator[None]:
    """No automatic cyclic GC inside a test: it can start inside a Qt destructor and
    deadlock (see briefing/runtime.py). Collect after the test instead, once
    pytest-qt has closed its widgets (autouse fixtures are torn down last)."""
    with manual_collection():
        yield
        gc.collect()


@pytest.fixture(autouse=True)
def _no_qt_timer_or_thread_left_running(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves a QTimer or QThread it started still running.

    A timer left running fires during the next test (into objects that test
    never made) and a running thread outlives its widgets; both show up as
    crashes far from their cause. Every ``start()`` made from Python during the
    test is recorded; after the test (and pytest-qt closing its widgets: autouse
    fixtures are torn down last) each must be stopped or deleted.
    """
    if "PySide6.QtCore" not in sys.modules:  # a test without Qt
        yield
        return
    from PySide6.QtCore import QThread, QTimer

    started: list[weakref.ref[QTimer | QThread]] = []  # weak: recording must not keep one alive
    monkeypatch = pytest.MonkeyPatch()
    for cls in (QTimer, QThread):
        original = cls.start

        def start(self: QTimer | QThread, *args: object, _original: Callable[..., None] = original) -> None:
            started.append(weakref.ref(self))
            _original(self, *args)

        monkeypatch.setattr(cls, "start", start)
    try:
        yield
    finally:
        monkeypatch.undo()
    alive = [obj for obj in dict.fromkeys(ref() for ref in started) if obj is not None]
    running = [obj for obj in alive if _still_running(obj)]
    for obj in running:  # stop them anyway: the next test must not pay for this one
        obj.stop() if isinstance(obj, QTimer) else (obj.quit(), obj.wait(2000))
    assert not running, f"{request.node.name} left running: {', '.join(map(_describe, running))}"


def _still_running(obj: object) -> bool:
    from PySide6.QtCore import QTimer

    try:
        return obj.isActive() if isinstance(obj, QTimer) else obj.isRunning()  # type: ignore[attr-defined]
    except RuntimeError:  # the C++ object is gone: it cannot run
        return False


def _describe(obj: object) -> str:
    parent = obj.parent()  # type: ignore[attr-defined]
    owner = f" of {type(parent).__name__}" if parent is not None else ""
    return f"{type(obj).__name__}{owner}"
