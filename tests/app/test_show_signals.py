"""Ctrl+C in the terminal and ``kill`` end ``briefing show`` cleanly, with the shell's exit codes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _start_show(tmp_path: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", "show", "--no-animations"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _saved_settings(tmp_path: Path) -> str:
    files = sorted((tmp_path / "config").rglob("*.ini"))
    return "".join(path.read_text(encoding="utf-8", errors="replace") for path in files)


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_ends_the_talk_like_closing_the_window(tmp_path: Path, sig: int, code: int) -> None:
    show = _start_show(tmp_path)
    try:
        time.sleep(3.0)  # the windows are up and the first source check (after 0.4 s) has started its loader
        assert show.poll() is None, show.communicate()[1]
        show.send_signal(sig)
        _out, err = show.communicate(timeout=20)
    finally:
        if show.poll() is None:
            show.kill()
            show.communicate()
    assert show.returncode == code
    assert "Traceback" not in err
    assert "leaked semaphore" not in err  # the loader process was stopped, not abandoned
    assert "geometry" in _saved_settings(tmp_path)  # window positions saved, as on a normal close
