"""A deck of stacked charts with totals (gains only, gains and losses, a net loss), and readers of
what a user finds in it: each total's label and its place, and the cells of Edit Data's workbook."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation

from briefing.export.pptx import export_deck
from briefing.storyboard.load import load_text

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS = {"c": C, "s": S}

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
      - title: Net losses
        notes: n
        chart:
          type: stacked
          categories: [up, down, flat]
          series:
            - {name: Gains, values: [30, 5, 10]}
            - {name: Losses, values: [-10, -20, -10]}
"""

#: Deck slide index of each chart slide (title slide and section divider first).
GAINS_AND_LOSSES, SHARES, NO_LABELS, NET_LOSSES = 2, 3, 4, 5


def export(folder: Path) -> Path:
    """``folder``/deck.pptx, exported from ``folder``/deck.yaml (written there)."""
    story = folder / "deck.yaml"
    story.write_text(STORYBOARD, encoding="utf-8")
    storyboard = load_text(STORYBOARD, story)
    path = folder / "deck.pptx"
    export_deck(storyboard, path)
    return path


def chart(deck: Path, index: int) -> Any:
    slide = Presentation(str(deck)).slides[index]
    return next(shape.chart for shape in slide.shapes if shape.has_chart)


def chart_xml(deck: Path, index: int) -> Any:
    """The chart part's XML as lxml reads it."""
    return etree.fromstring(chart(deck, index).part.blob)


def cached(series: Any) -> list[float]:
    return [float(v) for v in series.xpath("./c:val//c:pt/c:v/text()", namespaces=NS)]


@dataclass(frozen=True)
class TotalLabel:
    """A stack's total as the chart XML draws it: the number the label shows, the value on the
    value axis where its point is, and where the label sits from it ("t" above, "b" below)."""

    shows: float
    at: float
    position: str


def total_labels(chart_space: Any) -> list[TotalLabel]:
    """Each labelled point of the stacked line plot: a line series' point stacks on the ones before."""
    (line,) = chart_space.xpath("//c:plotArea/c:lineChart", namespaces=NS)
    assert line.xpath("string(c:grouping/@val)", namespaces=NS) == "stacked"
    below: list[float] = []
    labels = []
    for ser in line.xpath("c:ser", namespaces=NS):
        values = cached(ser)
        at = [v + b for v, b in zip(values, below, strict=True)] if below else values
        for point in ser.xpath("c:dLbls/c:dLbl[c:showVal/@val='1']", namespaces=NS):
            i = int(point.xpath("string(c:idx/@val)", namespaces=NS))
            labels.append(TotalLabel(values[i], at[i], point.xpath("string(c:dLblPos/@val)", namespaces=NS)))
        below = at
    return labels


def bar_ends(chart_space: Any) -> list[tuple[float, float]]:
    """Each stack's (lowest, highest) end as the bars draw it: losses below zero, gains above."""
    columns = zip(*(cached(s) for s in chart_space.xpath("//c:barChart/c:ser", namespaces=NS)), strict=True)
    return [(sum(v for v in c if v < 0), sum(v for v in c if v > 0)) for c in columns]


def workbook_cells(chart: Any) -> dict[str, tuple[str, str]]:
    """Edit Data's first sheet: cell reference -> (formula, value); a text cell's value is its text."""
    with zipfile.ZipFile(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob)) as xlsx:
        shared = etree.fromstring(xlsx.read("xl/sharedStrings.xml"))
        sheet = etree.fromstring(xlsx.read("xl/worksheets/sheet1.xml"))
    strings = ["".join(si.xpath(".//s:t/text()", namespaces=NS)) for si in shared.iter(f"{{{S}}}si")]
    cells = {}
    for cell in sheet.xpath("//s:c", namespaces=NS):
        value = cell.xpath("string(s:v)", namespaces=NS)
        if cell.get("t") == "s":
            value = strings[int(value)]
        cells[cell.get("r")] = (cell.xpath("string(s:f)", namespaces=NS), value)
    return cells


def edit_workbook(blob: bytes, values: dict[str, float], *, calculated: bool) -> bytes:
    """The workbook with cells retyped (``values``: reference -> value). ``calculated``: the new
    values include the formulas' results, as Edit Data saves them; otherwise every formula's cached
    result is dropped, so a spreadsheet opening it must calculate them."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                for ref, value in values.items():
                    cell = rf'(<c r="{ref}"[^>]*>(?:<f>[^<]*</f>)?)<v>[^<]*</v>'
                    text, found = re.subn(cell, rf"\g<1><v>{value:g}</v>", text)
                    assert found == 1, ref
                if not calculated:
                    text = re.sub(r"(</f>)<v>[^<]*</v>", r"\1", text)
                data = text.encode()
            target.writestr(item, data)
    return out.getvalue()
