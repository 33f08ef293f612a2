"""``briefing export``: defaults, template warnings, and errors without a written file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from briefing.cli import main
from briefing.storyboard.model import Storyboard


def test_defaults_export_the_bundled_briefing_into_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.resources import default_storyboard
    from briefing.storyboard.load import load_storyboard

    monkeypatch.chdir(tmp_path)
    assert main(["export"]) == 0
    out = tmp_path / f"{default_storyboard().stem}.pptx"
    assert out.is_file()
    assert len(Presentation(str(out)).slides) == len(load_storyboard(None).slides)  # Sources included
    assert f"wrote {out}" in capsys.readouterr().err


def test_output_and_template_options(
    rich_storyboard: Storyboard,
    corporate_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "templated.pptx"  # not corporate.pptx: that is the template itself
    code = main(["export", str(rich_storyboard.path), "-o", str(out), "--template", str(corporate_template)])
    assert code == 0 and out.is_file()
    err = capsys.readouterr().err
    assert "briefing export: warning: template has no 'Title Only' layout" in err


def test_invalid_storyboard_prints_check_errors_and_writes_nothing(
    write_storyboard, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.errors import StoryboardInvalid
    from briefing.storyboard.load import load_storyboard

    path = write_storyboard(
        """
        title: Broken
        sections:
          - title: One
            slides:
              - title: No body here
        """
    )
    with pytest.raises(StoryboardInvalid) as invalid:
        load_storyboard(path)
    out = tmp_path / "deck.pptx"
    out.write_bytes(b"previous deck")
    code = main(["export", str(path), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip() == str(invalid.value).strip()
    assert f"{path}:" in err and "Traceback" not in err
    assert out.read_bytes() == b"previous deck"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx", "deck.yaml"]


@pytest.mark.parametrize("which", ["storyboard", "template"])
def test_missing_input_is_a_usage_error(
    which: str, rich_storyboard: Storyboard, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["export", str(tmp_path / "nope.yaml")] if which == "storyboard" else [
        "export", str(rich_storyboard.path), "--template", str(tmp_path / "nope.pptx")
    ]
    assert main([*args, "-o", str(tmp_path / "deck.pptx")]) == 2
    assert f"{which} " in capsys.readouterr().err
    assert not (tmp_path / "deck.pptx").exists()


def test_output_may_be_a_folder(rich_storyboard: Storyboard, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["export", str(rich_storyboard.path), "-o", str(folder), "-q"]) == 0
    assert (folder / "rich.pptx").is_file()
