"""YAML storyboard -> :class:`~briefing.storyboard.model.Storyboard`, every problem located.

``load_storyboard`` raises :class:`~briefing.errors.StoryboardInvalid` with all
errors found in one pass; ``check`` returns errors and lint warnings without
raising. The YAML is composed safely (see ``yaml_nodes``) and walked here, so
each problem points at ``path:line:col`` of the value that is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from yaml.nodes import Node

from briefing.errors import Diagnostic, StoryboardInvalid
from briefing.i18n import TagProblem, parse_tag
from briefing.storyboard import bodies
from briefing.storyboard.front_matter import WithExtensions, declared_source_ids, read_sources, read_theme
from briefing.storyboard.identity import assign_ids, claim_id
from briefing.storyboard.lint import lint
from briefing.storyboard.model import (
    BODY_KINDS,
    Body,
    Section,
    Slide,
    SourceRef,
    Storyboard,
)
from briefing.storyboard.reader import Fields, KeyPath, Reader, each
from briefing.storyboard.result import LoadResult
from briefing.storyboard.suggest import did_you_mean
from briefing.storyboard.yaml_nodes import Parsed, parse_file, parse_text

TOP_KEYS = (
    "title",
    "subtitle",
    "author",
    "date",
    "language",
    "duration",
    "notes",
    "theme",
    "sources",
    "sources_slide",
    "sections",
)
SECTION_KEYS = ("title", "id", "duration", "notes", "slides")
SLIDE_KEYS = ("title", "id", "duration", "notes", "sources", "build", *BODY_KINDS)
REF_KEYS = ("ref", "phrase", "note")
LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def load_storyboard(path: str | Path | None = None) -> Storyboard:
    """Load a storyboard file (the bundled briefing when ``path`` is None).

    Raises :class:`StoryboardInvalid` carrying every error, in file order.
    """
    return _raise_or_return(analyze(path))


def load_text(text: str, path: Path | None = None) -> Storyboard:
    """Load a storyboard from text; ``path`` (if given) locates messages and relative files."""
    return _raise_or_return(analyze_text(text, path))


def check(path: str | Path | None = None) -> tuple[Storyboard | None, list[Diagnostic]]:
    """Errors and lint warnings for a file, sorted by position; never raises for bad content."""
    result = analyze(path)
    return result.storyboard, sort_diagnostics([*result.diagnostics, *lint(result)], result.path)


def analyze(path: str | Path | None = None) -> LoadResult:
    """Load without raising: the storyboard (or None) and the errors found."""
    if path is None:
        from briefing.resources import default_storyboard

        path = default_storyboard()
    absolute = Path(path).expanduser().absolute()
    return _build(parse_file(absolute), absolute, absolute.parent)


def analyze_text(text: str, path: Path | None = None) -> LoadResult:
    absolute = Path(path).absolute() if path is not None else None
    base = absolute.parent if absolute is not None else Path.cwd()
    return _build(parse_text(text, absolute), absolute, base)


def sort_diagnostics(diagnostics: Sequence[Diagnostic], main: Path | None) -> list[Diagnostic]:
    """The storyboard's own problems first, by line and column; then other files (CSV)."""
    return sorted(diagnostics, key=lambda d: (d.path != main, str(d.path), d.line, d.col))


def _raise_or_return(result: LoadResult) -> Storyboard:
    errors = [d for d in result.diagnostics if d.severity == "error"]
    if errors or result.storyboard is None:
        raise StoryboardInvalid(errors=errors)
    return result.storyboard


