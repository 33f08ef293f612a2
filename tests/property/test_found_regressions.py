"""Regression tests for what the generated storyboards found, each shrunk to its smallest form.

One test per finding, named after what a user would notice. The list with
each finding's cause and fix is in the property tests' report (issue 9).
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from briefing import cli


def _check(path: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["check", str(path)])
    return code, out.getvalue(), err.getvalue()


def test_a_title_with_line_breaks_is_quoted_on_one_diagnostic_line(write_storyboard) -> None:
    """Found: a section title "a \\n b ..." too long for its box printed its line breaks raw,
    so the warning spilled over several lines that were not ``path:line:col:`` lines."""
    title = "Shanghai \\n " * 20
    path = write_storyboard(
        f"""
        title: Deck
        sections:
          - title: "{title}\\x1b[31m"
            slides:
              - title: One
                notes: n
                bullets: [a]
        """
    )
    code, stdout, _ = _check(path)
    assert code == 0
    lines = stdout.splitlines()
    assert all(line.startswith(f"{path}:") or line.startswith("  hint: ") for line in lines), lines
    assert any("Shanghai \\n Shanghai" in line for line in lines), lines
    # the loader removes the ESC itself (it is no text a slide can show) and says so
    assert any(line.endswith("invisible character U+001B removed") for line in lines), lines
    assert "\x1b" not in stdout


def test_a_400_digit_chart_value_is_a_located_error_not_a_traceback(write_storyboard) -> None:
    """Found: ``values: [999...9]`` (400 digits) made ``check`` die with OverflowError."""
    path = write_storyboard(
        f"""
        title: Deck
        sections:
          - title: S
            slides:
              - title: Big
                chart:
                  type: bar
                  categories: [a]
                  series: [{{name: n, values: [{"9" * 400}]}}]
        """
    )
    code, stdout, stderr = _check(path)
    assert code == 1 and "Traceback" not in stdout + stderr
    assert f"{path}:9:" in stdout and ": error: " in stdout


def test_a_duration_in_hr_parses(write_storyboard) -> None:
    """Found: ``duration: 2 hr`` (a unit the format lists) was 'not a duration'."""
    path = write_storyboard(
        """
        title: Deck
        duration: 2 hr
        sections:
          - title: S
            slides:
              - {title: One, notes: n, bullets: [a]}
        """
    )
    code, stdout, _ = _check(path)
    assert code == 0, stdout
    from briefing.storyboard import load_storyboard

    assert load_storyboard(path).duration == 2 * 3600


def test_a_nul_in_the_title_still_exports(write_storyboard, tmp_path: Path) -> None:
    """Found: ``title: "a \\0 b"`` passed check and the export died in lxml (NUL is not XML)."""
    path = write_storyboard(
        """
        title: "Shanghai \\0 Shanghai"
        sections:
          - title: S
            slides:
              - {title: One, notes: n, bullets: [a]}
        """
    )
    assert _check(path)[0] == 0
    deck = tmp_path / "out.pptx"
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["export", str(path), "-o", str(deck)])
    assert code == 0 and deck.is_file(), err.getvalue()
    from pptx import Presentation

    assert "\x00" not in Presentation(str(deck)).slides[0].shapes.title.text_frame.text


def test_a_syntax_error_at_the_end_of_a_file_without_a_final_newline_points_inside_it(tmp_path: Path) -> None:
    """Found: ``author: x`` then ``s`` (cut off, no final newline) was reported at line 3 of a 2-line file."""
    path = tmp_path / "deck.yaml"
    path.write_text('author: "Shanghai"\ns', encoding="utf-8")
    code, stdout, _ = _check(path)
    assert code == 1
    assert stdout.startswith(f"{path}:2:2: error: YAML syntax"), stdout
