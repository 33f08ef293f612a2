"""The runtime workarounds: where Qt can open windows, and the source cache PySide6 fills."""

from __future__ import annotations

import linecache

import pytest

from briefing import runtime


@pytest.fixture
def linux_without_display(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setattr("sys.platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_no_display_on_linux_means_no_windows(linux_without_display: pytest.MonkeyPatch) -> None:
    assert not runtime.display_available()
    assert not runtime.can_open_windows()


@pytest.mark.parametrize("name", ["DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"])
def test_a_display_or_a_chosen_qt_platform_opens_windows(
    linux_without_display: pytest.MonkeyPatch, name: str
) -> None:
    linux_without_display.setenv(name, ":0" if "DISPLAY" in name else "offscreen")
    assert runtime.can_open_windows()


def test_images_render_offscreen_without_a_display(linux_without_display: pytest.MonkeyPatch) -> None:
    import os

    runtime.offscreen_without_display()
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"


def test_release_source_cache_empties_linecache() -> None:
    linecache.getlines(linecache.__file__)
    assert linecache.cache
    runtime.release_source_cache()
    assert not linecache.cache
