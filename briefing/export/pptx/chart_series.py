"""How each chart type's series are drawn in the deck: fills, lines, markers, slices.

One styling function per chart type, picked from :data:`SERIES_STYLERS` (a dict, as
python-pptx maps chart types to XML writers). Series colours come from the palette, a
series' own ``color`` or the template's accents; where two series' colours could be
confused, a series also gets the hatch, dash or marker shape the app draws
(:mod:`briefing.layout.series_marks`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree
from pptx.enum.chart import XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.oxml.ns import qn
from pptx.util import Pt

from briefing.export.pptx import xml
from briefing.export.pptx.chart_data import NATIVE_TYPES
from briefing.export.pptx.internals import chart_element, color_element
from briefing.export.pptx.style import DeckStyle
from briefing.layout.series_marks import SeriesMark, hatch_color, series_marks
from briefing.storyboard.model import Chart

LINE_PT = 2.5  # line series width
MARKER_SIZE = 8
AREA_ALPHA = 0.28  # the app's area fill opacity

SeriesStyler = Callable[[Any, Chart, DeckStyle], None]


def _marks(spec: Chart, style: DeckStyle) -> tuple[SeriesMark, ...]:
    """Each series' pattern, dash or marker where colours alone could be confused (as the app)."""
    return series_marks(spec.type, [style.fill_hex(i, s.color) for i, s in enumerate(spec.series)])


def _filled_series(chart: Any, spec: Chart, style: DeckStyle) -> None:
    plot = chart.plots[0]
    if spec.type in ("bar", "hbar", "stacked"):
        plot.gap_width = 45  # bar width as the app draws it
    marks = _marks(spec, style)
    for index, series in enumerate(plot.series):
        series.format.fill.solid()
        style.series_fill(series.format.fill.fore_color, index, spec.series[index].color)
        series.format.line.fill.background()
        if marks[index].pattern:
            _hatch(series, marks[index].pattern, index, spec, style)


def _hatch(series: Any, pattern: str, index: int, spec: Chart, style: DeckStyle) -> None:
    """The series' fill as a pattern: its colour behind lines of :func:`hatch_color`."""
    override = spec.series[index].color
    lines = hatch_color(style.fill_hex(index, override))
    fill = xml.parse(
        f'<a:pattFill prst="{pattern}"><a:fgClr><a:srgbClr val="{lines.lstrip("#")}"/></a:fgClr>'
        f"<a:bgClr>{style.series_color_xml(index, override)}</a:bgClr></a:pattFill>"
    )
    sp_pr = chart_element(series).find(qn("c:spPr"))
    solid = sp_pr.find(qn("a:solidFill"))
    solid.addprevious(fill)
    sp_pr.remove(solid)


def _area_series(chart: Any, spec: Chart, style: DeckStyle) -> None:
    """Translucent fills under a solid edge, as the app draws areas, so no series hides another."""
    marks = _marks(spec, style)
    for index, series in enumerate(chart.plots[0].series):
        override = spec.series[index].color
        series.format.fill.solid()
        style.series_fill(series.format.fill.fore_color, index, override)
        _set_alpha(series.format.fill.fore_color, AREA_ALPHA)
        series.format.line.width = Pt(LINE_PT)
        style.series_fill(series.format.line.color, index, override)
        _dash(series, marks[index])


_DASHES = {style.xml_value: style for style in MSO_LINE_DASH_STYLE if style.xml_value}
_MARKERS = {style.xml_value: style for style in XL_MARKER_STYLE}


def _dash(series: Any, mark: SeriesMark) -> None:
    if mark.dash != "solid":
        series.format.line.dash_style = _DASHES[mark.dash]


def _set_alpha(color_format: Any, alpha: float) -> None:
    """python-pptx has no transparency API: add ``a:alpha`` to the colour element."""
    color = color_element(color_format)
    for old in color.findall(qn("a:alpha")):
        color.remove(old)
    etree.SubElement(color, qn("a:alpha")).set("val", str(round(alpha * 100000)))


