"""A review's field changes written into the storyboard's text, as the smallest edits that say them.

Each change replaces only the scalar that holds the old words or figure (in
its own quoting style); a list that grew, shrank or was reordered keeps the
lines of the items that stayed. A chart read from a CSV gets its CSV changed
(:mod:`briefing.review.csv_edit`), never inline data. The order of sections
and slides, removed and new slides are :mod:`briefing.review.restructure`.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing.review.changes import FieldChange, Review
from briefing.review.csv_edit import csv_with
from briefing.review.views import ChartView
from briefing.review.yaml_text import block_lines, block_span, block_text, number_text, quoted, scalar_text
from briefing.storyboard.model import Chart, Slide, Stat, Stats, Storyboard
from briefing.storyboard.text_edits import (
    Edit,
    TextNotEdited,
    apply_edits,
    compose,
    content_end,
    dash_column,
    item,
    item_spans,
    key_node,
    line_start,
    newline_of,
    value,
)

_SHOWN = re.compile(
    r"^(?P<sign>[-\u2212]?)(?P<prefix>[^\d\u2212-]*?)(?P<num>\d[\d,]*(?:\.\d+)?)(?P<unit>.*)$"
)


class Edits:
    """Edits collected against one text, plus files beside it and what could not be applied."""

    def __init__(self, text: str, storyboard: Storyboard) -> None:
        self.text = text
        self.root = compose(text)
        self.storyboard = storyboard
        self.edits: list[Edit] = []
        self.files: dict[Path, str] = {}
        self.notes: list[tuple[int, str]] = []
        self.newline = newline_of(text)

    def slide_node(self, slide: Slide) -> MappingNode:
        if slide.kind == "title":
            node = self.root
        else:
            section = item(value(self.root, "sections"), slide.section)
            node = section if slide.kind == "section" else item(value(section, "slides"), self._index(slide))
        if not isinstance(node, MappingNode):
            raise TextNotEdited(f"slide '{slide.title}' is not where the storyboard had it")
        return node

    def _index(self, slide: Slide) -> int:
        return self.storyboard.sections[slide.section].slides.index(slide)

    # ------------------------------------------------------------------ scalars
    def set_key(
        self, mapping: Node | None, key: str, new: str, *, raw: bool = False, after: str = ""
    ) -> None:
        """``key: new`` in ``mapping``: the value replaced where it stands, or the key added on the
        line after ``after``'s value (else after the title, else at the end, as keep-timings does)."""
        if not isinstance(mapping, MappingNode):
            raise TextNotEdited(f"no mapping to set '{key}' in")
        current = value(mapping, key)
        flow = bool(mapping.flow_style)
        if current is not None:
            shown = new if raw else scalar_text(new, current, flow=flow)
            self.edits.append(Edit(current.start_mark.index, current.end_mark.index, shown))
            return
        shown = new if raw else scalar_text(new, None, flow=flow)
        if flow:
            closing = mapping.end_mark.index - 1
            self.edits.append(Edit(closing, closing, f", {key}: {shown}"))
            return
        anchor = value(mapping, after) if after else None
        anchor = anchor or value(mapping, "title") or mapping.value[-1][1]
        at = content_end(self.text, anchor)
        indent = mapping.value[0][0].start_mark.column
        self.edits.append(Edit(at, at, f"{' ' * indent}{key}: {shown}{self.newline}"))

    def drop_key(self, mapping: MappingNode, key: str) -> None:
        """Remove ``key:`` and its value (whole lines) from a block mapping."""
        name = key_node(mapping, key)
        current = value(mapping, key)
        if name is None or current is None:
            return
        start = line_start(self.text, name.start_mark.index)
        self.edits.append(Edit(start, content_end(self.text, current), ""))

    def set_notes(self, mapping: MappingNode, paragraphs: tuple[str, ...]) -> None:
        current = value(mapping, "notes")
        key = key_node(mapping, "notes")
        if isinstance(current, ScalarNode) and current.style in ("|", ">"):
            header, indent, old = block_lines(self.text, current)
            start, end = block_span(self.text, current)
            body = block_text(paragraphs, indent=indent, header=header, old=old, newline=self.newline)
            self.edits.append(Edit(start, end, body if paragraphs else '""'))
            return
        if len(paragraphs) <= 1 or mapping.flow_style:
            self.set_key(mapping, "notes", "\n\n".join(paragraphs))
            return
        column = key.start_mark.column if key is not None else mapping.value[0][0].start_mark.column
        body = block_text(paragraphs, indent=column + 2, newline=self.newline)
        self.set_key(mapping, "notes", body, raw=True)

    # ------------------------------------------------------------------ lists
    def set_list(self, sequence: Node | None, new: list[str], render: Any, same: Any = None) -> None:
        """A list of scalars made ``new``: changed items replaced; when it grew or shrank, the lines
        of the items that stayed are kept."""
        if not isinstance(sequence, SequenceNode):
            raise TextNotEdited("expected a list")
        items: list[Node] = sequence.value
        same = same or (lambda node, text: isinstance(node, ScalarNode) and node.value == text)
        flow = bool(sequence.flow_style)
        if len(items) == len(new):
            for node, text in zip(items, new, strict=True):
                if not same(node, text):
                    self.edits.append(
                        Edit(node.start_mark.index, node.end_mark.index, render(text, node, flow))
                    )
            return
        if flow or not items:
            body = "[" + ", ".join(render(t, None, True) for t in new) + "]"
            self.edits.append(Edit(sequence.start_mark.index, sequence.end_mark.index, body))
            return
        self._rebuild(
            sequence,
            [render(t, None, False) for t in new],
            [n.value if isinstance(n, ScalarNode) else None for n in items],
            new,
        )

    def _rebuild(self, sequence: SequenceNode, rendered: list[str], old: list[Any], new: list[Any]) -> None:
        spans = item_spans(self.text, sequence)
        dash = dash_column(self.text, sequence.value[0])
        parts = []
        matcher = SequenceMatcher(None, old, new, autojunk=False)
        reuse = {
            j: i
            for block in matcher.get_matching_blocks()
            for i, j in zip(
                range(block.a, block.a + block.size), range(block.b, block.b + block.size), strict=True
            )
        }
        for j, shown in enumerate(rendered):
            if j in reuse:
                start, end = spans[reuse[j]]
                parts.append(self.text[start:end])
            else:
                lines = shown.split("\n")
                parts.append(
                    self.newline.join(
                        " " * dash + ("- " if n == 0 else "  ") + line for n, line in enumerate(lines)
                    )
                    + self.newline
                )
        self.edits.append(Edit(spans[0][0], spans[-1][1], "".join(parts)))


