"""`briefing check` and `briefing schema` from the command line: output, exit codes 0/1/2, JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import main

CLEAN = (
    "title: T\nsources: {r: {title: R}}\nsections:\n  - title: S\n    slides:\n"
    "      - {title: A, notes: n, bullets: [x]}\n"
)
BROKEN = "title: T\nsections:\n  - title: S\n    slides:\n      - titel: A\n        bullets: 5\n"
WARNS = "title: T\nsections:\n  - title: S\n    slides:\n      - {title: A, bullets: [x]}\n"


def test_clean_file_exits_0(write_storyboard, capsys) -> None:
    path = write_storyboard(CLEAN)
    assert main(["check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == "briefing check: 1 file checked, no problems"


def test_errors_print_path_line_col_and_exit_1(write_storyboard, capsys) -> None:
    path = write_storyboard(BROKEN).absolute()
    assert main(["check", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{path}:5:9: error: unknown key 'titel' in slide",
        "  hint: did you mean 'title'?",
        f"{path}:6:18: error: 'bullets' must be a list, not a number",
    ]
    assert err.strip() == "briefing check: 1 file checked, 2 errors, 0 warnings"


def test_warnings_exit_0_unless_strict(write_storyboard, capsys) -> None:
    path = write_storyboard(WARNS).absolute()
    assert main(["check", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert out.splitlines()[0] == f"{path}:5:9: warning: slide 'A' has no speaker notes"
    assert main(["check", "--strict", str(path)]) == 1


def test_several_files_are_all_checked(write_storyboard, capsys) -> None:
    clean, broken = write_storyboard(CLEAN, "a.yaml"), write_storyboard(BROKEN, "b.yaml")
    assert main(["check", str(clean), str(broken)]) == 1
    assert "2 files checked, 2 errors" in capsys.readouterr().err


def test_json_output(write_storyboard, capsys) -> None:
    path = write_storyboard(BROKEN)
    assert main(["check", "--format", "json", str(path)]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["files"] == [str(path.absolute())]
    assert (document["errors"], document["warnings"]) == (2, 0)
    first = document["diagnostics"][0]
    assert (first["line"], first["col"], first["code"], first["severity"]) == (5, 9, "unknown-key", "error")
    assert first["hint"] == "did you mean 'title'?"
    assert first["key_path"] == ["sections", 0, "slides", 0, "titel"]


def test_missing_file_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["check", str(tmp_path / "nope.yaml")]) == 2
    assert "nope.yaml does not exist" in capsys.readouterr().err


def test_bad_option_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["check", "--format", "xml"])
    assert raised.value.code == 2


def test_bundled_briefing_has_no_errors(capsys) -> None:
    assert main(["check"]) == 0
    err = capsys.readouterr().err
    assert " 0 errors" in err or "no problems" in err


def test_hostile_file_is_reported_without_traceback(write_storyboard, capsys) -> None:
    path = write_storyboard(
        "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
        + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(6)
        )
    )
    assert main(["check", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "alias" in out and "Traceback" not in out + err


def test_python_m_briefing_check_subprocess(write_storyboard) -> None:
    path = write_storyboard(BROKEN)
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert done.returncode == 1
    assert f"{path.absolute()}:5:9: error: unknown key 'titel' in slide" in done.stdout
    assert "Traceback" not in done.stderr


def test_schema_prints_json_schema(capsys) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["title", "sections"]


def test_schema_output_file(tmp_path: Path, capsys) -> None:
    target = tmp_path / "briefing.schema.json"
    assert main(["schema", "--output", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "briefing storyboard"
    capsys.readouterr()
    assert main(["schema", "--output", str(tmp_path / "no" / "such.json")]) == 1
    assert capsys.readouterr().err == (
        f"briefing schema: error: cannot write {tmp_path / 'no' / 'such.json'}: "
        f"folder {tmp_path / 'no'} does not exist\n"
    )


def test_schema_output_folder_and_read_only_file(tmp_path: Path, capsys) -> None:
    assert main(["schema", "-o", f"{tmp_path}/schemas/"]) == 0
    assert (tmp_path / "schemas" / "briefing.schema.json").is_file()
    locked = tmp_path / "locked.json"
    locked.write_text("{}", encoding="utf-8")
    locked.chmod(0o444)
    assert main(["schema", "-o", str(locked)]) == 1
    assert "the file is read-only" in capsys.readouterr().err
    assert locked.read_text(encoding="utf-8") == "{}"


def test_text_that_cannot_fit_is_a_text_overflow_warning(write_storyboard, capsys) -> None:
    long_bullet = "word " * 800
    path = write_storyboard(
        "title: T\nsections:\n  - title: S\n    slides:\n      - title: A\n        notes: n\n"
        f"        bullets:\n          - {long_bullet}\n"
    ).absolute()
    assert main(["check", "--format", "json", str(path)]) == 0
    diagnostics = json.loads(capsys.readouterr().out)["diagnostics"]
    overflow = [d for d in diagnostics if d["code"] == "text-overflow"]
    assert [(d["line"], d["col"], d["severity"]) for d in overflow] == [(5, 9, "warning")]
    assert overflow[0]["message"] == "the body text of slide 'A' is too long to fit its box"
