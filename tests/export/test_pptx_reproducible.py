"""Exporting the same storyboard twice gives byte-identical decks."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from briefing.export.pptx import export_deck
from briefing.export.pptx.reproducible import normalize_package
from briefing.storyboard.model import Storyboard


def test_two_exports_are_byte_identical(rich_storyboard: Storyboard, tmp_path: Path) -> None:
    first, second = tmp_path / "a.pptx", tmp_path / "b.pptx"
    export_deck(rich_storyboard, first)
    export_deck(rich_storyboard, second)
    assert first.read_bytes() == second.read_bytes()


def test_zip_entries_have_fixed_times_and_order(rich_storyboard: Storyboard, tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    export_deck(rich_storyboard, out)
    with zipfile.ZipFile(out) as package:
        infos = package.infolist()
        names = [i.filename for i in infos]
        assert names[0] == "[Content_Types].xml"
        assert names[2:] == sorted(names[2:])
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        workbooks = [n for n in names if n.endswith(".xlsx")]
        assert len(workbooks) == 8
        for name in workbooks:
            with zipfile.ZipFile(io.BytesIO(package.read(name))) as xlsx:
                core = xlsx.read("docProps/core.xml")
                assert b">2000-01-01T00:00:00Z<" in core, "XlsxWriter's creation time is replaced"
                assert {i.date_time for i in xlsx.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_normalize_makes_any_saved_deck_deterministic(rich_storyboard: Storyboard, tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    export_deck(rich_storyboard, out)
    once = normalize_package(out.read_bytes())
    assert normalize_package(once) == once
    with zipfile.ZipFile(io.BytesIO(once)) as package:
        assert {i.date_time for i in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_an_export_patches_no_library_module(rich_storyboard: Storyboard, tmp_path: Path) -> None:
    import pptx.chart.xlsx
    from xlsxwriter import Workbook

    export_deck(rich_storyboard, tmp_path / "deck.pptx")
    assert pptx.chart.xlsx.Workbook is Workbook
