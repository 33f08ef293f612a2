"""The workbook behind each native chart ("Edit Data" in PowerPoint), written safely and reproducibly.

python-pptx writes it with XlsxWriter's defaults, under which a string starting with ``=``
becomes a *formula* (a category named ``=SUM(A1)`` would be computed, one naming a URL
would turn into a link), the creation date is "now" (no two exports alike), and writing
the category column looks each category up in the whole list (quadratic in categories).
The chart data made here carries its own workbook writer (``internals``) that fixes all
three for this chart only: no module-global patch, so exports on two threads cannot
interfere.
"""

from __future__ import annotations

from pptx.chart.data import XyChartData

from briefing.export.pptx.internals import CategoryData, XyData
from briefing.export.pptx.reproducible import FIXED_DATE

#: The embedded workbooks' creation date: never "now", so exporting twice gives the same bytes.
WORKBOOK_DATE = FIXED_DATE


def category_data(number_format: str) -> CategoryData:
    data = CategoryData(number_format=number_format)
    data.created = WORKBOOK_DATE
    return data


def xy_data(number_format: str) -> XyChartData:
    data = XyData(number_format=number_format)
    data.created = WORKBOOK_DATE
    return data
