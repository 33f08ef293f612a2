"""``briefing diff OLD NEW``: storyboards and decks in any mix, slide by slide, as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pptx import Presentation

from briefing.cli import main
from tests.review import stakeholder as sh


@pytest.fixture
def edited(exported: Path) -> Path:
    prs = Presentation(str(exported))
    sh.review_everything(prs)
    path = exported.with_name("edited.pptx")
    prs.save(str(path))
    return path


def test_storyboard_against_edited_deck_lists_every_change_for_a_review_mail(
    project: Path, edited: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", str(project), str(edited)]) == 0
    out = capsys.readouterr().out
    assert f"title: 'From farmland to a science city' -> '{sh.EDITED_TITLE}'" in out
    assert "- 16,000+: tech firms, incl. SMIC and SenseTime" in out
    assert f"+ {sh.EDITED_STAT}: tech firms, incl. SMIC and SenseTime" in out
    assert f"'{sh.NEW_TITLE}': added" in out
    assert "'Government: a blueprint backed by money' (slide 11 before): removed" in out
    assert "Integrated circuit production 35" in out and "Integrated circuit production 36" in out


def test_json_names_each_slide_field_and_its_old_and_new_value(
    project: Path, edited: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", str(project), str(edited), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    by_key = {s["key"]: s for s in document["slides"]}
    chart = by_key["national-shares"]
    (change,) = [c for c in chart["changes"] if c["field"] == "chart"]
    assert change["old"]["series"][0]["values"] == [35.0, 40.0]
    assert change["new"]["series"][0]["values"] == [36.0, 40.0]
    assert by_key["policy"]["status"] == "removed"
    assert by_key["three-forces"]["new_position"] > by_key["three-forces"]["old_position"]


def test_a_storyboard_against_its_own_export_has_no_change(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", str(project), str(exported)]) == 0
    assert "no slide changed" in capsys.readouterr().out


def test_an_unreadable_side_is_an_error_without_traceback(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.pptx"
    broken.write_bytes(b"PK\x03\x04 not really")
    assert main(["diff", str(project), str(broken)]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "Traceback" not in err


def test_two_decks_compare_slide_by_slide(
    exported: Path, edited: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", str(exported), str(edited), "--format", "json"]) == 0
    slides = {s["key"]: s for s in json.loads(capsys.readouterr().out)["slides"]}
    (title,) = [c for c in slides["park-scale"]["changes"] if c["field"] == "title"]
    assert (title["old"], title["new"]) == ("From farmland to a science city", sh.EDITED_TITLE)
    assert [s["status"] for s in slides.values() if s["title"] == sh.NEW_TITLE] == ["added"]


def test_two_storyboards_compare_by_slide_id(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    newer = project.with_name("newer.yaml")
    newer.write_text(
        project.read_text(encoding="utf-8").replace("value: 16000", "value: 17500"), encoding="utf-8"
    )
    assert main(["diff", str(project), str(newer)]) == 0
    out = capsys.readouterr().out
    assert "1 slide differs" in out
    assert "- 16,000+: tech firms" in out and "+ 17,500+: tech firms" in out
