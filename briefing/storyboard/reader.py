"""Typed, located reads from YAML nodes: each bad value becomes a Diagnostic, never an exception.

:class:`Reader` carries the state of one load (the file, the diagnostics so
far, the text spans the lints look at); :class:`Fields` is one checked
mapping, with getters that validate a value and record a problem at the
exact node when it is wrong. Every getter returns ``None`` (or the default)
after reporting, so a load keeps walking and finds every problem in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing.errors import Diagnostic
from briefing.storyboard.durations import parse_duration
from briefing.storyboard.numbers import NumberProblem, parse_yaml_number, shorten
from briefing.storyboard.paths import PathProblem, file_problem, problem_hint, resolve_inside
from briefing.storyboard.suggest import did_you_mean
from briefing.storyboard.text import CONTROL_HINT, clean_text, is_blank
from briefing.storyboard.yaml_nodes import number_text

KeyPath = tuple[str | int, ...]
T = TypeVar("T")
S = TypeVar("S", bound=str)

_STD = "tag:yaml.org,2002:"
TEXT_TAGS = frozenset(_STD + t for t in ("str", "int", "float", "timestamp", "bool"))
NUMBER_TAGS = frozenset((_STD + "int", _STD + "float"))
COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
COLOUR_HINT = 'write #RRGGBB in quotes, e.g. "#E8483B" (unquoted, # starts a YAML comment)'
DURATION_HINT = "write a duration like 2min, 90s, 1m30s or 1:30 (a bare number means minutes)"


@dataclass(frozen=True)
class TextSpan:
    """A piece of display text and where its value sits in the source (for lints)."""

    key_path: KeyPath
    text: str
    start: int  # character index of the value in the source
    end: int


@dataclass
class Reader:
    path: Path | None
    base_dir: Path
    source: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    spans: list[TextSpan] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    section_ids: dict[str, Node] = field(default_factory=dict)
    slide_ids: dict[str, Node] = field(default_factory=dict)
    slide_cols: dict[int, int] = field(default_factory=dict)  # slide line -> column of its mapping
    language: str = "en"
    bad_nodes: set[int] = field(default_factory=set)  # reported while parsing (foreign tags)
    _constructor: yaml.SafeLoader = field(default_factory=lambda: yaml.SafeLoader(""))

    def error(self, node: Node, message: str, *, hint: str = "", kp: KeyPath = (), code: str = "") -> None:
        if id(node) in self.bad_nodes:
            return
        mark = node.start_mark
        self.diagnostics.append(
            Diagnostic(self.path, mark.line + 1, mark.column + 1, message, hint, kp, "error", code)
        )

    def warn(self, node: Node, message: str, *, hint: str = "", kp: KeyPath = (), code: str = "") -> None:
        mark = node.start_mark
        self.diagnostics.append(
            Diagnostic(self.path, mark.line + 1, mark.column + 1, message, hint, kp, "warning", code)
        )

    def mapping(
        self, node: Node, what: str, kp: KeyPath, allowed: Sequence[str], required: Sequence[str] = ()
    ) -> Fields | None:
        """Check ``node`` is a mapping of known, unique string keys with the required ones present."""
        if not isinstance(node, MappingNode):
            self.error(
                node,
                f"{what} must be a mapping (key: value lines), not {describe(node)}",
                kp=kp,
                code="wrong-type",
            )
            return None
        fields = Fields(self, node, what, kp)
        merged: list[tuple[Node, Node]] = []
        for key_node, value_node in node.value:
            if key_node.tag == _STD + "merge":
                merged.extend(self._merged_pairs(value_node, kp))
            else:
                fields.add(key_node, value_node, allowed)
        for key_node, value_node in merged:  # `<<: *defaults`: explicit keys win, then earlier merges
            if not isinstance(key_node, ScalarNode) or key_node.value not in fields.items:
                fields.add(key_node, value_node, allowed)
        for name in required:
            if name not in fields.items and name not in fields.suggested:  # "titel: did you mean title?"
                self.error(node, f"missing required key '{name}' in {what}", kp=kp, code="missing-key")
        return fields

    def _merged_pairs(self, node: Node, kp: KeyPath) -> list[tuple[Node, Node]]:
        """The key/value pairs a YAML merge key (``<<``) brings in."""
        sources = node.value if isinstance(node, SequenceNode) else [node]
        pairs: list[tuple[Node, Node]] = []
        for source in sources:
            if not isinstance(source, MappingNode):
                self.error(source, f"'<<' merges mappings, not {describe(source)}", kp=kp, code="wrong-type")
                continue
            for key_node, value_node in source.value:
                if key_node.tag == _STD + "merge":
                    pairs.extend(self._merged_pairs(value_node, kp))
                else:
                    pairs.append((key_node, value_node))
        return pairs

    def sequence(self, node: Node, what: str, kp: KeyPath) -> list[Node] | None:
        if not isinstance(node, SequenceNode):
            self.error(node, f"'{what}' must be a list, not {describe(node)}", kp=kp, code="wrong-type")
            return None
        return list(node.value)

    def text(
        self,
        node: Node,
        what: str,
        kp: KeyPath,
        *,
        display: bool = True,
        strip: bool = True,
        one_line: bool = False,
        clean: bool = True,
    ) -> str | None:
        """Text as every output can hold it (see ``text.clean_text``); ``clean=False`` for file paths."""
        if not isinstance(node, ScalarNode) or node.tag not in TEXT_TAGS:
            self.error(node, f"'{what}' must be text, not {describe(node)}", kp=kp, code="wrong-type")
            return None
        value: str = node.value
        if clean:
            cleaned = clean_text(value, one_line=one_line)
            if cleaned.removed:
                self.warn(
                    node, f"'{what}': {cleaned.warning}", hint=CONTROL_HINT, kp=kp, code="control-character"
                )
            value = cleaned.text
        value = value.strip() if strip else value
        if display and value:
            self.spans.append(TextSpan(kp, value, node.start_mark.index, node.end_mark.index))
        return value

    def number(self, node: Node, what: str, kp: KeyPath) -> float | None:
        """A finite number within ±10^15, read the YAML 1.2 way (see ``numbers``)."""
        text = number_text(node)
        if text is None:
            shown = f"'{node.value}'" if isinstance(node, ScalarNode) and node.value else describe(node)
            self.error(
                node,
                f"'{what}' must be a number, not {shorten(shown)}",
                kp=kp,
                code="not-a-number",
                hint="write the number without quotes or units, e.g. 16000 or 2.5",
            )
            return None
        try:
            return parse_yaml_number(text)
        except NumberProblem as problem:
            self.error(node, f"'{what}': {problem.message}", hint=problem.hint, kp=kp, code="bad-number")
            return None

    def integer(self, node: Node, what: str, kp: KeyPath, low: int, high: int) -> int | None:
        text = number_text(node)
        try:
            value = parse_yaml_number(text) if text is not None else None
        except NumberProblem:
            value = None
        if value is None or not value.is_integer() or not low <= value <= high:
            self.error(
                node, f"'{what}' must be a whole number from {low} to {high}", kp=kp, code="wrong-type"
            )
            return None
        return int(value)

    def boolean(self, node: Node, what: str, kp: KeyPath) -> bool | None:
        if not isinstance(node, ScalarNode) or node.tag != _STD + "bool":
            self.error(
                node, f"'{what}' must be true or false, not {describe(node)}", kp=kp, code="wrong-type"
            )
            return None
        return bool(self._constructor.construct_object(node))

    def duration(self, node: Node, what: str, kp: KeyPath) -> float | None:
        if isinstance(node, ScalarNode) and node.tag in TEXT_TAGS - {_STD + "bool"}:
            try:
                return parse_duration(node.value)
            except ValueError as problem:
                if str(problem).endswith("at most 24 hours"):
                    message = f"'{what}': {shorten(node.value)} is longer than 24 hours"
                    hint = "plan a talk in hours and minutes, e.g. 1h30min"
                    self.error(node, message, hint=hint, kp=kp, code="bad-duration")
                    return None
        shown = f"'{node.value}'" if isinstance(node, ScalarNode) and node.value else describe(node)
        self.error(
            node, f"'{what}': {shown} is not a duration", hint=DURATION_HINT, kp=kp, code="bad-duration"
        )
        return None

    def colour(self, node: Node, what: str, kp: KeyPath) -> str | None:
        if isinstance(node, ScalarNode) and node.tag == _STD + "str" and COLOUR.match(node.value):
            colour: str = node.value
            return colour.upper()
        shown = f"'{node.value}'" if isinstance(node, ScalarNode) and node.value else describe(node)
        self.error(node, f"'{what}': {shown} is not a colour", hint=COLOUR_HINT, kp=kp, code="bad-colour")
        return None

    def choice(self, node: Node, what: str, kp: KeyPath, options: Sequence[S], label: str = "") -> S | None:
        """One of ``options``, typed as they are (a chart type is a ``ChartType``)."""
        value = self.text(node, what, kp, display=False)
        if value is None:
            return None
        chosen = next((option for option in options if option == value), None)
        if chosen is None:
            hint = did_you_mean(value, options) or "choose one of: " + ", ".join(options)
            self.error(node, f"unknown {label or what} '{value}'", hint=hint, kp=kp, code="bad-choice")
        return chosen  # the option itself, typed as the options are

    def file(self, node: Node, what: str, kp: KeyPath, label: str = "") -> Path | None:
        """A path relative to the storyboard that stays inside its folder and can be read."""
        raw = self.text(node, what, kp, display=False, clean=False)
        if raw is None:
            return None
        try:
            target = resolve_inside(self.base_dir, raw, what)
        except PathProblem as problem:
            self.error(node, problem.message, hint=problem.hint, kp=kp, code=problem.code)
            return None
        problem_text = file_problem(target)
        if problem_text == "does not exist":
            message = f"{label or what} file not found: {raw}"
            self.error(node, message, kp=kp, code="missing-file", hint=f"looked for {target}")
            return None
        if problem_text is not None:
            message = f"{label or what} file '{raw}' {problem_text}"
            self.error(node, message, kp=kp, code="bad-file", hint=problem_hint(problem_text))
            return None
        if target not in self.files:
            self.files.append(target)
        return target


class Fields:
    """One checked mapping: key -> (key node, value node), in file order."""

    def __init__(self, reader: Reader, node: MappingNode, what: str, kp: KeyPath) -> None:
        self.reader = reader
        self.mapping_node = node
        self.what = what
        self.kp = kp
        self.items: dict[str, tuple[Node, Node]] = {}
        self.suggested: set[str] = set()  # keys offered as "did you mean" for a misspelt key

    def add(self, key_node: Node, value_node: Node, allowed: Sequence[str]) -> None:
        reader = self.reader
        if not isinstance(key_node, ScalarNode) or key_node.tag not in TEXT_TAGS:
            reader.error(
                key_node,
                f"keys in {self.what} must be names, not {describe(key_node)}",
                kp=self.kp,
                code="wrong-type",
            )
            return
        name = key_node.value
        if name in self.items:
            first = self.items[name][0].start_mark.line + 1
            reader.error(
                key_node,
                f"duplicate key '{name}' in {self.what}",
                kp=(*self.kp, name),
                hint=f"'{name}' is already set on line {first}; YAML would silently keep the last",
                code="duplicate-key",
            )
            return
        if name not in allowed:
            hint = did_you_mean(name, allowed) or "allowed keys: " + ", ".join(allowed)
            self.suggested.update(option for option in allowed if hint == f"did you mean '{option}'?")
            reader.error(
                key_node,
                f"unknown key '{name}' in {self.what}",
                hint=hint,
                kp=(*self.kp, name),
                code="unknown-key",
            )
            return
        self.items[name] = (key_node, value_node)

    def __contains__(self, name: str) -> bool:
        return name in self.items

    def node(self, name: str) -> Node | None:
        pair = self.items.get(name)
        if pair is None or _is_null(pair[1]):
            return None
        return pair[1]

    def key_node(self, name: str) -> Node:
        return self.items[name][0]

    # ------------------------------------------------------------------ typed reads
    # Optional keys give ``default`` (or None) when absent, null or wrong (wrong is
    # reported); ``required_*`` give None when missing (reported by ``mapping``) or wrong.
    def _optional(self, name: str, read: Callable[[Node, str, KeyPath], T | None]) -> T | None:
        value_node = self.node(name)
        return None if value_node is None else read(value_node, name, (*self.kp, name))

    def _required(self, name: str, read: Callable[[Node, str, KeyPath], T | None]) -> T | None:
        pair = self.items.get(name)
        if pair is None:
            return None
        if _is_null(pair[1]):
            self.reader.error(pair[1], f"'{name}' is empty", kp=(*self.kp, name), code="wrong-type")
            return None
        return read(pair[1], name, (*self.kp, name))

    def text(
        self,
        name: str,
        default: str = "",
        *,
        display: bool = True,
        strip: bool = True,
        one_line: bool = False,
    ) -> str:
        value = self._optional(
            name,
            lambda node, what, kp: self.reader.text(
                node, what, kp, display=display, strip=strip, one_line=one_line
            ),
        )
        return default if value is None else value

    def required_text(self, name: str, *, display: bool = True, hint_if_blank: str = "") -> str | None:
        """The text of a required key; with ``hint_if_blank``, text that shows nothing (``""``, spaces,
        a zero-width space) is an error as a key with no value is, since the slide would say nothing."""
        value = self._required(name, lambda node, what, kp: self.reader.text(node, what, kp, display=display))
        if hint_if_blank and value is not None and is_blank(value):
            node = self.items[name][1]
            kp = (*self.kp, name)
            self.reader.error(node, f"'{name}' is empty", hint=hint_if_blank, kp=kp, code="empty")
            return None
        return value

    def required_number(self, name: str) -> float | None:
        return self._required(name, self.reader.number)

    def integer(self, name: str, low: int, high: int) -> int | None:
        return self._optional(name, lambda node, what, kp: self.reader.integer(node, what, kp, low, high))

    def boolean(self, name: str, default: bool) -> bool:
        value = self._optional(name, self.reader.boolean)
        return default if value is None else value

    def optional_boolean(self, name: str) -> bool | None:
        """True, false, or None when the key is absent (the caller decides)."""
        return self._optional(name, self.reader.boolean)

    def duration(self, name: str) -> float | None:
        return self._optional(name, self.reader.duration)

    def colour(self, name: str) -> str | None:
        if self.node(name) is None and name in self.items:  # `accent: #E8483B`: the '#' began a comment
            self.reader.colour(self.items[name][1], name, (*self.kp, name))
        return self._optional(name, self.reader.colour)

    def choice(self, name: str, options: Sequence[S], default: S, *, label: str = "") -> S:
        value = self._optional(
            name, lambda node, what, kp: self.reader.choice(node, what, kp, options, label)
        )
        return default if value is None else value

    def required_choice(self, name: str, options: Sequence[S], *, label: str = "") -> S | None:
        return self._required(name, lambda node, what, kp: self.reader.choice(node, what, kp, options, label))

    def required_file(self, name: str, *, label: str = "") -> Path | None:
        return self._required(name, lambda node, what, kp: self.reader.file(node, what, kp, label))


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _STD + "null"


def describe(node: Node) -> str:
    """What a value *is*, in words an editor understands."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    tag = str(node.tag)
    names = {
        "int": "a number",
        "float": "a number",
        "bool": "true/false",
        "null": "nothing (null)",
        "str": "text",
        "timestamp": "a date",
    }
    if tag.startswith(_STD) and tag[len(_STD) :] in names:
        return names[tag[len(_STD) :]]
    return f"a value tagged {tag}"


def each(items: Iterable[Node], kp: KeyPath) -> Iterable[tuple[int, Node, KeyPath]]:
    for index, node in enumerate(items):
        yield index, node, (*kp, index)
