"""The E key: open the storyboard at the current slide's line in the user's editor."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from briefing.app.files import editor
from briefing.app.files.editor import editor_command, launch_command, needs_terminal, open_in_editor

FILE = "/talks/deck.yaml"


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("vim", ["vim", "+12", FILE]),
        ("nvim", ["nvim", "+12", FILE]),
        ("/usr/bin/vi", ["/usr/bin/vi", "+12", FILE]),
        ("nano", ["nano", "+12", FILE]),
        ("micro", ["micro", "+12", FILE]),
        ("kak", ["kak", "+12", FILE]),
        ("emacs", ["emacs", "+12", FILE]),
        ("emacsclient -c", ["emacsclient", "-c", "+12", FILE]),
        ("gedit", ["gedit", "+12", FILE]),
        ("code", ["code", "-g", f"{FILE}:12"]),
        ("code --wait", ["code", "--wait", "-g", f"{FILE}:12"]),
        ("codium", ["codium", "-g", f"{FILE}:12"]),
        ("subl", ["subl", f"{FILE}:12"]),
        ("hx", ["hx", f"{FILE}:12"]),
        ("helix", ["helix", f"{FILE}:12"]),
        ("kate", ["kate", "-l", "12", FILE]),
        ("mate", ["mate", "-l", "12", FILE]),
        ("pycharm", ["pycharm", "--line", "12", FILE]),
        ("idea", ["idea", "--line", "12", FILE]),
        ("'/opt/My Editor/ed' --flag", ["/opt/My Editor/ed", "--flag", FILE]),
        ("someeditor", ["someeditor", FILE]),
    ],
)
def test_editor_command_uses_each_family_line_syntax(setting: str, expected: list[str]) -> None:
    assert editor_command(setting, FILE, 12, platform="linux") == expected


@pytest.mark.parametrize(("platform", "expected"), [
    ("linux", ["xdg-open", FILE]),
    ("freebsd14", ["xdg-open", FILE]),
    ("darwin", ["open", FILE]),
    ("win32", []),
])
def test_no_editor_uses_the_system_default(platform: str, expected: list[str]) -> None:
    assert editor_command(None, FILE, 12, platform=platform) == expected
    assert editor_command("  ", FILE, 12, platform=platform) == expected


def test_line_zero_of_a_generated_slide_opens_at_line_one() -> None:
    assert editor_command("vim", FILE, 0) == ["vim", "+1", FILE]


def test_terminal_editors_are_recognised() -> None:
    assert needs_terminal("vim") and needs_terminal("nano -w") and needs_terminal("emacs -nw")
    assert not needs_terminal("emacs") and not needs_terminal("code --wait") and not needs_terminal(None)


def fake_terminal(tmp_path: Path, name: str) -> str:
    program = tmp_path / name
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    return str(tmp_path)


def test_terminal_editor_is_wrapped_in_the_users_terminal(tmp_path: Path) -> None:
    env = {"EDITOR": "vim", "TERMINAL": "alacritty", "PATH": fake_terminal(tmp_path, "alacritty")}
    assert launch_command(FILE, 7, env=env, platform="linux") == ["alacritty", "-e", "vim", "+7", FILE]


def test_gnome_terminal_takes_the_command_after_double_dash(tmp_path: Path) -> None:
    env = {"VISUAL": "nvim", "TERMINAL": "gnome-terminal", "PATH": fake_terminal(tmp_path, "gnome-terminal")}
    assert launch_command(FILE, 7, env=env, platform="linux") == ["gnome-terminal", "--", "nvim", "+7", FILE]


def test_x_terminal_emulator_is_the_fallback_terminal(tmp_path: Path) -> None:
    env = {"EDITOR": "nano", "PATH": fake_terminal(tmp_path, "x-terminal-emulator")}
    assert launch_command(FILE, 3, env=env, platform="linux")[:2] == ["x-terminal-emulator", "-e"]


def test_terminal_editor_without_a_terminal_opens_the_default_app(tmp_path: Path) -> None:
    env = {"EDITOR": "vim", "PATH": str(tmp_path)}
    assert launch_command(FILE, 3, env=env, platform="linux") == ["xdg-open", FILE]


def test_visual_wins_over_editor() -> None:
    env = {"VISUAL": "code", "EDITOR": "vim"}
    assert launch_command(FILE, 3, env=env, platform="linux")[0] == "code"


def test_open_in_editor_starts_the_editor_detached(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[tuple[list[str], dict[str, object]]] = []

    class FakePopen:
        def __init__(self, command: list[str], **options: object) -> None:
            started.append((command, options))

    monkeypatch.setenv("VISUAL", "subl")
    monkeypatch.setattr(subprocess, "Popen", FakePopen)
    assert open_in_editor(Path(FILE), 9) == ["subl", f"{FILE}:9"]
    assert started[0][1]["start_new_session"] is True


def test_missing_editor_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch,
                                               caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("VISUAL", "no-such-editor-binary-xyz")
    assert open_in_editor(Path(FILE), 9) is None
    assert "could not start the editor" in caplog.text


def test_storyboard_without_a_file_opens_nothing() -> None:
    assert open_in_editor(None, 1) is None
    assert editor.program_name("C:\\Tools\\Notepad++.exe") == "notepad++"
