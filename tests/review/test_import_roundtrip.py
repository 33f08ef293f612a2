"""``briefing import``: a stakeholder's edits to the exported deck come back into the storyboard.

The stakeholder is python-pptx (every kind of edit, comments included); the
same deck re-saved by LibreOffice Impress, and with the identity markers
stripped, must give the same storyboard.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation

from briefing.cli import main
from briefing.export.pptx import export_deck
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Bullets, Chart, Compare, Quote, Stats, Storyboard
from tests.review import stakeholder as sh


def _edited(exported: Path, client: str, resave: Callable[[Path], Path]) -> Path:
    prs = Presentation(str(exported))
    sh.review_everything(prs)
    if client == "stripped":
        sh.strip_identity(prs)
    edited = exported.with_name("edited.pptx")
    prs.save(str(edited))
    return resave(edited) if client == "libreoffice" else edited


def _slide(storyboard: Storyboard, slide_id: str):
    return next(s for s in storyboard.slides if s.id == slide_id)


@pytest.mark.parametrize("client", ["python-pptx", "libreoffice", "stripped"])
def test_import_write_reproduces_every_edit(
    client: str,
    project: Path,
    exported: Path,
    resave: Callable[[Path], Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    old_text = project.read_text(encoding="utf-8")
    edited = _edited(exported, client, resave)
    assert main(["import", str(edited), "--into", str(project), "--write"]) == 0
    new = load_storyboard(project)
    stats = _slide(new, "park-scale")
    assert stats.title == sh.EDITED_TITLE
    assert isinstance(stats.body, Stats)
    assert [s.display() for s in stats.body.items] == ["25 km²", sh.EDITED_STAT]
    assert stats.body.items[0].label == sh.EDITED_LABEL
    assert stats.notes.split("\n\n")[0].strip() == sh.EDITED_NOTES
    quote = _slide(new, "metamorphosis").body
    assert isinstance(quote, Quote) and (quote.text, quote.who, quote.role) == (
        sh.EDITED_QUOTE,
        "Dr. Chen Lin",
        sh.EDITED_ROLE,
    )
    compare = _slide(new, "then-and-now").body
    assert isinstance(compare, Compare) and compare.right.bullets[0] == sh.EDITED_COLUMN
    bullets = _slide(new, "three-forces").body
    assert isinstance(bullets, Bullets)
    assert [b.text for b in bullets.items] == [
        sh.EDITED_BULLET,
        sh.ADDED_BULLET,
        "Industry: domestic champions alongside global research labs",
    ]
    chart = _slide(new, "national-shares").body
    assert isinstance(chart, Chart) and chart.series[0].values == (36.0, 40.0)
    section = new.sections[1]
    assert [s.id for s in section.slides] == [
        "trinity-numbers",
        "three-forces",
        "academia-industry",
        "what-the-stakeholders-want",
        "ai-plus",
    ]
    added = section.slides[3]
    assert isinstance(added.body, Bullets) and [b.text for b in added.body.items] == sh.NEW_LINES
    assert added.notes.strip() == sh.NEW_NOTES
    assert "policy" not in {s.id for s in new.slides}
    rents = (project.parent / "data" / "rent-index.csv").read_text(encoding="utf-8")
    assert rents == "Period,Office rent index (2020 = 100)\n2020,100\nToday,410\n"
    _only_edited_lines_changed(old_text, project.read_text(encoding="utf-8"), project)
    assert f'comment by Anna Lee on slide 3: "{sh.COMMENT}"' in capsys.readouterr().err


def _only_edited_lines_changed(old: str, new: str, path: Path) -> None:
    """Every YAML comment stays; no line outside the edited slides changes."""
    assert [line for line in old.splitlines() if line.lstrip().startswith("#")] == [
        line for line in new.splitlines() if line.lstrip().startswith("#")
    ]
    old_lines = old.splitlines()
    edited = slide_lines(
        old,
        path,
        {
            "park-scale",
            "then-and-now",
            "metamorphosis",
            "national-shares",
            "three-forces",
            "policy",
            "trinity-numbers",
            "rents",
        },
    )
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(
        None, old_lines, new.splitlines(), autojunk=False
    ).get_opcodes():
        if tag in ("replace", "delete"):
            untouched = [n + 1 for n in range(i1, i2) if n + 1 not in edited and old_lines[n].strip()]
            assert not untouched, f"lines {untouched} changed: {[old_lines[n - 1] for n in untouched]}"


def slide_lines(text: str, path: Path, slide_ids: set[str]) -> set[int]:
    """1-based line numbers of the given slides (from each slide's line to the next one's)."""
    from briefing.storyboard.load import load_text

    storyboard = load_text(text, path)
    starts = sorted(s.line for s in storyboard.slides if s.line)
    lines: set[int] = set()
    for slide in storyboard.slides:
        if slide.id in slide_ids:
            after = [line for line in starts if line > slide.line]
            lines.update(range(slide.line, after[0] if after else len(text.splitlines()) + 1))
    return lines


def test_reexport_of_the_imported_storyboard_shows_the_edited_text(
    project: Path, exported: Path, resave: Callable[[Path], Path]
) -> None:
    edited = _edited(exported, "python-pptx", resave)
    assert main(["import", str(edited), "--into", str(project), "--write"]) == 0
    again = project.parent / "again.pptx"
    export_deck(load_storyboard(project), again)
    texts = [
        shape.text_frame.text
        for slide in Presentation(str(again)).slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]
    assert sh.EDITED_TITLE in texts and sh.EDITED_STAT in texts and sh.EDITED_QUOTE in texts
    assert sh.NEW_TITLE in texts


@pytest.mark.parametrize("client", ["python-pptx", "libreoffice", "stripped"])
def test_importing_an_unedited_export_changes_nothing(
    client: str,
    project: Path,
    exported: Path,
    resave: Callable[[Path], Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = project.read_bytes()
    deck = resave(exported) if client == "libreoffice" else exported
    if client == "stripped":
        prs = Presentation(str(exported))
        sh.strip_identity(prs)
        deck = exported.with_name("stripped.pptx")
        prs.save(str(deck))
    assert main(["import", str(deck), "--into", str(project), "--write"]) == 0
    assert project.read_bytes() == before
    captured = capsys.readouterr()
    assert captured.out == "" and "nothing to change" in captured.err
    assert "deleted" not in captured.err and "added" not in captured.err


def test_import_without_write_prints_the_diff_and_changes_nothing(
    project: Path, exported: Path, resave: Callable[[Path], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    before = project.read_bytes()
    edited = _edited(exported, "python-pptx", resave)
    assert main(["import", str(edited), "--into", str(project)]) == 0
    out, err = capsys.readouterr()
    assert project.read_bytes() == before
    assert f"+      - title: {sh.EDITED_TITLE}" in out
    assert "-      - title: From farmland to a science city" in out
    assert "+Today,410" in out
    line = next(
        n
        for n, text in enumerate(before.decode().splitlines(), 1)
        if "From farmland to a science city" in text
    )
    assert f'shanghai-innovation.yaml:{line}:9: note: comment by Anna Lee on slide 3: "{sh.COMMENT}"' in err
    assert 'reply by Bo Kim on slide 5: "Done"' in err
