"""Text every output can hold: YAML escapes made safe in the loader, line breaks kept as ``\\n``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.errors import Diagnostic
from briefing.storyboard import check, load_storyboard
from briefing.storyboard.model import Bullets, Chart, Storyboard
from briefing.storyboard.text import clean_text

HEAD = "title: T\nsources:\n  report: {title: R}\nsections:\n  - title: S\n    slides:\n"
# The slide below starts on line 7.


def load(write: Callable[..., Path], slide: str) -> tuple[Storyboard | None, list[Diagnostic]]:
    return check(write(HEAD + slide))


def warnings(diagnostics: list[Diagnostic]) -> list[tuple[int, int, str]]:
    return [(d.line, d.col, d.message) for d in diagnostics if d.code == "control-character"]


@pytest.mark.parametrize(
    ("escape", "shown", "removed"),
    [
        ("\\0", "ab", "U+0000"),
        ("\\a", "ab", "U+0007"),
        ("\\b", "ab", "U+0008"),
        ("\\e", "ab", "U+001B"),
        ("\\x7f", "ab", "U+007F"),
        ("\\x9b", "ab", "U+009B"),
        ("\\ufffe", "ab", "U+FFFE"),
        ("\\uffff", "ab", "U+FFFF"),
        ("\\U0001FFFF", "ab", "U+1FFFF"),
    ],
)
def test_unshowable_characters_are_removed_with_a_located_warning(
    write_storyboard, escape: str, shown: str, removed: str
) -> None:
    storyboard, diagnostics = load(write_storyboard, f'      - {{title: "a{escape}b", bullets: [x]}}\n')
    assert storyboard is not None and storyboard.sections[0].slides[0].title == shown
    assert warnings(diagnostics) == [(7, 17, f"'title': invisible character {removed} removed")]
    assert all(d.severity == "warning" for d in diagnostics)


@pytest.mark.parametrize("escape", ["\\n", "\\r\\n", "\\r", "\\v", "\\f", "\\N", "\\L", "\\P"])
def test_every_line_break_escape_is_a_newline_in_the_model(write_storyboard, escape: str) -> None:
    storyboard, diagnostics = load(write_storyboard, f'      - {{title: A, bullets: ["one{escape}two"]}}\n')
    assert storyboard is not None and warnings(diagnostics) == []
    body = storyboard.sections[0].slides[0].body
    assert isinstance(body, Bullets) and body.items[0].text == "one\ntwo"


def test_a_tab_is_a_space_and_no_break_spaces_stay(write_storyboard) -> None:
    storyboard, diagnostics = load(write_storyboard, '      - {title: "a\\tb\\_c", bullets: [x]}\n')
    assert storyboard is not None and warnings(diagnostics) == []
    assert storyboard.sections[0].slides[0].title == "a b\u00a0c"


def test_units_stay_on_one_line(write_storyboard) -> None:
    chart = '{type: bar, categories: [a], series: [{name: s, values: [1]}], unit: " per\\nyear"}'
    storyboard, _ = load(write_storyboard, f"      - title: A\n        chart: {chart}\n")
    assert storyboard is not None
    body = storyboard.sections[0].slides[0].body
    assert isinstance(body, Chart) and body.unit == " per year"


def test_several_removed_characters_are_named_once_each(write_storyboard) -> None:
    _, diagnostics = load(write_storyboard, '      - {title: A, notes: "x\\0y\\0z\\a", bullets: [x]}\n')
    assert warnings(diagnostics) == [(7, 27, "'notes': invisible characters U+0000, U+0007 removed")]


def test_a_csv_name_with_a_control_character_is_cleaned_with_a_warning(write_storyboard, tmp_path) -> None:
    (tmp_path / "d.csv").write_text("city,share\x07\nShang\x00hai,4\n", encoding="utf-8")
    storyboard, diagnostics = load(
        write_storyboard, "      - title: A\n        chart: {type: bar, csv: d.csv}\n"
    )
    assert storyboard is not None
    body = storyboard.sections[0].slides[0].body
    assert isinstance(body, Chart) and body.categories == ("Shanghai",) and body.series[0].name == "share"
    found = [
        (Path(str(d.path)).name, d.line, d.col, d.message)
        for d in diagnostics
        if d.code == "control-character"
    ]
    assert found == [
        ("d.csv", 1, 6, "invisible character U+0007 removed"),
        ("d.csv", 2, 1, "invisible character U+0000 removed"),
    ]


def test_a_nul_in_an_image_path_is_still_a_path_error(write_storyboard) -> None:
    _, diagnostics = load(write_storyboard, '      - {title: A, image: {path: "a\\0.png", alt: x}}\n')
    assert [d.code for d in diagnostics if d.severity == "error"] != []
    assert warnings(diagnostics) == []


def test_load_storyboard_accepts_cleaned_text(write_storyboard) -> None:
    storyboard = load_storyboard(write_storyboard(HEAD + '      - {title: "a\\0b", bullets: ["\\u2028x"]}\n'))
    body = storyboard.sections[0].slides[0].body
    assert isinstance(body, Bullets) and body.items[0].text == "x"  # the leading break is stripped


def test_a_lone_surrogate_escape_is_a_located_error_or_removed(write_storyboard) -> None:
    storyboard, diagnostics = load(write_storyboard, '      - {title: "a\\ud800b", bullets: [x]}\n')
    if storyboard is None:  # libyaml refuses the escape itself
        assert [(d.line, d.col) for d in diagnostics if d.severity == "error"] == [(7, 21)]
    else:  # PyYAML's own parser lets it through: the loader removes it
        assert storyboard.sections[0].slides[0].title == "ab"
    assert clean_text("a\ud800b\udfffc") == clean_text("abc").__class__("abc", ("\ud800", "\udfff"))


def test_clean_text_leaves_ordinary_text_alone() -> None:
    text = "Shanghai 上海 — 25 km² “quoted” 🚀"
    assert clean_text(text).text == text and clean_text(text).removed == ()
