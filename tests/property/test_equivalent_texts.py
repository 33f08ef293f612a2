"""A storyboard means the same however its editor saves it.

Line breaks (``\\n``, ``\\r\\n``, a lone ``\\r``), a BOM, ``---``/``...`` document
markers, blank lines of spaces and tabs and comment lines (indented with a tab too)
change nothing YAML reads: ``check`` says the same (at the same places when no line
moved) and the slides are the same.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from gen_storyboards import Case, same_storyboard_otherwise, storyboard_case, write_case
from hypothesis import given, note, settings
from hypothesis import strategies as st
from property_settings import examples

from briefing.storyboard import check, load_storyboard


def _said(path: Path, *, places: bool) -> list[tuple[str, ...]]:
    """What ``check`` says about the storyboard itself: at its places, or (lines moved) in any order."""
    said = [
        (d.severity, d.message, *((str(d.line), str(d.col)) if places else ()))
        for d in check(path)[1]
        if d.path is None or d.path.name == path.name
    ]
    return said if places else sorted(said)


def _slides(path: Path) -> list[tuple[object, ...]]:
    return [(s.kind, s.title, s.body, s.notes, s.steps) for s in load_storyboard(path).slides]


@settings(max_examples=examples(0.3))
@given(storyboard_case(), st.data())
def test_a_storyboard_saved_otherwise_checks_and_shows_the_same(case: Case, data: st.DataObject) -> None:
    text, moved = data.draw(same_storyboard_otherwise(case.yaml()))
    with tempfile.TemporaryDirectory() as folder:
        original = write_case(case, Path(folder))  # with its CSV files and pictures
        other = original.with_name("other.yaml")
        other.write_bytes(text.encode("utf-8", "surrogatepass"))
        note(f"saved otherwise:\n{text!r}")
        assert _said(other, places=not moved) == _said(original, places=not moved)
        if not any(d.severity == "error" for d in check(original)[1]):
            assert _slides(other) == _slides(original)
