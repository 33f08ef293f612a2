"""Stack totals on a native stacked chart, as the app labels them: each stack's net total,
beyond the end of the stack it points to.

PowerPoint has no "total" label for stacked columns. The usual way, which stays
editable, is a further series holding the totals, drawn as a line with no line
and no markers whose value labels sit beside its points. A total series alone
would put the label of a stack that mixes gains and losses at its *net* value,
inside the bars. So the deck adds two hidden series, stacked as a line of their
own on the same axes (a line plot stacks apart from the bars):

* ``Total label offset``: how far the label's point lies from the net total:
  the stack's positive end minus its net (net ≥ 0) or its negative end minus
  its net (net < 0); nothing is labelled;
* ``Total``: the net total, stacked on the offset, so its point is the stack's
  end and its label, which shows the series' own value, says the net total;
  above the point for a net ≥ 0, below it otherwise, as the app places it.

Both are formulas of their row in the embedded workbook (:func:`totals_series`),
with the values cached, so PowerPoint's Edit Data recalculates them when a
stakeholder edits a value. ``c:lineChart`` in ``c:plotArea`` is XML python-pptx
does not write, so it lives here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pptx.oxml.ns import qn
from xlsxwriter.utility import xl_col_to_name

from briefing.export.pptx import xml
from briefing.storyboard.model import Chart

OFFSET_SERIES = "Total label offset"
TOTAL_SERIES = "Total"


@dataclass(frozen=True)
class HiddenSeries:
    """A series the deck adds to a stacked chart: its cached values and, per category, its formula."""

    name: str
    values: tuple[float, ...]
    formulas: tuple[str, ...]


def label_points(spec: Chart) -> tuple[float, ...]:
    """Where each stack's total label is anchored: the end of its gains (net ≥ 0) or of its losses."""
    points = []
    for i, net in enumerate(spec.stack_totals):
        values = [s.values[i] for s in spec.series if i < len(s.values)]
        points.append(sum(v for v in values if v > 0) if net >= 0 else sum(v for v in values if v < 0))
    return tuple(points)


def totals_series(spec: Chart) -> tuple[HiddenSeries, ...]:
    """The hidden series the deck adds to a stacked chart, after its own (none: no totals shown).

    Their workbook columns follow the stacked series' columns (B onwards, a row per category).
    """
    if not spec.show_stack_totals:
        return ()
    last = xl_col_to_name(len(spec.series))
    rows = [f"B{row}:{last}{row}" for row in range(2, len(spec.categories) + 2)]
    nets = tuple(float(v) for v in spec.stack_totals)
    offsets = tuple(float(end) - net for end, net in zip(label_points(spec), nets, strict=True))
    return (
        HiddenSeries(
            OFFSET_SERIES,
            offsets,
            tuple(f'IF(SUM({r})>=0,SUMIF({r},">0"),SUMIF({r},"<0"))-SUM({r})' for r in rows),
        ),
        HiddenSeries(TOTAL_SERIES, nets, tuple(f"SUM({r})" for r in rows)),
    )


def move_totals_to_a_line(chart_space: Any, spec: Chart, text_properties: str) -> None:
    """Make the last two series of the stacked bar plot an invisible stacked line whose top
    series is labelled with its values."""
    if not spec.show_stack_totals:
        return
    bar = chart_space.find(f".//{qn('c:barChart')}")
    offset, total = bar.findall(qn("c:ser"))[-2:]
    axes = "".join(f'<c:axId val="{a.get("val")}"/>' for a in bar.findall(qn("c:axId")))
    line = xml.parse(
        '<c:lineChart><c:grouping val="stacked"/><c:varyColors val="0"/>'
        f'<c:marker val="1"/>{axes}</c:lineChart>'
    )
    for position, series in enumerate((offset, total), start=2):
        bar.remove(series)
        _make_invisible(series, _labels(spec, text_properties) if series is total else "")
        line.insert(position, series)
    bar.addnext(line)


def _labels(spec: Chart, text_properties: str) -> str:
    """Each total's label: the series' own value, above the stack's end (below for a net loss)."""
    code = xml.attr(spec.number_format)
    labels = "".join(
        f'<c:dLbl><c:idx val="{i}"/><c:numFmt formatCode={code} sourceLinked="0"/><c:spPr/>'
        f'{text_properties}<c:dLblPos val="{"t" if total >= 0 else "b"}"/>'
        '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>'
        '<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbl>'
        for i, total in enumerate(spec.stack_totals)
    )
    return (
        f'<c:dLbls>{labels}<c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/>'
        '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
    )


def _make_invisible(series: Any, labels: str) -> None:
    """A bar series as a line series with no line and no markers (and ``labels``, if any)."""
    for tag in ("c:invertIfNegative", "c:spPr", "c:dLbls", "c:shape", "c:pictureOptions"):
        for old in series.findall(qn(tag)):
            series.remove(old)
    tx = series.find(qn("c:tx"))
    anchor = tx if tx is not None else series.find(qn("c:order"))
    parts = xml.parse(
        '<c:ser><c:spPr><a:ln><a:noFill/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>'
        f"{labels}</c:ser>"
    )
    for child in reversed(list(parts)):
        anchor.addnext(child)
    series.append(xml.parse('<c:ser><c:smooth val="0"/></c:ser>')[0])


def hide_totals_legend_entry(chart_space: Any, spec: Chart) -> None:
    """The hidden series have no entry in the legend (the app's legend names only the stacked series)."""
    legend = chart_space.find(f".//{qn('c:legend')}")
    if legend is None or not spec.show_stack_totals:
        return
    first = len(spec.series)
    entries = "".join(
        f'<c:legendEntry><c:idx val="{index}"/><c:delete val="1"/></c:legendEntry>'
        for index in (first, first + 1)
    )
    position = legend.find(qn("c:legendPos"))
    for entry in reversed(list(xml.parse(f"<c:legend>{entries}</c:legend>"))):
        if position is not None:
            position.addnext(entry)
        else:
            legend.insert(0, entry)
