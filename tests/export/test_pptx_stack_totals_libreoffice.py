"""What LibreOffice makes of the stack totals: Impress draws each total beyond its stack's end
(measured on the PDF it prints), and Calc, opening Edit Data's workbook after a value was retyped,
calculates the totals anew from their formulas."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing.cli import main
from tests.export.stack_totals_deck import (
    GAINS_AND_LOSSES,
    NET_LOSSES,
    SHARES,
    TotalLabel,
    chart,
    chart_xml,
    edit_workbook,
    export,
    total_labels,
)

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Word:
    text: str
    left: float
    top: float
    right: float
    bottom: float  # PDF points, y downwards

    @property
    def middle(self) -> tuple[float, float]:
        return (self.left + self.right) / 2, (self.top + self.bottom) / 2


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def _pages(pdf: Path) -> list[list[Word]]:
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [
        [Word(m[4], float(m[0]), float(m[1]), float(m[2]), float(m[3])) for m in _WORD.findall(page)]
        for page in html.split("<page ")[1:]
    ]


def _value_y(words: list[Word], value: float) -> float:
    """Where ``value`` lies on the value axis: its tick label's middle (the leftmost of that text)."""
    ticks = [w for w in words if w.text == f"{value:g}"]
    return min(ticks, key=lambda w: w.left).middle[1]


def _total(words: list[Word], category: str, text: str) -> Word:
    """The label ``text`` in ``category``'s column (above its category label)."""
    x = next(w for w in words if w.text == category).middle[0]
    (found,) = [w for w in words if w.text == text and abs(w.middle[0] - x) < 30]
    return found


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> list[list[Word]]:
    folder = tmp_path_factory.mktemp("totals")
    deck = export(folder)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{folder}/lo", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(deck)],
        check=True, capture_output=True, timeout=120,
    )
    return _pages(folder / "deck.pdf")


@pytest.mark.parametrize(
    ("slide", "category", "total", "end"),
    [
        (GAINS_AND_LOSSES, "2022", "13", 30),
        (GAINS_AND_LOSSES, "2023", "38", 50),
        (GAINS_AND_LOSSES, "2024", "11", 20),
        (NET_LOSSES, "up", "20", 30),
        (NET_LOSSES, "flat", "0", 10),
    ],
)
def test_impress_draws_a_positive_total_just_above_its_gains(
    printed: list[list[Word]], slide: int, category: str, total: str, end: float
) -> None:
    words = printed[slide]
    label, top = _total(words, category, total), _value_y(words, end)
    assert label.bottom <= top + 3  # above the stack's end, not inside its bars at the net value
    assert top - label.bottom < 20  # and beside it


def test_impress_draws_a_net_loss_just_below_its_losses(printed: list[list[Word]]) -> None:
    words = printed[NET_LOSSES]
    label, bottom = _total(words, "down", "-15"), _value_y(words, -20)
    assert bottom - 3 <= label.top < bottom + 20


def test_impress_shows_every_total_and_no_sum_of_gains(printed: list[list[Word]]) -> None:
    texts = [w.text for w in printed[GAINS_AND_LOSSES]]
    assert {"13", "38", "11"} <= set(texts)
    assert not {"57", "71", "23"} & set(texts)
    assert {"101%", "104%", "35%"} <= {w.text for w in printed[SHARES]}
    assert "Total" not in {w.text for page in printed for w in page}  # no legend entry, no series name


def test_a_spreadsheet_recalculates_the_totals_after_a_value_is_retyped(
    tmp_path: Path, to_pdf: Callable[..., Path]
) -> None:
    deck = export(tmp_path)
    blob = chart(deck, GAINS_AND_LOSSES).part.chart_workbook.xlsx_part.blob
    edited = edit_workbook(blob, {"B2": 40, "B4": 5}, calculated=False)  # 2022 gains 40, 2024 gains 5
    book = tmp_path / "edit-data.xlsx"
    book.write_bytes(edited)
    rows = to_pdf(book, "csv").read_text(encoding="utf-8").splitlines()
    assert rows == [
        ",Gains,Losses,Total label offset,Total",
        "2022,40,-17,17,23",  # the total follows the edit; its label stays above the gains (23 + 17 = 40)
        "2023,50,-12,12,38",
        "2024,5,-9,-5,-4",  # now a net loss: its label moves to the end of the losses (-4 - 5 = -9)
    ]


def test_a_deck_resaved_by_impress_keeps_its_totals_and_imports_no_edit(
    tmp_path: Path, to_pdf: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    deck = export(tmp_path)
    resaved = to_pdf(deck, "pptx")
    assert total_labels(chart_xml(resaved, NET_LOSSES)) == [
        TotalLabel(shows=20, at=30, position="t"),
        TotalLabel(shows=-15, at=-20, position="b"),
        TotalLabel(shows=0, at=10, position="t"),
    ]
    capsys.readouterr()
    assert main(["import", str(resaved), "--into", str(tmp_path / "deck.yaml")]) == 0
    assert "would import 0 edits" in capsys.readouterr().err
