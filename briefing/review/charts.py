"""A native chart's data read back: from the chart's cached values and from its embedded workbook.

PowerPoint's Edit Data changes both; LibreOffice drops the workbook on re-save
and keeps the cache; a script may change only one of them. The cache is what
the slide shows, so it wins, unless it still holds the exported data and the
workbook does not (then the workbook holds the edit).
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from typing import Any

from lxml import etree

from briefing.review.views import ChartView
from briefing.storyboard.numbers import x_value_text

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"c": C, "s": S}
MAX_WORKBOOK = 32 * 1024 * 1024
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_CELL = re.compile(r"^([A-Z]+)(\d+)$")


def read_chart(shape: Any) -> tuple[ChartView | None, ChartView | None, str]:
    """The chart's cached data, its workbook's data (None where there is none to read), and its
    type in the storyboard's words (:func:`plot_type`)."""
    try:
        part = shape.chart_part
        root = etree.fromstring(part.blob, parser=_PARSER)
    except (etree.XMLSyntaxError, ValueError, KeyError):
        return None, None, ""
    cached = _cached(root)
    return cached, _from_workbook(part, cached), plot_type(root)


_PLOTS = {"lineChart": "line", "areaChart": "area", "pieChart": "pie", "doughnutChart": "donut"}


def plot_type(root: Any) -> str:
    """The first plot's type as a storyboard names it (``bar``, ``hbar``, ``stacked``, ``line``...), or
    the plot's own name for one a storyboard has not (``radar``, ``bar3D``); "" for none."""
    plots = root.xpath(
        "//c:plotArea/*[substring(local-name(), string-length(local-name()) - 4) = 'Chart']", namespaces=NS
    )
    if not plots:
        return ""
    tag = etree.QName(plots[0]).localname
    if tag == "barChart":
        horizontal = plots[0].xpath("string(./c:barDir/@val)", namespaces=NS) == "bar"
        stacked = plots[0].xpath("string(./c:grouping/@val)", namespaces=NS) in ("stacked", "percentStacked")
        if stacked:
            return "stacked hbar" if horizontal else "stacked"
        return "hbar" if horizontal else "bar"
    if tag == "scatterChart":
        return "scatter"
    return _PLOTS.get(tag, tag[: -len("Chart")])


def chart_edit(
    exported: ChartView | None, cached: ChartView | None, workbook: ChartView | None
) -> ChartView | None:
    """What the chart says now: the cache, unless only the workbook differs from the export."""
    if cached == exported and workbook is not None and workbook != exported:
        return workbook
    return cached


def _points(node: Any) -> list[str]:
    """A cache's points in index order (missing points are "")."""
    if node is None:
        return []
    points = {
        int(pt.get("idx", "0")): "".join(pt.xpath("./c:v/text()", namespaces=NS))
        for pt in node.xpath(".//c:pt", namespaces=NS)
    }
    count = node.xpath("string(.//c:ptCount/@val)", namespaces=NS)
    total = int(count) if count.isdigit() else (max(points) + 1 if points else 0)
    return [points.get(i, "") for i in range(min(total, 10000))]


def _number(text: str) -> float:
    """A cached or workbook value; NaN for a blank cell or one that holds no number (never a guessed 0)."""
    try:
        value = float(text)
    except ValueError:
        return math.nan
    return value if math.isfinite(value) else math.nan


def _cached(root: Any) -> ChartView:
    categories: list[str] = []
    series = []
    for ser in root.xpath("//c:plotArea/*/c:ser", namespaces=NS):
        if _stack_totals(ser):
            continue  # the exporter's labels of each stack's total: drawn from the stacks, not data
        name = "".join(ser.xpath("./c:tx//c:v/text()", namespaces=NS)[:1])
        x_node = ser.find(f"{{{C}}}xVal")
        if x_node is not None:
            labels = [x_value_text(_number(v)) for v in _points(x_node)]
            values = _points(ser.find(f"{{{C}}}yVal"))
        else:
            labels = _points(ser.find(f"{{{C}}}cat"))
            values = _points(ser.find(f"{{{C}}}val"))
        categories = categories or labels
        series.append((name, tuple(_number(v) for v in values)))
    return ChartView(tuple(categories), tuple(series))


def _stack_totals(ser: Any) -> bool:
    """The hidden series ``export/pptx/stack_totals.py`` adds to a stacked chart: a line beside a bar
    plot (the exporter writes no other combination)."""
    plot = ser.getparent()
    return plot.tag == f"{{{C}}}lineChart" and bool(plot.getparent().findall(f"{{{C}}}barChart"))


def _from_workbook(part: Any, cached: ChartView) -> ChartView | None:
    """The workbook's data laid out as python-pptx writes it (categories in A, a series per column)."""
    try:
        workbook = part.chart_workbook.xlsx_part
        if workbook is None or (cached.categories and cached.series and _is_xy(part)):
            return None
        cells = _cells(workbook.blob)
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, OSError):
        return None
    rows = len(cached.categories)
    columns = len(cached.series)
    if not rows or not columns:
        return None
    categories = tuple(cells.get((r, 0), "") for r in range(1, rows + 1))
    series = tuple(
        (cells.get((0, c), ""), tuple(_number(cells.get((r, c), "")) for r in range(1, rows + 1)))
        for c in range(1, columns + 1)
    )
    return ChartView(categories, series)


def _is_xy(part: Any) -> bool:
    return b"<c:scatterChart" in part.blob


def _cells(blob: bytes) -> dict[tuple[int, int], str]:
    """The first worksheet's cells, (row, column) 0-based -> text."""
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        if sum(i.file_size for i in archive.infolist()) > MAX_WORKBOOK:
            raise ValueError("workbook too large")
        shared = []
        if "xl/sharedStrings.xml" in archive.namelist():
            strings = etree.fromstring(archive.read("xl/sharedStrings.xml"), parser=_PARSER)
            shared = [
                "".join(si.xpath(".//s:t/text()", namespaces=NS))
                for si in strings.xpath("//s:si", namespaces=NS)
            ]
        sheet = etree.fromstring(archive.read(_first_sheet(archive)), parser=_PARSER)
    cells: dict[tuple[int, int], str] = {}
    for cell in sheet.xpath("//s:sheetData/s:row/s:c", namespaces=NS):
        match = _CELL.match(cell.get("r", ""))
        if not match:
            continue
        value = "".join(cell.xpath("./s:v/text()|./s:is//s:t/text()", namespaces=NS))
        if cell.get("t") == "s" and value.isdigit() and int(value) < len(shared):
            value = shared[int(value)]
        cells[(int(match.group(2)) - 1, _column(match.group(1)))] = value
    return cells


def _first_sheet(archive: zipfile.ZipFile) -> str:
    """The first sheet's member, as ``xl/workbook.xml`` lists it (Excel keeps a sheet's file name when
    sheets are added, deleted or renamed, so it need not be ``sheet1.xml``)."""
    names = set(archive.namelist())
    try:
        book = etree.fromstring(archive.read("xl/workbook.xml"), parser=_PARSER)
        rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"), parser=_PARSER)
    except KeyError:
        return "xl/worksheets/sheet1.xml"
    first = book.xpath("string(//s:sheets/s:sheet[1]/@r:id)", namespaces={**NS, "r": R})
    for rel in rels:
        if rel.get("Id") == first:
            target = rel.get("Target", "")
            member = target.lstrip("/") if target.startswith("/") else "xl/" + target
            if member in names:
                return member
    return "xl/worksheets/sheet1.xml"


def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1
