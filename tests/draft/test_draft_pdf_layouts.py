"""`briefing draft` on PDFs laid out as real reports are: two columns, a table whose cells wrap.

Whatever order the PDF draws its text in, each drafted slide cites words that stand together in
the report, and `check --source` proves every figure the draft shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.cli import main
from briefing.commands.check import check_file
from tests.draft import draft_summary as summary
from tests.sources.qt_pdfs import table_pdf, two_column_pdf


def _draft(report: Path, capsys) -> tuple[Path, str]:
    deck = report.with_suffix(".yaml")
    assert main(["draft", str(report), "-o", str(deck)]) == 0, capsys.readouterr().err
    return deck, deck.read_text(encoding="utf-8")


@pytest.mark.parametrize("across", [False, True], ids=["column by column", "line by line across"])
def test_a_two_column_report_drafts_its_figures_from_whole_sentences_and_checks_clean(
    qapp, tmp_path, capsys, across
) -> None:
    deck, text = _draft(two_column_pdf(tmp_path / "two.pdf", across=across), capsys)
    assert [d.format() for d in check_file(deck, {None: tmp_path / "two.pdf"})] == []
    phrases = [
        ref["phrase"] for slide in summary.slides(summary.load(deck)) for ref in slide.get("sources", [])
    ]
    assert any("42%" in phrase for phrase in phrases)
    assert any("$12 million" in phrase for phrase in phrases)  # from the sentence joined across columns
    assert "value: 42" in text and "value: 18" in text and "1,200" in text


def test_a_table_with_wrapped_cells_drafts_one_bar_per_row_and_checks_clean(qapp, tmp_path, capsys) -> None:
    rows = [
        ["Project", "Capacity (MW)"],
        ["Offshore North wind farm, phase two of the coastal programme", "1,400"],
        ["Solar park on the roofs of the old fish market", "85"],
        ["Grid link", "10"],
    ]
    report = table_pdf(
        tmp_path / "t.pdf",
        rows,
        before="The projects of the coastal programme.",
        after="Costs were high.",
        width=160,
    )
    deck, _ = _draft(report, capsys)
    assert [d.format() for d in check_file(deck, {None: report})] == []
    charts = [slide["chart"] for slide in summary.slides(summary.load(deck)) if "chart" in slide]
    assert [series["values"] for chart in charts for series in chart["series"]] == [[1400, 85, 10]]
    assert "Offshore North wind farm, phase two of the coastal programme" in charts[0]["categories"][0]
