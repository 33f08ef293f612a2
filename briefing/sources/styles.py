"""Word styles (``word/styles.xml``): which paragraphs are titles, headings, quotes, lists or code.

A style says what it is by its outline level (``w:outlineLvl``: 0 for
Heading 1) or by its built-in name (``heading 1``, ``Title``, ``Quote``,
``List Paragraph``), which Word keeps in English whatever the user's
language; a style renamed by the user, or a company's own "Report Heading",
inherits both from the style it is ``basedOn``. Localised names some tools
write (Überschrift 1, Titre 1, 标题 1) are known too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = re.compile(
    r"^(?:heading|überschrift|titre|título|titulo|titolo|kop|rubrik|nagłówek|заголовок|标题|標題|見出し|제목)"
    r"\s*(\d)$"
)
_TITLES = {"title", "titel", "titre", "título", "titolo", "标题", "標題", "表題", "заголовок"}
_QUOTES = {"quote", "intense quote", "block text", "zitat", "citation", "cita", "citazione", "引用"}
_CODE = {"html preformatted", "code", "source code", "plain text", "macro text", "preformatted text"}
_NOTE_MARKS = {"footnote reference", "endnote reference"}
MAX_CHAIN = 16


@dataclass(frozen=True)
class Style:
    """``kind``: "" (body text), "title", "heading" (with ``level`` 0 for Heading 1), "quote",
    "list", "code", or "note-mark" (a character style for footnote marks)."""

    kind: str = ""
    level: int = 0

    @classmethod
    def from_name(cls, name: str) -> Style:
        """What a style's name alone says (built-in names, and the ids Word derives from them)."""
        key = " ".join(name.replace("_", " ").split()).lower()
        heading = _HEADING.match(key) or _HEADING.match(key.replace(" ", ""))
        if heading:
            return cls("heading", max(0, int(heading.group(1)) - 1))
        if key in _TITLES:
            return cls("title")
        if key in _QUOTES or key.replace(" ", "") in {q.replace(" ", "") for q in _QUOTES}:
            return cls("quote")
        if key.startswith(("list", "liste")) and "table" not in key:
            return cls("list")
        if key in _CODE or key.replace(" ", "") in {c.replace(" ", "") for c in _CODE}:
            return cls("code")
        if key in _NOTE_MARKS or key.replace(" ", "") in {n.replace(" ", "") for n in _NOTE_MARKS}:
            return cls("note-mark")
        return cls()


@dataclass(frozen=True)
class _Raw:
    name: str
    based_on: str
    outline: int | None
    numbered: bool


def read_styles(root: ElementTree.Element | None) -> dict[str, Style]:
    """Style id -> what it makes of a paragraph (or a run), ``basedOn`` chains followed."""
    if root is None:
        return {}
    raw: dict[str, _Raw] = {}
    for element in root.iter(f"{W}style"):
        style_id = element.get(f"{W}styleId", "")
        if not style_id:
            continue
        name = element.find(f"{W}name")
        based = element.find(f"{W}basedOn")
        level = element.find(f"{W}pPr/{W}outlineLvl")
        raw[style_id] = _Raw(
            name=name.get(f"{W}val", "") if name is not None else style_id,
            based_on=based.get(f"{W}val", "") if based is not None else "",
            outline=_level(level.get(f"{W}val", "")) if level is not None else None,
            numbered=element.find(f"{W}pPr/{W}numPr") is not None,
        )
    return {style_id: _resolve(style_id, raw) for style_id in raw}


def _resolve(style_id: str, raw: dict[str, _Raw]) -> Style:
    """The first thing the chain of ``basedOn`` styles says, the style's own word first."""
    seen: set[str] = set()
    numbered = False
    current = style_id
    while current in raw and current not in seen and len(seen) < MAX_CHAIN:
        seen.add(current)
        entry = raw[current]
        named = Style.from_name(entry.name)
        if named.kind == "title":
            return named
        if entry.outline is not None:
            return Style("heading", entry.outline) if entry.outline < 9 else _body(numbered)
        if named.kind:
            return named
        numbered = numbered or entry.numbered
        current = entry.based_on
    return _body(numbered)


def _body(numbered: bool) -> Style:
    return Style("list") if numbered else Style()


def _level(text: str) -> int | None:
    try:
        value = int(text)
    except ValueError:
        return None
    return value if 0 <= value <= 9 else None
