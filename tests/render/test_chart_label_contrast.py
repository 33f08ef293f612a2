"""Value labels on slices and stacked bars read on their fill, in the app and the deck alike.

The bundled palette's orange (#E69F00) and sky blue (#56B4E9) once carried white labels
(2.25:1 and 2.31:1); every label is now near black or white by contrast, at least 3:1.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from chart_samples import RECT
from pptx import Presentation
from PySide6.QtWidgets import QGraphicsScene

from briefing.export.pptx import export_deck
from briefing.layout.contrast import contrast_ratio
from briefing.layout.theme import resolve_theme
from briefing.render.charts import make_chart_item
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Chart, Series, ThemeSpec

PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#CC79A7", "#D55E00")
DONUT = Chart(
    type="donut",
    categories=("Chips", "AI", "Biotech", "Fintech"),
    series=(Series("Share", (30, 30, 25, 15)),),
    unit="%",
)


def _app_label_colors(chart: Chart, base: str, qapp) -> list[str]:
    theme = resolve_theme(ThemeSpec(base=base, palette=PALETTE))  # type: ignore[arg-type]
    scene = QGraphicsScene(0, 0, 1920, 1080)
    item = make_chart_item(chart, theme, RECT, animate=False)
    scene.addItem(item)
    labels = [label for label in item._labels if label.isVisible()]
    assert len(labels) == len(chart.categories), "every slice is labelled inside"
    colors = [label.brush().color().name().upper() for label in labels]
    scene.removeItem(item)
    return colors


@pytest.mark.parametrize("base", ["dark", "light"])
def test_app_donut_labels_reach_3_to_1_on_their_slice(base: str, qapp) -> None:
    colors = _app_label_colors(DONUT, base, qapp)
    for label, fill in zip(colors, PALETTE, strict=False):
        assert contrast_ratio(label, fill) >= 3.0, (label, fill)
    assert colors[:2] == ["#111111", "#111111"], "dark labels on the orange and sky-blue slices"


@pytest.mark.parametrize("base", ["dark", "light"])
def test_deck_donut_labels_are_the_apps_colours(base: str, write_storyboard, tmp_path: Path, qapp) -> None:
    path = write_storyboard(
        f"title: T\ntheme: {{base: {base}, palette: {list(PALETTE)}}}\nsections:\n  - title: S\n    slides:\n"
        "      - {title: Shares, chart: {type: donut, categories: [Chips, AI, Biotech, Fintech],"
        " series: [{name: Share, values: [30, 30, 25, 15]}], unit: '%'}}\n"
    )
    out = export_deck(load_storyboard(path), tmp_path / "deck.pptx").path
    chart = next(s.chart for slide in Presentation(str(out)).slides for s in slide.shapes if s.has_chart)
    found = chart.part._element.xpath(".//c:dLbl/c:txPr//a:defRPr/a:solidFill/a:srgbClr/@val")
    assert ["#" + v for v in found] == _app_label_colors(DONUT, base, qapp)
