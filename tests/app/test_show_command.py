"""`briefing show`: errors before any window, and a real run that quits by itself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from briefing.app.screens import choose_audience_screen
from briefing.cli import main


def test_invalid_storyboard_without_reload_prints_errors_and_exits_1(write_storyboard, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write_storyboard(
        "title: x\nsections:\n  - title: A\n    slides: []\n    colour: red\n", "bad.yaml"
    )
    assert main(["show", "--no-reload", str(path)]) == 1
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


def test_a_broken_file_opens_with_its_problems_and_loads_once_fixed(qapp, write_storyboard) -> None:  # type: ignore[no-untyped-def]
    good = (
        "title: Fixed deck\nsections:\n  - title: A\n    slides:\n"
        "      - title: One\n        notes: n\n        bullets: [x]\n"
    )
    path = write_storyboard(good.replace("title: One", "titel: One"), "broken.yaml")
    seen: dict[str, object] = {}

    def windows() -> list:  # type: ignore[type-arg]
        return [w for w in QApplication.topLevelWidgets() if w.isVisible()]

    def look_then_fix() -> None:
        console = next(w for w in windows() if w.objectName() == "console")
        seen["banner"] = " ".join(label.text() for label in console.findChildren(QLabel) if label.isVisible())
        seen["audience"] = next(w for w in windows() if w.objectName() == "audience").windowTitle()
        path.write_text(good, encoding="utf-8")
        QTimer.singleShot(1500, close)

    def close() -> None:
        console = next(w for w in windows() if w.objectName() == "console")
        seen["after"] = console.state.storyboard.title
        for window in windows():
            window.close()

    QTimer.singleShot(300, look_then_fix)
    assert main(["show", "--no-animations", str(path)]) == 0
    assert "broken.yaml:5:9" in str(seen["banner"]) and "titel" in str(seen["banner"])
    assert "appears as soon as a save fixes them" in str(seen["banner"])
    assert "broken.yaml" in str(seen["audience"])  # a neutral stand-in, not the errors
    assert seen["after"] == "Fixed deck"


def test_show_remote_prints_the_pairing_address_and_shows_the_qr_code_on_the_console(  # type: ignore[no-untyped-def]
    qapp, bundled_storyboard, capsys
) -> None:
    seen: dict[str, object] = {}

    def look_and_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        seen["titles"] = sorted(w.windowTitle() for w in windows)
        dialog = next(w for w in windows if w.windowTitle() == "Phone remote")
        seen["parent"] = dialog.parent().objectName()
        for window in windows:
            window.close()

    QTimer.singleShot(800, look_and_close)
    args = ["show", str(bundled_storyboard), "--no-animations", "--no-reload", "--remote"]
    args += ["--remote-bind", "127.0.0.1"]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "briefing show: phone remote: open http://127.0.0.1:" in err and "/pair/" in err
    assert "Phone remote" in seen["titles"]  # type: ignore[operator]
    assert seen["parent"] == "console"  # on the console, never on the audience window


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--remote-bind", "0.0.0.0"], "means every interface"),
        (["--remote-bind", "::"], "means every interface"),
        (["--remote-bind", "phone.local"], "is not an IP address"),
        (["--remote-port", "70000"], "is not a port"),
    ],
)
def test_a_bad_remote_option_is_a_usage_error(option, message, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["show", "--remote", *option]) == 2
    assert message in capsys.readouterr().err


def test_a_remote_port_in_use_is_a_clear_error(qapp, bundled_storyboard, capsys) -> None:  # type: ignore[no-untyped-def]
    import socket

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    try:
        port = str(taken.getsockname()[1])
        args = ["show", str(bundled_storyboard), "--no-reload"]
        args += ["--remote-bind", "127.0.0.1", "--remote-port", port]
        assert main(args) == 1
    finally:
        taken.close()
    assert "the phone remote cannot listen on 127.0.0.1:" in capsys.readouterr().err
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]
