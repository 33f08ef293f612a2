"""Every error class is reported at path:line:col, all in one pass, with hints where they help."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.errors import Diagnostic, StoryboardInvalid
from briefing.storyboard import check, load_storyboard

HEAD = "title: T\nsources:\n  report: {title: R}\nsections:\n  - title: S\n    slides:\n"
# Slides below start on line 7, indented by 6 spaces.


def errors(write: Callable[..., Path], text: str) -> list[Diagnostic]:
    path = write(text)
    _, diagnostics = check(path)
    return [d for d in diagnostics if d.severity == "error"]


def one(write: Callable[..., Path], text: str) -> Diagnostic:
    found = errors(write, text)
    assert len(found) == 1, [d.format() for d in found]
    return found[0]


def slides(body: str) -> str:
    return HEAD + body


def test_unknown_key_reports_line_and_suggestion(write_storyboard) -> None:
    found = one(write_storyboard, slides("      - titel: A\n        bullets: [x]\n"))
    assert (found.line, found.col, found.message) == (7, 9, "unknown key 'titel' in slide")
    assert found.hint == "did you mean 'title'?"
    assert found.code == "unknown-key" and found.key_path == ("sections", 0, "slides", 0, "titel")


def test_misspelt_key_without_suggestion_also_reports_the_missing_key(write_storyboard) -> None:
    found = errors(write_storyboard, slides("      - heading: A\n        bullets: [x]\n"))
    assert [(d.line, d.col, d.message) for d in found] == [
        (7, 9, "unknown key 'heading' in slide"),
        (7, 9, "missing required key 'title' in slide"),
    ]


def test_unknown_top_level_key_without_close_match_lists_allowed_keys(write_storyboard) -> None:
    found = one(write_storyboard, "zzz: 1\n" + slides("      - {title: A, bullets: [x]}\n"))
    assert (found.line, found.col, found.message) == (1, 1, "unknown key 'zzz' in the storyboard")
    assert found.hint.startswith("allowed keys: title, subtitle")


def test_wrong_type_points_at_the_value(write_storyboard) -> None:
    found = one(write_storyboard, slides("      - title: A\n        bullets: 5\n"))
    assert (found.line, found.col) == (8, 18)
    assert found.message == "'bullets' must be a list, not a number"


def test_missing_required_key_is_reported_at_the_mapping(write_storyboard) -> None:
    found = one(write_storyboard, slides("      - title: A\n        quote: {text: q}\n"))
    assert (found.line, found.col, found.message) == (8, 16, "missing required key 'who' in quote")


def test_missing_top_level_keys(write_storyboard) -> None:
    found = errors(write_storyboard, "subtitle: x\n")
    assert [(d.line, d.col, d.message) for d in found] == [
        (1, 1, "missing required key 'title' in the storyboard"),
        (1, 1, "missing required key 'sections' in the storyboard"),
    ]


def test_duplicate_key_is_reported_at_the_second_occurrence(write_storyboard) -> None:
    found = one(write_storyboard, slides("      - title: A\n        bullets: [x]\n        title: B\n"))
    assert (found.line, found.col, found.message) == (9, 9, "duplicate key 'title' in slide")
    assert "line 7" in found.hint


def test_slide_without_body(write_storyboard) -> None:
    found = one(write_storyboard, slides("      - title: A\n        notes: n\n"))
    assert (found.line, found.col, found.message) == (7, 9, "slide has no body")
    assert "bullets, chart, stats, quote, compare, image" in found.hint


def test_slide_with_two_bodies_is_reported_at_the_second(write_storyboard) -> None:
    found = one(
        write_storyboard, slides("      - title: A\n        bullets: [x]\n        quote: {text: q, who: w}\n")
    )
    assert (found.line, found.col) == (9, 9)
    assert found.message == "slide has more than one body: 'bullets' and 'quote'"


def test_series_length_must_match_categories(write_storyboard) -> None:
    text = slides(
        "      - title: A\n        chart:\n          type: bar\n          categories: [a, b]\n"
        "          series:\n            - {name: x, values: [1, 2, 3]}\n"
    )
    found = one(write_storyboard, text)
    assert (found.line, found.col) == (12, 33)
    assert found.message == "series 'x' has 3 values but there are 2 categories"


def test_non_number_value_points_at_the_value(write_storyboard) -> None:
    text = slides(
        "      - title: A\n        chart:\n          type: bar\n          categories: [a, b]\n"
        '          series:\n            - {name: x, values: [1, "two"]}\n'
    )
    found = one(write_storyboard, text)
    assert (found.line, found.col, found.message) == (12, 37, "'values' must be a number, not 'two'")


def test_stat_value_must_be_a_number(write_storyboard) -> None:
    found = one(
        write_storyboard, slides("      - title: A\n        stats:\n          - {value: 25 km, label: L}\n")
    )
    assert (found.line, found.col, found.message) == (9, 21, "'value' must be a number, not '25 km'")


@pytest.mark.parametrize("count", [0, 5])
def test_stats_count_must_be_one_to_four(write_storyboard, count: int) -> None:
    items = ", ".join(["{value: 1, label: L}"] * count)
    found = one(write_storyboard, slides(f"      - title: A\n        stats: [{items}]\n"))
    assert (found.line, found.col) == (8, 16)
    assert found.message == f"'stats' must have 1 to 4 items, not {count}"


def test_unknown_chart_type_with_suggestion(write_storyboard) -> None:
    found = one(
        write_storyboard,
        slides(
            "      - title: A\n        chart: {type: pi, categories: [a], series: [{name: s, values: [1]}]}\n"
        ),
    )
    assert (found.line, found.col, found.message) == (8, 23, "unknown chart type 'pi'")
    assert found.hint == "did you mean 'pie'?"


@pytest.mark.parametrize(
    ("value", "col", "shown"),
    [('"red"', 11, "'red'"), ('"#12345"', 11, "'#12345'"), ("#E8483B", 10, "nothing (null)")],
)
def test_bad_colours(write_storyboard, value: str, col: int, shown: str) -> None:
    # Unquoted, '#E8483B' starts a YAML comment, so the value is null: the hint says to quote it.
    found = one(
        write_storyboard, f"theme:\n  accent: {value}\n" + slides("      - {title: A, bullets: [x]}\n")
    )
    assert (found.line, found.col, found.code) == (2, col, "bad-colour")
    assert found.message == f"'accent': {shown} is not a colour"
    assert "#RRGGBB in quotes" in found.hint


def test_bad_duration(write_storyboard) -> None:
    found = one(
        write_storyboard, slides("      - title: A\n        duration: two minutes\n        bullets: [x]\n")
    )
    assert (found.line, found.col, found.message) == (8, 19, "'duration': 'two minutes' is not a duration")
    assert "1m30s" in found.hint


def test_unknown_source_ref_with_suggestion(write_storyboard) -> None:
    found = one(
        write_storyboard, slides("      - title: A\n        sources: [{ref: reprot}]\n        bullets: [x]\n")
    )
    assert (found.line, found.col, found.message) == (8, 25, "unknown source 'reprot'")
    assert found.hint == "did you mean 'report'?"


def test_missing_csv_is_reported_at_the_csv_value(write_storyboard) -> None:
    found = one(
        write_storyboard, slides("      - title: A\n        chart: {type: bar, csv: data/none.csv}\n")
    )
    assert (found.line, found.col, found.message) == (8, 33, "csv file not found: data/none.csv")


def test_malformed_csv_is_reported_at_the_csv_row_and_column(write_storyboard, tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text("city,2023,2024\nShanghai,25,x\nBerlin,12\nRome,1,2,3\n")
    path = write_storyboard(slides("      - title: A\n        chart: {type: bar, csv: d.csv}\n"))
    _, found = check(path)
    csv_path = tmp_path / "d.csv"
    assert [(d.path, d.line, d.col, d.message) for d in found if d.severity == "error"] == [
        (csv_path, 2, 13, "'x' is not a number"),
        (csv_path, 3, 10, "row has 2 cells but the header has 3"),
        (csv_path, 4, 10, "row has 4 cells but the header has 3"),
    ]
    assert found[0].format().startswith(f"{csv_path}:2:13: error: ")


def test_csv_and_inline_data_together_is_an_error(write_storyboard, tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text("c,s\na,1\n")
    found = one(
        write_storyboard,
        slides("      - title: A\n        chart: {type: bar, csv: d.csv, categories: [a]}\n"),
    )
    assert (found.line, found.col) == (8, 40)
    assert found.message == "'categories' cannot be used together with 'csv'"


def test_missing_image(write_storyboard) -> None:
    found = one(write_storyboard, slides("      - title: A\n        image: {path: pics/a.png, alt: A}\n"))
    assert (found.line, found.col, found.message) == (8, 23, "image file not found: pics/a.png")


@pytest.mark.parametrize("value", ["../x.png", "/etc/passwd", "images/../../x.png", "C:/x.png"])
def test_paths_that_leave_the_folder_are_refused(write_storyboard, tmp_path: Path, value: str) -> None:
    (tmp_path.parent / "x.png").write_bytes(b"png")
    found = one(write_storyboard, slides(f"      - title: A\n        image: {{path: {value}, alt: A}}\n"))
    assert (found.line, found.col, found.code) == (8, 23, "path-outside")


def test_python_tags_are_refused(write_storyboard) -> None:
    found = one(
        write_storyboard,
        slides("      - title: !!python/object/apply:os.system [echo hi]\n        bullets: [x]\n"),
    )
    assert (found.line, found.col) == (7, 16)
    assert found.message == "tag '!!python/object/apply:os.system' is not allowed"


def test_unknown_local_tags_are_refused(write_storyboard) -> None:
    found = one(write_storyboard, slides("      - title: !shout A\n        bullets: [x]\n"))
    assert (found.line, found.col, found.message) == (7, 16, "tag '!shout' is not allowed")


def test_duplicate_explicit_ids(write_storyboard) -> None:
    text = slides("      - {title: A, id: x, bullets: [a]}\n      - {title: B, id: x, bullets: [b]}\n")
    found = one(write_storyboard, text)
    assert (found.line, found.col, found.message) == (8, 24, "duplicate slide id 'x'")


def test_all_problems_in_one_pass_sorted_by_position(write_storyboard) -> None:
    text = slides(
        "      - title: A\n        bullets: 5\n"  # 7-8
        "      - titel: B\n        bullets: [x]\n"  # 9-10
        "      - title: C\n        duration: soon\n        stats: []\n"  # 11-13
    )
    found = errors(write_storyboard, text)
    assert [(d.line, d.col) for d in found] == [(8, 18), (9, 9), (12, 19), (13, 16)]


def test_load_storyboard_raises_with_every_error(write_storyboard) -> None:
    path = write_storyboard(slides("      - title: A\n        bullets: 5\n      - title: B\n"))
    with pytest.raises(StoryboardInvalid) as raised:
        load_storyboard(path)
    assert [(d.line, d.col) for d in raised.value.errors] == [(8, 18), (9, 9)]
    assert str(raised.value).startswith(f"{path.absolute()}:8:18: error: ")


def test_unquoted_colour_in_a_flow_mapping_points_at_the_colour(write_storyboard) -> None:
    text = "theme: {base: dark, accent: #E8483B}\n" + slides("      - {title: A, bullets: [x]}\n")
    found = one(write_storyboard, text)
    assert (found.line, found.col) == (1, 29)
    assert found.message == "YAML syntax: the unquoted colour #E8483B starts a comment, which breaks the line"
    assert found.hint == 'quote colours, e.g. "#E8483B"'