def _build(parsed: Parsed, path: Path | None, base_dir: Path) -> LoadResult:
    if parsed.root is None:
        return LoadResult(None, sort_diagnostics(parsed.errors, path), parsed.text, path=path)
    reader = Reader(path=path, base_dir=base_dir, source=parsed.text, bad_nodes=parsed.bad_nodes)
    storyboard = _storyboard(reader, parsed.root)
    diagnostics = sort_diagnostics([*parsed.errors, *reader.diagnostics], path)
    if any(d.severity == "error" for d in diagnostics):
        storyboard = None
    return LoadResult(
        storyboard,
        diagnostics,
        parsed.text,
        reader.spans,
        path,
        reader.language,
        reader.slide_cols,
        parsed.root,
    )


# --------------------------------------------------------------------------- top level
def _storyboard(reader: Reader, root: Node) -> Storyboard | None:
    fields = reader.mapping(root, "the storyboard", (), WithExtensions(TOP_KEYS), ("title", "sections"))
    if fields is None:
        return None
    title = fields.required_text("title")
    language = fields.text("language", "en", display=False)
    if "language" in fields and isinstance(language, str):
        tag = parse_tag(language)
        if isinstance(tag, TagProblem):
            node = fields.items["language"][1]
            reader.error(node, tag.message, hint=tag.hint, kp=("language",), code="bad-language")
        else:
            language = tag.tag  # canonical case: zh-cn -> zh-CN
    reader.language = str(language)
    sources = read_sources(reader, fields)
    source_ids = tuple(dict.fromkeys((*(s.id for s in sources), *declared_source_ids(fields))))
    sections = _sections(reader, fields, source_ids)
    theme = read_theme(reader, fields.node("theme"))
    options = {key: fields.text(key) for key in ("subtitle", "author", "date", "notes")}
    if not isinstance(title, str) or sections is None:
        return None
    return Storyboard(
        title=title,
        sections=sections,
        language=str(language),
        duration=fields.duration("duration"),
        theme=theme,
        sources=sources,
        sources_slide=fields.boolean("sources_slide", True),
        path=reader.path,
        files=tuple(reader.files),
        **options,
    )


# --------------------------------------------------------------------------- sections and slides
def _sections(reader: Reader, fields: Fields, source_ids: tuple[str, ...]) -> tuple[Section, ...] | None:
    node = fields.node("sections")
    if node is None:
        if "sections" in fields:
            reader.error(
                fields.items["sections"][1],
                "'sections' is empty",
                kp=("sections",),
                code="empty",
                hint="add at least one section with a title and slides",
            )
        return None
    items = reader.sequence(node, "sections", ("sections",))
    if items is None:
        return None
    if not items:
        reader.error(
            node, "'sections' is empty", hint="add at least one section", kp=("sections",), code="empty"
        )
        return None
    sections = [
        _section(reader, item, kp, index, source_ids) for index, item, kp in each(items, ("sections",))
    ]
    if any(s is None for s in sections):
        return None
    return assign_ids(reader, [s for s in sections if s is not None], items)


def _section(
    reader: Reader, node: Node, kp: KeyPath, index: int, source_ids: tuple[str, ...]
) -> Section | None:
    fields = reader.mapping(node, "section", kp, SECTION_KEYS, ("title", "slides"))
    if fields is None:
        return None
    title = fields.required_text("title")
    section_id = claim_id(reader, fields, "section", kp, reader.section_ids)
    slides_node = fields.node("slides")
    slides: list[Slide | None] = [None]
    if slides_node is not None:
        items = reader.sequence(slides_node, "slides", (*kp, "slides"))
        if items == []:
            reader.error(
                slides_node,
                "'slides' is empty",
                kp=(*kp, "slides"),
                code="empty",
                hint="add at least one slide",
            )
        if items:
            slides = [
                _slide(reader, item, item_kp, index, source_ids)
                for _, item, item_kp in each(items, (*kp, "slides"))
            ]
    elif "slides" in fields:
        reader.error(fields.items["slides"][1], "'slides' is empty", kp=(*kp, "slides"), code="empty")
    notes = fields.text("notes")
    duration = fields.duration("duration")
    if not isinstance(title, str) or any(s is None for s in slides):
        return None
    return Section(
        title=title,
        slides=tuple(s for s in slides if s is not None),
        notes=notes,
        duration=duration,
        line=node.start_mark.line + 1,
        id=str(section_id),
    )


