"""What a figure measures: its unit, scale and currency, and whether two figures say the same.

A slide's figure and a number in the cited words are compared three ways
(:func:`relation`): the *same* quantity (25 km² and "25 square kilometers";
$48bn and "48,000 million dollars"), the same number in a *different measure*
(25 mi² against "25 square kilometers", $25M against "$25 billion", 58 pp
against "58%"), or a *different* number.

The number reader is :mod:`briefing.storyboard.figures`; this module only
adds the unit words it does not read yet and the one comparison the checker
needs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from briefing.storyboard.figures import SCALES, Number, numbers_in

SAME, MEASURE, DIFFERENT = "same", "measure", "different"

# Unit words -> one canonical name per unit (a figure's unit is compared by that name).
_UNIT_NAMES: dict[str, tuple[str, ...]] = {
    "%": ("%", "percent", "per cent", "pct"),
    "pp": ("pp", "ppt", "ppts", "percentage points", "percentage point", "points", "point"),
    "km²": ("km²", "km2", "sq km", "sq. km", "square kilometers", "square kilometres", "square kilometer",
            "square kilometre", "平方公里", "平方千米"),
    "mi²": ("mi²", "mi2", "sq mi", "sq. mi", "square miles", "square mile"),
    "m²": ("m²", "m2", "sq m", "square meters", "square metres", "平方米"),
    "ha": ("ha", "hectares", "hectare"),
    "acre": ("acres", "acre"),
    "km": ("km", "kilometers", "kilometres", "kilometer", "kilometre", "公里"),
    "mi": ("mi", "miles", "mile"),
    "x": ("times", "fold", "倍"),
    "t": ("tonnes", "tons", "tonne", "ton", "吨"),
    "kg": ("kg", "kilograms", "kilogram"),
    "MW": ("mw", "megawatts", "megawatt"),
    "GW": ("gw", "gigawatts", "gigawatt"),
    "kWh": ("kwh",),
    "MWh": ("mwh",),
    "GWh": ("gwh",),
    "TWh": ("twh",),
    "°C": ("°c", "degrees celsius"),
    "°F": ("°f", "degrees fahrenheit"),
}
UNITS = {word: name for name, words in _UNIT_NAMES.items() for word in words}
_UNIT_AFTER = re.compile(
    r"[ \u00a0]?(?P<unit>" + "|".join(re.escape(w) for w in sorted(UNITS, key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)
_CURRENCY_NAMES: dict[str, tuple[str, ...]] = {
    "$": ("$", "us$", "usd", "dollars", "dollar", "美元"),
    "€": ("€", "eur", "euros", "euro"),
    "£": ("£", "gbp", "pounds", "pound"),
    "¥": ("¥", "yuan", "renminbi", "rmb", "cny", "元", "yen", "jpy", "円"),
    "₩": ("₩", "won", "krw"),
    "₹": ("₹", "rupees", "rupee", "inr"),
    "CHF": ("chf", "francs", "franc"),
}
CURRENCIES = {word: name for name, words in _CURRENCY_NAMES.items() for word in words}
_CURRENCY_WORD = re.compile(
    r"(?<![\w$€£¥₩₹])(" + "|".join(re.escape(w) for w in sorted(CURRENCIES, key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Measure:
    """A number with what it measures: ``value`` at ``scale``, in ``unit`` and ``currency`` ("" for none)."""

    value: float
    scale: float = 1.0
    unit: str = ""
    currency: str = ""
    text: str = ""  # as written, e.g. "25 square kilometers"
    decimals: int = 0  # the precision it is written at

    @property
    def amount(self) -> float:
        return self.value * self.scale

    @property
    def kind(self) -> str:
        """"percent", "money", "year" or "count": only numbers of one kind can contradict each other."""
        if self.unit in ("%", "pp"):
            return "percent"
        if self.currency:
            return "money"
        if is_year(self):
            return "year"
        return "count"

    @property
    def bare(self) -> bool:
        return self.scale == 1.0 and not self.unit and not self.currency


def is_year(measure: Measure) -> bool:
    text = measure.text.strip()
    return measure.bare and text.isdigit() and len(text) == 4 and 1000 <= measure.value <= 2999


def canonical_currency(word: str) -> str:
    return CURRENCIES.get(word.strip().lower(), word.strip())


def measures_in(text: str, *, words: bool = False) -> list[tuple[Number, Measure]]:
    """Every number of ``text`` with its unit (the words right after it) and currency."""
    found = []
    for number in numbers_in(text, words=words):
        match = None if number.kind == "percent" else _UNIT_AFTER.match(text, number.end)
        unit = "%" if number.kind == "percent" else UNITS[match["unit"].lower()] if match else ""
        end = match.end() if match else number.end
        currency = canonical_currency(number.currency) if number.currency else ""
        decimals = _decimals(number.text)
        shown = text[number.start : end]
        found.append((number, Measure(number.value, number.scale, unit, currency, shown, decimals)))
    return found


def _decimals(text: str) -> int:
    match = re.search(r"\d\.(\d+)", text)
    return len(match.group(1)) if match else 0


def shown_measure(value: float, prefix: str, unit: str, decimals: int, shown: str) -> Measure:
    """A stat's or a chart's value as the slide shows it with ``prefix`` and ``unit`` ("$", " bn")."""
    rest = unicodedata.normalize("NFC", unit).strip()
    scale = 1.0
    word = re.match(r"([A-Za-z]+)\b", rest)
    if word and word.group(1).lower() in SCALES:
        scale = SCALES[word.group(1).lower()]
        rest = rest[word.end() :].strip()
    currency = ""
    for text in (prefix, rest):
        match = _CURRENCY_WORD.search(text)
        if match:
            currency = canonical_currency(match.group(1))
            if text is rest:
                rest = (rest[: match.start()] + rest[match.end() :]).strip()
    name = rest.lstrip("+").strip().lower()
    return Measure(value, scale, UNITS.get(name, ""), currency, shown, decimals)


def relation(shown: Measure, cited: Measure) -> str:
    """SAME quantity, the same number in a different MEASURE, or a DIFFERENT number."""
    # The slide may leave a unit or currency to its label ("48" for "$48 billion"), but may not
    # add one the cited words do not state ("$25" for "25 firms"), nor show another.
    units_agree = not shown.unit or shown.unit == cited.unit
    currencies_agree = not shown.currency or shown.currency == cited.currency
    agree = units_agree and currencies_agree
    if agree and close(shown.amount, cited.amount):
        return SAME
    if close(shown.value, cited.value):
        scales_agree = shown.scale == 1.0 or cited.scale == 1.0 or shown.scale == cited.scale
        return SAME if agree and scales_agree else MEASURE
    return DIFFERENT


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
