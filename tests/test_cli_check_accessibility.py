"""`briefing check` accessibility findings from the command line: --template, --strict, JSON."""

from __future__ import annotations

import json
from pathlib import Path

from briefing.cli import main
from tests.export.dark_template import build_dark_template

DUPLICATES = (
    "title: T\nsources: {r: {title: R}}\nsections:\n  - title: S\n    slides:\n"
    "      - {title: Same, notes: n, bullets: [x]}\n"
    "      - {title: same, notes: n, bullets: [y]}\n"
)


def test_duplicate_titles_warn_and_fail_with_strict(write_storyboard, capsys) -> None:
    path = write_storyboard(DUPLICATES).absolute()
    assert main(["check", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert out.splitlines()[0] == (
        f"{path}:7:9: warning: slide title 'same' is the same as the title on line 6"
    )
    assert main(["check", "--strict", str(path)]) == 1
    capsys.readouterr()
    assert main(["check", "--format", "json", str(path)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in document["diagnostics"]] == ["duplicate-title"]


def test_a_template_that_does_not_exist_is_a_usage_error(write_storyboard, capsys) -> None:
    path = write_storyboard(DUPLICATES)
    assert main(["check", str(path), "--template", "nowhere.pptx"]) == 2
    assert "briefing check: error: template nowhere.pptx" in capsys.readouterr().err


def test_a_template_that_is_not_a_deck_is_an_error(write_storyboard, tmp_path: Path, capsys) -> None:
    path = write_storyboard(DUPLICATES)
    bogus = tmp_path / "bogus.pptx"
    bogus.write_text("not a deck")
    assert main(["check", str(path), "--template", str(bogus)]) == 1
    out, _ = capsys.readouterr()
    assert f"{bogus}:1:1: error: cannot use template bogus.pptx" in out


def test_a_dark_template_says_which_colour_our_text_takes(write_storyboard, tmp_path: Path, capsys) -> None:
    path = write_storyboard(DUPLICATES.replace("same,", "Other,"))
    template = build_dark_template(tmp_path / "dark.pptx")
    assert main(["check", str(path), "--template", str(template)]) == 0
    out, _ = capsys.readouterr()
    assert "warning: template dark.pptx: its text colour #000000 has a contrast of 1.1:1" in out
    assert "low-contrast" not in out and "below" not in out
