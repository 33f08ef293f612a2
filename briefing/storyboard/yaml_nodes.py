"""Safe, bounded YAML: bytes in, a node tree with marks out, or located problems.

The loader never asks PyYAML to *construct* Python objects from a document;
it composes the node graph (which keeps every line and column) and walks it
itself. Composition is guarded so hostile files fail fast and cleanly:

* files over :data:`MAX_BYTES` are refused before they are read;
* bytes that are not UTF-8 are reported at the line and column of the first bad byte;
* nesting deeper than :data:`MAX_DEPTH` stops composition (our composer is
  iterative, PyYAML's recurses and would raise ``RecursionError``), and so does
  a document of more than :data:`MAX_NODES` values;
* aliases are allowed, but the document's size with every alias expanded is
  bounded by :data:`MAX_NODES` (the "billion laughs" attack), and recursive
  aliases are refused;
* only the standard YAML tags are accepted: ``!!python/object`` and friends are errors.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import yaml
from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing.errors import Diagnostic
from briefing.storyboard.numbers import YAML12_NUMBER, NumberProblem, is_sexagesimal, parse_yaml_number
from briefing.storyboard.text import YAML_LINE_BREAK, line_and_column

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 50
MAX_NODES = 50_000

_STD = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(
    _STD + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge")
)


class _Refused(yaml.MarkedYAMLError):
    """Raised while composing when the document is too deep or too large."""

    def __init__(self, problem: str, mark: Mark | None, code: str) -> None:
        super().__init__(problem=problem, problem_mark=mark)
        self.code = code


# libyaml's parser is ~20x faster than PyYAML's pure-Python one; either produces the same events.
_EVENT_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = yaml.resolver.Resolver()


def _mark(mark: object) -> Mark | None:
    """An event's mark as nodes and errors take it.

    libyaml's C marks have the same fields (name, index, line, column) as
    PyYAML's ``Mark`` and work wherever it does; the stubs type the two apart.
    """
    return cast("Mark | None", mark)


#: The spaces and tabs before the end of a blank line or before a comment, with a tab among them.
_TABS_BEFORE_NOTHING = re.compile(
    r"(?:^|(?<=[\r\n\x85\u2028\u2029]))[ \t]*\t[ \t]*(?=[#\r\n\x85\u2028\u2029]|$)"
)


def _blank_lines_without_tabs(text: str) -> str:
    """``text`` with each tab that begins a blank line or a comment line made a space.

    YAML allows tabs there (the line is empty, or a comment), and editors that indent
    with tabs leave them behind; libyaml refuses such a tab as "a character that cannot
    start any token". A tab for a space keeps every line and column where it was, and a
    slide shows a tab as a space anyway (in a block scalar such a line is text).
    """
    if "\t" not in text:
        return text
    return _TABS_BEFORE_NOTHING.sub(lambda match: match.group().replace("\t", " "), text)


def compose(text: str) -> Node | None:
    """Compose a single YAML document from its events, iteratively, with depth and size guards.

    Equivalent to ``yaml.compose(text, yaml.SafeLoader)`` for the documents we
    accept, but it never recurses (deep files cannot exhaust the stack) and it
    stops as soon as nesting passes MAX_DEPTH or nodes pass MAX_NODES.
    """
    text = _blank_lines_without_tabs(text)
    try:
        return _compose_events(text, _EVENT_LOADER)
    except yaml.MarkedYAMLError as error:
        # Newer libyaml builds refuse flow nesting past 1000 in their scanner, before
        # our guard sees an event; the pure-Python parser streams, so it finds the
        # same place our guard reports with any libyaml.
        if _EVENT_LOADER is yaml.SafeLoader or "nesting depth" not in str(error.problem):
            raise
        # The guard fires long before libyaml's limit, so a beginning of the text is
        # enough: the pure-Python parser slows down with the square of flow nesting.
        end = error.problem_mark.index + 1 if error.problem_mark is not None else len(text)
        for cut in (256, 4096, end):
            try:
                _compose_events(text[: min(cut, end)], yaml.SafeLoader)
            except _Refused:
                raise
            except yaml.YAMLError:
                pass  # the beginning is broken YAML before the guard fired: read more
        return _compose_events(text, yaml.SafeLoader)


def _compose_events(text: str, loader: type) -> Node | None:
    stack: list[list] = []  # [collection node, pending mapping key or None]
    anchors: dict[str, Node] = {}
    root: Node | None = None
    documents = count = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                problem = "expected a single document, but found another ('---')"
                raise yaml.composer.ComposerError(None, None, problem, _mark(event.start_mark))
            continue
        if not isinstance(event, (yaml.NodeEvent, yaml.CollectionEndEvent)):
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            node = stack.pop()[0]
            node.end_mark = event.end_mark
            continue
        count += 1
        if count > MAX_NODES:
            raise _Refused(
                f"the document has more than {MAX_NODES:,} values", _mark(event.start_mark), "too-large"
            )
        node = _node_for(event, anchors)
        if root is None:
            root = node
        else:
            _attach(stack[-1], node)
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                problem = f"nesting is deeper than {MAX_DEPTH} levels"
                raise _Refused(problem, _mark(event.start_mark), "too-deep")
            stack.append([node, None])
    return root


def _node_for(event: yaml.NodeEvent, anchors: dict[str, Node]) -> Node:
    if isinstance(event, yaml.AliasEvent):
        if event.anchor is None or event.anchor not in anchors:
            raise yaml.composer.ComposerError(
                None, None, f"found undefined alias '{event.anchor}'", _mark(event.start_mark)
            )
        return anchors[event.anchor]
    start = _mark(event.start_mark)
    node: Node
    if isinstance(event, yaml.ScalarEvent):
        tag = event.tag
        if tag is None or tag == "!":
            tag = _RESOLVER.resolve(ScalarNode, event.value, event.implicit)
        node = ScalarNode(tag, event.value, start, _mark(event.end_mark), style=event.style)
    elif isinstance(event, yaml.SequenceStartEvent):
        tag = event.tag
        if tag is None or tag == "!":
            tag = _RESOLVER.resolve(SequenceNode, None, event.implicit)
        node = SequenceNode(tag, [], start, None, flow_style=event.flow_style)
    else:
        assert isinstance(event, yaml.MappingStartEvent)
        tag = event.tag
        if tag is None or tag == "!":
            tag = _RESOLVER.resolve(MappingNode, None, event.implicit)
        node = MappingNode(tag, [], start, None, flow_style=event.flow_style)
    if event.anchor is not None:
        anchors[event.anchor] = node
    return node


def _attach(parent: list, node: Node) -> None:
    collection = parent[0]
    if isinstance(collection, SequenceNode):
        collection.value.append(node)
    elif parent[1] is None:
        parent[1] = node
    else:
        collection.value.append((parent[1], node))
        parent[1] = None


@dataclass
class Parsed:
    """The outcome of :func:`parse_file` / :func:`parse_text`."""

    text: str = ""
    root: Node | None = None
    errors: list[Diagnostic] = field(default_factory=list)
    bad_nodes: set[int] = field(default_factory=set)  # ids of nodes already reported (foreign tags)


def _diag(path: Path | None, line: int, col: int, message: str, hint: str = "", code: str = "") -> Diagnostic:
    return Diagnostic(path=path, line=line, col=col, message=message, hint=hint, code=code)


def decode_utf8(data: bytes, path: Path | None) -> tuple[str | None, Diagnostic | None]:
    """Decode ``data``; on failure, a diagnostic at the first bad byte's line and column."""
    wide = _wide_encoding(data)
    if wide is not None:  # Notepad's "Unicode" and the like: every character reads as bad bytes
        message = f"the file is {wide}, not UTF-8"
        return None, _diag(path, 1, 1, message, "save it as UTF-8 (Save As, encoding UTF-8)", code="encoding")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        col = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        byte = data[error.start : error.start + 1]
        legacy = byte.decode("cp1252", errors="replace")
        guess = f" (in Windows-1252, {legacy!r})" if legacy.isprintable() and legacy != "\ufffd" else ""
        message = f"byte 0x{byte.hex()} is not UTF-8{guess}"
        return None, _diag(path, line, col, message, "save the file as UTF-8", code="encoding")
    return text.removeprefix("\ufeff"), None


