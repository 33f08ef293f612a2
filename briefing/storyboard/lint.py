"""Warnings: things that load fine but will hurt the talk. Pure: no Qt, no layout.

Each warning has a ``code`` so a team can grep for (or later silence) one kind.
The "text too long for its box" lint needs the layout module and therefore
lives with ``briefing check`` (``briefing/commands/check.py``); so do the
accessibility findings (titles, links, contrast: ``briefing/layout/accessibility.py``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import Diagnostic, quoted_title
from briefing.i18n import Slot, fonts, slot_of
from briefing.storyboard.model import Chart, Slide, Stats, Storyboard
from briefing.storyboard.text import line_and_column

if TYPE_CHECKING:
    from briefing.storyboard.reader import TextSpan
    from briefing.storyboard.result import LoadResult

MAX_BULLETS = 6

# Script families by the first word of the Unicode character name.
_SCRIPT_WORDS = {
    "CJK": "Han",
    "HIRAGANA": "Japanese kana",
    "KATAKANA": "Japanese kana",
    "HANGUL": "Hangul",
    "CYRILLIC": "Cyrillic",
    "ARABIC": "Arabic",
    "HEBREW": "Hebrew",
    "GREEK": "Greek",
    "THAI": "Thai",
    "DEVANAGARI": "Devanagari",
    "LATIN": "Latin",
}
# Scripts each language is written in; a language not listed is not checked.
# Greek letters are everyday symbols in Latin-script text (µ, π, Ω), so they pass too.
_LATIN = frozenset({"Latin", "Greek"})
_LANGUAGE_SCRIPTS: dict[str, frozenset[str]] = {
    **{code: _LATIN for code in ("en de fr es it pt nl sv da no nb fi pl cs tr id vi ro hu".split())},
    "ru": _LATIN | {"Cyrillic"},
    "uk": _LATIN | {"Cyrillic"},
    "bg": _LATIN | {"Cyrillic"},
    "zh": _LATIN | {"Han"},
    "ja": _LATIN | {"Han", "Japanese kana"},
    "ko": _LATIN | {"Hangul", "Han"},
    "ar": _LATIN | {"Arabic"},
    "he": _LATIN | {"Hebrew"},
    "el": _LATIN,
}


def script_of(char: str) -> str | None:
    """The script family of a letter (``None`` for digits, punctuation, symbols)."""
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    first = name.split(" ", 1)[0]
    if first in _SCRIPT_WORDS:
        return _SCRIPT_WORDS[first]
    if first in ("FULLWIDTH", "HALFWIDTH"):
        return "Han" if "IDEOGRAPH" in name else None
    return "Other"


def lint(result: LoadResult) -> list[Diagnostic]:
    """All pure lints for one load: script checks on the text, then slide checks on the model."""
    warnings = list(foreign_script(result.spans, result.source, result.language, result.path))
    warnings.extend(missing_fonts(result.spans, result.source, result.path))
    if result.storyboard is not None:
        warnings.extend(lint_storyboard(result.storyboard, result.slide_cols))
    return warnings


def foreign_script(
    spans: Iterable[TextSpan], source: str, language: str, path: Path | None
) -> Iterable[Diagnostic]:
    """Text in a script the storyboard's language is not written in (e.g. Chinese ads in an English deck)."""
    allowed = _LANGUAGE_SCRIPTS.get(language.split("-")[0].lower())
    if allowed is None:
        return
    for span in spans:
        raw = source[span.start : span.end] if source else span.text
        for offset, char in enumerate(raw):
            script = script_of(char)
            if script is None or script in allowed or script == "Other":
                continue
            line, col = position(source, span.start + offset) if source else (1, 1)
            yield Diagnostic(
                path,
                line,
                col,
                f"{script} text in a storyboard whose language is '{language}': {_excerpt(raw, offset)}",
                "remove text that does not belong (injected text?), or set 'language'",
                span.key_path,
                "warning",
                "foreign-script",
            )
            break


def missing_fonts(spans: Iterable[TextSpan], source: str, path: Path | None) -> Iterable[Diagnostic]:
    """Text in a script whose font is not installed: it would be drawn in a stand-in, or as boxes.

    Located at ``language:`` (where the storyboard says what it is written in),
    or at the first such text when the storyboard has no ``language:``.
    """
    first: dict[Slot, TextSpan] = {}
    for span in spans:
        for char in span.text:
            slot = slot_of(char)
            if slot != "latin" and slot not in first:
                first[slot] = span
    for font in fonts.missing_fonts(set(first)):
        key = re.search(r"(?m)^language:[ \t]*", source) if source else None
        index = key.end() if key else first[font.slot].start
        line, col = position(source, index) if source else (1, 1)
        yield Diagnostic(
            path,
            line,
            col,
            f"the storyboard has {font.label} text but its font, {font.family()}, is not installed",
            f"install it (Debian/Ubuntu: apt-get install {font.package}); until then it is drawn in a "
            "stand-in font that may lack its glyphs or bold, and text may not fit",
            ("language",),
            "warning",
            "missing-font",
        )


def _excerpt(text: str, at: int, around: int = 12) -> str:
    """The words around ``text[at]``, quoted, as a message shows where it found something
    (the key path it named before, ``sections.0.slides.2.bullets.1``, counted from 0)."""
    start, end = max(0, at - around), min(len(text), at + around + 1)
    shown = " ".join(text[start:end].split()).strip("'\"")  # without the YAML scalar's own quotes
    return f'"{"…" if start else ""}{shown}{"…" if end < len(text) else ""}"'


def position(source: str, index: int) -> tuple[int, int]:
    """1-based line and column of character ``index`` in ``source``."""
    return line_and_column(source, index)


def lint_storyboard(storyboard: Storyboard, columns: Mapping[int, int] | None = None) -> list[Diagnostic]:
    """Model lints: notes, bullet counts, unsourced figures; ``columns`` maps slide line -> column."""
    warnings: list[Diagnostic] = []
    for slide in storyboard.slides:
        if slide.kind in ("title", "section", "sources"):
            continue  # generated slides
        col = (columns or {}).get(slide.line, 1)
        warnings.extend(_slide_lints(storyboard.path, slide, col))
    return warnings


def _slide_lints(path: Path | None, slide: Slide, col: int) -> Iterable[Diagnostic]:
    def warn(code: str, message: str, hint: str) -> Diagnostic:
        return Diagnostic(path, slide.line, col, message, hint, (), "warning", code)

    if not slide.notes.strip():
        message = f"slide '{quoted_title(slide.title)}' has no speaker notes"
        yield warn("no-notes", message, "add 'notes:' to say what to say")
    items = getattr(slide.body, "items", ())
    if slide.kind == "bullets" and len(items) > MAX_BULLETS:
        yield warn(
            "too-many-bullets",
            f"slide '{quoted_title(slide.title)}' has {len(items)} bullets (more than {MAX_BULLETS})",
            "split the slide, or move detail into the notes",
        )
    if isinstance(slide.body, (Stats, Chart)) and not slide.sources:
        yield warn(
            "unsourced-figure",
            f"{slide.kind} slide '{quoted_title(slide.title)}' cites no source",
            "add 'sources: [{ref: ..., phrase: ...}]' so every figure can be checked",
        )
