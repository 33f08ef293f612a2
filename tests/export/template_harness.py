"""What the template tests share: the corporate template's entries to damage, saving them as a
template file, and exporting a storyboard on it with the checks every such export must pass."""

from __future__ import annotations

from pathlib import Path

from briefing.export.pptx import export_deck
from briefing.storyboard.model import Storyboard
from tests.export import template_damage as damage
from tests.export.conftest import build_corporate_template
from tests.export.package_checks import package_problems
from tests.export.template_hazards import deck_hazards

#: The one outside address the test storyboards cite (the only external link a deck may hold).
URL = "https://example.org/report"


def corporate_entries(folder: Path) -> dict[str, bytes]:
    """The corporate template's zip entries, to add hazards or damage to."""
    return damage.read_entries(build_corporate_template(folder / "base.pptx"))


def save_template(folder: Path, name: str, data: dict[str, bytes] | bytes) -> Path:
    """``data`` (zip entries, or a file's bytes) written as the template ``folder/name``."""
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else damage.zip_bytes(data))
    return path


def export_on(story: Storyboard, template: Path) -> tuple[Path, tuple[str, ...]]:
    """The deck of ``story`` on ``template`` and its warnings: the template is left unchanged, and
    the deck holds no hazard and no package damage."""
    before = template.read_bytes()
    report = export_deck(story, template.parent / "deck.pptx", template=template)
    assert template.read_bytes() == before, "the template itself is never changed"
    assert deck_hazards(report.path, {URL}) == []
    assert package_problems(report.path) == []
    return report.path, report.warnings
