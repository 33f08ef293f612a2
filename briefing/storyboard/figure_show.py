"""How a figure read from a text is shown on a slide: :func:`slide_form` (``prefix`` and ``unit``).

Used through :mod:`briefing.storyboard.figures`; what it returns reads back,
through ``format_number``, as the same figure.
"""

from __future__ import annotations

import re

from briefing.storyboard.figure_number import Number
from briefing.storyboard.figure_words import (
    CURRENCY_BEFORE,
    HAN_SCALE_UNITS,
    SCALE_UNITS,
    SCALE_WORDS,
    SLIDE_UNITS,
)
from briefing.storyboard.numbers import format_number


def slide_form(number: Number) -> tuple[str, str]:
    """The ``prefix`` and ``unit`` that show ``number`` on a slide the way its text says it.

    ``format_number(number.value, prefix=..., unit=...)`` reads back as the
    same figure: "$25 million" -> ("$", "M"), "50 billion yuan" -> ("", " billion yuan"),
    "280万辆" -> ("", "万辆"), "25 square kilometers" -> ("", " km²"), "1 in 5" -> ("", " in 5").
    Approximations ("more than") are left to the caller.
    """
    han = _HAN.search(number.text) is not None
    scale = _scale_text(number.scale, han, number.kind)
    if number.kind == "ratio":
        return "", f" in {format_number(number.other or 0.0)}"
    if number.kind in ("percent", "pp") and number.scale != 1.0:
        return "", {"percent": "‰", "pp": " bps"}[number.kind]
    if number.kind in SLIDE_UNITS_BY_KIND:
        return "", SLIDE_UNITS_BY_KIND[number.kind]
    if number.kind == "measure":
        return "", f"{scale}{'' if han else ' '}{number.unit}".replace("  ", " ")
    if number.kind == "money":
        return _money_form(number, scale, han)
    return "", scale + (number.unit if han else "")


SLIDE_UNITS_BY_KIND = {"percent": SLIDE_UNITS["%"], "pp": SLIDE_UNITS["pp"], "multiple": SLIDE_UNITS["x"]}
_HAN = re.compile(r"[\u3400-\u9fff]")


def _scale_text(scale: float, han: bool, kind: str) -> str:
    if scale == 1.0:
        return ""
    if han and scale in HAN_SCALE_UNITS:
        return HAN_SCALE_UNITS[scale]
    if kind == "money":
        return SCALE_UNITS.get(scale) or " " + SCALE_WORDS.get(scale, "")
    return " " + SCALE_WORDS.get(scale, "")


def _money_form(number: Number, scale: str, han: bool) -> tuple[str, str]:
    symbol = number.symbol
    if symbol.lower() in CURRENCY_BEFORE and not symbol.isalpha():
        return symbol, scale
    if symbol.lower() in CURRENCY_BEFORE and symbol.isascii() and symbol.isupper():
        return f"{symbol} ", scale.strip() if scale.strip() in SCALE_UNITS.values() else scale
    if han:
        return "", f"{scale}{symbol}"
    words = SCALE_WORDS.get(number.scale, "")
    return "", " " + " ".join(w for w in (words, symbol.lower()) if w)
