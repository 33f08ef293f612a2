"""JSON Schema (draft 2020-12) of the storyboard format, for YAML editors.

Built from the same key lists the loader uses, so adding a key in one place
adds it in both; ``tests/storyboard/test_schema.py`` checks that schema and
loader accept and refuse the same documents. The schema cannot express
everything the loader checks (files exist, series length = categories,
source refs resolve); those stay loader-only.
"""

from __future__ import annotations

from typing import Any

from briefing.storyboard import bodies, front_matter, load
from briefing.storyboard.durations import MAX_SECONDS, UNIT_SECONDS
from briefing.storyboard.model import BODY_KINDS, CHART_TYPES
from briefing.storyboard.numbers import DECIMAL_MARKS, MAX_MAGNITUDE

SCHEMA_ID = "https://briefing.invalid/storyboard.schema.json"
COLOUR_PATTERN = "^#[0-9A-Fa-f]{6}$"
_UNITS = "|".join(sorted(UNIT_SECONDS, key=len, reverse=True))
DURATION_PATTERN = rf"^\s*(\d+(\.\d+)?|(\d+:[0-5]\d|\d+):[0-5]\d|(\d+(\.\d+)?\s*({_UNITS})\s*)+)\s*$"

Schema = dict[str, Any]


def _text(description: str) -> Schema:
    return {"type": "string", "description": description}


def _words(description: str) -> Schema:
    """Text that must show something (the loader also refuses one of invisible characters only)."""
    return {"type": "string", "description": description, "pattern": r"\S"}


