"""The sources of one check, read once: the text of each, and what reading it found.

A source that cannot be read, and what the reader noticed while reading one
(an encoding it assumed, bytes that are not text, a PDF page without a text
layer), are warnings at the source's entry under ``sources:`` in the
storyboard: the place where the editor names the file.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path

from yaml.nodes import Node

from briefing.errors import Diagnostic
from briefing.sources import Notice, SourceError, SourceText
from briefing.sources.pdf import OCR_HINT
from briefing.sources.read import MAX_SOURCE_BYTES
from briefing.storyboard.model import Storyboard
from briefing.storyboard.provenance.walk import pairs

READ_HINT = "fix the path in 'file:' or pass --source REF=PATH"
UTF8_HINT = "phrases are looked for in the text as read: save the source as UTF-8 to be sure of its words"
NO_TEXT_HINT = "figures on that page cannot be proved: " + OCR_HINT.split("; ", 1)[-1]


def source_texts(
    storyboard: Storyboard, given: Mapping[str | None, Path], root: Node | None = None
) -> tuple[dict[str, SourceText], list[Diagnostic]]:
    """The text of each source to check: ``given`` paths (key None: the only source), then ``file:``.

    Problems reading a file, and the reader's notices, are warnings at the source's entry in
    ``root`` (the storyboard's YAML, parsed from its file when not given), never exceptions.
    """
    paths, found = _source_paths(storyboard, given)
    if paths and root is None:
        root = _parsed(storyboard.path)
    places = entry_places(root)
    texts: dict[str, SourceText] = {}
    for ref, path in paths.items():
        line, col = places.get(ref, (1, 1))
        try:
            texts[ref] = read_once(path)
        except SourceError as error:
            reason = str(error).removeprefix(f"{path}: ")
            message = f"cannot read source '{ref}' at {path}: {reason}"
            found.append(_diag(storyboard.path, line, col, message, READ_HINT, "warning", "source-file"))
            continue
        found.extend(
            notice_warning(notice, ref, texts[ref], storyboard.path, (line, col))
            for notice in texts[ref].notices
        )
    return texts, found


def notice_warning(
    notice: Notice, ref: str, text: SourceText, path: Path | None, at: tuple[int, int]
) -> Diagnostic:
    """What the reader noticed in source ``ref``, said at its entry in the storyboard."""
    message = f"source '{ref}' ({text.path.name}, {notice.place.label}): {notice.message}"
    hint = UTF8_HINT if "UTF-8" in notice.message or "text:" in notice.message else ""
    hint = NO_TEXT_HINT if "text layer" in notice.message else hint
    return _diag(path, at[0], at[1], message, hint, "warning", "source-notice")


def entry_places(root: Node | None) -> dict[str, tuple[int, int]]:
    """Line and column of each source's key under the top-level ``sources:``."""
    node = pairs(root).get("sources")
    places: dict[str, tuple[int, int]] = {}
    for key, _ in getattr(node, "value", None) or ():
        if isinstance(getattr(key, "value", None), str):
            places[key.value] = (key.start_mark.line + 1, key.start_mark.column + 1)
    return places


def _parsed(path: Path | None) -> Node | None:
    from briefing.storyboard.yaml_nodes import parse_text

    if path is None:
        return None
    try:
        return parse_text(Path(path).read_text(encoding="utf-8"), Path(path)).root
    except (OSError, UnicodeDecodeError, ValueError):
        return None


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


def _diag(
    path: Path | None, line: int, col: int, message: str, hint: str, severity: str, code: str
) -> Diagnostic:
    return Diagnostic(path, line, col, message, hint, (), severity, code)
