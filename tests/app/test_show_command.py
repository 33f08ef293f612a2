"""`briefing show`: errors before any window, and a real run that quits by itself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from briefing.app.screens import choose_audience_screen
from briefing.cli import main


def test_invalid_storyboard_prints_errors_and_exits_1(write_storyboard, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write_storyboard(
        "title: x\nsections:\n  - title: A\n    slides: []\n    colour: red\n", "bad.yaml"
    )
    assert main(["show", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:" in err and "error:" in err


def test_missing_file_is_a_usage_error(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main([str(tmp_path / "nope.yaml")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_show_opens_both_windows_and_returns_when_they_close(qapp, monkeypatch, bundled_storyboard) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def close_soon() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        seen["names"] = sorted(w.objectName() for w in windows)
        for window in windows:
            window.close()

    QTimer.singleShot(300, close_soon)
    assert main(["show", str(bundled_storyboard), "--no-animations", "--no-reload"]) == 0
    assert {"audience", "console"} <= set(seen["names"])  # type: ignore[arg-type]


class FakeScreen:
    def __init__(self, name: str) -> None:
        self.name = name


@pytest.mark.parametrize(
    ("count", "wanted", "expected"),
    [(1, None, None), (2, None, 1), (3, None, 1), (2, 0, 0), (1, 5, None), (3, 2, 2)],
)
def test_audience_screen_choice(count, wanted, expected) -> None:  # type: ignore[no-untyped-def]
    screens = [FakeScreen(str(i)) for i in range(count)]
    chosen = choose_audience_screen(screens, screens[0], wanted)  # type: ignore[arg-type]
    assert chosen is (None if expected is None else screens[expected])


def test_no_display_is_a_clear_error_not_a_qt_abort(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert main(["show"]) == 1
    err = capsys.readouterr().err
    assert "no display found" in err and "briefing render" in err
