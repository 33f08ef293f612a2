"""Native PowerPoint charts from the storyboard's :class:`Chart`.

As in python-pptx's ``chart/xmlwriter.py``, data and drawing are separate:
:mod:`chart_data` turns the chart into python-pptx chart data, and this module
adds the native chart and styles it: one styling function per chart type,
picked from :data:`SERIES_STYLERS`. Text colours and fonts come from the
theme so the chart reads on the slide background; series colours come from
the palette (or ``Series.color``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from lxml import etree
from pptx.chart.datalabel import DataLabels
from pptx.enum.chart import (
    XL_AXIS_CROSSES,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_TICK_LABEL_POSITION,
)
from pptx.oxml.ns import qn
from pptx.util import Pt

from briefing.export.pptx import xml
from briefing.export.pptx.alt_text import chart_alt_text, set_alt_text
from briefing.export.pptx.chart_data import NATIVE_TYPES, chart_data
from briefing.export.pptx.chart_series import AFTER_DLBLS, SERIES_STYLERS, insert_before
from briefing.export.pptx.internals import chart_element, run_properties
from briefing.export.pptx.scripts import add_script_faces, chart_faces, set_chart_lang, text_language
from briefing.export.pptx.stack_totals import hide_totals_legend_entry, move_totals_to_a_line
from briefing.export.pptx.style import DeckStyle, rect_emu
from briefing.layout import Rect
from briefing.storyboard.model import Chart

# Sizes as the app draws its charts (briefing.render.chart_style, canvas units / 2).
TEXT_PT = 13  # tick labels, legend
LABEL_PT = 14  # value labels, bold
TITLE_PT = 13  # axis titles


def add_chart(shapes: Any, spec: Chart, rect: Rect, style: DeckStyle, *, title: str = "") -> Any:
    """Add ``spec`` as a native chart filling ``rect``; returns the graphic frame."""
    frame = shapes.add_chart(NATIVE_TYPES[spec.type], *rect_emu(rect), chart_data(spec))
    frame.name = f"Chart {frame.shape_id}"
    chart = frame.chart
    chart.has_title = False
    words = (*spec.categories, *(s.name for s in spec.series), spec.x_title, spec.y_title, spec.unit)
    style = replace(style, chart_text=" ".join(words))
    set_chart_lang(chart.element, text_language(style.chart_text, style.language))
    _unsigned_axis_ids(chart)
    total_text = _text_properties(
        style, LABEL_PT, style.chart_text_xml(style.theme.text, LABEL_PT, True, "chart-label"), True
    )
    move_totals_to_a_line(chart_element(chart), spec, total_text)
    _transparent(chart)
    _chart_text(chart, style)
    SERIES_STYLERS[spec.type](chart, spec, style)
    _legend(chart, spec, style)
    if spec.type not in ("pie", "donut"):
        _axes(chart, spec, style)
    _value_labels(chart, spec, style)
    hide_totals_legend_entry(chart_element(chart), spec)
    set_alt_text(frame, chart_alt_text(spec, title, style.language))
    return frame


# --------------------------------------------------------------------------- whole chart
def _unsigned_axis_ids(chart: Any) -> None:
    """Axis ids as the schema types them (``xsd:unsignedInt``, at most 2**31 - 1 for Office).

    python-pptx's chart templates carry negative ids (``-2068027336``) that the Open XML
    SDK validator rejects. Each id is mapped the same way wherever it occurs (``axId`` and
    the ``crossAx`` pointing at it), so every axis pairing stays intact.
    """
    for element in chart.element.xpath(".//c:axId | .//c:crossAx"):
        value = int(element.get("val"))
        if value < 0:
            element.set("val", str(value + 2**31))


def _no_fill_sppr() -> etree._Element:
    sp_pr = etree.Element(qn("c:spPr"))
    etree.SubElement(sp_pr, qn("a:noFill"))
    etree.SubElement(etree.SubElement(sp_pr, qn("a:ln")), qn("a:noFill"))
    return sp_pr


def _transparent(chart: Any) -> None:
    """No white chart box: the slide background shows through (LibreOffice paints one otherwise)."""
    space = chart.element
    space.find(qn("c:chart")).addnext(_no_fill_sppr())
    plot_area = space.find(qn("c:chart")).find(qn("c:plotArea"))
    ext = plot_area.find(qn("c:extLst"))
    if ext is not None:
        ext.addprevious(_no_fill_sppr())
    else:
        plot_area.append(_no_fill_sppr())


def _chart_text(chart: Any, style: DeckStyle) -> None:
    _set_text(chart.element, style, TEXT_PT, style.theme.muted)


def _set_text(
    owner: Any, style: DeckStyle, size_pt: float, color: str, *, bold: bool = False, role: str = "chart-axis"
) -> None:
    """Give ``owner`` (chart, legend, axis, labels) its text look as one ``c:txPr``.

    Equivalent to setting python-pptx's ``font.size/bold/name/color``, which
    costs a dozen element look-ups per property; on a template the colour and
    font are left to the template.
    """
    fill = style.chart_text_xml(color, size_pt, bold, role)
    fresh = xml.parse(_text_properties(style, size_pt, fill, bold))
    tx_pr = owner.get_or_add_txPr()
    for child in list(tx_pr):
        tx_pr.remove(child)
    tx_pr.extend(list(fresh))


def _text_properties(style: DeckStyle, size_pt: float, color_xml: str, bold: bool) -> str:
    """``c:txPr`` XML: language, size, weight, colour (``color_xml``, none: the template's) and
    fonts (the Latin one only without a template; the CJK, Arabic or Hebrew one wherever the
    chart's text or language needs it)."""
    face = chart_faces(style.chart_text, style.language, style.font_name())
    fill = xml.solid_fill(color_xml)
    lang = xml.attr(text_language(style.chart_text, style.language))
    return (
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>"
        f'<a:defRPr lang={lang} sz="{round(size_pt * 100)}" b="{int(bold)}">{fill}{face}</a:defRPr>'
        f"</a:pPr><a:endParaRPr lang={lang}/></a:p></c:txPr>"
    )


def _legend(chart: Any, spec: Chart, style: DeckStyle) -> None:
    chart.has_legend = spec.show_legend
    if not spec.show_legend:
        return
    legend = chart.legend
    round_chart = spec.type in ("pie", "donut")  # as the app: beside a pie, above a plot
    legend.position = XL_LEGEND_POSITION.RIGHT if round_chart else XL_LEGEND_POSITION.TOP
    legend.include_in_layout = False
    _set_text(chart_element(legend), style, TEXT_PT, style.theme.text, role="chart-legend")


# --------------------------------------------------------------------------- axes
def _axes(chart: Any, spec: Chart, style: DeckStyle) -> None:
    value_axis, category_axis = chart.value_axis, chart.category_axis
    for axis in (value_axis, category_axis):
        _set_text(chart_element(axis), style, TEXT_PT, style.theme.muted)
        axis.format.line.width = Pt(1)
        style.apply_color(axis.format.line.color, style.theme.grid)
        axis.has_minor_gridlines = False
    if spec.type in ("bar", "hbar", "stacked", "area") and _all_positive(spec):
        value_axis.minimum_scale = 0  # bars start at zero (LibreOffice would zoom in otherwise)
    elif spec.type in ("bar", "stacked", "line", "area"):  # categories under the plot, as in the app
        category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    value_axis.tick_labels.number_format = spec.axis_number_format  # the app's tick format
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.has_major_gridlines = True
    gridlines = value_axis.major_gridlines.format.line
    gridlines.width = Pt(0.75)
    style.apply_color(gridlines.color, style.theme.grid)
    category_axis.has_major_gridlines = spec.type == "scatter"
    if spec.type == "scatter":
        style.apply_color(category_axis.major_gridlines.format.line.color, style.theme.grid)
    if spec.type == "hbar":  # first category on top, as it is read; values along the bottom
        category_axis.reverse_order = True
        category_axis.crosses = XL_AXIS_CROSSES.MAXIMUM
        value_axis.tick_label_position = XL_TICK_LABEL_POSITION.HIGH
    _axis_title(category_axis, spec.x_title, style)
    _axis_title(value_axis, spec.y_title, style)


def _all_positive(spec: Chart) -> bool:
    return all(value >= 0 for series in spec.series for value in series.values)


def _axis_title(axis: Any, text: str, style: DeckStyle) -> None:
    axis.has_title = bool(text)
    if not text:
        return
    frame = axis.axis_title.text_frame
    frame.text = " ".join(xml.lines(text))
    font = frame.paragraphs[0].runs[0].font
    font.size = Pt(TITLE_PT)
    font.bold = False
    name = style.font_name()
    if name:
        font.name = name
    fill = style.chart_text_xml(style.theme.muted, TITLE_PT, False, "chart-axis")
    if fill:
        style.set_color(font.color, fill)
    r_pr = run_properties(frame.paragraphs[0].runs[0])
    r_pr.set("lang", text_language(text, style.language))
    add_script_faces(r_pr, text, style.language, style.font_name())


# --------------------------------------------------------------------------- value labels
_LABEL_POSITIONS = {
    "bar": XL_LABEL_POSITION.OUTSIDE_END,
    "hbar": XL_LABEL_POSITION.OUTSIDE_END,
    "stacked": XL_LABEL_POSITION.CENTER,
    "line": XL_LABEL_POSITION.ABOVE,
    "scatter": XL_LABEL_POSITION.ABOVE,
    "pie": XL_LABEL_POSITION.INSIDE_END,
}


def _value_labels(chart: Any, spec: Chart, style: DeckStyle) -> None:
    if not spec.labels:
        return
    plot = chart.plots[0]
    if spec.type == "scatter":  # an XY plot has no plot-level labels: label each series
        for series in plot.series:
            _format_labels(DataLabels(chart_element(series).get_or_add_dLbls()), spec, style)
        return
    plot.has_data_labels = True
    _format_labels(plot.data_labels, spec, style)
    if spec.type in ("stacked", "pie", "donut"):
        _labels_on_fills(chart, spec, style)


def _format_labels(labels: Any, spec: Chart, style: DeckStyle) -> None:
    labels.number_format = spec.number_format
    labels.number_format_is_linked = False
    labels.show_value = True
    _set_text(chart_element(labels), style, LABEL_PT, style.theme.text, bold=True, role="chart-label")
    if spec.type in _LABEL_POSITIONS:
        labels.position = _LABEL_POSITIONS[spec.type]


def _labels_on_fills(chart: Any, spec: Chart, style: DeckStyle) -> None:
    """Labels drawn on a coloured fill take black or white, whichever has the higher contrast
    on it (the template's accents too): at least 4.5:1, as the app draws them."""
    if spec.type in ("pie", "donut"):
        _slice_labels(chart, spec, style)
        return
    for index, series in enumerate(chart.plots[0].series):
        labels = series.data_labels
        labels.number_format = spec.number_format
        labels.number_format_is_linked = False
        labels.show_value = True
        color_xml = style.fill_label_xml(index, spec.series[index].color)
        fresh = xml.parse(_text_properties(style, LABEL_PT, color_xml, True))
        tx_pr = chart_element(labels).get_or_add_txPr()
        for child in list(tx_pr):
            tx_pr.remove(child)
        tx_pr.extend(list(fresh))


_FLAGS = (
    '<c:showLegendKey val="0"/><c:showVal val="{val}"/><c:showCatName val="0"/>'
    '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>'
)


def _slice_labels(chart: Any, spec: Chart, style: DeckStyle) -> None:
    """One label per slice, black or white on its fill, written as one ``c:dLbls`` (linear in slices;
    python-pptx's point API searches the labels once per slice)."""
    series = chart_element(chart.plots[0].series[0])
    for old in series.findall(qn("c:dLbls")):
        series.remove(old)
    code = xml.attr(spec.number_format)
    labels = "".join(
        f'<c:dLbl><c:idx val="{index}"/><c:numFmt formatCode={code} sourceLinked="0"/><c:spPr/>'
        + _text_properties(style, LABEL_PT, style.fill_label_xml(index, None), True)
        + _FLAGS.format(val=1)
        + "</c:dLbl>"
        for index in range(len(spec.categories))
    )
    fresh = f'<c:ser><c:dLbls>{_FLAGS.format(val=0)}<c:showLeaderLines val="1"/></c:dLbls></c:ser>'
    insert_before(series, xml.parse(fresh), AFTER_DLBLS)
    # Moved one by one: lxml moves one large subtree between documents in quadratic time.
    insert_before(series.find(qn("c:dLbls")), xml.parse(f"<c:ser>{labels}</c:ser>"), ("c:showLegendKey",))


__all__ = ["SERIES_STYLERS", "add_chart"]