def _plain_render(text: str, like: Node | None, flow: bool) -> str:
    return scalar_text(text, like, flow=flow)


def _number_render(text: str, like: Node | None, flow: bool) -> str:
    return text


def _same_number(node: Node, text: str) -> bool:
    try:
        return isinstance(node, ScalarNode) and float(node.value) == float(text)
    except ValueError:
        return False


def apply_changes(
    text: str, storyboard: Storyboard, review: Review
) -> tuple[str, dict[Path, str], list[tuple[int, str]]]:
    """The storyboard text with every field change made, new CSV texts by path, and notes."""
    edits = Edits(text, storyboard)
    for change in review.changes:
        _apply(edits, change)
    return apply_edits(text, edits.edits), edits.files, edits.notes


def _apply(edits: Edits, change: FieldChange) -> None:
    slide, name, new = change.slide, change.field, change.new
    node = edits.slide_node(slide)
    if name == "title":
        edits.set_key(node, "title", str(new))
    elif name == "notes":
        assert isinstance(new, tuple)
        edits.set_notes(node, new)
    elif name == "subtitle":
        edits.set_key(node, "subtitle", str(new))
    elif name == "byline":
        _byline(edits, node, change)
    elif name == "bullets":
        _bullets(edits, value(node, "bullets"), new)  # type: ignore[arg-type]
    elif name == "stats":
        _stats(edits, change, value(node, "stats"), new)  # type: ignore[arg-type]
    elif name == "quote":
        edits.set_key(value(node, "quote"), "text", str(new))
    elif name == "attribution":
        _attribution(edits, value(node, "quote"), str(change.old), str(new))
    elif name == "columns":
        _columns(edits, value(node, "compare"), change.old, new)  # type: ignore[arg-type]
    elif name == "chart":
        _chart(edits, change, value(node, "chart"), new)  # type: ignore[arg-type]
    elif name in ("alt", "caption"):
        body = value(node, "chart") if value(node, "chart") is not None else value(node, "image")
        edits.set_key(body, name, str(new))


