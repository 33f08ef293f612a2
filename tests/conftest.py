"""Shared fixtures. Qt runs offscreen so the suite needs no display."""

from __future__ import annotations

import gc
import os
import textwrap
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