def _obj(description: str, properties: dict[str, Schema], required: tuple[str, ...] = ()) -> Schema:
    schema: Schema = {
        "type": "object",
        "description": description,
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = list(required)
    return schema


def _list(description: str, items: Schema, min_items: int = 0, max_items: int | None = None) -> Schema:
    schema: Schema = {"type": "array", "description": description, "items": items}
    if min_items:
        schema["minItems"] = min_items
    if max_items is not None:
        schema["maxItems"] = max_items
    return schema


DURATION: Schema = {
    "description": "planned time: 20min, 90s, 1m30s, 1:30 or a bare number of minutes",
    "oneOf": [
        {"type": "string", "pattern": DURATION_PATTERN},
        {"type": "number", "minimum": 0, "maximum": MAX_SECONDS / 60},
    ],
}
NUMBER: Schema = {
    "type": "number",
    "minimum": -MAX_MAGNITUDE,
    "maximum": MAX_MAGNITUDE,
    "description": "a number within ±10^15",
}
COLOUR: Schema = {"type": "string", "pattern": COLOUR_PATTERN, "description": 'a colour "#RRGGBB" (quoted)'}
DECIMALS: Schema = {
    "type": "integer",
    "minimum": 0,
    "maximum": bodies.MAX_DECIMALS,
    "description": "fixed decimals",
}
NUMBER_FORMAT: dict[str, Schema] = {
    "unit": _text("written after the number, e.g. '%', 'bn', ' km²'"),
    "prefix": _text("written before the number, e.g. '$'"),
    "decimals": DECIMALS,
}
TEXT_LIST: Schema = {"type": "array", "items": {"type": "string"}}


def _bodies() -> dict[str, Schema]:
    bullet = {
        "oneOf": [
            {"type": "string"},
            _obj("a bullet with sub-bullets", {"text": _text("the bullet"), "bullets": TEXT_LIST}, ("text",)),
        ]
    }
    stat = _obj(
        "one big number",
        {"value": NUMBER, "label": _text("what the number is"), **NUMBER_FORMAT},
        ("value", "label"),
    )
    column = _obj("one column", {"title": _text("column heading"), "bullets": TEXT_LIST}, ("title",))
    return {
        "bullets": _list("bullet points; an item is text or {text, bullets}", bullet, 1),
        "stats": _list("one to four big numbers", stat, 1, bodies.MAX_STATS),
        "quote": _obj(
            "a quotation",
            {"text": _words("the words"), "who": _words("speaker"), "role": _text("speaker's role")},
            ("text", "who"),
        ),
        "compare": _obj("two columns", {"left": column, "right": column}, ("left", "right")),
        "image": _obj(
            "a picture beside the storyboard",
            {
                "path": _text("relative path inside the storyboard's folder"),
                "alt": _words("alternative text"),
                "caption": _text("one line under the image"),
            },
            ("path", "alt"),
        ),
        "chart": _chart(),
    }


def _chart() -> Schema:
    series = _obj(
        "one data series",
        {
            "name": _text("legend name"),
            "values": {"type": "array", "items": NUMBER},
            "color": COLOUR,
        },
        ("name", "values"),
    )
    properties: dict[str, Schema] = {
        "type": {"enum": list(CHART_TYPES), "description": "chart type"},
        "categories": {
            "type": "array",
            "items": {"type": ["string", "number"]},
            "minItems": 1,
            "description": "category names",
        },
        "series": _list("data series, one value per category", series, 1),
        "csv": _text("a CSV file beside the storyboard: header row, then one row per category"),
        "decimal": {
            "enum": list(DECIMAL_MARKS),
            "description": 'decimal mark in the CSV: "." (default) or "," (then "." groups thousands)',
        },
        **NUMBER_FORMAT,
        "x_title": _text("x axis title"),
        "y_title": _text("y axis title"),
        "labels": {"type": "boolean", "description": "value labels (default true)"},
        "legend": {"type": "boolean", "description": "show the legend"},
        "caption": _text("one line under the chart"),
    }
    chart = _obj("a chart", properties, ("type",))
    chart["oneOf"] = [
        {"required": ["csv"], "not": {"anyOf": [{"required": ["categories"]}, {"required": ["series"]}]}},
        {"required": ["categories", "series"], "not": {"required": ["csv"]}},
    ]
    return chart


def _slide() -> Schema:
    body_schemas = _bodies()
    common: dict[str, Schema] = {
        "title": _text("slide title"),
        "id": _text("stable identity (default: from the title)"),
        "duration": DURATION,
        "notes": _text("speaker notes"),
        "sources": _list(
            "which sources back the figures",
            _obj(
                "a citation",
                {
                    "ref": _text("a top-level source id"),
                    "phrase": _text("the words in the source"),
                    "note": _text("how a derived figure was derived"),
                },
                ("ref",),
            ),
        ),
        "build": {"type": "boolean", "description": "reveal one top-level bullet per step"},
    }
    slide = _obj("one slide: a title and exactly one body", {**common, **body_schemas}, ("title",))
    slide["oneOf"] = [{"required": [kind]} for kind in BODY_KINDS]
    return slide


def _theme() -> Schema:
    theme = _obj(
        "colours and fonts",
        {
            "base": {"enum": list(front_matter.THEME_BASES), "description": "dark or light background"},
            "accent": COLOUR,
            "palette": {"type": "array", "items": COLOUR, "description": "chart colours, in order"},
            "fonts": _obj(
                "font names written into the deck",
                {"heading": _text("font for titles"), "body": _text("font for body text")},
            ),
        },
    )
    return {
        "description": "dark | light, or a theme mapping",
        "oneOf": [{"enum": list(front_matter.THEME_BASES)}, theme],
    }


def _section() -> Schema:
    return _obj(
        "a section: a divider slide, then its slides",
        {
            "title": _text("section title"),
            "id": _text("stable identity"),
            "duration": DURATION,
            "notes": _text("notes for the divider slide"),
            "slides": _list("the slides", {"$ref": "#/$defs/slide"}, 1),
        },
        ("title", "slides"),
    )


SOURCE_KEYS = front_matter.SOURCE_KEYS


def storyboard_schema() -> Schema:
    """The whole format as a JSON Schema document."""
    source = _obj(
        "a document the briefing draws on",
        {key: (_words if key == "title" else _text)(f"the source's {key}") for key in SOURCE_KEYS},
        ("title",),
    )
    top = _obj(
        "a briefing storyboard",
        {
            "title": _text("title of the briefing"),
            "subtitle": _text("shown under the title"),
            "author": _text("shown on the title slide"),
            "date": _text("shown on the title slide; an ISO date (2026-11-29) in the language's form"),
            "language": {
                "type": "string",
                "pattern": load.LANGUAGE.pattern,
                "description": "BCP 47 tag: en, de, zh-CN, zh-TW, ja, ko, ar, he ... (sets fonts, direction, "
                "line breaking and the generated text)",
            },
            "duration": DURATION,
            "notes": _text("notes for the title slide"),
            "theme": _theme(),
            "sources": {"type": "object", "description": "id -> source", "additionalProperties": source},
            "sources_slide": {
                "type": "boolean",
                "description": "end the exported deck with a slide listing every cited source (default true)",
            },
            "sections": _list("the sections", _section(), 1),
        },
        ("title", "sections"),
    )
    top["patternProperties"] = {
        f"^{front_matter.EXTENSION_PREFIX}": {"description": "ignored by briefing: a place for YAML anchors"}
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "briefing storyboard",
        **top,
        "$defs": {"slide": _slide()},
    }
