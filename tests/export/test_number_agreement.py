"""The deck shows the numbers the app shows: LibreOffice draws the exported charts' value labels.

Each chart's labels come from its Excel number format in the deck and from
``Chart.format_value`` in the app; the PDF LibreOffice makes of the deck must
contain every label the app draws, for values where binary rounding, Excel's
15 digits and number-format quoting could make them differ.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.export.pptx import export_deck
from briefing.storyboard.load import load_text
from briefing.storyboard.model import Chart

pytestmark = pytest.mark.slow

TRICKY = """\
title: Numbers
sections:
  - title: Rounding
    slides:
      - title: Halves
        chart: {type: bar, categories: [a, b, c, d], series: [{name: s, values: [0.125, 2.675, -0.5, 1.005]}],
                decimals: 2}
      - title: Whole
        chart: {type: bar, categories: [a, b, c], series: [{name: s, values: [-0.5, 0.5, 2.5]}], decimals: 0,
                unit: '" in'}
      - title: Large
        chart: {type: bar, categories: [a, b], prefix: '"$', decimals: 2,
                series: [{name: s, values: [999999999999999.5, 123456789012345.67]}]}
      - title: Syntax
        chart: {type: bar, categories: [a, b], series: [{name: s, values: [3, 4]}], unit: '\\x;@#0.E+%'}
      - title: Auto
        chart: {type: bar, categories: [a, b], series: [{name: s, values: [1, 2.25]}], prefix: $}
      - title: Axis
        chart: {type: bar, categories: [a, b, c], decimals: 2, unit: ' "M"',
                series: [{name: s, values: [1234.5, 2.5, 16000]}]}
"""


def page_text(pdf: Path, page: int) -> str:
    """The page's text with all whitespace removed (LibreOffice wraps long labels)."""
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    return "".join(out.split())


def test_the_decks_labels_are_the_apps_labels(tmp_path: Path, to_pdf: Callable[[Path], Path]) -> None:
    storyboard = load_text(TRICKY, tmp_path / "numbers.yaml")
    deck = tmp_path / "numbers.pptx"
    export_deck(storyboard, deck)
    pdf = to_pdf(deck)
    for page, slide in enumerate(storyboard.slides, start=1):
        if not isinstance(slide.body, Chart):
            continue
        text = page_text(pdf, page)
        labels = [slide.body.format_value(v) for v in slide.body.series[0].values]
        missing = [label for label in labels if "".join(label.split()) not in text]
        assert not missing, f"slide '{slide.title}': the deck does not show {missing}"


def test_the_decks_value_axis_is_formatted_like_the_apps_ticks(
    tmp_path: Path, to_pdf: Callable[[Path], Path]
) -> None:
    """Ticks 5,000 apart have no decimals, and a long unit stays off them, as in the app."""
    storyboard = load_text(TRICKY, tmp_path / "numbers.yaml")
    deck = tmp_path / "numbers.pptx"
    export_deck(storyboard, deck)
    page = next(n for n, s in enumerate(storyboard.slides, start=1) if s.title == "Axis")
    text = page_text(to_pdf(deck), page)
    assert text.count('"M"') == 3  # the three value labels, no tick
    assert "16,000" in text.replace('16,000.00"M"', "")  # a tick, written as the app writes it
