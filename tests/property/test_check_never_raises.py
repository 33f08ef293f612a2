"""``briefing check`` on any storyboard, valid or not: located problems, never a traceback.

The storyboards come from ``gen_storyboards``: the format's every key and
value class, any Unicode, CSV files and pictures beside them, and the
mistakes editors make. Checked through the in-process API and through the
``briefing`` command line entry point.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from gen_storyboards import Case, broken_case, storyboard_case, write_case
from hypothesis import given, note, settings
from hypothesis import strategies as st
from property_settings import examples

from briefing import cli
from briefing.commands.check import check_file
from briefing.storyboard import check, load_storyboard

LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): .+$")
HINT = re.compile(r"^  hint: .+$")
#: What YAML and CSV readers (and most editors) count as a line break: a lone CR too.
LINE_BREAK = re.compile("\r\n|\r|\n|\x85|\u2028|\u2029")

any_case = st.one_of(broken_case(), storyboard_case())


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(args))
    return code, out.getvalue(), err.getvalue()


def assert_located_lines(stdout: str, folder: Path) -> None:
    """Every line is ``path:line:col: error|warning: message`` or its ``  hint:``, inside the file named."""
    for line in stdout.splitlines():
        if HINT.match(line):
            continue
        match = LINE.match(line)
        assert match, f"not a located diagnostic line: {line!r}"
        where = Path(match["path"])
        assert where.resolve().is_relative_to(folder.resolve()), line
        if where.is_file():
            text = where.read_bytes().decode("utf-8", "replace")
            lines = len(LINE_BREAK.split(text))
            assert 1 <= int(match["line"]) <= lines, f"line out of the file ({lines} lines): {line!r}"
        assert int(match["col"]) >= 1, line


def check_everywhere(case: Case) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = write_case(case, folder)
        note(f"storyboard:\n{path.read_text('utf-8', 'surrogateescape')}")
        storyboard, _ = check(path)
        found = check_file(path)
        errors = [d for d in found if d.severity == "error"]
        code, stdout, stderr = run_cli("check", str(path))
        note(f"check printed:\n{stdout}{stderr}")
        assert "Traceback" not in stdout + stderr
        assert code == (1 if errors else 0), stdout + stderr
        assert_located_lines(stdout, folder)
        assert stdout.count(": error: ") == len(errors)
        json_code, json_out, _ = run_cli("check", "--format", "json", str(path))
        assert json_code == code
        assert json.loads(json_out)["errors"] == len(errors)
        if errors:
            assert storyboard is None
            deck = folder / "deck.pptx"
            export_code, export_out, export_err = run_cli("export", str(path), "-o", str(deck))
            assert export_code == 1 and not deck.exists(), export_out + export_err
            assert "Traceback" not in export_out + export_err
            assert_located_lines(export_err.split("briefing export:")[0], folder)
        else:
            assert storyboard is not None
            assert len(load_storyboard(path).slides) == len(storyboard.slides)


@settings(max_examples=examples(1.0))
@given(any_case)
def test_check_never_raises_and_locates_every_problem(case: Case) -> None:
    check_everywhere(case)


@settings(max_examples=examples(0.04))
@given(any_case)
def test_check_command_line_prints_no_traceback(case: Case) -> None:
    """The real ``briefing check`` process: exit 0 or 1, located lines, no traceback on stderr."""
    with tempfile.TemporaryDirectory() as tmp:
        path = write_case(case, Path(tmp))
        done = subprocess.run(
            [sys.executable, "-m", "briefing", "check", str(path)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=60,
        )
        note(done.stdout + done.stderr)
        assert done.returncode in (0, 1), done.stderr
        assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
        assert_located_lines(done.stdout, Path(tmp))
