"""Numbers: finite, in range, read the YAML 1.2 way, every documented duration unit, sums in range."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.errors import Diagnostic
from briefing.storyboard import check, load_storyboard
from briefing.storyboard.durations import UNIT_SECONDS, parse_duration
from briefing.storyboard.model import Chart, Stats

HEAD = "title: T\nsources:\n  report: {title: R}\nsections:\n  - title: S\n    slides:\n"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "format.md"
# Slides below start on line 7, indented by 6 spaces.


def errors(write: Callable[..., Path], text: str) -> list[Diagnostic]:
    _, diagnostics = check(write(HEAD + text))
    return [d for d in diagnostics if d.severity == "error"]


def located(write: Callable[..., Path], text: str) -> list[tuple[int, int, str]]:
    return [(d.line, d.col, d.message) for d in errors(write, text)]


def stat_value(write: Callable[..., Path], literal: str) -> float:
    slide = f"      - {{title: A, stats: [{{value: {literal}, label: L}}]}}\n"
    storyboard = load_storyboard(write(HEAD + slide))
    body = storyboard.sections[0].slides[0].body
    assert isinstance(body, Stats)
    return body.items[0].value


def test_an_exponent_beyond_float_is_a_located_error(write_storyboard) -> None:
    found = errors(write_storyboard, "      - title: A\n        stats: [{value: 1e400, label: L}]\n")
    assert [(d.line, d.col, d.message) for d in found] == [(8, 25, "'value': 1e400 is not a finite number")]
    assert "10^15" in found[0].hint


def test_a_400_digit_integer_is_a_located_error(write_storyboard) -> None:
    digits = "9" * 400
    found = errors(write_storyboard, f"      - title: A\n        stats: [{{value: {digits}, label: L}}]\n")
    assert [(d.line, d.col, d.message) for d in found] == [
        (8, 25, "'value': 999999999999… (400 characters) is out of range")
    ]


def test_numbers_beyond_ten_to_the_fifteen_are_refused_in_series(write_storyboard) -> None:
    chart = "chart: {type: bar, categories: [a, b], series: [{name: s, values: [1, 2e15]}]}"
    assert located(write_storyboard, f"      - title: A\n        {chart}\n") == [
        (8, 79, "'values': 2e15 is out of range")
    ]


def test_infinity_is_still_refused(write_storyboard) -> None:
    assert located(write_storyboard, "      - {title: A, stats: [{value: .inf, label: L}]}\n") == [
        (7, 36, "'value': .inf is not a finite number")
    ]


@pytest.mark.parametrize(
    ("literal", "value"),
    [
        *[("012", 12.0), ("-012", -12.0), ("09", 9.0), ("1e3", 1000.0), ("0o17", 15.0), ("0x1F", 31.0)],
        *[("-0", 0.0), ("1_000", 1000.0), (".5", 0.5)],
    ],
)
def test_numbers_are_read_the_yaml_1_2_way(write_storyboard, literal: str, value: float) -> None:
    assert stat_value(write_storyboard, literal) == value


def test_zero_padded_numbers_show_as_written(write_storyboard) -> None:
    path = write_storyboard(HEAD + "      - {title: A, stats: [{value: 012, label: L}]}\n")
    body = load_storyboard(path).sections[0].slides[0].body
    assert isinstance(body, Stats) and body.items[0].display() == "12"


def test_base_60_numbers_are_refused_with_a_hint(write_storyboard) -> None:
    found = errors(write_storyboard, "      - {title: A, stats: [{value: 1:30, label: L}]}\n")
    assert [(d.line, d.col, d.message) for d in found] == [(7, 36, "'value': 1:30 is not a number")]
    assert "base-60" in found[0].hint and '"1:30"' in found[0].hint


def test_a_clock_duration_is_minutes_and_seconds_not_base_60_minutes(write_storyboard) -> None:
    path = write_storyboard(HEAD + "      - {title: A, duration: 1:30, bullets: [x]}\n")
    assert load_storyboard(path).sections[0].slides[0].duration == 90.0


def documented_durations() -> list[str]:
    """Every example in the docs' duration list (the line starting "- **Durations.**")."""
    text = DOCS.read_text(encoding="utf-8")
    paragraph = text[text.index("- **Durations.**") :].split("\n- ", 1)[0]
    return re.findall(r"`([^`]+)`", paragraph)


def test_the_docs_list_every_duration_unit() -> None:
    examples = " ".join(documented_durations())
    for unit in UNIT_SECONDS:
        assert re.search(rf"\d{unit}\b", examples), f"docs/format.md does not show the unit {unit!r}"


@pytest.mark.parametrize("example", documented_durations())
def test_every_documented_duration_parses(write_storyboard, example: str) -> None:
    path = write_storyboard(HEAD + f"      - {{title: A, duration: '{example}', bullets: [x]}}\n")
    assert load_storyboard(path).sections[0].slides[0].duration == parse_duration(example) > 0


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        *[("2h", 7200), ("1hr", 3600), ("3m", 180), ("20min", 1200), ("5mins", 300), ("90s", 90)],
        *[("30sec", 30), ("45secs", 45), ("1m30s", 90), ("1h 30min", 5400), ("1:02:05", 3725)],
        *[("1.5", 90), ("2MIN", 120)],
    ],
)
def test_each_duration_unit(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


def test_durations_longer_than_a_day_are_refused(write_storyboard) -> None:
    huge = "9" * 400
    found = located(
        write_storyboard,
        "      - {title: A, duration: 25h, bullets: [x]}\n"
        f"      - {{title: B, duration: {huge}, bullets: [x]}}\n",
    )
    assert found == [
        (7, 30, "'duration': 25h is longer than 24 hours"),
        (8, 30, "'duration': 999999999999… (400 characters) is longer than 24 hours"),
    ]


def test_a_stack_whose_total_is_out_of_range_is_refused(write_storyboard) -> None:
    series = "[{name: s, values: [9e14, 1]}, {name: t, values: [9e14, 1]}]"
    chart = f"chart: {{type: stacked, categories: [a, b], series: {series}}}"
    assert located(write_storyboard, f"      - title: A\n        {chart}\n") == [
        (8, 45, "the stack adds up to more than 1,000,000,000,000,000 (10^15) for 'a'")
    ]


def test_a_pie_whose_total_is_out_of_range_is_refused(write_storyboard) -> None:
    chart = "chart: {type: pie, categories: [a, b], series: [{name: s, values: [9e14, 9e14]}]}"
    assert located(write_storyboard, f"      - title: A\n        {chart}\n") == [
        (8, 75, "the pie adds up to more than 1,000,000,000,000,000 (10^15)")
    ]


def test_ten_to_the_fifteen_itself_is_fine(write_storyboard) -> None:
    chart = "chart: {type: bar, categories: [a], series: [{name: s, values: [1e15]}]}"
    storyboard = load_storyboard(write_storyboard(HEAD + f"      - title: A\n        {chart}\n"))
    body = storyboard.sections[0].slides[0].body
    assert isinstance(body, Chart) and body.format_value(1e15) == "1,000,000,000,000,000"
