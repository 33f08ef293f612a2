"""The figures a slide shows, read from the YAML nodes so every finding points at the exact value.

A figure is a stat's value, a chart's value (inline, or a cell of its CSV
file), or a number written in the slide's title, bullets, compare columns or
a caption. Each keeps the words that say what it is (its ``label``: the
stat's label, the chart's category and series, the words around it in a
text), which bind it to the cited phrase it comes from.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing.storyboard.csv_data import read_chart_csv
from briefing.storyboard.numbers import NumberProblem, auto_decimals, format_number, parse_yaml_number
from briefing.storyboard.provenance.measures import Measure, measures_in, shown_measure, spelled_multiples
from briefing.storyboard.provenance.words import about, role_marks, stems, year_marks
from briefing.storyboard.provenance.words import context as words_around


@dataclass(frozen=True)
class Where:
    path: Path | None
    line: int
    col: int


@dataclass(frozen=True)
class Figure:
    """A number a slide shows, what it measures, where it is written and what it is about."""

    measure: Measure
    shown: str  # as the audience reads it, e.g. "$25M" or "35%"
    at: Where
    label: str = ""
    about: frozenset[str] = frozenset()  # the label's words (see ``words.about``)
    unit_at: Where | None = None  # where its unit is written (a stat's or chart's ``unit:``)
    prefix_at: Where | None = None
    words: str = ""  # the whole text it is written in ("chart" for a chart, "" for a stat)
    offset: int = -1  # where it starts in ``words`` (a text's figure)
    origin: Where | None = None  # where ``words`` starts; its columns map to offsets when ``mapped``
    mapped: bool = False

    def place(self, offset: int) -> Where:
        """Where ``offset`` of the text this figure is written in is (the text's start if unknown)."""
        origin = self.origin or self.at
        return Where(origin.path, origin.line, origin.col + offset) if self.mapped else origin


@dataclass
class SlideContext:
    """What the figure walk needs besides the slide: the storyboard's path and its declared data files."""

    path: Path | None
    yaml_text: str
    source_files: set[str] = field(default_factory=set)  # absolute paths of sources with ``file:``


def where(path: Path | None, node: Node) -> Where:
    return Where(path, node.start_mark.line + 1, node.start_mark.column + 1)


def slide_figures(slide: dict[str, Node], context: SlideContext) -> Iterator[Figure]:
    yield from text_figures(slide.get("title"), context)
    for item in items(slide.get("stats")):
        yield from _stat_figure(pairs(item), context)
    yield from _chart_figures(pairs(slide.get("chart")), context)
    yield from _bullet_figures(slide.get("bullets"), context)
    compare = pairs(slide.get("compare"))
    for side in ("left", "right"):
        column = pairs(compare.get(side))
        heading = scalar(column.get("title"))
        marks = frozenset(stems(heading) | year_marks(heading) | role_marks(heading))
        yield from text_figures(column.get("title"), context)
        for figure in _bullet_figures(column.get("bullets"), context):
            yield replace(figure, about=figure.about | marks)  # a column's bullets are about its title
    yield from text_figures(pairs(slide.get("image")).get("caption"), context)
    yield from text_figures(pairs(slide.get("chart")).get("caption"), context)


@dataclass(frozen=True)
class Text:
    """A text of a slide (title, bullet, compare column, caption) and where its offsets are."""

    text: str
    origin: Where
    mapped: bool  # offsets map to columns of ``origin``'s line (a one-line scalar)

    def place(self, offset: int) -> Where:
        return (
            Where(self.origin.path, self.origin.line, self.origin.col + offset)
            if self.mapped
            else self.origin
        )


def slide_texts(slide: dict[str, Node], context: SlideContext) -> Iterator[Text]:
    """Every text of the slide that may state figures, with its place."""
    nodes = [slide.get("title"), *_bullet_nodes(slide.get("bullets"))]
    compare = pairs(slide.get("compare"))
    for side in ("left", "right"):
        column = pairs(compare.get(side))
        nodes += [column.get("title"), *_bullet_nodes(column.get("bullets"))]
    nodes += [pairs(slide.get("image")).get("caption"), pairs(slide.get("chart")).get("caption")]
    for node in nodes:
        if isinstance(node, ScalarNode) and scalar(node):
            yield Text(scalar(node), *_origin(node, context))


def _bullet_nodes(node: Node | None) -> Iterator[Node]:
    for item in items(node):
        if isinstance(item, MappingNode):
            fields = pairs(item)
            yield from [fields["text"]] if "text" in fields else []
            yield from _bullet_nodes(fields.get("bullets"))
        else:
            yield item


def _origin(node: ScalarNode, context: SlideContext) -> tuple[Where, bool]:
    mark = node.start_mark
    one_line = node.end_mark.line == mark.line and node.value == _raw(node, context.yaml_text)
    return Where(
        context.path, mark.line + 1, mark.column + 1 + (1 if one_line and node.style else 0)
    ), one_line


def _number(node: Node | None) -> float | None:
    if not isinstance(node, ScalarNode) or not isinstance(node.value, str) or node.style:
        return None
    try:
        return parse_yaml_number(node.value)
    except (NumberProblem, ValueError):
        return None


def _decimals(node: Node | None) -> int | None:
    value = _number(node)
    return int(value) if value is not None and value.is_integer() and 0 <= value <= 12 else None


def _stat_figure(fields: dict[str, Node], context: SlideContext) -> Iterator[Figure]:
    value_node = fields.get("value")
    value = _number(value_node)
    if value is None or value_node is None:
        return
    prefix, unit = scalar(fields.get("prefix")), scalar(fields.get("unit"))
    decimals = _decimals(fields.get("decimals"))
    places = auto_decimals((value,)) if decimals is None else decimals
    shown = format_number(value, prefix=prefix, unit=unit, decimals=decimals)
    yield Figure(
        shown_measure(value, prefix, unit, places, shown),
        shown,
        where(context.path, value_node),
        scalar(fields.get("label")),
        frozenset(stems(scalar(fields.get("label"))) | year_marks(scalar(fields.get("label")))),
        _at(context.path, fields.get("unit")),
        _at(context.path, fields.get("prefix")),
    )


def _at(path: Path | None, node: Node | None) -> Where | None:
    return where(path, node) if node is not None else None


def _chart_figures(chart: dict[str, Node], context: SlideContext) -> Iterator[Figure]:
    if not chart:
        return
    prefix, unit = scalar(chart.get("prefix")), scalar(chart.get("unit"))
    decimals = _decimals(chart.get("decimals"))
    columns = list(_chart_columns(chart, context))
    values = [value for _, cells in columns for value, _, _ in cells]
    places = auto_decimals(values) if decimals is None else decimals
    unit_at, prefix_at = _at(context.path, chart.get("unit")), _at(context.path, chart.get("prefix"))
    for name, cells in columns:
        for value, category, at in cells:
            shown = format_number(value, prefix=prefix, unit=unit, decimals=places)
            measure = shown_measure(value, prefix, unit, places, shown)
            label = f"{category} {name}" if len(columns) > 1 else category
            words = frozenset(stems(label) | year_marks(category) | role_marks(category))
            yield Figure(measure, shown, at, label, words, unit_at, prefix_at, words="chart")


Column = tuple[str, list[tuple[float, str, Where]]]


def _chart_columns(chart: dict[str, Node], context: SlideContext) -> Iterator[Column]:
    """Each series: its name and its (value, category, where) cells, inline or from the CSV."""
    csv_node = chart.get("csv")
    if csv_node is not None:
        yield from _csv_columns(chart, scalar(csv_node), context)
        return
    categories = [scalar(node) for node in items(chart.get("categories"))]
    for series in items(chart.get("series")):
        fields = pairs(series)
        cells = []
        for index, node in enumerate(items(fields.get("values"))):
            value = _number(node)
            if value is not None:
                category = categories[index] if index < len(categories) else ""
                cells.append((value, category, where(context.path, node)))
        yield scalar(fields.get("name")), cells


def _csv_columns(chart: dict[str, Node], name: str, context: SlideContext) -> Iterator[Column]:
    """A CSV chart's cells at ``file.csv:line:col``; none when the file is itself a declared source."""
    if not name or context.path is None:
        return
    csv_path = context.path.parent / name
    if os.path.abspath(csv_path) in context.source_files or not csv_path.is_file():
        return
    scatter = scalar(chart.get("type")) == "scatter"
    data = read_chart_csv(csv_path, scatter=scatter, decimal=scalar(chart.get("decimal")) or ".")
    if data.errors:
        return  # the loader reports the file's own problems
    for column, series in enumerate(data.series, start=1):
        cells = []
        for row, value in enumerate(series.values):
            line, col = data.cells.get((column, row), (1, 1))
            category = data.categories[row] if row < len(data.categories) else ""
            cells.append((value, category, Where(csv_path, line, col)))
        yield series.name, cells


def _bullet_figures(node: Node | None, context: SlideContext) -> Iterator[Figure]:
    for item in items(node):
        if isinstance(item, MappingNode):
            fields = pairs(item)
            yield from text_figures(fields.get("text"), context)
            yield from _bullet_figures(fields.get("bullets"), context)
        else:
            yield from text_figures(item, context)


def text_figures(node: Node | None, context: SlideContext) -> Iterator[Figure]:
    text = scalar(node)
    if not text or not isinstance(node, ScalarNode):
        return
    origin, one_line = _origin(node, context)
    for start, measure, label, words in _text_numbers(text):
        at = Where(context.path, origin.line, origin.col + start) if one_line else origin
        yield Figure(
            measure, measure.text, at, label, words, words=text, offset=start, origin=origin, mapped=one_line
        )


@lru_cache(maxsize=8192)
def _text_numbers(text: str) -> tuple[tuple[int, Measure, str, frozenset[str]], ...]:
    """The figures of a text: offset, figure, the words around it and what it is about (read once).

    A number spelled out is a figure where it states a multiple ("four times as many", "three-fold"):
    "three forces" or "five things" count the slide's own points, not the report's.
    """
    found = measures_in(text)
    spans = [(n.start, n.end) for n, _ in found]
    found += [
        (n, m) for n, m in spelled_multiples(text) if not any(a < n.end and n.start < b for a, b in spans)
    ]
    return tuple(
        (n.start, m, words_around(text, n.start, n.end), about(text, n.start, n.end))
        for n, m in sorted(found, key=lambda read: read[0].start)
    )


def _raw(node: ScalarNode, yaml_text: str) -> str:
    """The scalar as written between its marks (to tell whether offsets map to columns)."""
    raw = yaml_text[node.start_mark.index : node.end_mark.index]
    return raw[1:-1] if node.style in ("'", '"') else raw


# --------------------------------------------------------------------------- YAML walking
def slides(root: Node | None) -> Iterator[dict[str, Node]]:
    for section in items(pairs(root).get("sections")):
        for slide in items(pairs(section).get("slides")):
            fields = pairs(slide)
            if fields:
                yield fields


def pairs(node: Node | None) -> dict[str, Node]:
    if not isinstance(node, MappingNode):
        return {}
    return {k.value: v for k, v in node.value if isinstance(k, ScalarNode) and isinstance(k.value, str)}


def items(node: Node | None) -> Sequence[Node]:
    return list(node.value) if isinstance(node, SequenceNode) else []


def scalar(node: Node | None) -> str:
    return node.value if isinstance(node, ScalarNode) and isinstance(node.value, str) else ""
