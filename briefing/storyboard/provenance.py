"""Proof that a storyboard says what its sources say (``briefing check --source``).

Two promises are checked against the text of each source:

* every ``phrase`` a slide cites occurs in the source (whitespace, quote and
  dash styles aside); otherwise an error at the phrase, with a hint naming
  the closest passage of the source and its line;
* every figure a slide shows (stat values, chart values, numbers in titles
  and bullets) is a number in a phrase the slide cites, or the citation says
  how it was derived (``note: "derived: ..."``). A figure that is missing is a
  warning at the figure; a figure that differs from a number of the same kind
  in the cited words (84% where the phrase says 48%) is an error.

The YAML is walked again here (rather than threading positions through the
model) so every finding points at the exact value that is wrong.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing.errors import Diagnostic
from briefing.sources import SourceError, SourceText
from briefing.storyboard.figures import Number, figure_kind, numbers_in, same_quantity, unit_scale
from briefing.storyboard.model import Storyboard, format_number
from briefing.storyboard.yaml_nodes import parse_text

DERIVED = "derived"
CITE_HINT = 'cite the words it comes from (sources: [{ref: ..., phrase: ...}]) or add note: "derived: ..."'


@dataclass(frozen=True)
class Figure:
    """A number a slide shows, and where it is written in the storyboard."""

    value: float
    scale: float
    kind: str
    shown: str  # as the audience reads it, e.g. "$25M" or "35%"
    line: int
    col: int


@dataclass(frozen=True)
class Citation:
    ref: str
    phrase: str
    note: str
    node: Node | None  # the phrase's value node


def source_texts(
    storyboard: Storyboard, given: Mapping[str | None, Path]
) -> tuple[dict[str, SourceText], list[Diagnostic]]:
    """The text of each source to check: ``given`` paths (key None: the only source), then ``file:``.

    Problems reading a file are diagnostics, never exceptions.
    """
    paths, found = _source_paths(storyboard, given)
    texts: dict[str, SourceText] = {}
    for ref, path in paths.items():
        try:
            texts[ref] = SourceText.read(path)
        except SourceError as error:
            reason = str(error).removeprefix(f"{path}: ")
            message = f"cannot read source '{ref}' at {path}: {reason}"
            hint = "fix the path in 'file:' or pass --source REF=PATH"
            found.append(_diag(storyboard.path, 1, 1, message, hint, "warning", "source-file"))
    return texts, found


def _source_paths(
    storyboard: Storyboard, given: Mapping[str | None, Path]
) -> tuple[dict[str, Path], list[Diagnostic]]:
    ids = [source.id for source in storyboard.sources]
    paths = {s.id: storyboard.base_dir / s.file for s in storyboard.sources if s.file}
    found: list[Diagnostic] = []
    for ref, path in given.items():
        chosen = ids[0] if ref is None and len(ids) == 1 else ref
        if chosen is None or chosen not in ids:
            why = "has several sources" if chosen is None and ids else f"declares no source '{chosen}'"
            hint = f"write --source REF=PATH; declared sources: {', '.join(ids) or 'none'}"
            message = f"--source {path}: the storyboard {why}"
            found.append(_diag(storyboard.path, 1, 1, message, hint, "error", "source-ref"))
            continue
        paths[chosen] = path
    return paths, found


def check_provenance(yaml_text: str, path: Path | None, texts: Mapping[str, SourceText]) -> list[Diagnostic]:
    """Every phrase and figure of the storyboard in ``yaml_text`` checked against ``texts``."""
    if not texts:
        return []
    root = parse_text(yaml_text, path).root
    found: list[Diagnostic] = []
    for slide in _slides(root):
        found.extend(_check_slide(slide, path, texts, yaml_text))
    return found


def check_declared_sources(storyboard: Storyboard) -> list[Diagnostic]:
    """Provenance against every source that names its ``file:`` (what the app's banner shows).

    Cheap when no source has a file (nothing is read); never raises for bad content.
    """
    if storyboard.path is None or not any(source.file for source in storyboard.sources):
        return []
    texts, found = source_texts(storyboard, {})
    try:
        yaml_text = Path(storyboard.path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return found
    return [*found, *check_provenance(yaml_text, Path(storyboard.path), texts)]


# --------------------------------------------------------------------------- one slide
def _check_slide(
    slide: dict[str, Node], path: Path | None, texts: Mapping[str, SourceText], yaml_text: str
) -> list[Diagnostic]:
    citations = list(_citations(slide.get("sources")))
    found = [d for c in citations if (d := _phrase_problem(c, path, texts)) is not None]
    if any(c.ref not in texts for c in citations):
        return found  # figures backed by a source we cannot read are not judged
    if any(c.note.strip().lower().startswith(DERIVED) for c in citations):
        return found
    return found + _figure_problems(list(_figures(slide, yaml_text)), citations, path)


def _phrase_problem(
    citation: Citation, path: Path | None, texts: Mapping[str, SourceText]
) -> Diagnostic | None:
    text = texts.get(citation.ref)
    if text is None or not citation.phrase or citation.node is None or text.contains(citation.phrase):
        return None
    line, passage = text.closest_passage(citation.phrase)
    hint = f'closest passage, {text.path.name} {text.place(line).label}: "{passage}"' if line else ""
    mark = citation.node.start_mark
    message = f"phrase not found in source '{citation.ref}' ({text.path.name}): \"{citation.phrase}\""
    return _diag(path, mark.line + 1, mark.column + 1, message, hint, "error", "phrase-not-in-source")


def _figure_problems(figures: list[Figure], citations: list[Citation], path: Path | None) -> list[Diagnostic]:
    """Figures in no cited phrase: an error when a same-kind number there says otherwise, else a warning."""
    cited = [n for c in citations for n in numbers_in(c.phrase, words=True)]
    unused = [n for n in cited if not any(same_quantity(f.value, f.scale, n) for f in figures)]
    found: list[Diagnostic] = []
    for figure in figures:
        if any(same_quantity(figure.value, figure.scale, n) for n in cited):
            continue
        rival = next((n for n in unused if n.kind == figure.kind), None)
        where = (path, figure.line, figure.col)
        if rival is not None:
            message = f"the slide shows {figure.shown} but the phrase it cites says {rival.text}"
            hint = "copy the figure from the cited words, or cite the words it comes from"
            found.append(_diag(*where, message, hint, "error", "figure-contradicts-source"))
        else:
            message = f"figure {figure.shown} is not in any phrase this slide cites"
            found.append(_diag(*where, message, CITE_HINT, "warning", "uncited-figure"))
    return found


def _citations(node: Node | None) -> Iterator[Citation]:
    for item in _items(node):
        fields = _pairs(item)
        ref = _scalar(fields.get("ref"))
        if ref:
            phrase_node = fields.get("phrase")
            yield Citation(ref, _scalar(phrase_node), _scalar(fields.get("note")), phrase_node)


# --------------------------------------------------------------------------- figures on a slide
def _figures(slide: dict[str, Node], yaml_text: str) -> Iterator[Figure]:
    yield from _text_figures(slide.get("title"), yaml_text)
    for item in _items(slide.get("stats")):
        fields = _pairs(item)
        yield from _value_figures(
            [fields.get("value")], _scalar(fields.get("prefix")), _scalar(fields.get("unit"))
        )
    chart = _pairs(slide.get("chart"))
    if chart:
        prefix, unit = _scalar(chart.get("prefix")), _scalar(chart.get("unit"))
        for series in _items(chart.get("series")):
            yield from _value_figures(_items(_pairs(series).get("values")), prefix, unit)
    yield from _bullet_figures(slide.get("bullets"), yaml_text)
    compare = _pairs(slide.get("compare"))
    for side in ("left", "right"):
        column = _pairs(compare.get(side))
        yield from _text_figures(column.get("title"), yaml_text)
        yield from _bullet_figures(column.get("bullets"), yaml_text)


def _value_figures(nodes: Sequence[Node | None], prefix: str, unit: str) -> Iterator[Figure]:
    kind, scale = figure_kind(prefix, unit), unit_scale(unit)
    for node in nodes:
        if node is None:
            continue
        try:
            value = float(_scalar(node).replace(",", ""))
        except ValueError:
            continue
        mark = node.start_mark
        shown = format_number(value, prefix=prefix, unit=unit)
        yield Figure(value, scale, kind, shown, mark.line + 1, mark.column + 1)


def _bullet_figures(node: Node | None, yaml_text: str) -> Iterator[Figure]:
    for item in _items(node):
        if isinstance(item, MappingNode):
            fields = _pairs(item)
            yield from _text_figures(fields.get("text"), yaml_text)
            yield from _bullet_figures(fields.get("bullets"), yaml_text)
        else:
            yield from _text_figures(item, yaml_text)


def _text_figures(node: Node | None, yaml_text: str) -> Iterator[Figure]:
    text = _scalar(node)
    if not text or not isinstance(node, ScalarNode):
        return
    mark = node.start_mark
    one_line = node.end_mark.line == mark.line and text == _raw(node, yaml_text)
    for number in numbers_in(text):
        col = mark.column + 1 + (number.start + (1 if node.style else 0) if one_line else 0)
        yield Figure(number.value, number.scale, number.kind, number.text, mark.line + 1, col)


def _raw(node: ScalarNode, yaml_text: str) -> str:
    """The scalar as written between its marks (to tell whether offsets map to columns)."""
    raw = yaml_text[node.start_mark.index : node.end_mark.index]
    return raw[1:-1] if node.style in ("'", '"') else raw


# --------------------------------------------------------------------------- YAML walking
def _slides(root: Node | None) -> Iterator[dict[str, Node]]:
    for section in _items(_pairs(root).get("sections")):
        for slide in _items(_pairs(section).get("slides")):
            fields = _pairs(slide)
            if fields:
                yield fields


def _pairs(node: Node | None) -> dict[str, Node]:
    if not isinstance(node, MappingNode):
        return {}
    return {k.value: v for k, v in node.value if isinstance(k, ScalarNode) and isinstance(k.value, str)}


def _items(node: Node | None) -> list[Node]:
    return list(node.value) if isinstance(node, SequenceNode) else []


def _scalar(node: Node | None) -> str:
    return node.value if isinstance(node, ScalarNode) and isinstance(node.value, str) else ""


def _diag(
    path: Path | None, line: int, col: int, message: str, hint: str, severity: str, code: str
) -> Diagnostic:
    return Diagnostic(path, line, col, message, hint, (), severity, code)


__all__ = ["Number", "check_declared_sources", "check_provenance", "source_texts"]
