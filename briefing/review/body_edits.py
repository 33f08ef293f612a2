"""Each slide body's edits: bullets and sub-bullets, stats, quotes, compare columns, charts, the byline."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing.review.changes import FieldChange
from briefing.review.csv_edit import csv_with
from briefing.review.views import ChartView
from briefing.review.yaml_edits import Edits, moved, number_render, plain_render, same_number
from briefing.review.yaml_text import number_text, quoted, scalar_text
from briefing.storyboard.model import Chart, Stat, Stats
from briefing.storyboard.text_edits import Edit, TextNotEdited, value

_SHOWN = re.compile(
    r"^(?P<sign>[-\u2212]?)(?P<prefix>[^\d\u2212-]*?)(?P<num>\d[\d,]*(?:\.\d+)?)(?P<unit>.*)$"
)


def byline(edits: Edits, root: MappingNode, change: FieldChange) -> None:
    """``author  ·  date`` back into ``author:`` and ``date:`` (one part: whichever the storyboard had)."""
    storyboard = edits.storyboard
    parts = [p.strip() for p in str(change.new).split("·")]
    if len(parts) >= 2:
        author, date = parts[0], " · ".join(parts[1:])
    elif storyboard.author or not storyboard.date:
        author, date = parts[0], ""
    else:
        author, date = "", parts[0]
    for key, old, new, after in (
        ("author", storyboard.author, author, "subtitle"),
        ("date", storyboard.date, date, "author"),
    ):
        if old != new:
            edits.set_key(root, key, new, after=after)


def grouped(bullets: tuple[tuple[int, str], ...]) -> list[tuple[str, tuple[str, ...]]]:
    items: list[tuple[str, tuple[str, ...]]] = []
    for level, text in bullets:
        if level and items:
            items[-1] = (items[-1][0], (*items[-1][1], text))
        else:
            items.append((text, ()))
    return items


def _bullet_of(node: Node) -> tuple[str, tuple[str, ...]]:
    if isinstance(node, ScalarNode):
        return node.value, ()
    text = value(node, "text")
    children = value(node, "bullets")
    kids = (
        tuple(c.value for c in children.value if isinstance(c, ScalarNode))
        if isinstance(children, SequenceNode)
        else ()
    )
    return (text.value if isinstance(text, ScalarNode) else ""), kids


def bullets(edits: Edits, sequence: Node | None, new: tuple[tuple[int, str], ...]) -> None:
    if not isinstance(sequence, SequenceNode):
        raise TextNotEdited("the slide has no bullets list")
    items = grouped(new)
    old = [_bullet_of(n) for n in sequence.value]
    if [len(c) for _, c in old] == [len(c) for _, c in items] and not moved(old, items):
        for node, (text, children), (old_text, old_children) in zip(sequence.value, items, old, strict=True):
            if text != old_text:
                target = node if isinstance(node, ScalarNode) else value(node, "text")
                flow = bool(sequence.flow_style) or (isinstance(node, MappingNode) and bool(node.flow_style))
                if target is not None:
                    edits.edits.append(
                        Edit(
                            target.start_mark.index,
                            target.end_mark.index,
                            scalar_text(text, target, flow=flow),
                        )
                    )
            if children != old_children:
                edits.set_list(value(node, "bullets"), list(children), plain_render)
        return
    if sequence.flow_style:
        rendered = ", ".join(
            scalar_text(t, None, flow=True)
            if not c
            else "{text: " + quoted(t) + ", bullets: [" + ", ".join(quoted(x) for x in c) + "]}"
            for t, c in items
        )
        edits.edits.append(Edit(sequence.start_mark.index, sequence.end_mark.index, f"[{rendered}]"))
        return
    flow = any(
        isinstance(kids := value(n, "bullets"), SequenceNode) and kids.flow_style for n in sequence.value
    )
    rendered_items = [bullet_yaml(t, c, flow=flow) for t, c in items]
    edits.rebuild(sequence, rendered_items, old, items)


def bullet_yaml(text: str, children: tuple[str, ...], *, flow: bool = False) -> str:
    """One bullet item's YAML (after its ``- ``); sub-bullets as ``[a, b]`` when the list wrote them so."""
    if not children:
        return scalar_text(text, None)
    if flow:
        kids = ", ".join(scalar_text(c, None, flow=True) for c in children)
        return f"text: {scalar_text(text, None)}\nbullets: [{kids}]"
    lines = [f"text: {scalar_text(text, None)}", "bullets:"] + [
        f"  - {scalar_text(c, None)}" for c in children
    ]
    return "\n".join(lines)


def parse_shown(shown: str) -> tuple[float, str, str, int] | None:
    """``"-$1,234.5bn"`` -> (-1234.5, "$", "bn", 1 decimal); None when it shows no number."""
    match = _SHOWN.match(shown.strip())
    if not match:
        return None
    digits = match.group("num").replace(",", "")
    number = float(digits) * (-1 if match.group("sign") else 1)
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return number, match.group("prefix"), match.group("unit"), decimals


def stats(edits: Edits, change: FieldChange, sequence: Node | None, new: tuple[tuple[str, str], ...]) -> None:
    body = change.slide.body
    assert isinstance(body, Stats)
    if not isinstance(sequence, SequenceNode) or len(sequence.value) != len(body.items):
        raise TextNotEdited(f"the stats of '{change.slide.title}' are not where the storyboard had them")
    if len(new) != len(body.items):
        _stats_added_or_removed(edits, change, sequence, body, new)
        return
    for node, stat, (shown, label) in zip(sequence.value, body.items, new, strict=True):
        if label != stat.label:
            edits.set_key(node, "label", label)
        if shown != stat.display():
            _stat_value(edits, change, node, stat, shown)


