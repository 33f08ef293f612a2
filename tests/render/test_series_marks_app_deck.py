"""The app draws the hatch, dash and marker shape the deck writes, legend included."""

from __future__ import annotations

from pathlib import Path

from chart_samples import RECT
from pptx import Presentation
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsScene

from briefing.export.pptx import export_deck
from briefing.layout.theme import resolve_theme
from briefing.render.charts import make_chart_item
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Chart

YAML = """\
title: T
sections:
  - title: S
    slides:
      - {title: Bars, chart: {type: bar, categories: [a, b], series: [{name: x, values: [1, 2]},
         {name: y, values: [2, 1]}, {name: z, values: [3, 1]}]}}
      - {title: Lines, chart: {type: line, categories: [a, b], series: [{name: x, values: [1, 2]},
         {name: y, values: [2, 1]}]}}
      - {title: Points, chart: {type: scatter, categories: [1, 2], series: [{name: x, values: [1, 2]},
         {name: y, values: [2, 1]}]}}
      - {title: Slices, chart: {type: donut, categories: [a, b, c], series: [{name: x, values: [1, 2, 3]}]}}
"""


def _items(storyboard, qapp):
    theme = resolve_theme(storyboard.theme)
    scene = QGraphicsScene(0, 0, 1920, 1080)
    items = {}
    for slide in storyboard.slides:
        if not isinstance(slide.body, Chart):
            continue
        item = make_chart_item(slide.body, theme, RECT, animate=False)
        scene.addItem(item)
        items[slide.title] = item
    return scene, items


def test_app_and_deck_draw_the_same_marks(write_storyboard, tmp_path: Path, qapp) -> None:
    storyboard = load_storyboard(write_storyboard(YAML))
    deck = Presentation(str(export_deck(storyboard, tmp_path / "d.pptx").path))
    charts = {s.shapes.title.text: f.chart for s in deck.slides for f in s.shapes if f.has_chart}
    scene, items = _items(storyboard, qapp)

    patterns = [s._element.xpath("./c:spPr/a:pattFill/@prst") for s in charts["Bars"].plots[0].series]
    assert patterns == [[], ["wdUpDiag"], ["wdDnDiag"]]
    hatches = {s: item.opts["brush"].style() for s, item in items["Bars"].hatches}
    assert hatches == {1: Qt.BrushStyle.BDiagPattern, 2: Qt.BrushStyle.FDiagPattern}

    dashes = [s._element.xpath("./c:spPr/a:ln/a:prstDash/@val") for s in charts["Lines"].plots[0].series]
    assert dashes == [[], ["dash"]]
    pens = [curve.opts["pen"].style() for curve in items["Lines"].curves]
    assert pens == [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine]

    markers = [s._element.xpath("./c:marker/c:symbol/@val") for s in charts["Points"].plots[0].series]
    assert markers == [["circle"], ["square"]]
    assert [shape for *_, shape in items["Points"].points._groups] == ["circle", "square"]
    assert [m.marker for m in items["Points"].legend._marks] == ["circle", "square"]
    slices = charts["Slices"].plots[0].series[0]._element.xpath("./c:dPt/c:spPr/a:pattFill/@prst")
    assert slices == ["wdUpDiag", "wdDnDiag"]  # the dark palette's 2nd and 3rd slices
    assert [m.pattern for m in items["Slices"].legend._marks] == ["", "wdUpDiag", "wdDnDiag"]
    for item in items.values():
        scene.removeItem(item)
