"""A real client: LibreOffice Impress edits the exported deck (driven over UNO, headless) and saves
it as .pptx; the import takes every edit back and the comment is shown at its slide."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Bullets, Stats
from tests.review import impress_edit as impress

SCRIPT = Path(impress.__file__ or "")
SYSTEM_PYTHON = Path("/usr/bin/python3")  # Debian's, with LibreOffice's UNO bridge (python3-uno)


def _impress_python() -> Path:
    probe = subprocess.run([str(SYSTEM_PYTHON), "-c", "import uno"], capture_output=True, check=False)
    if probe.returncode:
        pytest.fail("the Impress round trip needs LibreOffice's Python bridge: apt-get install python3-uno")
    return SYSTEM_PYTHON


def test_edits_made_in_impress_come_back(
    project: Path, exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = tmp_path / "impress.pptx"
    subprocess.run(
        [str(_impress_python()), str(SCRIPT), str(exported), str(edited), str(tmp_path / "impress-profile")],
        check=True,
        capture_output=True,
        timeout=240,
    )
    old = project.read_text(encoding="utf-8")
    assert main(["import", str(edited), "--into", str(project), "--write"]) == 0
    slides = {s.id: s for s in load_storyboard(project).slides}
    numbers = slides["trinity-numbers"]
    assert numbers.title == impress.NEW_TITLE
    assert numbers.notes.strip() == impress.NEW_NOTES
    assert isinstance(numbers.body, Stats) and numbers.body.items[1].label == impress.NEW_LABEL
    forces = slides["three-forces"].body
    assert isinstance(forces, Bullets) and forces.items[0].text == impress.NEW_BULLET
    assert "policy" not in slides
    new = project.read_text(encoding="utf-8")
    removed = [line for line in old.splitlines() if line not in new.splitlines()]
    assert len(removed) < 45, removed  # the deleted slide's lines and the edited ones, nothing else
    err = capsys.readouterr().err
    assert f'comment by {impress.COMMENT_AUTHOR} on slide 9: "{impress.COMMENT}"' in err
