"""Templates nobody here wrote: saved by other tools or settings, with parts and properties a deck
must not inherit. Each gives a deck that opens as the storyboard's own, or one clear error."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.export.pptx import export_deck
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Storyboard
from tests.export import template_damage as damage
from tests.export.conftest import build_corporate_template
from tests.export.package_checks import package_problems
from tests.export.template_hazards import deck_hazards

URL = "https://example.org/report"
STORY = f"""
title: On a template from elsewhere
sources:
  report: {{title: A report, url: "{URL}"}}
sections:
  - title: Findings
    slides:
      - title: What we found
        sources: [{{ref: report}}]
        bullets: [One, Two]
"""


@pytest.fixture
def story(tmp_path: Path) -> Storyboard:
    path = tmp_path / "story.yaml"
    path.write_text(textwrap.dedent(STORY).lstrip(), encoding="utf-8")
    return load_storyboard(path)


@pytest.fixture
def entries(tmp_path: Path) -> dict[str, bytes]:
    return damage.read_entries(build_corporate_template(tmp_path / "base.pptx"))


def _save(tmp_path: Path, name: str, data: dict[str, bytes] | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else damage.zip_bytes(data))
    return path


def _export(story: Storyboard, template: Path) -> tuple[Path, tuple[str, ...]]:
    report = export_deck(story, template.parent / "deck.pptx", template=template)
    assert deck_hazards(report.path, {URL}) == []
    assert package_problems(report.path) == []
    return report.path, report.warnings


@pytest.mark.parametrize("rels", [True, False], ids=["strict", "strict-namespaces-only"])
def test_a_strict_open_xml_template_is_refused_with_what_to_do(
    story: Storyboard,
    entries: dict[str, bytes],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    rels: bool,
) -> None:
    template = _save(tmp_path, "strict.pptx", damage.strict(entries, rels))
    out = tmp_path / "deck.pptx"
    assert main(["export", str(story.path), "-o", str(out), "--template", str(template)]) == 1
    assert capsys.readouterr().err == (
        "briefing export: error: cannot use template strict.pptx: it is saved as Strict Open XML, "
        "which a deck cannot be built on; in PowerPoint, save it as a PowerPoint Presentation (.pptx) "
        "or PowerPoint Template (.potx), not as Strict Open XML\n"
    )
    assert not out.exists()
