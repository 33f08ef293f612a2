"""`briefing draft` on reports of other shapes, scored against their ground truth (tests/draft/truth/).

Each report is one the drafter was not shaped on: a Word report with a title,
heading styles and a table, a Markdown report with a table, block quotes, code
and a footnote, a Simplified Chinese report, a web article, and a PDF made
from the same blocks as the Word report. Two variants of the Word report
read as a user's would be: the Word file with a paragraph and a quotation in
text boxes, a header and a footer; and the PDF set in two columns. Each
holds injected lines of four kinds (another script, advertising, an
instruction to a model, an unrelated line).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from briefing.cli import main
from briefing.commands.check import check_file
from tests.draft import draft_summary as summary
from tests.draft.ground_truth import score, truth
from tests.draft.pdf_report import build_pdf
from tests.draft.word_report import build_docx

REPORTS = Path(__file__).parent / "reports"
# a header and a footer with figures of their own, which no slide may take
MARGINS = {"header": "Mini-grid review, 48 pages", "footer": "Printed in 3,500 copies"}
CASES = {
    "city-bees.md": "city-bees.yaml",
    "ev-delta.txt": "ev-delta.yaml",
    "mini-grids.docx": "mini-grids.yaml",
    "mini-grids.pdf": "mini-grids.yaml",
    "mini-grids-boxes.docx": "mini-grids.yaml",
    "mini-grids-columns.pdf": "mini-grids.yaml",
    "repair-cafes.html": "repair-cafes.yaml",
}


def _report(tmp_path: Path, name: str, request: pytest.FixtureRequest) -> Path:
    """The report in ``tmp_path``: copied, or built from its blocks (Word; PDF printed by Qt)."""
    target = tmp_path / name
    if name.startswith("mini-grids"):
        raw = yaml.safe_load((REPORTS / "mini-grids.blocks.yaml").read_text(encoding="utf-8"))
        blocks = [tuple(block) for block in raw]
        if name.endswith(".pdf"):
            request.getfixturevalue("qapp")
            return build_pdf(target, blocks, columns="columns" in name)
        if "boxes" in name:
            boxed = ("Operators plan", "\u201cA fridge in the clinic")
            blocks = [("TextBox", b[1]) if str(b[1]).startswith(boxed) else b for b in blocks]
            return build_docx(target, blocks, margins=MARGINS)
        return build_docx(target, blocks)
    shutil.copy(REPORTS / name, target)
    return target


def _draft(report: Path, output: Path, capsys) -> tuple[str, list[str]]:
    assert main(["draft", str(report), "-o", str(output), "--force"]) == 0, capsys.readouterr().err
    warnings = [line for line in capsys.readouterr().err.splitlines() if ": warning: " in line]
    return output.read_text(encoding="utf-8"), warnings


@pytest.mark.parametrize("name", sorted(CASES))
def test_draft_reaches_the_reports_sections_figures_and_quotes_and_leaves_out_injected_lines(
    tmp_path, capsys, request, name
) -> None:
    report = _report(tmp_path, name, request)
    text, warnings = _draft(report, tmp_path / "deck.yaml", capsys)
    expected = truth(CASES[name])
    doc = summary.load(tmp_path / "deck.yaml")
    result = score(expected, doc, text, warnings)
    print(result.line(name))
    assert doc["title"] == expected["title"]
    assert result.sections == []
    reached, total = result.figures
    assert reached >= 0.9 * total, result.missed_figures
    said, quotes = result.quotes
    assert said >= 0.8 * quotes, result.missed_quotes
    assert result.unwarned == []
    assert result.leaked == []
    assert not any(word in text for word in ("48 pages", "3,500", "Printed"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_draft_checks_clean_against_its_report_and_is_the_same_bytes_twice(
    tmp_path, capsys, request, name
) -> None:
    report = _report(tmp_path, name, request)
    first, _ = _draft(report, tmp_path / "deck.yaml", capsys)
    assert [d.format() for d in check_file(tmp_path / "deck.yaml")] == []
    assert [d.format() for d in check_file(tmp_path / "deck.yaml", {None: report})] == []
    second, _ = _draft(report, tmp_path / "again.yaml", capsys)
    assert second == first
