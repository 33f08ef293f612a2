"""A stacked chart's totals in the round trip: a value edited in Edit Data comes back into the
storyboard, and the hidden total series (formulas in the workbook, an invisible line on the chart)
never does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

from briefing.cli import main
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Chart
from tests.export.stack_totals_deck import STORYBOARD, edit_workbook


@pytest.fixture
def exported(tmp_path: Path) -> tuple[Path, Path]:
    story = tmp_path / "talk.yaml"
    story.write_text(STORYBOARD, encoding="utf-8")
    deck = tmp_path / "talk.pptx"
    assert main(["export", str(story), "-o", str(deck)]) == 0
    return story, deck


def _gains_and_losses(prs: Any) -> Any:
    slide = next(s for s in prs.slides if s.shapes.title and s.shapes.title.text == "Gains and losses")
    return next(shape.chart for shape in slide.shapes if shape.has_chart)


def _set_cached(chart: Any, series: str, index: int, value: float) -> None:
    (point,) = chart._chartSpace.xpath(f".//c:ser[c:tx//c:v='{series}']/c:val//c:pt[@idx='{index}']/c:v")
    point.text = f"{value:g}"


def _import(story: Path, edited: Path) -> tuple[tuple[str, tuple[float, ...]], ...]:
    assert main(["import", str(edited), "--into", str(story), "--write"]) == 0
    chart = next(s for s in load_storyboard(story).slides if s.title == "Gains and losses").body
    assert isinstance(chart, Chart)
    return tuple((s.name, s.values) for s in chart.series)


def test_a_value_edited_in_edit_data_comes_back_and_the_totals_do_not(exported: tuple[Path, Path]) -> None:
    story, deck = exported
    prs = Presentation(str(deck))
    chart = _gains_and_losses(prs)
    workbook = chart.part.chart_workbook
    # what PowerPoint saves after 30 is retyped as 40: the cell, the recalculated formulas, the chart's cache
    workbook.update_from_xlsx_blob(
        edit_workbook(workbook.xlsx_part.blob, {"B2": 40, "D2": 17, "E2": 23}, calculated=True)
    )
    _set_cached(chart, "Gains", 0, 40)
    _set_cached(chart, "Total", 0, 23)
    edited = deck.with_name("edited.pptx")
    prs.save(str(edited))
    assert _import(story, edited) == (("Gains", (40, 50, 20)), ("Losses", (-17, -12, -9)))
    text = story.read_text(encoding="utf-8")
    assert "name: Total" not in text and "- {name: Gains, values: [40, 50, 20]}" in text


def test_a_value_edited_only_in_the_workbook_comes_back(exported: tuple[Path, Path]) -> None:
    story, deck = exported
    prs = Presentation(str(deck))
    workbook = _gains_and_losses(prs).part.chart_workbook
    workbook.update_from_xlsx_blob(edit_workbook(workbook.xlsx_part.blob, {"C3": -2}, calculated=False))
    edited = deck.with_name("edited.pptx")
    prs.save(str(edited))
    assert _import(story, edited) == (("Gains", (30, 50, 20)), ("Losses", (-17, -2, -9)))
    assert "name: Total" not in story.read_text(encoding="utf-8")


def test_the_reexported_deck_totals_the_edited_value(exported: tuple[Path, Path], tmp_path: Path) -> None:
    story, deck = exported
    prs = Presentation(str(deck))
    chart = _gains_and_losses(prs)
    _set_cached(chart, "Losses", 1, -40)  # 2023: 50 - 40 = 10
    edited = deck.with_name("edited.pptx")
    prs.save(str(edited))
    _import(story, edited)
    again = tmp_path / "again.pptx"
    assert main(["export", str(story), "-o", str(again)]) == 0
    totals = _gains_and_losses(Presentation(str(again))).plots[1].series[1]
    assert list(totals.values) == [13, 10, 11]
