"""Valid storyboards load into the model: ids, lines, durations, files, CSV data."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image as PILImage

from briefing.storyboard import (
    Bullets,
    Chart,
    Compare,
    Image,
    Quote,
    Stats,
    check,
    load_storyboard,
    load_text,
)

VALID = """
title: Shanghai, Asia's new innovation hub
subtitle: What the report found
author: Briefing team
date: 2026-11-29
language: en
duration: 20min
notes: |
  Good morning.
theme:
  base: light
  accent: "#e8483b"
  palette: ["#E8483B", "#3BA3E8"]
  fonts: {heading: Arial, body: Arial}
sources:
  report:
    title: Shanghai report
    url: https://example.org
sections:
  - title: The rise
    duration: 3min
    notes: Divider notes
    slides:
      - title: Scale
        duration: "1:30"
        notes: Say this.
        sources:
          - {ref: report, phrase: "25 square kilometers"}
        stats:
          - {value: 25, unit: " km²", label: Park}
          - {value: 16000, unit: "+", label: firms, decimals: 0}
      - title: Scale
        notes: x
        build: true
        bullets:
          - One
          - text: Two
            bullets: [a, b]
  - title: Money
    id: money
    slides:
      - title: Rounds
        id: rounds
        notes: n
        sources: [{ref: report}]
        chart: {type: bar, csv: data/rounds.csv, prefix: "$"}
      - title: Inline
        notes: n
        sources: [{ref: report}]
        chart:
          type: scatter
          categories: [1, 2.5]
          series:
            - {name: A, values: [25, 12], color: "#112233"}
      - title: Compare
        notes: n
        compare:
          left: {title: Then, bullets: [iPhones]}
          right: {title: Now, bullets: [chips]}
      - title: Map
        notes: n
        image: {path: images/map.png, alt: Map, caption: Pudong}
      - title: Words
        notes: n
        quote: {text: "We're monetizing innovation itself.", who: Wang Ying, role: Chair}
"""


@pytest.fixture
def deck(write_storyboard, tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "rounds.csv").write_text("city,2023,2024\nShanghai,25,30\nBerlin,12,14\n")
    (tmp_path / "images").mkdir()
    PILImage.new("RGB", (16, 9), "navy").save(tmp_path / "images" / "map.png")  # check decodes images
    return write_storyboard(VALID)


def test_valid_storyboard_loads_into_the_model(deck: Path) -> None:
    board = load_storyboard(deck)
    assert board.path == deck.absolute()
    assert board.duration == 1200
    assert board.date == "2026-11-29"
    assert board.theme.base == "light" and board.theme.accent == "#E8483B"
    assert board.theme.palette == ("#E8483B", "#3BA3E8") and board.theme.heading_font == "Arial"
    assert board.sources[0].id == "report" and board.sources[0].url == "https://example.org"
    assert [s.kind for s in board.slides] == [
        "title",
        "section",
        "stats",
        "bullets",
        "section",
        "chart",
        "chart",
        "compare",
        "image",
        "quote",
        "sources",  # generated: every cited source, in every output
    ]


def test_slide_ids_lines_sections_and_durations(deck: Path) -> None:
    board = load_storyboard(deck)
    first, second = board.sections[0].slides
    assert (first.id, second.id) == ("scale", "scale-2")
    assert (first.line, second.line) == (23, 31)
    assert first.duration == 90 and board.sections[0].duration == 180
    assert board.sections[0].line == 19 and board.sections[0].id == "the-rise"
    assert board.sections[1].id == "money"
    assert all(slide.section == 1 for slide in board.sections[1].slides)
    assert board.sections[1].slides[0].id == "rounds"


def test_bodies_are_parsed(deck: Path, tmp_path: Path) -> None:
    board = load_storyboard(deck)
    stats, bullets = (s.body for s in board.sections[0].slides)
    assert isinstance(stats, Stats) and stats.items[1].value == 16000 and stats.items[1].decimals == 0
    assert isinstance(bullets, Bullets) and bullets.build and bullets.items[1].children == ("a", "b")
    csv_chart, scatter, compare, image, quote = (s.body for s in board.sections[1].slides)
    assert isinstance(csv_chart, Chart) and csv_chart.categories == ("Shanghai", "Berlin")
    assert [s.name for s in csv_chart.series] == ["2023", "2024"]
    assert csv_chart.series[1].values == (30.0, 14.0) and csv_chart.csv == tmp_path / "data" / "rounds.csv"
    assert (
        isinstance(scatter, Chart) and scatter.x_values == (1.0, 2.5) and scatter.series[0].color == "#112233"
    )
    assert isinstance(compare, Compare) and compare.right.bullets == ("chips",)
    assert (
        isinstance(image, Image)
        and image.path == tmp_path / "images" / "map.png"
        and image.path.is_absolute()
    )
    assert isinstance(quote, Quote) and quote.role == "Chair"


def test_files_lists_every_csv_and_image(deck: Path, tmp_path: Path) -> None:
    board = load_storyboard(deck)
    assert set(board.files) == {tmp_path / "data" / "rounds.csv", tmp_path / "images" / "map.png"}


def test_check_returns_no_errors_for_a_valid_file(deck: Path) -> None:
    board, diagnostics = check(deck)
    assert board is not None
    assert [d for d in diagnostics if d.severity == "error"] == []


def test_load_text_without_a_path() -> None:
    board = load_text("title: T\nsections:\n  - title: S\n    slides:\n      - {title: A, bullets: [x]}\n")
    assert board.path is None
    assert board.slides[2].id == "a" and board.slides[2].line == 5


def test_theme_as_a_word_and_defaults() -> None:
    board = load_text(
        "title: T\ntheme: light\nsections:\n  - title: S\n"
        "    slides: [{title: A, quote: {text: q, who: w}}]\n"
    )
    assert board.theme.base == "light" and board.language == "en" and board.duration is None


def test_bundled_storyboard_loads_cleanly() -> None:
    board, diagnostics = check(None)
    assert board is not None and len(board.slides) > 10
    assert [d.format() for d in diagnostics if d.severity == "error"] == []
    assert board.path is not None and board.path.is_absolute()


def test_merge_keys_and_x_extension_keys() -> None:
    text = (
        "title: T\n"
        "x-defaults: &d {notes: shared, duration: 1min}\n"
        "sections:\n"
        "  - title: S\n"
        "    slides:\n"
        "      - {<<: *d, title: A, bullets: [x]}\n"
        "      - <<: *d\n"
        "        notes: own\n"
        "        title: B\n"
        "        bullets: [y]\n"
    )
    first, second = load_text(text).sections[0].slides
    assert (first.notes, first.duration) == ("shared", 60)
    assert (second.notes, second.duration, second.line) == ("own", 60, 7)


def test_numbers_in_yaml_1_2_spellings() -> None:
    text = (
        "title: T\nsections:\n  - title: S\n    slides:\n      - title: A\n"
        "        chart: {type: scatter, categories: [0x1A, 1_000, 2.50, 1e3],"
        " series: [{name: s, values: [1, 2, 3, -2.5E-1]}]}\n"
    )
    chart = load_text(text).slides[2].body
    assert isinstance(chart, Chart)
    assert chart.categories == ("26", "1000", "2.5", "1000")
    assert chart.series[0].values == (1.0, 2.0, 3.0, -0.25)
