"""Chart CSV files: read into categories and series, every problem at csv:row:col."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.storyboard.csv_data import field_starts, read_chart_csv


def write(tmp_path: Path, content: bytes | str) -> Path:
    path = tmp_path / "data.csv"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def located(tmp_path: Path, content: bytes | str, scatter: bool = False) -> list[tuple[int, int, str]]:
    return [
        (d.line, d.col, d.message) for d in read_chart_csv(write(tmp_path, content), scatter=scatter).errors
    ]


def test_reads_categories_and_series_with_bom_quotes_and_blank_lines(tmp_path: Path) -> None:
    data = read_chart_csv(
        write(tmp_path, '\ufeffcity,"Round, US$m",n\n\nShanghai,"16,000",1\r\nBerlin,12.5,2\n')
    )
    assert data.errors == []
    assert data.categories == ("Shanghai", "Berlin")
    assert [(s.name, s.values) for s in data.series] == [("Round, US$m", (16000.0, 12.5)), ("n", (1.0, 2.0))]


def test_field_starts_respects_quotes() -> None:
    assert field_starts('a,"b,c",d') == [1, 3, 9]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", [(1, 1, "the CSV file is empty")]),
        ("city\nShanghai\n", [(1, 1, "the CSV header needs a category column and a series column")]),
        ("city,a\n", [(1, 1, "the CSV file has a header but no data rows")]),
        ("c,a\nx,1\ny,n/a\n", [(3, 3, "'n/a' is not a number")]),
        ('c,a,b\n"x,y",1,2,3\n', [(2, 11, "row has 4 cells but the header has 3")]),
        ("c,a,b\nx,1\n", [(2, 4, "row has 2 cells but the header has 3")]),
    ],
)
def test_malformed_files_are_located(tmp_path: Path, content: str, expected: list) -> None:
    assert located(tmp_path, content) == expected


def test_scatter_needs_numeric_x_values(tmp_path: Path) -> None:
    assert located(tmp_path, "x,y\n1,2\nthree,4\n", scatter=True) == [
        (3, 1, "x value 'three' is not a number (scatter charts need numbers)")
    ]


def test_non_utf8_csv_is_located(tmp_path: Path) -> None:
    message = "byte 0xfc is not UTF-8 (in Windows-1252, 'ü')"
    assert located(tmp_path, b"c,a\nZ\xfcrich,1\n") == [(2, 2, message)]


# Every character str.splitlines() breaks at that the CSV reader (and editors) do not.
SEPARATORS_IN_CELLS = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("separator", SEPARATORS_IN_CELLS, ids=lambda c: f"U+{ord(c):04X}")
def test_a_line_separator_inside_a_cell_does_not_shift_later_errors(tmp_path: Path, separator: str) -> None:
    content = f'city,a,b\n"Pu{separator}dong",1,2\nBerlin,3,x\nLyon,4,5,6\n'
    assert located(tmp_path, content) == [
        (3, 10, "'x' is not a number"),
        (4, 10, "row has 4 cells but the header has 3"),
    ]


@pytest.mark.parametrize("separator", SEPARATORS_IN_CELLS, ids=lambda c: f"U+{ord(c):04X}")
def test_a_separator_before_a_bad_cell_on_its_row_keeps_its_column(tmp_path: Path, separator: str) -> None:
    content = f"city,a,b\nPu{separator}dong,1,oops\n"
    assert located(tmp_path, content) == [(2, 11, "'oops' is not a number")]


@pytest.mark.parametrize("line_end", ["\n", "\r", "\r\n"], ids=["LF", "CR", "CRLF"])
def test_a_line_break_inside_a_quoted_cell_puts_later_cells_on_the_next_line(
    tmp_path: Path, line_end: str
) -> None:
    """A quoted category may hold a line break (as Excel writes Alt+Enter): the cells after it are
    on the next line, at the columns an editor shows them, and so are later rows' errors."""
    content = line_end.join(["city,a,b", '"Pu', 'dong",1,x', "Berlin,3,oops", "Lyon,4,5,6", ""])
    assert located(tmp_path, content) == [
        (3, 9, "'x' is not a number"),
        (4, 10, "'oops' is not a number"),
        (5, 10, "row has 4 cells but the header has 3"),
    ]


def test_a_row_with_a_line_break_and_too_many_cells_is_reported_where_the_extra_cell_is(
    tmp_path: Path,
) -> None:
    content = 'city,a,b\n"Pu\ndong",1,2,3\n'
    assert located(tmp_path, content) == [(3, 11, "row has 4 cells but the header has 3")]
