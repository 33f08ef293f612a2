"""Fixtures for the review round trip: a copy of the bundled briefing, its deck, LibreOffice re-saves."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.export.pptx import export_deck
from briefing.storyboard.load import load_storyboard

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The bundled briefing (YAML with comments, two CSV charts) copied where a test may edit it."""
    folder = tmp_path / "talk"
    shutil.copytree(REPO / "slides", folder)
    return folder / "shanghai-innovation.yaml"


@pytest.fixture
def exported(project: Path) -> Path:
    deck = project.parent.parent / "deck.pptx"
    export_deck(load_storyboard(project), deck)
    return deck


@pytest.fixture
def resave(tmp_path: Path) -> Callable[[Path], Path]:
    """LibreOffice Impress opens the deck and saves it again as .pptx (own profile per call)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is required for the round-trip tests")

    def convert(deck: Path) -> Path:
        out = tmp_path / f"lo-out-{uuid.uuid4().hex[:8]}"
        profile = tmp_path / f"lo-profile-{uuid.uuid4().hex}"
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pptx",
                "--outdir",
                str(out),
                str(deck),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        result = out / deck.name
        assert result.is_file(), f"LibreOffice wrote no deck for {deck.name}"
        return result

    return convert