def _byline(edits: Edits, root: MappingNode, change: FieldChange) -> None:
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


def _bullets(edits: Edits, sequence: Node | None, new: tuple[tuple[int, str], ...]) -> None:
    if not isinstance(sequence, SequenceNode):
        raise TextNotEdited("the slide has no bullets list")
    items = grouped(new)
    old = [_bullet_of(n) for n in sequence.value]
    if [len(c) for _, c in old] == [len(c) for _, c in items]:
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
                edits.set_list(value(node, "bullets"), list(children), _plain_render)
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
    edits._rebuild(sequence, rendered_items, old, items)


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


def _stats(
    edits: Edits, change: FieldChange, sequence: Node | None, new: tuple[tuple[str, str], ...]
) -> None:
    body = change.slide.body
    assert isinstance(body, Stats)
    if (
        not isinstance(sequence, SequenceNode)
        or len(sequence.value) != len(new)
        or len(new) != len(body.items)
    ):
        edits.notes.append(
            (change.deck_number, "a stat was added or removed in the deck: edit the stats by hand")
        )
        return
    for node, stat, (shown, label) in zip(sequence.value, body.items, new, strict=True):
        if label != stat.label:
            edits.set_key(node, "label", label)
        if shown != stat.display():
            _stat_value(edits, change, node, stat, shown)


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


def _attribution(edits: Edits, quote: Node | None, old: str, new: str) -> None:
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


def _columns(edits: Edits, compare: Node | None, old: Any, new: Any) -> None:
    for side, before, after in zip(("left", "right"), old, new, strict=False):
        column = value(compare, side)
        if before[0] != after[0]:
            edits.set_key(column, "title", after[0])
        if before[1] != after[1]:
            if value(column, "bullets") is None:
                edits.set_key(column, "bullets", "[" + ", ".join(quoted(t) for t in after[1]) + "]", raw=True)
            else:
                edits.set_list(value(column, "bullets"), list(after[1]), _plain_render)


def _chart(edits: Edits, change: FieldChange, node: Node | None, new: ChartView) -> None:
    chart = change.slide.body
    assert isinstance(chart, Chart)
    old = change.old
    assert isinstance(old, ChartView)
    if len(new.series) != len(old.series):
        edits.notes.append(
            (change.deck_number, "a chart series was added or removed in the deck: not applied")
        )
        return
    if chart.csv is not None:
        edits.files[Path(chart.csv)] = csv_with(Path(chart.csv), chart, new)
        return
    if new.categories != old.categories:
        edits.set_list(value(node, "categories"), list(new.categories), _plain_render)
    for series_node, (name, values), (old_name, old_values) in zip(
        _series(node), new.series, old.series, strict=False
    ):
        if name != old_name:
            edits.set_key(series_node, "name", name)
        if values != old_values:
            edits.set_list(
                value(series_node, "values"), [number_text(v) for v in values], _number_render, _same_number
            )


def _series(node: Node | None) -> list[Node]:
    series = value(node, "series")
    return list(series.value) if isinstance(series, SequenceNode) else []