def _slide(
    reader: Reader, node: Node, kp: KeyPath, section: int, source_ids: tuple[str, ...]
) -> Slide | None:
    fields = reader.mapping(node, "slide", kp, SLIDE_KEYS, ("title",))
    if fields is None:
        return None
    title = fields.required_text("title")
    body = _body(reader, fields, kp)
    refs = _refs(reader, fields.node("sources"), (*kp, "sources"), source_ids)
    slide_id = claim_id(reader, fields, "slide", kp, reader.slide_ids)
    notes, duration = fields.text("notes"), fields.duration("duration")
    reader.slide_cols[node.start_mark.line + 1] = node.start_mark.column + 1
    if not isinstance(title, str) or body is None or refs is None:
        return None
    return Slide(
        title=title,
        body=body,
        notes=notes,
        duration=duration,
        sources=refs,
        section=section,
        line=node.start_mark.line + 1,
        id=str(slide_id),
    )


def _body(reader: Reader, fields: Fields, kp: KeyPath) -> Body | None:
    kinds = [key for key in fields.items if key in BODY_KINDS]
    build = fields.boolean("build", False)
    if not kinds:
        reader.error(
            fields.mapping_node,
            "slide has no body",
            kp=kp,
            code="no-body",
            hint="add exactly one of: " + ", ".join(BODY_KINDS),
        )
        return None
    for extra in kinds[1:]:
        reader.error(
            fields.key_node(extra),
            f"slide has more than one body: '{kinds[0]}' and '{extra}'",
            hint="a slide shows exactly one of: " + ", ".join(BODY_KINDS) + "; split it into two slides",
            kp=(*kp, extra),
            code="two-bodies",
        )
    kind = kinds[0]
    value = fields.node(kind)
    if value is None:
        reader.error(fields.items[kind][1], f"'{kind}' is empty", kp=(*kp, kind), code="empty")
        return None
    body: Body | None
    if kind == "bullets":
        body = bodies.read_bullets(reader, value, (*kp, kind), build)
    else:
        body = bodies.BODY_READERS[kind](reader, value, (*kp, kind))
        if build:  # only bullets come one at a time: say so rather than show it all at once silently
            reader.warn(
                fields.key_node("build"),
                f"'build' has no effect on a {kind} slide: only bullets come one step at a time",
                hint="remove 'build', or put what should come step by step in 'bullets'",
                kp=(*kp, "build"),
                code="build-ignored",
            )
    return None if len(kinds) > 1 else body


def _refs(
    reader: Reader, node: Node | None, kp: KeyPath, source_ids: tuple[str, ...]
) -> tuple[SourceRef, ...] | None:
    if node is None:
        return ()
    items = reader.sequence(node, "sources", kp)
    if items is None:
        return None
    refs: list[SourceRef | None] = []
    for _, item, item_kp in each(items, kp):
        fields = reader.mapping(item, "source reference", item_kp, REF_KEYS, ("ref",))
        ref = fields.required_text("ref", display=False) if fields else None
        if fields is not None and ref is not None and ref not in source_ids:
            hint = did_you_mean(ref, source_ids) or (
                "declared sources: " + ", ".join(source_ids)
                if source_ids
                else "declare it under the top-level 'sources'"
            )
            reader.error(
                fields.items["ref"][1],
                f"unknown source '{ref}'",
                hint=hint,
                kp=(*item_kp, "ref"),
                code="unknown-source",
            )
            ref = None
        if fields is None or not isinstance(ref, str):
            refs.append(None)
            continue
        refs.append(SourceRef(ref=ref, phrase=fields.text("phrase"), note=fields.text("note")))
    return None if any(r is None for r in refs) else tuple(r for r in refs if r is not None)
