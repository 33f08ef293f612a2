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

import os
from collections.abc import Mapping
from pathlib import Path

from yaml.nodes import Node

from briefing.errors import Diagnostic
from briefing.sources import SourceText
from briefing.storyboard.model import Storyboard
from briefing.storyboard.provenance.index import Sources
from briefing.storyboard.provenance.reading import _READ as _READ  # the benchmark clears it
from briefing.storyboard.provenance.reading import read_once, source_texts
from briefing.storyboard.provenance.slide import check_slide
from briefing.storyboard.provenance.walk import SlideContext, pairs, scalar, slides
from briefing.storyboard.yaml_nodes import parse_text


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
    try:
        yaml_text = Path(storyboard.path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return source_texts(storyboard, {})[1]
    root = parse_text(yaml_text, Path(storyboard.path)).root
    texts, found = source_texts(storyboard, {}, root)
    return [*found, *check_provenance(yaml_text, Path(storyboard.path), texts, root)]


__all__ = ["check_declared_sources", "check_provenance", "read_once", "source_texts"]
