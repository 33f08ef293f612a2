"""Hostile or broken files are refused cleanly, located, and fast: never a traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefing.errors import Diagnostic
from briefing.storyboard import check

OK_TAIL = "title: T\nsections:\n  - title: S\n    slides: [{title: A, bullets: [x]}]\n"


def checked(path: Path) -> list[Diagnostic]:
    start = time.process_time()  # CPU time: the work done, whatever else the machine runs
    board, diagnostics = check(path)
    assert time.process_time() - start < 1.0
    assert board is None
    return diagnostics


def billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 9):
        name, previous = chr(97 + level), chr(96 + level)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\ntitle: T\nsections: *i\n"


def test_alias_bomb_is_refused(write_storyboard) -> None:
    (found,) = checked(write_storyboard(billion_laughs()))
    assert found.code == "alias-bomb" and (found.line, found.col) == (1, 1)
    assert "more than 50,000 values" in found.message


def test_modest_aliases_are_allowed(write_storyboard) -> None:
    text = "title: T\nsections:\n  - title: S\n    slides:\n      - &a {title: A, notes: n, bullets: [x]}\n"
    board, _ = check(write_storyboard(text + "  - title: R\n    slides: [*a]\n"))
    assert board is not None and [s.id for s in board.slides[2:]] == ["a", "section:r", "a-2"]


def test_recursive_alias_is_refused(write_storyboard) -> None:
    (found,) = checked(write_storyboard("title: T\nsections: &s [*s]\n"))
    assert (found.line, found.col, found.code) == (2, 11, "recursive-alias")


def test_deep_flow_nesting_is_refused(write_storyboard) -> None:
    (found,) = checked(write_storyboard("title: T\nsections: " + "[" * 20000 + "]" * 20000 + "\n"))
    assert (found.line, found.col, found.code) == (2, 60, "too-deep")
    assert found.message == "nesting is deeper than 50 levels"


def test_deep_block_nesting_is_refused(write_storyboard) -> None:
    text = "title: T\nsections:\n" + "".join("  " * level + "-\n" for level in range(1, 200))
    (found,) = checked(write_storyboard(text))
    assert found.code == "too-deep" and found.line == 52


def test_file_over_five_megabytes_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# " + b"x" * (5 * 1024 * 1024))
    (found,) = checked(path)
    assert (found.line, found.col, found.code) == (1, 1, "too-large")


def test_non_utf8_byte_is_located(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: ok\nsubtitle: Zürich caf".encode() + b"\xe9 x\n")
    (found,) = checked(path)
    assert (found.line, found.col, found.code) == (2, 21, "encoding")
    assert found.message == "byte 0xe9 is not UTF-8 (in Windows-1252, 'é')"


@pytest.mark.parametrize("text", ["", "   \n", "# only a comment\n"])
def test_empty_file(write_storyboard, text: str) -> None:
    (found,) = checked(write_storyboard(text))
    assert (found.line, found.col, found.message) == (1, 1, "the storyboard is empty")


@pytest.mark.parametrize(
    ("text", "what"), [("- a\n- b\n", "a list"), ("hello\n", "text"), ("42\n", "a number")]
)
def test_top_level_must_be_a_mapping(write_storyboard, text: str, what: str) -> None:
    (found,) = checked(write_storyboard(text))
    assert (found.line, found.col) == (1, 1)
    assert found.message == f"the storyboard must be a mapping (key: value lines), not {what}"


def test_tab_indentation_is_reported_with_a_hint(write_storyboard) -> None:
    (found,) = checked(write_storyboard("title: T\nsections:\n\t- title: S\n"))
    assert (found.line, found.col, found.code) == (3, 1, "yaml-syntax")
    assert found.hint == "use spaces, not tabs, to indent YAML"


def test_yaml_syntax_error_is_located(write_storyboard) -> None:
    (found,) = checked(write_storyboard("title: [T\nsections: x\n"))
    assert (found.line, found.col) == (2, 9)
    assert found.message.startswith("YAML syntax: ") and "expected ',' or ']'" in found.message


def test_control_character_is_located(write_storyboard) -> None:
    (found,) = checked(write_storyboard("title: T\x07\n"))
    assert (found.line, found.col, found.message) == (1, 9, "control character U+0007 is not allowed in YAML")


def test_python_object_tag_is_never_constructed(write_storyboard, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f'title: !!python/object/apply:os.system ["touch {marker}"]\n' + OK_TAIL.split("\n", 1)[1]
    found = checked(write_storyboard(text))
    assert [(d.line, d.col, d.code) for d in found] == [(1, 8, "bad-tag")]
    assert not marker.exists()


def test_missing_file_is_reported_not_raised(tmp_path: Path) -> None:
    (found,) = checked(tmp_path / "nope.yaml")
    assert found.code == "io" and "cannot read the file" in found.message


def test_too_many_values_are_refused_while_composing(write_storyboard) -> None:
    (found,) = checked(write_storyboard("title: T\nsections: [" + "1, " * 50_001 + "]\n"))
    assert (found.line, found.code) == (2, "too-large")
    assert found.message == "the document has more than 50,000 values"


def test_several_documents_are_refused(write_storyboard) -> None:
    (found,) = checked(write_storyboard(OK_TAIL + "---\n" + OK_TAIL))
    assert (found.line, found.col, found.code) == (5, 1, "yaml-syntax")
    assert "expected a single document" in found.message


def test_undefined_alias_is_located(write_storyboard) -> None:
    (found,) = checked(write_storyboard("title: *nope\n"))
    assert (found.line, found.col) == (1, 8)
    assert found.message == "YAML syntax: found undefined alias 'nope'"
