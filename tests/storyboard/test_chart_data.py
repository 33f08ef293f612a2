"""Chart data every output can draw: categories, pie shares, the CSV number rule, at path:line:col."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.errors import Diagnostic
from briefing.storyboard import check, load_storyboard
from briefing.storyboard.csv_data import read_chart_csv
from briefing.storyboard.model import Chart

HEAD = "title: T\nsources:\n  report: {title: R}\nsections:\n  - title: S\n    slides:\n"
# The slide starts on line 7; "      - title: A\n" then the chart on line 8.

COMMA_GROUPS = "',' may only separate thousands here (groups of three digits) and '.' marks decimals"
DOT_GROUPS = "'.' may only separate thousands here (groups of three digits) and ',' marks decimals"


def errors(write: Callable[..., Path], chart: str) -> list[Diagnostic]:
    _, diagnostics = check(write(HEAD + f"      - title: A\n        chart: {chart}\n"))
    return [d for d in diagnostics if d.severity == "error"]


def located(write: Callable[..., Path], chart: str) -> list[tuple[str, int, int, str]]:
    return [(Path(str(d.path)).name, d.line, d.col, d.message) for d in errors(write, chart)]


def col(chart: str, needle: str) -> int:
    """1-based column of ``needle`` on the chart's line (``        chart: {chart}``)."""
    return len("        chart: ") + chart.index(needle) + 1


def chart_of(write: Callable[..., Path], chart: str) -> Chart:
    path = write(HEAD + f"      - title: A\n        chart: {chart}\n")
    body = load_storyboard(path).sections[0].slides[0].body
    assert isinstance(body, Chart)
    return body


def test_no_categories_is_an_error(write_storyboard) -> None:
    chart = "{type: bar, categories: [], series: [{name: s, values: []}]}"
    assert located(write_storyboard, chart) == [("deck.yaml", 8, col(chart, "[]"), "'categories' is empty")]


def test_a_category_with_an_empty_name_is_an_error(write_storyboard) -> None:
    chart = "{type: bar, categories: [a, '', ' '], series: [{name: s, values: [1, 2, 3]}]}"
    assert located(write_storyboard, chart) == [
        ("deck.yaml", 8, col(chart, "''"), "category 2 has no name"),
        ("deck.yaml", 8, col(chart, "' '"), "category 3 has no name"),
    ]


@pytest.mark.parametrize("kind", ["pie", "donut"])
def test_a_negative_slice_is_an_error_with_a_hint(write_storyboard, kind: str) -> None:
    chart = f"{{type: {kind}, categories: [a, b], series: [{{name: s, values: [3, -1.5]}}]}}"
    found = errors(write_storyboard, chart)
    assert [(d.line, d.col, d.message) for d in found] == [
        (8, col(chart, "-1.5"), f"{kind} slice 'b' is -1.5: a share cannot be negative")
    ]
    assert found[0].hint == "a pie shows parts of a whole; use a bar chart for values below zero"


def test_negative_values_are_fine_in_a_bar_chart(write_storyboard) -> None:
    assert (
        errors(write_storyboard, "{type: bar, categories: [a, b], series: [{name: s, values: [3, -1]}]}")
        == []
    )


def test_a_pie_of_zeros_is_an_error(write_storyboard) -> None:
    chart = "{type: pie, categories: [a, b], series: [{name: s, values: [0, 0]}]}"
    found = errors(write_storyboard, chart)
    assert [(d.line, d.col, d.message) for d in found] == [
        (8, col(chart, "[0, 0]"), "every value of 's' is 0: the pie has nothing to divide")
    ]
    assert found[0].hint == "give at least one value above zero"


def test_a_pie_with_some_zero_slices_is_fine(write_storyboard) -> None:
    assert (
        errors(write_storyboard, "{type: pie, categories: [a, b], series: [{name: s, values: [0, 2]}]}") == []
    )


