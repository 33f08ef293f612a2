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
