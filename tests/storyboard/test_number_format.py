"""One number format: the app's text and the deck's Excel format code round and quote alike."""

from __future__ import annotations

import pytest

from briefing.storyboard.model import Chart, Series, Stat
from briefing.storyboard.numbers import excel_literal, excel_number_format, format_number, format_percent


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (0.125, 2, "0.13"),  # Python's format says 0.12 (binary value, half to even)
        (2.675, 2, "2.68"),  # the double is 2.67499999...; Excel reads it as 2.675
        (1.005, 2, "1.01"),
        (-0.5, 0, "-1"),  # halves away from zero, negative too
        (0.5, 0, "1"),
        (2.5, 0, "3"),
        (-0.04, 1, "0.0"),  # rounds to zero: no minus sign
        (1e15, 0, "1,000,000,000,000,000"),
        (999999999999999.5, 0, "1,000,000,000,000,000"),
        (123456789012345.67, 2, "123,456,789,012,346.00"),  # Excel keeps 15 significant digits
        (16000, None, "16,000"),
        (2.25, None, "2.3"),
    ],
)
def test_rounding_is_excels(value: float, decimals: int | None, text: str) -> None:
    assert format_number(value, decimals=decimals) == text


def test_prefix_sign_and_unit_sit_where_excel_puts_them() -> None:
    assert format_number(-1234.5, prefix="$", unit="bn", decimals=1) == "-$1,234.5bn"


def test_a_chart_has_one_number_of_decimals_in_the_app_and_the_deck() -> None:
    chart = Chart("bar", ("a", "b"), (Series("s", (1.0, 2.5)),), unit="%")
    assert [chart.format_value(v) for v in (1.0, 2.5)] == ["1.0%", "2.5%"]
    assert chart.number_format == '#,##0.0"%"'
    whole = Chart("bar", ("a", "b"), (Series("s", (1.0, 2.0)),), prefix="$", decimals=2)
    assert whole.format_value(0.125) == "$0.13" and whole.number_format == '"$"#,##0.00'


def test_a_stat_keeps_its_own_decimals() -> None:
    assert Stat(2.675, "L", decimals=2).display() == "2.68"
    assert Stat(25, "L", unit=" km²").display(12.5) == "13 km²"  # count-up frames: the final value's decimals


def test_pie_shares_round_like_labels() -> None:
    assert format_percent(0.125) == "13%" and format_percent(0.005) == "1%"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", ""),
        ("%", '"%"'),  # quoted: a literal per cent sign, not "multiply by 100"
        ('" in', '\\"" in"'),  # a double quote cannot sit inside quotes: escaped on its own
        ('"', '\\"'),
        ('a"b"', '"a"\\""b"\\"'),
        ("0#,.;@E+\\", '"0#,.;@E+\\"'),  # number-format syntax stays literal inside quotes
    ],
)
def test_units_are_literal_in_the_excel_format(text: str, code: str) -> None:
    assert excel_literal(text) == code


def test_excel_format_codes() -> None:
    assert excel_number_format(prefix="$", unit="M", decimals=0) == '"$"#,##0"M"'
    assert excel_number_format(unit='"', decimals=2) == '#,##0.00\\"'


def test_the_value_axis_format_is_the_apps_tick_format() -> None:
    big = Chart("bar", ("a", "b"), (Series("s", (1234.5, 16000.0)),), unit=' "M"', decimals=2)
    assert big.axis_number_format == "#,##0"  # steps of 5,000: no decimals; a long unit stays off the ticks
    small = Chart("line", ("a", "b"), (Series("s", (0.1, 0.25)),), unit="%", prefix="$")
    assert small.axis_number_format == '"$"#,##0.00"%"'  # steps of 0.05
    stacked = Chart("stacked", ("a",), (Series("s", (0.4,)), Series("t", (0.4,))), decimals=0)
    assert stacked.value_range == (0.0, 0.8) and stacked.axis_number_format == "#,##0.0"
