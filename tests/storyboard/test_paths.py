"""Paths a storyboard names that the file system cannot serve: a located error, never a crash.

Symlink loops, over-long names, NUL bytes, folders, FIFOs and unreadable files,
for an image's ``path:`` and a chart's ``csv:``, through ``check`` (the CLI) and
the loader; the same sentences for ``--template`` and the storyboard itself.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.storyboard.load import check
from briefing.storyboard.paths import file_problem

LONG_NAME = "a" * 300 + ".png"


def _storyboard(write_storyboard, key: str, value: str) -> Path:
    if key == "image":
        body = f"image: {{path: {value}, alt: a picture}}"
    else:
        body = f"chart: {{type: bar, csv: {value}}}"
    return write_storyboard(
        f"title: Paths\nsections:\n  - title: S\n    slides:\n      - title: One\n        {body}\n"
    )


def _only_error(path: Path) -> tuple[int, int, str, str]:
    _, diagnostics = check(path)
    errors = [d for d in diagnostics if d.severity == "error"]
    assert len(errors) == 1, [d.format() for d in errors]
    return errors[0].line, errors[0].col, errors[0].message, errors[0].hint


@pytest.fixture
def odd_files(tmp_path: Path) -> Path:
    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "pipe")
    return tmp_path


COL = {"image": 23, "csv": 33}


@pytest.mark.parametrize("key", ["image", "csv"])
@pytest.mark.parametrize(
    ("value", "message", "hint"),
    [
        ("loop-a", "file 'loop-a' is a symbolic link loop (the links point at each other)", "point the link"),
        (LONG_NAME, "{label} file '{value}' has a name longer than the file system allows", "use a"),
        ('"bad\\0name.png"', "'{what}' contains a NUL character (\\0), which no file name can hold", "rem"),
        ("folder", "{label} file 'folder' is a folder, not a file", ""),
        ("pipe", "{label} file 'pipe' is not a regular file (a device, pipe or socket)", ""),
    ],
)
def test_unusable_paths_are_located_errors(
    write_storyboard, odd_files: Path, key: str, value: str, message: str, hint: str
) -> None:
    path = _storyboard(write_storyboard, key, value)
    label, what = ("image", "path") if key == "image" else ("csv", "csv")
    line, col, found, found_hint = _only_error(path)
    assert (line, col) == (6, COL[key])
    assert found == message.format(label=label, value=value, what=what)
    assert found_hint.startswith(hint)


def test_check_prints_them_without_a_traceback(
    write_storyboard, odd_files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _storyboard(write_storyboard, "image", "loop-a")
    assert main(["check", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out.startswith(f"{path}:6:23: error: file 'loop-a' is a symbolic link loop")
    assert "Traceback" not in out + err


def test_an_unreadable_file_is_a_located_error(
    write_storyboard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "secret.csv").write_text("year,value\n2020,1\n", encoding="utf-8")
    path = _storyboard(write_storyboard, "csv", "secret.csv")
    real_open = open

    def no_permission(file, *args, **kwargs):  # root reads anything; simulate an ordinary user
        if str(file).endswith("secret.csv"):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", no_permission)
    line, col, message, hint = _only_error(path)
    assert (line, col, message) == (6, 33, "csv file 'secret.csv' cannot be read (permission denied)")
    assert hint == "make the file readable for your user (chmod a+r)"


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("loop-a", "is a symbolic link loop (the links point at each other)"),
        ("folder", "is a folder, not a file"),
        (LONG_NAME, "has a name longer than the file system allows"),
        ("missing.pptx", "does not exist"),
    ],
)
def test_a_template_that_cannot_be_read_is_a_usage_error(
    write_storyboard, odd_files: Path, name: str, problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _storyboard(write_storyboard, "csv", "nothing.csv")
    template = odd_files / name
    assert main(["export", str(path), "--template", str(template), "-o", str(odd_files / "d.pptx")]) == 2
    assert capsys.readouterr().err == f"briefing export: error: template {template} {problem}\n"


@pytest.mark.parametrize("command", ["check", "show", "export", "render"])
def test_a_storyboard_with_an_over_long_name_is_a_usage_error(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / ("s" * 300 + ".yaml")
    extra = ["-o", str(tmp_path / "out")] if command == "render" else []
    try:
        code = main([command, str(story), *extra])
    except SystemExit as exit_info:  # render reports usage errors through argparse
        code = exit_info.code
    assert code == 2
    assert "has a name longer than the file system allows" in capsys.readouterr().err


def test_file_problem_accepts_an_ordinary_file(tmp_path: Path) -> None:
    (tmp_path / "ok.csv").write_text("a,b\n", encoding="utf-8")
    assert file_problem(tmp_path / "ok.csv") is None
    assert file_problem(tmp_path / "ok.csv" / "below") == (
        "does not exist (a part of the path is a file, not a folder)"
    )