_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _wide_encoding(data: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" for text saved in them (by its BOM, or by the NUL byte beside each
    ASCII letter when it has none), else None."""
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return name
    head = data[:256]
    if len(head) >= 8 and (head[1::2].count(0) > len(head) * 0.4 or head[0::2].count(0) > len(head) * 0.4):
        return "UTF-16"
    return None


def parse_file(path: Path) -> Parsed:
    """Read ``path`` (size checked first) and compose it; never raises for bad content."""
    try:
        size = path.stat().st_size
    except OSError as error:
        return Parsed(errors=[_diag(path, 1, 1, f"cannot read the file: {error.strerror}", code="io")])
    if size > MAX_BYTES:
        message = f"the file is {size / 1024 / 1024:.1f} MB; storyboards are limited to 5 MB"
        return Parsed(errors=[_diag(path, 1, 1, message, code="too-large")])
    try:
        data = path.read_bytes()
    except OSError as error:
        return Parsed(errors=[_diag(path, 1, 1, f"cannot read the file: {error.strerror}", code="io")])
    text, problem = decode_utf8(data, path)
    if problem is not None or text is None:
        return Parsed(errors=[problem] if problem else [])
    return parse_text(text, path)


def parse_text(text: str, path: Path | None = None) -> Parsed:
    """Compose ``text`` into a node tree, or report why it cannot be."""
    parsed = Parsed(text=text)
    if len(text.encode("utf-8", errors="replace")) > MAX_BYTES:
        parsed.errors.append(_diag(path, 1, 1, "the storyboard is larger than 5 MB", code="too-large"))
        return parsed
    try:
        root = compose(text)
    except yaml.MarkedYAMLError as error:
        parsed.errors.append(_syntax_diagnostic(error, text, path))
        return parsed
    except yaml.YAMLError as error:  # ReaderError: characters YAML does not allow
        parsed.errors.append(_reader_diagnostic(error, text, path))
        return parsed
    if root is None:
        parsed.errors.append(
            _diag(path, 1, 1, "the storyboard is empty", "start with 'title:' and 'sections:'", code="empty")
        )
        return parsed
    parsed.errors.extend(check_graph(root, path, parsed.bad_nodes))
    if all(error.code == "bad-tag" for error in parsed.errors):
        parsed.root = root  # keep walking: other problems are reported in the same pass
    return parsed


def _within_text(text: str, line: int, col: int) -> tuple[int, int]:
    """``line``/``col`` moved back onto the text's last line when the parser points past it.

    libyaml reports a problem found at the end of the stream one line below the
    last one when the file does not end with a line break; an editor cannot jump there.
    """
    lines = YAML_LINE_BREAK.split(text)
    if line > len(lines):
        return len(lines), len(lines[-1]) + 1
    return line, col


def _syntax_diagnostic(error: yaml.MarkedYAMLError, text: str, path: Path | None) -> Diagnostic:
    mark = error.problem_mark or error.context_mark
    line, col = _within_text(text, mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or "invalid YAML"
    if isinstance(error, _Refused):
        hint = (
            "flatten the structure"
            if error.code == "too-deep"
            else "split the storyboard; no talk needs this much"
        )
        return _diag(path, line, col, problem, hint, code=error.code)
    hint = ""
    lines = YAML_LINE_BREAK.split(text)
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\\t" in problem or "\t" in problem or "\t" in source_line[: max(col, 1)]:
        hint = "use spaces, not tabs, to indent YAML"
    colour = _unquoted_colour(text, error.context_mark or mark, mark)
    if colour is not None and not hint:
        line, col, value = colour
        message = f"YAML syntax: the unquoted colour {value} starts a comment, which breaks the line"
        return _diag(path, line, col, message, f'quote colours, e.g. "{value}"', code="yaml-syntax")
    message = f"YAML syntax: {problem}"
    context = error.context or ""
    if context.startswith("while"):
        message += f" ({context})"
    elif context and error.context_mark is not None:
        message = f"YAML syntax: {context} on line {error.context_mark.line + 1}, {problem} here"
    return _diag(path, line, col, message, hint, code="yaml-syntax")


_COLOUR_COMMENT = re.compile(r"\s#[0-9A-Fa-f]{6}\b")


def _unquoted_colour(
    text: str, first: yaml.Mark | None, last: yaml.Mark | None
) -> tuple[int, int, str] | None:
    """An unquoted #RRGGBB (which YAML reads as a comment) in the lines an error spans: line, col, text."""
    if first is None or last is None:
        return None
    lines = YAML_LINE_BREAK.split(text)[first.line : last.line + 1]
    for number, line in enumerate(lines, start=first.line + 1):
        match = _COLOUR_COMMENT.search(line)
        if match:
            return number, match.start() + 2, match.group().strip()
    return None


