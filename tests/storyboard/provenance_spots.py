"""Where a storyboard shows its figures, found the way a person reads the YAML (for the mutants).

The mutation test must not find figures with the checker's own walker: this
module reads the YAML nodes and the text itself.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

NUMBER = re.compile(r"(?<![\w.,/])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w/]|[.,]\d)")


@dataclass
class Deck:
    """A storyboard and the files it shows, as text, and its slides' YAML nodes."""

    path: Path
    text: str
    csv: dict[Path, str]
    slides: list[dict[str, Node]]

    @classmethod
    def read(cls, path: Path) -> Deck:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        slides = [
            pairs(s) for sec in items(pairs(root).get("sections")) for s in items(pairs(sec).get("slides"))
        ]
        csv_files = {}
        for slide in slides:
            name = scalar(pairs(slide.get("chart")).get("csv"))
            if name:
                csv_files[path.parent / name] = (path.parent / name).read_text(encoding="utf-8")
        return cls(path, text, csv_files, slides)


def pairs(node: Node | None) -> dict[str, Node]:
    if not isinstance(node, MappingNode):
        return {}
    return {k.value: v for k, v in node.value if isinstance(k, ScalarNode)}


def items(node: Node | None) -> list[Node]:
    return list(node.value) if isinstance(node, SequenceNode) else []


def scalar(node: Node | None) -> str:
    return node.value if isinstance(node, ScalarNode) else ""


# --------------------------------------------------------------------------- places a figure is written
@dataclass(frozen=True)
class Spot:
    """A number written in a file: [start, end) of the file's text, its line, and how it is shown."""

    file: Path
    start: int
    end: int
    line: int
    slide: int
    kind: str  # "percent", "money", "count"
    derived: bool = False


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def cited_values(slide: dict[str, Node]) -> set[float]:
    found = set()
    for item in items(slide.get("sources")):
        fields = pairs(item)
        for text in (scalar(fields.get("phrase")), scalar(fields.get("note"))):
            found.update(float(m.group().replace(",", "")) for m in NUMBER.finditer(text))
    return found


def _derived(slide: dict[str, Node]) -> bool:
    return any(
        scalar(pairs(i).get("note")).lower().startswith("derived") for i in items(slide.get("sources"))
    )


def _text_spots(deck: Deck, node: Node | None, index: int) -> Iterator[Spot]:
    if not isinstance(node, ScalarNode) or node.start_mark.line != node.end_mark.line:
        return
    raw = deck.text[node.start_mark.index : node.end_mark.index]
    for match in NUMBER.finditer(raw):
        start = node.start_mark.index + match.start()
        after = raw[match.end() : match.end() + 2]
        before = raw[max(0, match.start() - 1) : match.start()]
        kind = (
            "percent"
            if after.lstrip().startswith("%")
            else "money"
            if before in "$€£¥" and before
            else "count"
        )
        yield Spot(deck.path, start, start + len(match.group()), line_of(deck.text, start), index, kind)


def _value_kind(fields: dict[str, Node]) -> str:
    unit, prefix = scalar(fields.get("unit")), scalar(fields.get("prefix"))
    return "percent" if "%" in unit else "money" if any(c in prefix for c in "$€£¥") else "count"


def spots(deck: Deck) -> list[Spot]:
    """Every figure a slide shows, as written (stat values, chart values, CSV cells, numbers in texts)."""
    found: list[Spot] = []
    for index, slide in enumerate(deck.slides):
        derived = _derived(slide)
        texts = [slide.get("title")]
        for item in items(slide.get("stats")):
            fields = pairs(item)
            node = fields.get("value")
            if isinstance(node, ScalarNode):
                start = node.start_mark.index
                spot = Spot(deck.path, start, node.end_mark.index, line_of(deck.text, start), index,
                            _value_kind(fields), derived)  # fmt: skip
                found.append(spot)
        found.extend(_chart_spots(deck, slide, index, derived))
        for item in items(slide.get("bullets")):
            texts.extend(
                [pairs(item).get("text"), *items(pairs(item).get("bullets"))]
                if isinstance(item, MappingNode)
                else [item]
            )
        for side in ("left", "right"):
            column = pairs(pairs(slide.get("compare")).get(side))
            texts.extend([column.get("title"), *items(column.get("bullets"))])
        texts.append(pairs(slide.get("chart")).get("caption"))
        for node in texts:
            found.extend(_text_spots(deck, node, index))
    return found


def _chart_spots(deck: Deck, slide: dict[str, Node], index: int, derived: bool) -> Iterator[Spot]:
    chart = pairs(slide.get("chart"))
    kind = _value_kind(chart)
    name = scalar(chart.get("csv"))
    if name:
        path = deck.path.parent / name
        text = deck.csv[path]
        offset = 0
        for number, line in enumerate(text.splitlines(keepends=True), start=1):
            cells = list(csv.reader(io.StringIO(line)))
            if number > 1 and cells and len(cells[0]) > 1:
                start = offset + line.index(",") + 1
                end = offset + len(line.rstrip("\r\n").split(",")[1]) + start - offset
                yield Spot(path, start, end, number, index, kind, derived)
            offset += len(line)
        return
    for series in items(chart.get("series")):
        for node in items(pairs(series).get("values")):
            start = node.start_mark.index
            yield Spot(deck.path, start, node.end_mark.index, line_of(deck.text, start), index, kind, derived)
