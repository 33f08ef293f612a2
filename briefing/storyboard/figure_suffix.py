"""The words written right after a number's digits: its scale and its unit ("billion yuan", "万辆", "km²").

Read by string prefix lookups (keys indexed by their first character) rather
than one regular expression with hundreds of alternatives, so reading a
number costs a few dictionary lookups whatever the size of the tables.
"""

from __future__ import annotations

from typing import NamedTuple

from briefing.storyboard.figure_words import CODES, GLUED_SCALES, HAN_SCALES, SPACED_SCALES, UNIT_WORDS

LATIN = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") | frozenset(
    chr(c) for c in range(0xC0, 0x250)
)
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_GLUED_ONLY = frozenset({"x", "×", *GLUED_SCALES[6:]})  # "3.4x", "$5m": never after a space


class Suffix(NamedTuple):
    scale: str  # as written, lower case, spaces removed: "billion", "bn", "亿"
    unit: str  # as written: "square kilometers", "元", "x"; "" when none
    more: str  # "多" or "余" between scale and unit ("5亿多元")
    end: int


def _index(words: list[str]) -> dict[str, tuple[str, ...]]:
    """Keys by their first character, longest first."""
    index: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        index.setdefault(word[0], []).append(word)
    return {first: tuple(group) for first, group in index.items()}


_SCALES = _index([*SPACED_SCALES, *GLUED_SCALES, *HAN_SCALES])
_UNITS = _index([*UNIT_WORDS, "x", "×"])
_SPACED = frozenset(SPACED_SCALES) | frozenset(HAN_SCALES)
_FIRSTS = frozenset(_SCALES) | frozenset(_UNITS)
_CAPITALS = frozenset(code.lower() for code in CODES)  # "5 USD", but "5 try" is no lira


def suffix_at(text: str, end: int) -> Suffix | None:
    """Scale and unit written from ``end``; None when letters glued to the digits ("3rd") are no unit."""
    after = text[end : end + 2].lower()
    if after[:1] not in _FIRSTS and (after[:1] != " " or after[1:] not in _FIRSTS):
        return None if after[:1] in LATIN else Suffix("", "", "", end)  # the common case: ", ", " in"
    for scale, after_scale in (*_scales_at(text, end), ("", end)):
        more = text[after_scale] if scale and text[after_scale : after_scale + 1] in ("多", "余") else ""
        position = after_scale + len(more)
        for unit, after_unit in (*_words_at(text, position, _UNITS), ("", position)):
            if text[after_unit : after_unit + 1] not in LATIN:
                return Suffix(scale.replace(" ", "").lower(), unit, more, after_unit)
    return None


def _scales_at(text: str, position: int) -> list[tuple[str, int]]:
    found = []
    for word, end in _words_at(text, position, _SCALES):
        after = text[end : end + 1]
        if word.lower() in GLUED_SCALES and len(word) == 1 and after in ("²", "³", "2"):
            continue  # "5m²" is square metres
        if word == "千" and after in ("瓦", "米", "克"):
            continue  # 千瓦, 千米, 千克 are units
        if text[position : position + 1] == " " and word.strip().lower() not in _SPACED:
            continue
        found.append((word, end))
    return found


def _words_at(text: str, position: int, index: dict[str, tuple[str, ...]]) -> list[tuple[str, int]]:
    """Keys of ``index`` written at ``position`` (after at most one space), longest first, as written."""
    found = []
    for start in (position, position + 1) if text[position : position + 1] == " " else (position,):
        head = text[start : start + 24]
        lowered = head.lower()
        for key in index.get(lowered[:1], ()):
            if not lowered.startswith(key):
                continue
            if start > position and key in _GLUED_ONLY:
                continue
            if key[-1] in _LETTERS and lowered[len(key) : len(key) + 1] in _LETTERS:
                continue  # "ha" in "has", "t" in "to"
            if key in _CAPITALS and not head[: len(key)].isupper():
                continue
            found.append((text[position : start + len(key)], start + len(key)))
    return found