def _stats_added_or_removed(
    edits: Edits, change: FieldChange, sequence: SequenceNode, body: Stats, new: tuple[tuple[str, str], ...]
) -> None:
    """Cards deleted keep the others' lines; a card added is written as its own item."""
    old = [(stat.display(), stat.label) for stat in body.items]
    rendered = [_stat_yaml(shown, label) for shown, label in new]
    if None in rendered:
        edits.notes.append(
            (change.deck_number, "a stat added in the deck shows no number: stats not changed")
        )
        return
    if sequence.flow_style:
        text = "[" + ", ".join(r for r in rendered if r) + "]"
        edits.edits.append(Edit(sequence.start_mark.index, sequence.end_mark.index, text))
        return
    edits.rebuild(sequence, [r for r in rendered if r], old, list(new))


def _stat_yaml(shown: str, label: str) -> str | None:
    """``{value: 17500, unit: "+", label: "..."}`` for a card a stakeholder added (None: no number)."""
    parsed = parse_shown(shown)
    if parsed is None:
        return None
    number, prefix, unit, decimals = parsed
    parts = [f"value: {number_text(number)}"]
    parts += [f"prefix: {quoted(prefix)}"] if prefix else []
    parts += [f"unit: {quoted(unit)}"] if unit else []
    if Stat(number, label, unit, prefix).display() != shown.strip():
        parts.append(f"decimals: {decimals}")
    return "{" + ", ".join([*parts, f"label: {quoted(label)}"]) + "}"


def _stat_value(edits: Edits, change: FieldChange, node: Node, stat: Stat, shown: str) -> None:
    parsed = parse_shown(shown)
    if parsed is None:
        edits.notes.append(
            (change.deck_number, f"'{shown}' is not a number: the stat keeps {stat.display()}")
        )
        return
    number, prefix, unit, decimals = parsed
    if number != stat.value:
        edits.set_key(node, "value", number_text(number), raw=True)
    if prefix != stat.prefix:
        edits.set_key(node, "prefix", prefix)
    if unit != stat.unit:
        edits.set_key(node, "unit", unit)
    if Stat(number, stat.label, unit, prefix, stat.decimals).display() != shown.strip():
        edits.set_key(node, "decimals", str(decimals), raw=True)


def attribution(edits: Edits, quote: Node | None, old: str, new: str) -> None:
    text = new.lstrip("—–- ").strip()
    who_node, role_node = value(quote, "who"), value(quote, "role")
    who = who_node.value if isinstance(who_node, ScalarNode) else ""
    if text.startswith(who + ", ") or text == who:
        new_who, new_role = who, text[len(who) + 2 :]
    else:
        new_who, _, new_role = text.partition(", ")
    if new_who != who:
        edits.set_key(quote, "who", new_who)
    old_role = role_node.value if isinstance(role_node, ScalarNode) else ""
    if new_role == old_role:
        return
    if not new_role and isinstance(quote, MappingNode) and not quote.flow_style:
        edits.drop_key(quote, "role")
    else:
        edits.set_key(quote, "role", new_role, after="who")


def columns(edits: Edits, compare: Node | None, old: Any, new: Any) -> None:
    for side, before, after in zip(("left", "right"), old, new, strict=False):
        column = value(compare, side)
        if before[0] != after[0]:
            edits.set_key(column, "title", after[0])
        if before[1] != after[1]:
            if value(column, "bullets") is None:
                edits.set_key(column, "bullets", "[" + ", ".join(quoted(t) for t in after[1]) + "]", raw=True)
            else:
                edits.set_list(value(column, "bullets"), list(after[1]), plain_render)


def chart(edits: Edits, change: FieldChange, node: Node | None, new: ChartView) -> None:
    chart = change.slide.body
    assert isinstance(chart, Chart)
    old = change.old
    assert isinstance(old, ChartView)
    if chart.csv is not None:
        edits.files[Path(chart.csv)] = csv_with(Path(chart.csv), chart, new)
        return
    if new.categories != old.categories:
        edits.set_list(value(node, "categories"), list(new.categories), plain_render)
    if len(new.series) != len(old.series):
        _series_added_or_removed(edits, change, chart, node, new)
        return
    for series_node, (name, values), (old_name, old_values) in zip(
        _series(node), new.series, old.series, strict=False
    ):
        if name != old_name:
            edits.set_key(series_node, "name", name)
        if values != old_values:
            edits.set_list(
                value(series_node, "values"), [number_text(v) for v in values], number_render, same_number
            )


def _series_added_or_removed(
    edits: Edits, change: FieldChange, chart: Chart, node: Node | None, new: ChartView
) -> None:
    """Series kept as they were keep their lines; added or changed ones are written (colour kept)."""
    sequence = value(node, "series")
    if chart.type in ("pie", "donut") or not isinstance(sequence, SequenceNode) or sequence.flow_style:
        message = "a chart series was added or removed in the deck: not applied (edit the series by hand)"
        edits.notes.append((change.deck_number, message))
        return
    colors = {s.name: s.color for s in chart.series}
    old = [(s.name, tuple(float(v) for v in s.values)) for s in chart.series]
    rendered = [_series_yaml(name, values, colors.get(name)) for name, values in new.series]
    edits.rebuild(sequence, rendered, old, list(new.series))


def _series_yaml(name: str, values: tuple[float, ...], color: str | None) -> str:
    lines = [
        f"name: {scalar_text(name, None)}",
        "values: [" + ", ".join(number_text(v) for v in values) + "]",
    ]
    return "\n".join([*lines, f'color: "{color}"'] if color else lines)


def _series(node: Node | None) -> list[Node]:
    series = value(node, "series")
    return list(series.value) if isinstance(series, SequenceNode) else []
