"""Start-up loads the storyboard in a forked child while Qt is imported: same answer, or a fallback."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefing.errors import StoryboardInvalid
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.load_ahead import can_fork, load_ahead

REPO = Path(__file__).resolve().parents[2]

GOOD = """\
title: Ahead
sections:
  - title: One
    slides:
      - title: Numbers
        stats:
          - {value: 42, unit: "%", label: of the answer}
        notes: Say it slowly.
      - title: Chart
        chart:
          type: bar
          categories: [a, b]
          series:
            - {name: s, values: [1, 2]}
"""

BROKEN = """\
title: Broken
sections:
  - title: One
    slides:
      - title: A
        chart:
          type: pie
          categories: [a, b]
          series:
            - {name: s, values: [1, two]}
      - titel: B
"""


def _in_fresh_python(script: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )


def test_a_fresh_process_loads_in_a_child_and_gets_what_the_loader_gives(tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "ahead.pickle"
    done = _in_fresh_python(
        f"""
        import pickle, sys
        from briefing.storyboard.load_ahead import load_ahead
        loading = load_ahead({str(deck)!r})
        forked = loading.forked
        storyboard = loading.result()
        assert "PySide6" not in sys.modules
        open({str(out)!r}, "wb").write(pickle.dumps((forked, storyboard)))
        """
    )
    assert done.returncode == 0, done.stderr
    forked, storyboard = pickle.loads(out.read_bytes())
    assert forked is True
    assert storyboard == load_storyboard(deck)
    by_title = {slide.title: slide for slide in storyboard.slides}
    assert [list(s.values) for s in by_title["Chart"].body.series] == [[1.0, 2.0]]
    assert by_title["Numbers"].notes == "Say it slowly."


def test_errors_come_back_from_the_child_once_each_as_the_loader_reports_them(tmp_path: Path) -> None:
    deck = tmp_path / "broken.yaml"
    deck.write_text(BROKEN, encoding="utf-8")
    done = _in_fresh_python(
        f"""
        from briefing.errors import StoryboardInvalid
        from briefing.storyboard.load_ahead import load_ahead
        loading = load_ahead({str(deck)!r})
        assert loading.forked
        try:
            loading.result()
        except StoryboardInvalid as invalid:
            print("\\n".join(d.format() for d in invalid.errors))
        """
    )
    assert done.returncode == 0, done.stderr
    with pytest.raises(StoryboardInvalid) as expected:
        load_storyboard(deck)
    assert done.stdout.splitlines() == "\n".join(d.format() for d in expected.value.errors).splitlines()
    assert len(expected.value.errors) >= 2
    assert done.stderr == ""  # the child prints nothing


def test_a_killed_child_means_the_parent_loads_the_file_itself(tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text(GOOD, encoding="utf-8")
    done = _in_fresh_python(
        f"""
        import os, signal
        from briefing.storyboard.load_ahead import load_ahead
        loading = load_ahead({str(deck)!r})
        assert loading.forked
        os.kill(loading.pid, signal.SIGKILL)
        print(loading.result().title)
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Ahead"


@pytest.mark.parametrize(
    "answer",
    [
        "pickle.dumps(('storyboard', 'not a storyboard'))",
        "pickle.dumps(('invalid', 'not a list'))",
        "pickle.dumps(42)",
        "b'\\x80\\x05 truncated'",
    ],
)
def test_an_answer_that_is_not_a_storyboard_means_the_parent_loads_the_file(
    tmp_path: Path, answer: str
) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text(GOOD, encoding="utf-8")
    done = _in_fresh_python(
        f"""
        import os, pickle
        import briefing.storyboard.load_ahead as ahead
        def wrong_child(path, fd):
            os.write(fd, {answer})
            os._exit(0)
        ahead._child = wrong_child
        loading = ahead.load_ahead({str(deck)!r})
        assert loading.forked
        print(loading.result().title)
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Ahead"


def test_a_process_that_has_loaded_qt_never_forks(tmp_path: Path) -> None:
    import PySide6.QtCore  # noqa: F401  (as in the app and in this test run)

    deck = tmp_path / "deck.yaml"
    deck.write_text(BROKEN, encoding="utf-8")
    assert not can_fork()
    loading = load_ahead(deck)
    assert not loading.forked
    with pytest.raises(StoryboardInvalid):
        loading.result()


def test_briefing_show_reports_a_broken_storyboard_once_and_exits_1(tmp_path: Path) -> None:
    deck = tmp_path / "broken.yaml"
    deck.write_text(BROKEN, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "show", "--no-reload", str(deck)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )
    assert done.returncode == 1
    with pytest.raises(StoryboardInvalid) as expected:
        load_storyboard(deck)
    errors = [line for line in done.stderr.splitlines() if ": error: " in line]
    assert errors == [d.format().splitlines()[0] for d in expected.value.errors]
    assert "Traceback" not in done.stderr
