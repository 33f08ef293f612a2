"""Long exports and renders show progress on a terminal's stderr, and nothing in a pipe."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from briefing.progress import terminal_progress

ROOT = Path(__file__).resolve().parents[1]


def _storyboard(tmp_path: Path, slides: int) -> Path:
    body = "".join(f"      - {{title: Slide {n}, notes: n, bullets: [point {n}]}}\n" for n in range(slides))
    path = tmp_path / "long.yaml"
    path.write_text(f"title: Long\nsections:\n  - title: Part\n    slides:\n{body}", encoding="utf-8")
    return path


def _run_on_terminal(args: list[str], cwd: Path, rows: int = 24, columns: int = 100) -> tuple[int, str]:
    """Run ``python -m briefing ARGS`` with stderr on a pseudo-terminal of ``rows`` x ``columns``
    (0 x 0: one that reports no size); (exit code, what it showed)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "TERM": "xterm"}
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=follower,
        stdin=subprocess.DEVNULL,
    )
    os.close(follower)
    shown = b""
    deadline = time.monotonic() + 170
    while time.monotonic() < deadline:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return process.wait(timeout=30), shown.decode("utf-8", "replace")


@pytest.mark.slow
@pytest.mark.parametrize(("rows", "columns"), [(24, 100), (0, 0)])
def test_an_export_of_hundreds_of_slides_shows_progress_on_a_terminal(
    tmp_path: Path, rows: int, columns: int
) -> None:
    path = _storyboard(tmp_path, 1500)
    output = str(tmp_path / "long.pptx")
    code, shown = _run_on_terminal(["export", str(path), "-o", output], tmp_path, rows, columns)
    assert code == 0
    assert "export:" in shown and "/1502" in shown and "slides" in shown  # "export: 40%|### | 601/1502 ..."
    assert "wrote " in shown


@pytest.mark.slow
def test_an_export_in_a_pipe_prints_only_its_own_lines(tmp_path: Path) -> None:
    path = _storyboard(tmp_path, 1500)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "briefing", "export", str(path), "-o", str(tmp_path / "a.pptx")]
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=170)
    assert done.returncode == 0
    (line,) = done.stderr.splitlines()
    assert line.startswith("wrote ")
    assert "\r" not in done.stderr and "%" not in done.stderr


def test_no_bar_when_stderr_is_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    with terminal_progress("render", "PNGs") as progress:
        assert progress is None
    assert capsys.readouterr().err == ""


def test_the_bar_counts_what_is_done(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr("briefing.progress.DELAY_S", 0)
    monkeypatch.setattr("briefing.progress.MIN_INTERVAL_S", 0)
    with terminal_progress("render", "PNGs") as progress:
        assert progress is not None
        for done in range(1, 301):
            progress(done, 300)
    assert "render" in screen.getvalue() and "300/300" in screen.getvalue()


def test_a_draft_counts_the_report_parts_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from briefing.cli import main

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    report = tmp_path / "report.md"
    parts = "".join(
        f"## Part {n}\n\nThe harbour handled {n * 100} ships in part {n} of the year.\n\n" for n in range(40)
    )
    report.write_text(f"# Harbour report\n\n{parts}", encoding="utf-8")
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr("briefing.progress.DELAY_S", 0)
    monkeypatch.setattr("briefing.progress.MIN_INTERVAL_S", 0)
    assert main(["draft", str(report), "-o", str(tmp_path / "talk.yaml")]) == 0
    shown = screen.getvalue()
    assert "draft:" in shown and "40/40" in shown and "parts" in shown
    assert shown.rstrip().splitlines()[-1].startswith("briefing draft: wrote ")


def test_a_draft_in_a_pipe_prints_only_its_own_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.cli import main

    report = tmp_path / "report.md"
    report.write_text("# Harbour report\n\n## Ships\n\nThe harbour handled 400 ships.\n", encoding="utf-8")
    assert main(["draft", str(report), "-o", str(tmp_path / "talk.yaml")]) == 0
    err = capsys.readouterr().err
    assert "%" not in err and "\r" not in err and err.startswith("briefing draft: wrote ")
