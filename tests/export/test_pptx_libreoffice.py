"""A real client opens the decks: LibreOffice converts each to PDF, one page per slide."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.export.pptx import export_deck
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Storyboard

pytestmark = pytest.mark.slow


def test_bundled_briefing_converts_page_per_slide(
    tmp_path: Path, to_pdf: Callable[[Path], Path], page_count: Callable[[Path], int]
) -> None:
    storyboard = load_storyboard(None)
    deck = tmp_path / "bundled.pptx"
    export_deck(storyboard, deck)
    assert page_count(to_pdf(deck)) == len(storyboard.slides)  # the Sources slide included


def test_every_kind_and_chart_converts(
    rich_storyboard: Storyboard,
    tmp_path: Path,
    to_pdf: Callable[[Path], Path],
    page_count: Callable[[Path], int],
) -> None:
    deck = tmp_path / "rich.pptx"
    export_deck(rich_storyboard, deck)
    assert page_count(to_pdf(deck)) == len(rich_storyboard.slides)  # the Sources slide included


def test_templated_deck_converts(
    rich_storyboard: Storyboard,
    corporate_template: Path,
    tmp_path: Path,
    to_pdf: Callable[[Path], Path],
    page_count: Callable[[Path], int],
) -> None:
    deck = tmp_path / "corporate-deck.pptx"
    export_deck(rich_storyboard, deck, template=corporate_template)
    assert page_count(to_pdf(deck)) == len(rich_storyboard.slides)  # the Sources slide included


def test_libreoffice_reads_the_charts_as_charts(
    rich_storyboard: Storyboard, tmp_path: Path, to_pdf: Callable[..., Path]
) -> None:
    """Re-saved by LibreOffice, the deck still has its titles and native charts with their values."""
    from pptx import Presentation

    from briefing.storyboard.model import Chart

    deck = tmp_path / "rich.pptx"
    export_deck(rich_storyboard, deck)
    resaved = Presentation(str(to_pdf(deck, "pptx")))
    assert len(resaved.slides) == len(rich_storyboard.slides)  # the Sources slide included
    charts = [shape.chart for slide in resaved.slides for shape in slide.shapes if shape.has_chart]
    specs = [s.body for s in rich_storyboard.slides if isinstance(s.body, Chart)]
    assert len(charts) == len(specs)
    for chart, spec in zip(charts, specs, strict=True):
        assert list(chart.plots[0].series[0].values) == pytest.approx(spec.series[0].values)
