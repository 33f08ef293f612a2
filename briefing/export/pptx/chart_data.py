"""Chart *data*: a storyboard :class:`Chart` as python-pptx chart data.

python-pptx embeds this data as an xlsx workbook in the deck, so PowerPoint's
"Edit Data" opens the real figures. Pie and donut charts draw only the first
series; scatter charts take their x values from the categories.
"""

from __future__ import annotations

from pptx.chart.data import CategoryChartData, XyChartData
from pptx.enum.chart import XL_CHART_TYPE

from briefing.export.pptx.stack_totals import totals_series
from briefing.export.pptx.workbook import category_data, xy_data
from briefing.export.pptx.xml import xml_safe
from briefing.storyboard.model import Chart

#: Storyboard chart type -> native PowerPoint chart type.
NATIVE_TYPES: dict[str, XL_CHART_TYPE] = {
    "bar": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "hbar": XL_CHART_TYPE.BAR_CLUSTERED,
    "stacked": XL_CHART_TYPE.COLUMN_STACKED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "area": XL_CHART_TYPE.AREA,
    "pie": XL_CHART_TYPE.PIE,
    "donut": XL_CHART_TYPE.DOUGHNUT,
    "scatter": XL_CHART_TYPE.XY_SCATTER,
}


def drawn_series(chart: Chart) -> tuple:
    """The series a native chart shows (pie and donut: the first only)."""
    return chart.series[:1] if chart.type in ("pie", "donut") else chart.series


def chart_data(chart: Chart) -> CategoryChartData | XyChartData:
    if chart.type == "scatter":
        return _xy_data(chart)
    data = category_data(chart.number_format)
    data.categories = [xml_safe(str(category)) for category in chart.categories]
    for series in drawn_series(chart):
        data.add_series(xml_safe(series.name), [float(v) for v in series.values])
    for hidden in totals_series(chart):  # drawn as labels only (stack_totals), but in "Edit Data" too
        data.formulas[len(data)] = hidden.formulas
        data.add_series(hidden.name, list(hidden.values))
    return data


def _xy_data(chart: Chart) -> XyChartData:
    data = xy_data(chart.number_format)
    for series in chart.series:
        points = data.add_series(xml_safe(series.name))
        for x, y in zip(chart.x_values, series.values, strict=False):
            points.add_data_point(x, float(y))
    return data
