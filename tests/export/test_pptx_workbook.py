"""The workbook behind each chart: names that look like formulas stay text; exports on two threads agree."""

from __future__ import annotations

import io
import re
import textwrap
import threading
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation

from briefing.export.pptx import build_deck, export_deck
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Storyboard

SHEET_NS = {"s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
TRICKY = ["=SUM(A1:A2)", "+41 22", "-minus", "@home", "http://example.org", "{=1+1}"]


def _workbook_cells(deck: Path) -> dict[str, tuple[str | None, bool, str]]:
    """Cell reference -> (type, has a formula, shown text) of the first chart's workbook."""
    frame = next(s for slide in Presentation(str(deck)).slides for s in slide.shapes if s.has_chart)
    blob = frame.chart.part.chart_workbook.xlsx_part.blob
    with zipfile.ZipFile(io.BytesIO(blob)) as xlsx:
        sheet = etree.fromstring(xlsx.read("xl/worksheets/sheet1.xml"))
        strings = etree.fromstring(xlsx.read("xl/sharedStrings.xml"))
    shared = ["".join(si.itertext()) for si in strings]
    cells = {}
    for cell in sheet.iterfind(".//s:c", SHEET_NS):
        value = cell.findtext("s:v", "", SHEET_NS)
        kind = cell.get("t")
        shown = shared[int(value)] if kind == "s" else value
        cells[cell.get("r")] = (kind, cell.find("s:f", SHEET_NS) is not None, shown)
    return cells


def test_names_starting_like_a_formula_are_text_cells(tmp_path: Path) -> None:
    categories = ", ".join(f"'{c}'" for c in TRICKY)
    path = tmp_path / "deck.yaml"
    path.write_text(textwrap.dedent(f"""\
        title: Tricky names
        sections:
          - title: Charts
            slides:
              - title: Bars
                chart:
                  type: bar
                  categories: [{categories}]
                  series: [{{name: "=cmd|' /C calc'!A0", values: [1, 2, 3, 4, 5, 6]}}]
        """), encoding="utf-8")
    report = export_deck(load_storyboard(path), tmp_path / "deck.pptx")
    cells = _workbook_cells(report.path)
    expected = {f"A{row}": text for row, text in enumerate(TRICKY, start=2)}
    expected["B1"] = "=cmd|' /C calc'!A0"
    for ref, text in expected.items():
        kind, formula, shown = cells[ref]
        assert (kind, formula, shown) == ("s", False, text), ref
    assert [cells[f"B{row}"][2] for row in range(2, 8)] == ["1", "2", "3", "4", "5", "6"]


def test_two_exports_on_threads_match_one_alone(rich_storyboard: Storyboard) -> None:
    """No module-global patch: overlapping exports each get dated, reproducible workbooks."""
    alone, _ = build_deck(rich_storyboard)
    results: list[bytes] = []
    def export() -> None:
        results.append(build_deck(rich_storyboard)[0])

    threads = [threading.Thread(target=export) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert results == [alone, alone]
    with zipfile.ZipFile(io.BytesIO(alone)) as package:
        workbooks = [package.read(n) for n in package.namelist() if n.endswith(".xlsx")]
    for blob in workbooks:
        with zipfile.ZipFile(io.BytesIO(blob)) as xlsx:
            created = re.search(rb"<dcterms:created[^>]*>([^<]*)<", xlsx.read("docProps/core.xml"))
            assert created is not None and created.group(1) == b"2000-01-01T00:00:00Z"


def _shown(code: str, digits: str) -> str:
    """What an Excel number-format code shows for a number whose digits are ``digits``:
    quoted runs and ``\\``-escaped characters are literal, the digit block shows ``digits``."""
    out, index, placed = [], 0, False
    while index < len(code):
        char = code[index]
        if char == '"':
            end = code.index('"', index + 1)  # an unterminated quote is an invalid code: fails here
            out.append(code[index + 1 : end])
            index = end + 1
            continue
        if char == "\\":
            out.append(code[index + 1])
            index += 2
            continue
        if char in "#0,.":
            if not placed:
                out.append(digits)
                placed = True
        else:
            out.append(char)
        index += 1
    return "".join(out)


def test_a_unit_with_a_double_quote_shows_in_the_deck(tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text(textwrap.dedent("""\
        title: Screens
        sections:
          - title: Sizes
            slides:
              - title: Diagonals
                chart:
                  type: bar
                  categories: [Phone, Tablet]
                  series: [{name: Size, values: [6, 12]}]
                  prefix: '"'
                  unit: ' in"'
        """), encoding="utf-8")
    report = export_deck(load_storyboard(path), tmp_path / "deck.pptx")
    frame = next(s for slide in Presentation(str(report.path)).slides for s in slide.shapes if s.has_chart)
    space = frame.chart.element
    codes = space.xpath(".//c:dLbls/c:numFmt/@formatCode") + space.xpath(".//c:formatCode/text()")
    assert len(codes) >= 2  # labels, the cached values
    assert {_shown(code, "12") for code in codes} == {'"12 in"'}
    axis = space.xpath(".//c:valAx/c:numFmt/@formatCode")  # the app's tick format: a long unit stays off
    assert [_shown(code, "12") for code in axis] == ['"12']
    with zipfile.ZipFile(io.BytesIO(frame.chart.part.chart_workbook.xlsx_part.blob)) as xlsx:
        styles = etree.fromstring(xlsx.read("xl/styles.xml"))
    workbook_codes = styles.xpath(".//s:numFmt/@formatCode", namespaces=SHEET_NS)
    assert workbook_codes and {_shown(code, "12") for code in workbook_codes} == {'"12 in"'}