def _line_series(chart: Any, spec: Chart, style: DeckStyle) -> None:
    marks = _marks(spec, style)
    for index, series in enumerate(chart.plots[0].series):
        override = spec.series[index].color
        series.smooth = False
        line = series.format.line
        line.width = Pt(LINE_PT)
        style.series_fill(line.color, index, override)
        _dash(series, marks[index])
        _marker(series, index, override, style)


def _scatter_series(chart: Any, spec: Chart, style: DeckStyle) -> None:
    marks = _marks(spec, style)
    for index, series in enumerate(chart.plots[0].series):
        series.format.line.fill.background()
        _marker(series, index, spec.series[index].color, style, marks[index].marker)


def _marker(series: Any, index: int, override: str | None, style: DeckStyle, shape: str = "circle") -> None:
    marker = series.marker
    marker.style = _MARKERS[shape]
    marker.size = MARKER_SIZE
    marker.format.fill.solid()
    style.series_fill(marker.format.fill.fore_color, index, override)
    style.series_fill(marker.format.line.color, index, override)


def _slices(chart: Any, spec: Chart, style: DeckStyle) -> None:
    """A fill per slice and an edge in the background colour, written as ``c:dPt`` XML in one go
    (python-pptx's ``points[i]`` searches the data points once per slice: quadratic)."""
    plot = chart.plots[0]
    plot.vary_by_categories = True
    series = chart_element(plot.series[0])
    for old in series.findall(qn("c:dPt")):
        series.remove(old)
    edge = xml.solid_fill(style.color_xml(style.theme.background))
    fills = [style.fill_hex(i, None) for i in range(len(spec.categories))]
    marks = series_marks(spec.type, fills)
    points = "".join(
        f'<c:dPt><c:idx val="{index}"/><c:spPr>'
        f"{_slice_fill(style, index, marks[index].pattern, fills[index])}"
        f'<a:ln w="19050">{edge}</a:ln></c:spPr></c:dPt>'
        for index in range(len(spec.categories))
    )
    insert_before(series, xml.parse(f"<c:ser>{points}</c:ser>"), AFTER_DPT)


def _slice_fill(style: DeckStyle, index: int, pattern: str, fill: str) -> str:
    """A slice's colour, under a hatch where it could be confused with an earlier slice."""
    color = style.series_color_xml(index, None)
    if not pattern:
        return xml.solid_fill(color)
    lines = hatch_color(fill).lstrip("#")
    return (
        f'<a:pattFill prst="{pattern}"><a:fgClr><a:srgbClr val="{lines}"/></a:fgClr>'
        f"<a:bgClr>{color}</a:bgClr></a:pattFill>"
    )


#: What follows ``c:dPt`` and ``c:dLbls`` in a pie series (CT_PieSer, ECMA-376 Part 1, 21.2.2.172).
AFTER_DPT = ("c:dLbls", "c:cat", "c:val", "c:extLst")
AFTER_DLBLS = ("c:cat", "c:val", "c:extLst")


def insert_before(series: Any, wrapper: Any, successors: tuple[str, ...]) -> None:
    """Move the children of ``wrapper`` (a parsed ``c:ser``, so they carry no namespace
    declarations of their own) before the first of ``successors`` in ``series``."""
    anchor = next((found for tag in successors if (found := series.find(qn(tag))) is not None), None)
    for child in list(wrapper):
        if anchor is None:
            series.append(child)
        else:
            anchor.addprevious(child)


#: Chart type -> how its series are drawn (a dict, as python-pptx maps chart types to XML writers).
SERIES_STYLERS: dict[str, SeriesStyler] = {
    "bar": _filled_series,
    "hbar": _filled_series,
    "stacked": _filled_series,
    "area": _area_series,
    "line": _line_series,
    "scatter": _scatter_series,
    "pie": _slices,
    "donut": _slices,
}

assert set(SERIES_STYLERS) == set(NATIVE_TYPES), "every chart type needs a styler"
__all__ = ["AFTER_DLBLS", "SERIES_STYLERS", "insert_before"]
