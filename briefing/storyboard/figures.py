"""Numbers as people write them ("$25 million", "16,000", "35%", "2 million yuan"), read one way.

Both ``check --source`` (is the number on the slide the one in the cited
words?) and ``briefing draft`` (which numbers does a report state?) read
numbers with this module, so a draft's figures are exactly the ones its
check will look for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SCALES: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
CURRENCY_SYMBOLS = {"$": "$", "€": "€", "£": "£", "¥": "¥", "US$": "$"}
CURRENCY_WORDS = ("yuan", "renminbi", "rmb", "dollars", "euros", "pounds", "yen", "won", "rupees", "francs")
NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "twenty": 20,
    "fifty": 50,
    "hundred": 100,
}

_NUMBER = re.compile(
    r"(?=US\$|[$€£¥\d]|\s\d)"  # a cheap first test: most positions hold no number
    r"(?P<currency>US\$|[$€£¥])?\s?"
    r"(?<![\w.,/])(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<fraction>\.\d+)?"
    r"(?P<glued>bn|mn|tn|[kKmMbB])?(?![\w/])"
    r"(?:\s?(?P<percent>%|percent\b|per cent\b))?"
    r"(?:\s(?P<scale>thousand|million|billion|trillion|bn|mn)\b)?"
    r"(?:\s(?P<money>" + "|".join(CURRENCY_WORDS) + r")\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Number:
    """One number in a text: its value as written, its scale and what kind of quantity it is.

    ``kind`` is "percent", "money" or "count": a slide's 84% can only
    contradict a phrase's 48%, never its $48 billion.
    """

    value: float  # as written: 25 for "$25 million"
    scale: float  # 1e6 for "$25 million", 1 for "25"
    kind: str
    currency: str
    text: str  # the words it was read from, e.g. "$25 million"
    start: int  # offset of ``text`` in the string it was read from
    end: int

    @property
    def amount(self) -> float:
        return self.value * self.scale


_WORD_NUMBER = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b(?=\s+[a-z])", re.IGNORECASE)


def numbers_in(text: str, *, words: bool = False) -> list[Number]:
    """Every number written in digits in ``text``, in order (years and ranks included).

    ``words=True`` also reads "five years" as 5: cited words may spell out a
    number a slide shows in digits.
    """
    found: list[Number] = []
    if words:
        for match in _WORD_NUMBER.finditer(text):
            value = float(NUMBER_WORDS[match[1].lower()])
            found.append(Number(value, 1.0, "count", "", match[1], match.start(), match.end()))
    for match in _NUMBER.finditer(text):
        value = float(match["digits"].replace(",", "") + (match["fraction"] or ""))
        scale_word = (match["scale"] or match["glued"] or "").lower()
        currency = CURRENCY_SYMBOLS.get(match["currency"] or "", "")
        if match["money"]:
            currency = currency or match["money"].lower()
        kind = "percent" if match["percent"] else "money" if currency else "count"
        start = match.start("currency") if match["currency"] else match.start("digits")
        found.append(
            Number(
                value,
                SCALES.get(scale_word, 1.0),
                kind,
                currency,
                text[start : match.end()],
                start,
                match.end(),
            )
        )
    return sorted(found, key=lambda n: n.start)


def figure_kind(prefix: str, unit: str) -> str:
    """The kind of a figure shown with ``prefix`` and ``unit`` (as on a stat or a chart)."""
    if "%" in unit or "percent" in unit.lower():
        return "percent"
    words = f"{prefix} {unit}".lower()
    if any(symbol in prefix for symbol in CURRENCY_SYMBOLS) or any(w in words for w in CURRENCY_WORDS):
        return "money"
    return "count"


def unit_scale(unit: str) -> float:
    """The scale a display unit implies: " bn" -> 1e9, "M" -> 1e6, " km²" -> 1."""
    word = re.match(r"\s*([A-Za-z]+)", unit)
    return SCALES.get(word.group(1).lower(), 1.0) if word else 1.0


def same_quantity(value: float, scale: float, number: Number) -> bool:
    """Whether a figure (``value`` at ``scale``) says the same as ``number`` from a text.

    "$25 million" backs 25 (shown with unit "M" or none), 25,000,000, and 0.025 bn.
    """
    candidates = (number.value, number.amount)
    shown = (value, value * scale)
    return any(_close(a, b) for a in shown for b in candidates)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