def _reader_diagnostic(error: yaml.YAMLError, text: str, path: Path | None) -> Diagnostic:
    position = getattr(error, "position", 0) or 0
    line, col = line_and_column(text, position)
    character = getattr(error, "character", None)
    if isinstance(character, str) and character:
        character = ord(character)
    shown = f"control character U+{character:04X}" if isinstance(character, int) else "a character"
    return _diag(
        path,
        line,
        col,
        f"{shown} is not allowed in YAML",
        "delete it or write it as an escape",
        code="yaml-syntax",
    )


def check_graph(root: Node, path: Path | None, bad_nodes: set[int] | None = None) -> list[Diagnostic]:
    """Refuse foreign tags, recursive aliases and alias expansion beyond MAX_NODES.

    Nodes with a foreign tag are added to ``bad_nodes`` so the walker does not
    report them a second time.
    """
    graph = _GraphCheck(path, set() if bad_nodes is None else bad_nodes)
    if graph.size(root, 0) > MAX_NODES and not graph.problems:
        message = f"the document expands to more than {MAX_NODES:,} values (aliases repeated too often)"
        hint = "aliases (*name) may be reused, but not to blow the document up"
        graph.problems.append(_diag(path, 1, 1, message, hint, code="alias-bomb"))
    return graph.problems


