"""Stack totals on a native stacked chart, as the app labels them: each stack's net total.

PowerPoint has no "total" label for stacked columns. The usual way, which
stays editable, is a further series holding the totals, drawn as a line with
no line and no markers whose value labels sit just beyond each stack: the
chart data (:mod:`chart_data`) adds the series to the workbook, and this
module moves it from the bar plot into a line plot on the same axes, hides its
legend entry and labels each point above (or, for a stack that nets below
zero, below) it. ``c:lineChart`` in ``c:plotArea`` is XML python-pptx does not
write, so it lives here.
"""

from __future__ import annotations

from typing import Any

from pptx.oxml.ns import qn

from briefing.export.pptx import xml
from briefing.storyboard.model import Chart

TOTAL_SERIES = "Total"


def totals_series(spec: Chart) -> tuple[str, tuple[float, ...]] | None:
    """The hidden series the deck adds to a stacked chart (None: the chart shows no totals)."""
    if not spec.show_stack_totals:
        return None
    return TOTAL_SERIES, tuple(float(v) for v in spec.stack_totals)


def move_totals_to_a_line(chart_space: Any, spec: Chart, text_properties: str) -> None:
    """Make the last series of the stacked bar plot an invisible line labelled with its values."""
    if not spec.show_stack_totals:
        return
    bar = chart_space.find(f".//{qn('c:barChart')}")
    series = bar.findall(qn("c:ser"))[-1]
    bar.remove(series)
    for tag in ("c:invertIfNegative", "c:spPr", "c:dLbls", "c:shape", "c:pictureOptions"):
        for old in series.findall(qn(tag)):
            series.remove(old)
    axes = "".join(f'<c:axId val="{a.get("val")}"/>' for a in bar.findall(qn("c:axId")))
    line = xml.parse(
        '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>'
        f'<c:marker val="1"/>{axes}</c:lineChart>'
    )
    line.insert(2, series)
    tx = series.find(qn("c:tx"))
    anchor = tx if tx is not None else series.find(qn("c:order"))
    code = xml.attr(spec.number_format)
    labels = "".join(
        f'<c:dLbl><c:idx val="{i}"/><c:numFmt formatCode={code} sourceLinked="0"/><c:spPr/>'
        f'{text_properties}<c:dLblPos val="{"t" if total >= 0 else "b"}"/>'
        '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>'
        '<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbl>'
        for i, total in enumerate(spec.stack_totals)
    )
    parts = xml.parse(
        "<c:ser>"
        '<c:spPr><a:ln><a:noFill/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>'
        f'<c:dLbls>{labels}<c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/>'
        '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
        "</c:ser>"
    )
    for child in reversed(list(parts)):
        anchor.addnext(child)
    series.append(xml.parse('<c:ser><c:smooth val="0"/></c:ser>')[0])
    bar.addnext(line)


def hide_totals_legend_entry(chart_space: Any, spec: Chart) -> None:
    """The totals series has no entry in the legend (the app's legend names only the stacked series)."""
    legend = chart_space.find(f".//{qn('c:legend')}")
    if legend is None or not spec.show_stack_totals:
        return
    index = len(spec.series)
    entry = xml.parse(f'<c:legend><c:legendEntry><c:idx val="{index}"/><c:delete val="1"/></c:legendEntry>'
                      "</c:legend>")[0]
    position = legend.find(qn("c:legendPos"))
    if position is not None:
        position.addnext(entry)
    else:
        legend.insert(0, entry)
