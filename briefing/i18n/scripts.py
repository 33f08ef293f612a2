"""The script of each character and of each paragraph, and which way a paragraph runs.

A *slot* is the font a character is measured and drawn with: ``latin`` (the
deck's Latin font, Liberation Sans / Arial, which also holds digits, Greek,
Cyrillic and punctuation), ``cjk`` (wide East Asian characters: Han, kana,
Hangul, full-width punctuation), ``arabic`` and ``hebrew``. The layout splits a
line into runs of one slot and measures each with its own font; the app draws
the same runs with the same fonts and the deck names them (``a:latin``,
``a:ea``, ``a:cs``), so every character is measured with the glyph that is drawn.

A paragraph's script is found from its own letters, so a Chinese quote in an
English deck (or an English caption in an Arabic one) is set as what it is.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Literal

from briefing.i18n.tags import LanguageTag

Slot = Literal["latin", "cjk", "arabic", "hebrew"]
Script = Literal["", "Latin", "Han", "Kana", "Hangul", "Arabic", "Hebrew", "Other"]

_ARABIC = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_HEBREW = ((0x0590, 0x05FF), (0xFB1D, 0xFB4F))
# The script of a paragraph whose letters are mostly of a script the deck's language is not written in.
SCRIPT_LANGUAGE: dict[str, str] = {"Han": "zh", "Kana": "ja", "Hangul": "ko", "Arabic": "ar", "Hebrew": "he"}
_LANGUAGE_SCRIPTS: dict[str, frozenset[str]] = {
    "zh": frozenset({"Han"}),
    "ja": frozenset({"Han", "Kana"}),
    "ko": frozenset({"Hangul", "Han"}),
    "ar": frozenset({"Arabic"}),
    "fa": frozenset({"Arabic"}),
    "ur": frozenset({"Arabic"}),
    "he": frozenset({"Hebrew"}),
    "yi": frozenset({"Hebrew"}),
}


def _within(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code <= high for low, high in ranges)


@lru_cache(maxsize=8192)
def slot_of(char: str) -> Slot:
    """The font slot ``char`` is measured and drawn with."""
    code = ord(char)
    if code < 0x0590:
        return "latin"
    if _within(code, _HEBREW):
        return "hebrew"
    if _within(code, _ARABIC):
        return "arabic"
    if code >= 0x1100 and unicodedata.east_asian_width(char) in ("W", "F"):
        return "cjk"
    return "latin"


def slot_runs(text: str) -> list[tuple[Slot, str]]:
    """``text`` cut into runs of one slot each, in logical order."""
    runs: list[tuple[Slot, str]] = []
    for char in text:
        slot = slot_of(char)
        if runs and runs[-1][0] == slot:
            runs[-1] = (slot, runs[-1][1] + char)
        else:
            runs.append((slot, char))
    return runs


def only_latin(text: str) -> bool:
    """Every character in the Latin slot (the fast path: measured exactly as before scripts)."""
    return all(ord(c) < 0x0590 for c in text) or all(slot_of(c) == "latin" for c in text)


@lru_cache(maxsize=8192)
def is_rtl(text: str) -> bool:
    """The paragraph runs right to left: its first strong character is (UAX #9, rules P2-P3)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def _letter_script(char: str) -> Script:
    if not char.isalpha():
        return ""
    code = ord(char)
    if code < 0x0250:
        return "Latin"
    if _within(code, _ARABIC):
        return "Arabic"
    if _within(code, _HEBREW):
        return "Hebrew"
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9D:
        return "Kana"
    if 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F or 0xAC00 <= code <= 0xD7AF:
        return "Hangul"
    if slot_of(char) == "cjk":
        return "Han"
    return "Other"


@lru_cache(maxsize=8192)
def paragraph_script(text: str) -> Script:
    """The script most of the paragraph's letters are in (any kana: Japanese; any Hangul: Korean)."""
    counts: dict[Script, int] = {}
    for char in text:
        script = _letter_script(char)
        if script:
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return ""
    for marked in ("Kana", "Hangul"):
        if marked in counts:
            return marked  # type: ignore[return-value]
    return max(counts, key=lambda s: counts[s])


def paragraph_language(text: str, deck: LanguageTag) -> LanguageTag:
    """The language a paragraph is in: the deck's, unless its letters are in a script the deck's is not.

    A Chinese paragraph in an English deck is ``zh``; Japanese kana make it
    ``ja``; a Latin paragraph keeps the deck's tag (the script alone cannot say
    which Latin-script language it is).
    """
    script = paragraph_script(text)
    if script in ("", "Latin", "Other") or script in _LANGUAGE_SCRIPTS.get(deck.language, frozenset()):
        return deck
    language = SCRIPT_LANGUAGE[script]
    if language == "zh" and deck.language in ("ja", "ko"):
        return deck  # Han characters in a Japanese or Korean deck are that language's
    return LanguageTag(language, language)


LRM = "\u200e"  # left-to-right mark: invisible, zero width (Liberation Sans has it)


def keep_order(piece: str, rtl_context: bool) -> str:
    """A left-to-right ``piece`` (an English title, a quoted phrase) set inside right-to-left text,
    with a left-to-right mark after it so its closing quote or bracket stays at its end (UAX #9
    would otherwise give trailing punctuation to the surrounding right-to-left text)."""
    if not rtl_context or not piece or is_rtl(piece):
        return piece
    return piece + LRM
