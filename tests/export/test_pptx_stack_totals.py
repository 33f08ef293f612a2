"""Stacked charts: the deck labels each stack with its net total, as the app and the PNG do,
with a hidden series that stays editable ("Edit Data" shows it) and has no legend entry."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from briefing.export.pptx import export_deck
from briefing.storyboard.load import load_text
from tests.export.ooxml_sdk import validate
from tests.export.package_checks import package_problems

STORYBOARD = """\
title: Totals
sections:
  - title: S
    slides:
      - title: Gains and losses
        notes: n
        chart:
          type: stacked
          categories: ["2022", "2023", "2024"]
          series:
            - {name: Gains, values: [30, 50, 20]}
            - {name: Losses, values: [-17, -12, -9]}
      - title: Shares
        notes: n
        chart:
          type: stacked
          unit: "%"
          categories: [A, B, C]
          series:
            - {name: One, values: [40, 30, 20]}
            - {name: Two, values: [31, 44, 5]}
            - {name: Three, values: [30, 30, 10]}
      - title: No labels
        notes: n
        chart:
          type: stacked
          labels: false
          categories: [A, B]
          series: [{name: One, values: [1, 2]}, {name: Two, values: [3, 4]}]
"""


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    storyboard = load_text(STORYBOARD, tmp_path / "deck.yaml")
    path = tmp_path / "deck.pptx"
    export_deck(storyboard, path)
    return path


def _chart(deck: Path, index: int):  # type: ignore[no-untyped-def]
    slide = Presentation(str(deck)).slides[index]
    return next(shape.chart for shape in slide.shapes if shape.has_chart)


def test_each_stack_is_labelled_with_its_net_total(deck: Path) -> None:
    chart = _chart(deck, 2)
    bars, totals = chart.plots
    assert [s.name for s in bars.series] == ["Gains", "Losses"]  # the stacks are unchanged
    (total,) = totals.series
    assert list(total.values) == [13, 38, 11]  # net: gains minus losses, not 57, 71, 23
    labels = total._element.find(qn("c:dLbls"))
    assert [v.get("val") for v in labels.iter(qn("c:showVal"))][:3] == ["1", "1", "1"]
    assert chart._chartSpace.find(".//" + qn("c:legendEntry")).find(qn("c:delete")).get("val") == "1"


def test_totals_are_in_the_embedded_workbook(deck: Path) -> None:
    chart = _chart(deck, 3)
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob)) as xlsx:
        sheet = xlsx.read("xl/worksheets/sheet1.xml").decode()
    for total in (101, 104, 35):
        assert f"<v>{total}</v>" in sheet


def test_a_chart_without_value_labels_has_no_totals(deck: Path) -> None:
    assert len(_chart(deck, 4).plots) == 1


def test_the_deck_with_totals_is_valid(deck: Path) -> None:
    assert package_problems(deck) == []
    assert validate(deck) == {str(deck): []}


@pytest.mark.slow
def test_libreoffice_shows_the_totals_the_app_shows(deck: Path, to_pdf: Callable[..., Path]) -> None:
    pdf = to_pdf(deck)
    words = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    page_3, page_4 = words.split("\f")[2:4]
    for total in ("13", "38", "11"):
        assert total in page_3.split()
    for total in ("101%", "104%", "35%"):
        assert total in page_4.split()
    assert "57" not in page_3.split() and "71" not in page_3.split()
