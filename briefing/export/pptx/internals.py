"""Every use of python-pptx's private members, in one place, for the versions it was written for.

python-pptx has no public API for a few things the exporter needs: the XML element behind
a chart's axis, legend, labels or series; a colour's element (for transparency); adding a
slide relationship without a search over every existing one; serialising the package into
memory; and the hooks of its chart-workbook writer. Each is one small function or class
here, so a python-pptx upgrade is checked in one file: :data:`WRITTEN_FOR` names the
versions this was written and tested against, and importing the exporter with any other
version fails at once with a message saying so (rather than a deck that is subtly wrong).
pyproject.toml pins python-pptx below its next minor version for the same reason.

Everything else in ``briefing.export.pptx`` uses python-pptx's public API and lxml.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import pptx
from lxml import etree
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.chart.xlsx import CategoryWorkbookWriter, XyWorkbookWriter
from pptx.opc.serialized import PackageWriter
from xlsxwriter import Workbook

#: python-pptx (major, minor) versions this module was written for (tested: 1.0.2).
WRITTEN_FOR = ((1, 0),)


class UnsupportedPptxVersion(RuntimeError):
    """The installed python-pptx is one this module was not written for."""


def check_version(version: str) -> None:
    """Fail loudly unless ``version`` is one of :data:`WRITTEN_FOR`."""
    try:
        major_minor = tuple(int(part) for part in version.split(".")[:2])
    except ValueError:
        major_minor = ()
    if major_minor not in WRITTEN_FOR:
        known = ", ".join(f"{major}.{minor}.x" for major, minor in WRITTEN_FOR)
        raise UnsupportedPptxVersion(
            f"briefing's PowerPoint export was written for python-pptx {known}, not {version}: "
            "install a supported version (pip install 'python-pptx>=1.0.2,<1.1') or update "
            "briefing/export/pptx/internals.py"
        )


check_version(pptx.__version__)


# --------------------------------------------------------------------------- elements
def chart_element(chart_object: Any) -> Any:
    """The XML element behind a chart's axis, legend, data labels or series (no public accessor)."""
    return chart_object._element


def color_element(color_format: Any) -> Any:
    """The colour element (``a:srgbClr``, ``a:schemeClr``...) of a python-pptx ``ColorFormat``."""
    return color_format._color._xClr


# --------------------------------------------------------------------------- package
def add_relationship(part: Any, reltype: str, target: Any) -> str:
    """Relate ``part`` to ``target``; returns the new rId.

    ``Part.relate_to`` first searches every existing relationship for the same target, once
    per added slide (quadratic in slides); a new slide part cannot be related yet.
    """
    return part._rels._add_relationship(reltype, target)


def write_package(package: Any, sink: Any) -> None:
    """Every member of ``package`` (content types, package rels, parts) into ``sink.write(uri, blob)``.

    The same members as ``Presentation.save``, produced by python-pptx's own ``PackageWriter``,
    but into memory instead of a zip file.
    """
    writer = PackageWriter(sink, package._rels, tuple(package.iter_parts()))
    writer._write_content_types_stream(sink)
    writer._write_pkg_rels(sink)
    writer._write_parts(sink)


# --------------------------------------------------------------------------- chart workbooks
#: Every cell holds what it says: text stays text, whatever its first character.
WORKBOOK_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


class _WorkbookHooks:
    """python-pptx's workbook-writer hook (``_open_worksheet``), with our options and date."""

    created: Any = None  # set by workbook_data()

    @contextmanager
    def _open_worksheet(self, xlsx_file: io.BytesIO) -> Iterator[tuple[Any, Any]]:
        workbook = Workbook(xlsx_file, WORKBOOK_OPTIONS)
        workbook.set_properties({"created": self.created})
        worksheet = workbook.add_worksheet()
        yield workbook, worksheet
        workbook.close()


class _CategoryWriter(_WorkbookHooks, CategoryWorkbookWriter):
    def _write_categories(self, workbook: Any, worksheet: Any) -> None:
        """One category column, each label a text cell (a number stays a number), in one pass
        (python-pptx looks each category up in the whole list: quadratic)."""
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

    def _write_series(self, workbook: Any, worksheet: Any) -> None:
        """Each series a column of values, as python-pptx writes them, except that a series given
        formulas (``CategoryData.formulas``) has a formula in each cell, its value cached."""
        super()._write_series(workbook, worksheet)
        column_offset = self._chart_data.categories.depth
        for index, series in enumerate(self._chart_data):
            formulas = self._chart_data.formulas.get(index)
            if not formulas:
                continue
            number_format = workbook.add_format({"num_format": series.number_format})
            for row, (formula, value) in enumerate(zip(formulas, series.values, strict=True), start=1):
                cached = int(value) if float(value).is_integer() else value  # "13", as a value cell says
                worksheet.write_formula(row, column_offset + index, formula, number_format, cached)


class _XyWriter(_WorkbookHooks, XyWorkbookWriter):
    pass


class _EscapedFormatInXml:
    """python-pptx puts the chart's number format into the chart XML as it is
    (``<c:formatCode>{number_format}</c:formatCode>``), so a unit or prefix holding ``&`` or
    ``<`` (``prefix: "R&D "``) made XML that does not parse. The XML gets the code escaped;
    the workbook (XlsxWriter escapes for itself) gets it as it is."""

    _number_format: str

    def _xml(self, chart_type: Any) -> str:
        code = self._number_format
        self._number_format = xml_escape(code)
        try:
            return super()._xml(chart_type)  # type: ignore[misc, no-any-return]
        finally:
            self._number_format = code


class CategoryData(_EscapedFormatInXml, CategoryChartData):
    """Category chart data whose workbook :class:`_CategoryWriter` writes; ``formulas`` maps a
    series' index to a formula per category (without ``=``), written in place of its values."""

    created: Any = None

    def __init__(self, number_format: str = "General") -> None:
        super().__init__(number_format=number_format)
        self.formulas: dict[int, tuple[str, ...]] = {}

    @property
    def _workbook_writer(self) -> _CategoryWriter:
        writer = self.__dict__.get("_briefing_writer")
        if writer is None:
            writer = self.__dict__["_briefing_writer"] = _CategoryWriter(self)
            writer.created = self.created
        return writer


class XyData(_EscapedFormatInXml, XyChartData):
    """XY chart data whose workbook :class:`_XyWriter` writes."""

    created: Any = None

    @property
    def _workbook_writer(self) -> _XyWriter:
        writer = self.__dict__.get("_briefing_writer")
        if writer is None:
            writer = self.__dict__["_briefing_writer"] = _XyWriter(self)
            writer.created = self.created
        return writer


def run_properties(run: Any) -> Any:
    """A python-pptx run's ``a:rPr`` element (created if missing), for attributes it has no API for."""
    return run._r.get_or_add_rPr()


_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def edit_part_xml(part: Any, edit: Callable[[Any], None]) -> None:
    """Apply ``edit`` to a part's XML root: in place for an XML part, else re-serialized into the
    blob python-pptx keeps (a template's theme), which has no setter."""
    element = getattr(part, "_element", None)
    if element is not None:
        edit(element)
        return
    root = etree.fromstring(part.blob)
    edit(root)
    part._blob = _DECLARATION + etree.tostring(root)
