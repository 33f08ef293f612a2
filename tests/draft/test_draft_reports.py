"""`briefing draft` on reports written for these tests: sections, figures, quotes, sources, warnings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.commands.check import check_file
from tests.draft import draft_summary as summary

REPORTS = Path(__file__).parent / "reports"


def draft(tmp_path: Path, name: str, capsys) -> tuple[Path, list[str]]:
    report = tmp_path / name
    shutil.copy(REPORTS / name, report)
    output = tmp_path / "deck.yaml"
    assert main(["draft", str(report), "-o", str(output)]) == 0
    err = capsys.readouterr().err.splitlines()
    return output, err


def foreign_letters(text: str) -> list[str]:
    return [c for c in text if c.isalpha() and "LATIN" not in __import__("unicodedata").name(c, "")]


def test_plain_text_report_headings_figures_quotes_and_injected_text(tmp_path, capsys) -> None:
    output, err = draft(tmp_path, "harbour-towns.txt", capsys)
    report = tmp_path / "harbour-towns.txt"
    assert err == [
        f'{report}:13:1: warning: left out injected text in another script (Cyrillic): "Купить дешево"',
        f"{report}:17:1: warning: left out injected promotional text: "
        '"BUY NOW cheap boat engines with free shipping at www.example.shop!"',
        f'{report}:21:1: warning: left out injected text in another script (Han): "特价优惠"',
        f"briefing draft: wrote {output}; next: briefing check {output}",
    ]
    doc = summary.load(output)
    assert doc["title"] == "Harbour Towns After the Storms"
    assert doc["sources"] == {
        "report": {"title": "Harbour Towns After the Storms", "file": "harbour-towns.txt"}
    }
    # numbered headings, title-case lines, and one with junk glued in front
    assert summary.section_titles(doc) == [
        "Rebuilding the Quays",
        "Boats and Crews",
        "Markets and Prices",
        "Looking Ahead",
    ]
    assert summary.figures(doc) == [
        ("stat", 3.5, "€", "M"),
        ("stat", 12, "", " km²"),
        ("stat", 1250, "", ""),
        ("stat", 38, "", "%"),
        ("stat", 40, "£", "M"),
        ("stat", 150, "+", "%"),
        ("chart", 18, "€", ""),
        ("chart", 9, "€", ""),
        ("stat", 400, "", ""),
    ]
    assert summary.charts(doc) == [("Crate of hake: Kelport versus Dunmore", ["Kelport", "Dunmore"], [18, 9])]
    assert summary.quotes(doc) == [
        (
            "Aoife Brennan",
            "Harbour master",
            "We rebuilt the wall stone by stone, and it held through every gale.",
        ),
        (
            "Tomas Quinn",
            "Chair of the Dunmore Fishers' Cooperative",
            "Younger crews learn faster than we ever did.",
        ),
        ("Lena Hart", "Buyer", "The Kelport market now sets the price for the whole coast."),
        ("Mira Olsen", "Ferry captain", "The sea gave us our trade, and now it gives us a timetable."),
    ]
    assert summary.phrases(doc) == [
        "€3.5 million on the north quay",
        "12 square kilometres of water",
        "We rebuilt the wall stone by stone, and it held through every gale",
        "says harbour master Aoife Brennan",
        "1,250 fishing boats",
        "38% of the crews are under thirty",
        "Younger crews learn faster than we ever did",
        "Tomas Quinn, chair of the Dunmore Fishers' Cooperative, explains",
        "£40 million at auction",
        "price of hake rose 150% since 2021",
        "in Kelport averages €18 versus €9 in Dunmore",
        "the Kelport market now sets the price for the whole coast.",
        "According to buyer Lena Hart",
        "400 passengers a day",
        "The sea gave us our trade, and now it gives us a timetable.",
        "Ferry captain Mira Olsen adds",
    ]
    text = output.read_text(encoding="utf-8")
    assert foreign_letters(text) == []
    assert "BUY NOW" not in text and "example.shop" not in text


def test_markdown_report_with_subsections_and_every_attribution_form(tmp_path, capsys) -> None:
    output, err = draft(tmp_path, "night-trains.md", capsys)
    report = tmp_path / "night-trains.md"
    assert err[:-1] == [f'{report}:13:4: warning: left out injected text in another script (Han): "广告推广"']
    doc = summary.load(output)
    assert doc["title"] == "Night Trains Return to Europe"
    assert summary.section_titles(doc) == ["Routes and Riders", "Money", "Sleeper Comfort"]
    assert summary.figures(doc) == [
        ("stat", 42, "", ""),
        ("stat", 300, "+", "%"),
        ("stat", 2.4, "$", "bn"),
        ("stat", 75, "", " million euros"),
        ("chart", 95, "€", ""),
        ("chart", 140, "€", ""),
        ("stat", 18, "", " m²"),
    ]
    assert summary.charts(doc) == [("Berth: Vienna versus Paris", ["Vienna", "Paris"], [95, 140])]
    assert summary.quotes(doc) == [
        ("Jonas Berg", "Plans timetables at Nordlink", "People want to arrive rested, not rushed."),
        ("Petra Lind", "Analyst", "Demand has outrun supply for three winters in a row"),
        ("Ines Varga", "Conductor", "Nobody misses the airport queues."),
        ("Sam Okafor", "Travel writer", "The best hotel in Europe is the one that moves."),
    ]
    assert summary.phrases(doc) == [
        "42 night routes across the continent",
        "Ridership grew 300% between 2019 and 2024",
        "People want to arrive rested, not rushed",
        "said Jonas Berg, who plans timetables at Nordlink",
        "$2.4 billion into new sleeper carriages",
        "75 million euros for training",
        "in Vienna costs €95 versus €140 in Paris",
        "Demand has outrun supply for three winters in a row",
        "according to analyst Petra Lind",
        "18 square metres of shared lounge space",
        "Nobody misses the airport queues",
        "conductor Ines Varga says",
        "The best hotel in Europe is the one that moves.",
        "Travel writer Sam Okafor",
    ]
    assert foreign_letters(output.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("name", ["harbour-towns.txt", "night-trains.md"])
def test_draft_checks_clean_against_its_report(tmp_path, capsys, name) -> None:
    output, _ = draft(tmp_path, name, capsys)
    assert [d.format() for d in check_file(output)] == []


@pytest.mark.parametrize("name", ["harbour-towns.txt", "night-trains.md"])
def test_every_slide_has_notes_and_a_duration(tmp_path, capsys, name) -> None:
    output, _ = draft(tmp_path, name, capsys)
    doc = summary.load(output)
    assert all(slide["notes"].strip() and slide["duration"] for slide in summary.slides(doc))
    assert doc["duration"].endswith("min")
