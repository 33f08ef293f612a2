"""`briefing draft` on the shared investigative report (read beside the repository, never copied)."""

from __future__ import annotations

import contextlib
import io
import unicodedata
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.commands.check import check_file
from tests.draft import draft_summary as summary
from tests.shared_report import shared_report


@pytest.fixture(scope="module")
def drafted(tmp_path_factory) -> tuple[Path, str]:
    output = tmp_path_factory.mktemp("shared") / "shanghai.yaml"
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(["draft", str(shared_report()), "-o", str(output)]) == 0
    return output, err.getvalue()


def test_six_headings_become_six_sections(drafted) -> None:
    doc = summary.load(drafted[0])
    assert summary.section_titles(doc) == [
        "The Rise of Zhangjiang: China's Answer to Silicon Valley",
        "The Innovation Trinity: Academia, Industry, Government",
        "Venture Capital Tsunami",
        "Talent Magnetism",
        "Challenges and the Road Ahead",
        "The Human Element",
    ]
    assert doc["title"] == "Shanghai's rapid emergence as Asia's premier technology innovation hub"


def test_all_eighteen_figures_reach_slides(drafted) -> None:
    doc = summary.load(drafted[0])
    assert summary.figures(doc) == [
        ("stat", 25, "", " km²"),
        ("stat", 16000, "", "+"),
        ("stat", 35, "", "%"),
        ("stat", 40, "", "%"),
        ("stat", 4, "", ""),
        ("stat", 300, "", "+"),
        ("stat", 50, "", " billion yuan"),
        ("stat", 30, "", "%"),
        ("stat", 48, "$", "bn"),
        ("chart", 25, "$", "M"),
        ("chart", 12, "$", "M"),
        ("stat", 1200, "", ""),
        ("stat", 800, "$", "M"),
        ("stat", 2, "", " million yuan"),
        ("stat", 180000, "", "+"),
        ("stat", 58, "", "%"),
        ("stat", 300, "+", "%"),
        ("stat", 15, "$", "bn"),
    ]
    assert summary.charts(doc) == [
        ("Series A round: Shanghai versus Berlin", ["Shanghai", "Berlin"], [25, 12])
    ]


def test_all_six_quotes_have_the_right_speakers(drafted) -> None:
    doc = summary.load(drafted[0])
    assert [(who, role) for who, role, _ in summary.quotes(doc)] == [
        ("Dr. Chen Lin", "Dean of Fudan University's Innovation Institute"),
        ("Michael Yu", "Sequoia China partner"),
        ("Wang Ying", "Exchange chairwoman"),
        ("Li Wei", "Stanford PhD who left Google Brain to launch robotics startup HorizonX"),
        ("Claire Dubois", "French AI researcher"),
        ("Jenny Qian", "Venture capitalist"),
    ]


def test_three_injected_fragments_are_reported_and_left_out(drafted) -> None:
    output, err = drafted
    report = shared_report()
    warnings = [line for line in err.splitlines() if ": warning: " in line]
    assert [w.split(": warning: ")[0] for w in warnings] == [
        f"{report}:9:1",
        f"{report}:14:1",
        f"{report}:19:1",
    ]
    assert all("left out injected text in another script (Han)" in w for w in warnings)
    text = output.read_text(encoding="utf-8")
    assert [c for c in text if "CJK" in unicodedata.name(c, "")] == []
    assert "419" not in text


def test_draft_checks_clean_against_the_report(drafted) -> None:
    assert [d.format() for d in check_file(drafted[0])] == []


def test_same_report_same_bytes(tmp_path, capsys) -> None:
    for name in ("a.yaml", "b.yaml"):
        assert main(["draft", str(shared_report()), "-o", str(tmp_path / name)]) == 0
    assert (tmp_path / "a.yaml").read_bytes() == (tmp_path / "b.yaml").read_bytes()
