"""Proof that a storyboard says what its sources say (``briefing check --source``).

Checked against the text of each source (any format :mod:`briefing.sources` reads):

* every ``phrase`` a slide cites occurs in the source (typography aside);
  otherwise an error at the phrase with the closest passage as a hint;
* every figure a slide shows (stats, chart values inline or in a CSV file,
  numbers in titles, bullets, compare columns and captions) is the same
  quantity, with its unit, scale and currency, as a number in the phrases the
  slide cites, bound to the phrase that states it (:mod:`.binding`), or the
  result of a ``derived:`` note whose arithmetic computes (:mod:`.derivations`);
* a ``quote`` slide's words are in the source and its speaker is named in
  that paragraph (:mod:`.quotes`).

The YAML is walked again here (:mod:`.walk`) rather than threading positions
through the model, so every finding points at the exact value that is wrong.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path

from yaml.nodes import Node

from briefing.errors import Diagnostic
from briefing.sources import SourceError, SourceText
from briefing.sources.read import MAX_SOURCE_BYTES
from briefing.storyboard.model import Storyboard
from briefing.storyboard.provenance.index import Sources
from briefing.storyboard.provenance.slide import check_slide
from briefing.storyboard.provenance.walk import SlideContext, pairs, scalar, slides
from briefing.storyboard.yaml_nodes import parse_text


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
            texts[ref] = read_once(path)
        except SourceError as error:
            reason = str(error).removeprefix(f"{path}: ")
            message = f"cannot read source '{ref}' at {path}: {reason}"
            hint = "fix the path in 'file:' or pass --source REF=PATH"
            found.append(_diag(storyboard.path, 1, 1, message, hint, "warning", "source-file"))
    return texts, found


_READ: dict[tuple[str, bytes], SourceText] = {}
_READ_KEEP = 4


def read_once(path: Path) -> SourceText:
    """``SourceText.read(path)``, kept while the file's bytes are unchanged: the live check proves
    a 100-page PDF again on every save of the storyboard without parsing it again."""
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            return SourceText.read(path)  # the reader refuses it
        digest = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    except OSError:
        return SourceText.read(path)  # the reader says what is wrong
    key = (os.path.abspath(path), digest)
    if key not in _READ:
        while len(_READ) >= _READ_KEEP:
            _READ.pop(next(iter(_READ)))
        _READ[key] = SourceText.read(path)
    return _READ[key]


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


def check_provenance(
    yaml_text: str, path: Path | None, texts: Mapping[str, SourceText], root: Node | None = None
) -> list[Diagnostic]:
    """Every phrase and figure of the storyboard in ``yaml_text`` checked against ``texts``.

    ``root``: the YAML already parsed (``briefing check`` has it), else ``yaml_text`` is parsed.
    """
    if not texts:
        return []
    if root is None:
        root = parse_text(yaml_text, path).root
    context = SlideContext(path, yaml_text, _declared_files(root, path))
    sources = Sources(texts)
    found: list[Diagnostic] = []
    for slide in slides(root):
        found.extend(check_slide(slide, context, sources))
    return found


def _declared_files(root: Node | None, path: Path | None) -> set[str]:
    """Absolute paths of the sources that name a ``file:`` (a chart drawn from one is proved by it)."""
    base = path.parent if path is not None else Path()
    files = (scalar(pairs(source).get("file")) for source in pairs(pairs(root).get("sources")).values())
    return {os.path.abspath(base / name) for name in files if name}


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


def _diag(
    path: Path | None, line: int, col: int, message: str, hint: str, severity: str, code: str
) -> Diagnostic:
    return Diagnostic(path, line, col, message, hint, (), severity, code)


__all__ = ["check_declared_sources", "check_provenance", "source_texts"]