class _GraphCheck:
    """One walk over the node graph, each node once (memoised), sizes as if aliases were expanded."""

    def __init__(self, path: Path | None, reported: set[int]) -> None:
        self.path = path
        self.reported = reported
        self.problems: list[Diagnostic] = []
        self.sizes: dict[int, int] = {}
        self.active: set[int] = set()

    def report(self, node: Node, problem: Diagnostic) -> None:
        if id(node) not in self.reported:
            self.reported.add(id(node))
            self.problems.append(problem)

    def size(self, node: Node, depth: int) -> int:
        key = id(node)
        if key in self.sizes:
            return self.sizes[key]
        if key in self.active or depth > MAX_DEPTH:
            self.report(node, _loop_or_depth(node, self.path, recursive=key in self.active))
            return MAX_NODES + 1
        if node.tag not in ALLOWED_TAGS:
            self.report(node, _bad_tag(node, self.path))
        self.active.add(key)
        total = 1
        for child in _children(node):
            total += self.size(child, depth + 1)
            if total > MAX_NODES:
                break
        self.active.discard(key)
        self.sizes[key] = total
        return total


def _loop_or_depth(node: Node, path: Path | None, *, recursive: bool) -> Diagnostic:
    if recursive:
        return _at(node, path, "an alias refers to the node that contains it", "recursive-alias")
    return _at(node, path, f"aliases nest the document deeper than {MAX_DEPTH} levels", "too-deep")


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [item for pair in node.value for item in pair]
    return []


def _at(node: Node, path: Path | None, message: str, code: str, hint: str = "") -> Diagnostic:
    mark = node.start_mark
    return _diag(path, mark.line + 1, mark.column + 1, message, hint, code=code)


def _bad_tag(node: Node, path: Path | None) -> Diagnostic:
    tag = str(node.tag)
    shown = "!!" + tag[len(_STD) :] if tag.startswith(_STD) else tag
    hint = "storyboards are data: Python objects cannot be created from them"
    if "python" not in tag:
        hint = "remove the tag; only plain YAML values are allowed"
    return _at(node, path, f"tag '{shown}' is not allowed", "bad-tag", hint)


def is_scalar(node: Node) -> bool:
    return isinstance(node, ScalarNode)


def plain_data(node: Node) -> object:
    """The node as JSON-like data (dates stay text, as the loader reads them); for schema checks."""
    if isinstance(node, MappingNode):
        return {plain_data(key): plain_data(value) for key, value in node.value}
    if isinstance(node, SequenceNode):
        return [plain_data(item) for item in node.value]
    number = number_text(node)
    if number is not None:
        return _plain_number(number)
    if node.tag in (_STD + "bool", _STD + "null"):
        return yaml.SafeLoader("").construct_object(node)
    return node.value


def _plain_number(text: str) -> object:
    """A number as YAML 1.2 reads it: ``012`` is 12, ``1e3`` is 1000.0, ``1:30`` is text."""
    if is_sexagesimal(text):
        return text
    try:
        return parse_yaml_number(text)
    except NumberProblem:  # out of range: a value the schema's bounds refuse, as the loader does
        return math.inf


def number_text(node: Node) -> str | None:
    """The text of a scalar that is a number to PyYAML (YAML 1.1) or to YAML 1.2 (``1e3``, ``09``)."""
    if not isinstance(node, ScalarNode):
        return None
    text: str = node.value
    if node.tag in (_STD + "int", _STD + "float"):
        return text
    plain = not node.style  # plain: None from PyYAML, '' from libyaml
    if node.tag == _STD + "str" and plain and YAML12_NUMBER.fullmatch(text):
        return text
    return None
