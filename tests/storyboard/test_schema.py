"""The JSON Schema is valid draft 2020-12 and agrees with the loader on valid and invalid files."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from briefing.resources import default_storyboard
from briefing.storyboard import check
from briefing.storyboard.schema import storyboard_schema
from briefing.storyboard.yaml_nodes import parse_file, plain_data

VALIDATOR = jsonschema.Draft202012Validator(storyboard_schema())

SLIDE = "      - {title: A, notes: n, bullets: [x]}\n"
S = "      - "  # a slide item
HEAD = "title: T\nsources: {r: {title: R}}\nsections:\n  - title: S\n    slides:\n"

VALID = [
    HEAD + SLIDE,
    "title: T\ntheme: light\nduration: 1:30\ndate: 2026-11-29\n" + HEAD[9:] + SLIDE,
    HEAD + S + "title: A\n        build: true\n        bullets: [x, {text: y, bullets: [z]}]\n",
    HEAD + S + "{title: A, stats: [{value: 1.5, label: L, prefix: $, unit: bn, decimals: 1}]}\n",
    HEAD + S + "{title: A, quote: {text: q, who: w, role: r}, sources: [{ref: r, phrase: p}]}\n",
    HEAD.replace("{title: R}", "{title: R, file: report.txt}") + SLIDE,
    HEAD + S + "{title: A, compare: {left: {title: a, bullets: [x]}, right: {title: b}}}\n",
    HEAD
    + S
    + "title: A\n        chart: {type: scatter, categories: [1, 2], series: [{name: s, values: [1, 2]}]}\n",
    HEAD + S + "{title: A, stats: [{value: 012, label: L}, {value: 1e3, label: M}, {value: -0, label: N}]}\n",
    HEAD + S + "{title: A, duration: 1:30, bullets: [x]}\n",
    "title: T\ntheme: {base: dark, accent: '#E8483B', palette: ['#000000'], fonts: {heading: Arial}}\n"
    + HEAD[9:]
    + SLIDE,
]

INVALID = {
    "unknown key": HEAD + S + "{titel: A, bullets: [x]}\n",
    "unknown top key": "zzz: 1\n" + HEAD + SLIDE,
    "wrong type": HEAD + S + "{title: A, bullets: 5}\n",
    "missing title": "sections: []\n",
    "no sections": "title: T\n",
    "empty sections": "title: T\nsections: []\n",
    "no body": HEAD + S + "{title: A}\n",
    "two bodies": HEAD + S + "{title: A, bullets: [x], quote: {text: q, who: w}}\n",
    "chart type": HEAD
    + S
    + "{title: A, chart: {type: pi, categories: [a], series: [{name: s, values: [1]}]}}\n",
    "not a number": HEAD + S + "{title: A, stats: [{value: '25', label: L}]}\n",
    "five stats": HEAD + S + "{title: A, stats: [" + ", ".join(["{value: 1, label: L}"] * 5) + "]}\n",
    "colour": "title: T\ntheme: {accent: red}\n" + HEAD[9:] + SLIDE,
    "duration": HEAD + S + "{title: A, duration: soon, bullets: [x]}\n",
    "theme base": "title: T\ntheme: grey\n" + HEAD[9:] + SLIDE,
    "number out of range": HEAD + S + "{title: A, stats: [{value: 1e400, label: L}]}\n",
    "400-digit number": HEAD + S + "{title: A, stats: [{value: " + "9" * 400 + ", label: L}]}\n",
    "sexagesimal number": HEAD + S + "{title: A, stats: [{value: 1:30, label: L}]}\n",
    "duration over a day": HEAD + S + "{title: A, duration: 1500, bullets: [x]}\n",
    "no categories": HEAD
    + S
    + "{title: A, chart: {type: bar, categories: [], series: [{name: s, values: []}]}}\n",
    "decimal mark": HEAD + S + "{title: A, chart: {type: bar, csv: d.csv, decimal: ';'}}\n",
    "quote who": HEAD + S + "{title: A, quote: {text: q}}\n",
    "image alt": HEAD + S + "{title: A, image: {path: x.png}}\n",
    "blank image alt": HEAD + S + "{title: A, image: {path: x.png, alt: '  '}}\n",
    "blank quote": HEAD + S + "{title: A, quote: {text: '', who: W}}\n",
    "series name": HEAD + S + "{title: A, chart: {type: bar, categories: [a], series: [{values: [1]}]}}\n",
    "no chart data": HEAD + S + "{title: A, chart: {type: bar}}\n",
    "decimals": HEAD + S + "{title: A, stats: [{value: 1, label: L, decimals: -1}]}\n",
    "empty slides": "title: T\nsections: [{title: S, slides: []}]\n",
    "language": "title: T\nlanguage: english!\n" + HEAD[9:] + SLIDE,
}


def schema_errors(path: Path) -> list[str]:
    parsed = parse_file(path)
    assert parsed.root is not None
    return [error.message for error in VALIDATOR.iter_errors(plain_data(parsed.root))]


def loader_errors(path: Path) -> list[str]:
    return [d.format() for d in check(path)[1] if d.severity == "error"]


def test_schema_is_valid_draft_2020_12() -> None:
    schema = storyboard_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    slide = schema["$defs"]["slide"]
    assert [option["required"] for option in slide["oneOf"]] == [
        ["bullets"],
        ["chart"],
        ["stats"],
        ["quote"],
        ["compare"],
        ["image"],
    ]
    assert slide["properties"]["chart"]["properties"]["type"]["enum"][0] == "bar"


def test_bundled_storyboard_validates_against_both() -> None:
    assert loader_errors(default_storyboard()) == []
    assert schema_errors(default_storyboard()) == []


@pytest.mark.parametrize("text", VALID)
def test_valid_examples_pass_both(write_storyboard, text: str) -> None:
    path = write_storyboard(text)
    assert loader_errors(path) == []
    assert schema_errors(path) == []


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_examples_fail_both(write_storyboard, name: str) -> None:
    path = write_storyboard(INVALID[name])
    assert loader_errors(path), f"loader accepted: {name}"
    assert schema_errors(path), f"schema accepted: {name}"


def test_schema_keys_are_the_loaders_keys() -> None:
    from briefing.storyboard import bodies, load

    schema = storyboard_schema()
    slide = schema["$defs"]["slide"]["properties"]
    assert set(schema["properties"]) == set(load.TOP_KEYS)
    assert set(slide) == set(load.SLIDE_KEYS)
    assert set(slide["chart"]["properties"]) == set(bodies.CHART_KEYS)
    assert set(slide["stats"]["items"]["properties"]) == set(bodies.STAT_KEYS)
    assert set(slide["image"]["properties"]) == set(bodies.IMAGE_KEYS)
    section = schema["properties"]["sections"]["items"]["properties"]
    assert set(section) == set(load.SECTION_KEYS)
