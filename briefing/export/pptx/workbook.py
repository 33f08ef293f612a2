"""The workbook behind each native chart ("Edit Data" in PowerPoint), written safely and reproducibly.

python-pptx writes it with XlsxWriter's defaults, under which a string starting with ``=``
becomes a *formula* (a category named ``=SUM(A1)`` would be computed, one naming a URL
would turn into a link), the creation date is "now" (no two exports alike), and writing
the category column looks each category up in the whole list (quadratic in categories).
:func:`chart_data_for` returns python-pptx chart data whose workbook writer fixes all three
for this chart only: no module-global patch, so exports on two threads cannot interfere.
"""

from __future__ import annotations

import io
from contextlib import contextmanager
from typing import Any

from pptx.chart.data import CategoryChartData, XyChartData
from pptx.chart.xlsx import CategoryWorkbookWriter, XyWorkbookWriter
from xlsxwriter import Workbook

from briefing.export.pptx.reproducible import FIXED_DATE

#: Every cell holds what it says: text stays text, whatever its first character.
WORKBOOK_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
#: The embedded workbooks' creation date: never "now", so exporting twice gives the same bytes.
WORKBOOK_DATE = FIXED_DATE


@contextmanager
def _open_worksheet(xlsx_file: io.BytesIO) -> Any:
    workbook = Workbook(xlsx_file, WORKBOOK_OPTIONS)
    workbook.set_properties({"created": WORKBOOK_DATE})
    worksheet = workbook.add_worksheet()
    yield workbook, worksheet
    workbook.close()


class _CategoryWriter(CategoryWorkbookWriter):
    _open_worksheet = staticmethod(_open_worksheet)

    def _write_categories(self, workbook: Any, worksheet: Any) -> None:
        """One category column, each label a text cell (a number stays a number), in one pass."""
        categories = self._chart_data.categories
        if categories.depth != 1:
            super()._write_categories(workbook, worksheet)
            return
        number_format = workbook.add_format({"num_format": categories.number_format})
        worksheet.set_column(0, 0, 10)
        for row, category in enumerate(categories, start=1):
            label = category.label
            if isinstance(label, str):
                worksheet.write_string(row, 0, label, number_format)
            else:
                worksheet.write(row, 0, label, number_format)


class _XyWriter(XyWorkbookWriter):
    _open_worksheet = staticmethod(_open_worksheet)


class SafeCategoryChartData(CategoryChartData):
    """Category chart data whose workbook is written by :class:`_CategoryWriter`."""

    @property
    def _workbook_writer(self) -> _CategoryWriter:
        writer = self.__dict__.get("_briefing_writer")
        if writer is None:
            writer = self.__dict__["_briefing_writer"] = _CategoryWriter(self)
        return writer


class SafeXyChartData(XyChartData):
    """XY chart data whose workbook is written by :class:`_XyWriter`."""

    @property
    def _workbook_writer(self) -> _XyWriter:
        writer = self.__dict__.get("_briefing_writer")
        if writer is None:
            writer = self.__dict__["_briefing_writer"] = _XyWriter(self)
        return writer