def test_a_negative_slice_in_a_csv_is_located_at_its_cell(write_storyboard, tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text("city,share\nShanghai,4\nBerlin,-2\n", encoding="utf-8")
    assert located(write_storyboard, "{type: donut, csv: d.csv}") == [
        ("d.csv", 3, 8, "donut slice 'Berlin' is -2: a share cannot be negative")
    ]


def test_a_zero_pie_from_a_csv_is_located_at_its_column(write_storyboard, tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text("city,share\nShanghai,0\nBerlin,0\n", encoding="utf-8")
    assert located(write_storyboard, "{type: pie, csv: d.csv}") == [
        ("d.csv", 1, 6, "every value of 'share' is 0: the pie has nothing to divide")
    ]


def test_an_empty_category_in_a_csv_is_located(write_storyboard, tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text("city,n\nShanghai,1\n ,2\n", encoding="utf-8")
    assert located(write_storyboard, "{type: bar, csv: d.csv}") == [("d.csv", 3, 1, "category 2 has no name")]


# --------------------------------------------------------------------------- the CSV number rule
def test_a_decimal_comma_is_never_read_as_a_thousands_separator(write_storyboard, tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text('Jahr,Umsatz\n2024,"2,5"\n2025,"16,000"\n', encoding="utf-8")
    found = errors(write_storyboard, "{type: bar, csv: d.csv}")
    assert [(Path(str(d.path)).name, d.line, d.col, d.message) for d in found] == [
        ("d.csv", 2, 6, "'2,5' is ambiguous: " + COMMA_GROUPS)
    ]
    assert (
        found[0].hint
        == 'if the file writes decimal commas (2,5 for two and a half), add decimal: "," to the chart'
    )


def test_decimal_comma_reads_a_german_csv(write_storyboard, tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text(
        "Jahr;Umsatz;Anteil\n2024;2,5;1.234,5\n2025;16.000;0,75\n", encoding="utf-8"
    )
    chart = chart_of(write_storyboard, '{type: bar, csv: d.csv, decimal: ","}')
    assert chart.categories == ("2024", "2025")
    assert [s.values for s in chart.series] == [(2.5, 16000.0), (1234.5, 0.75)]
    assert chart.decimal == ","


def test_decimal_comma_refuses_a_decimal_point(write_storyboard, tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text("Jahr;Umsatz\n2024;2.5\n", encoding="utf-8")
    found = errors(write_storyboard, '{type: bar, csv: d.csv, decimal: ","}')
    assert [(d.line, d.col, d.message) for d in found] == [
        (2, 6, "'2.5' is ambiguous: " + DOT_GROUPS)
    ]


def test_scatter_x_values_follow_the_same_rule(write_storyboard, tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text('x,y\n"1,5",2\n3,4\n', encoding="utf-8")
    assert located(write_storyboard, "{type: scatter, csv: d.csv}") == [
        ("d.csv", 2, 1, "x value '1,5' is ambiguous: " + COMMA_GROUPS)
    ]
    (tmp_path / "d.csv").write_text("x;y\n1,5;2\n3;4,25\n", encoding="utf-8")
    chart = chart_of(write_storyboard, '{type: scatter, csv: d.csv, decimal: ","}')
    assert chart.x_values == (1.5, 3.0) and chart.series[0].values == (2.0, 4.25)


def test_an_unknown_decimal_mark_is_an_error(write_storyboard, tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text("c,n\na,1\n", encoding="utf-8")
    chart = "{type: bar, csv: d.csv, decimal: ';'}"
    found = errors(write_storyboard, chart)
    assert [(d.line, d.col, d.message) for d in found] == [(8, col(chart, "';'"), "unknown decimal mark ';'")]


@pytest.mark.parametrize(
    ("cell", "decimal", "value"),
    [
        ("16,000", ".", 16000.0),
        ("1,234.5", ".", 1234.5),
        ("-3", ".", -3.0),
        ("1.5e3", ".", 1500.0),
        ("16 000", ".", 16000.0),
        ("1.234.567,8", ",", 1234567.8),
        ("16\xa0000,5", ",", 16000.5),
    ],
)
def test_csv_numbers(tmp_path: Path, cell: str, decimal: str, value: float) -> None:
    path = tmp_path / "d.csv"
    path.write_text(f'c,n\na,"{cell}"\n', encoding="utf-8")
    data = read_chart_csv(path, decimal=decimal)
    assert data.errors == [] and data.series[0].values == (value,)


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("1,2,3", "'1,2,3' is ambiguous: " + COMMA_GROUPS),
        ("", "the cell is empty"),
        ("nan", "'nan' is not a number"),
        ("1e400", "1e400 is not a finite number"),
        ("2e15", "2e15 is out of range"),
        ("12%", "'12%' is not a number"),
    ],
)
def test_csv_cells_that_are_refused(tmp_path: Path, cell: str, message: str) -> None:
    path = tmp_path / "d.csv"
    path.write_text(f'c,n\na,"{cell}"\n', encoding="utf-8")
    assert [(d.line, d.col, d.message) for d in read_chart_csv(path).errors] == [(2, 3, message)]
