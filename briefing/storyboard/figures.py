"""Figures as people write them, read one way: "$48bn", "25 square kilometers", "达到280万辆", "1 in 5".

A figure is a value with its scale, its unit and its currency. Both
``check --source`` (is the figure on the slide the one in the cited words?)
and ``briefing draft`` (which figures does a report state?) read text with
:func:`numbers_in`; a slide's own figure (a stat's ``value``, ``prefix`` and
``unit``) is read with :func:`shown_figure`, and :func:`agreement` is the one
comparison of the two: the same figure, the same number in another unit,
scale, currency or sign, or a different number.

Written forms read (English and Chinese): digits with thousands commas and
decimals, full-width digits and ``％``; a sign (``-3%``, ``−3%``) or a verb
of direction ("fell 3%": 3 with direction -1); scale words (thousand/k,
million/m/mn, billion/bn/b, trillion/tn, lakh, crore, 千 万 十万 百万 千万
亿 十亿 百亿 千亿 万亿); currencies before (``$ US$ HK$ € £ ¥ ₦ ₹`` and ISO
codes) or after ("dollars", "yuan", "naira", 元, 美元, codes); percent
(``%``, "percent", "per cent", 百分之N), percentage points ("pp",
"percentage points", 个百分点, basis points), multiples ("3.4x", "3.4 times",
"3.4-fold", 3.4倍), measures (km², mi², m², ha, km, t, kg, kW to TW, kWh to
TWh, TEU, and 平方公里, 公里, 公顷, 吨, 千瓦 ...), Chinese counters (辆, 家,
个 ...), approximations ("about", "more than", "16,000+", 约, 近, 多, 以上),
ranges ("30–40%", "between 30 and 40 percent": both ends, both percent),
changes ("from 12% to 19%") and ratios ("1 in 5", 五分之一: one figure, 20%).
Years, dates, ranks ("top 100", 第3), list numbers, section numbers
("2.3.1"), footnote markers ("[3]"), clock times and phone numbers are not
figures: they are kinds of their own or not read at all.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from briefing.storyboard import figure_context as context
from briefing.storyboard.figure_compare import ASPECTS, DIFFERENT, SAME, agreement, best_agreement, close
from briefing.storyboard.figure_number import FIGURE_KINDS, NOT_FIGURES, Number
from briefing.storyboard.figure_words import (
    CURRENCY_BEFORE,
    GLUED_SCALES,
    HAN_NUMERAL,
    HAN_SCALE_UNITS,
    HAN_SCALES,
    NUMBER_WORDS,
    SCALE_UNITS,
    SCALE_WORDS,
    SCALES,
    SLIDE_UNITS,
    SPACED_SCALES,
    UNIT_WORDS,
    han_number,
)
from briefing.storyboard.numbers import format_number


# --------------------------------------------------------------------------- reading
def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_LATIN = "0-9A-Za-z\u00c0-\u024f"
_NUMBER = re.compile(
    rf"(?<![{_LATIN}_.,/:])(?<![A-Za-z]-)"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?P<fraction>\.\d+)?(?!\.\d|,\d{3}|:\d|/\d)"
    r"(?P<more>\+(?!\d)|多|余)?"
    rf"(?P<scale>\s?(?:{_alternation(SPACED_SCALES)})(?![A-Za-z])"
    rf"|(?:{_alternation(GLUED_SCALES)})(?![A-Za-z²³2])"
    rf"|\s?(?:{_alternation(HAN_SCALES[:-1])}|千(?![瓦米克]))(?![瓦时])?)?"
    r"(?P<more2>多|余)?"
    rf"(?:\s?(?P<unit>{_alternation(UNIT_WORDS)})|(?P<times>[x×]))?"
    rf"(?![{_LATIN}])",
    re.IGNORECASE,
)
_BEFORE = re.compile(
    r"(?P<sign>(?:(?<=[\s(\[（“\"'=:：,，;；/])|^)[-+])?(?P<mark>≈|~)?"
    r"(?:(?<![A-Za-z])(?P<cur>"
    + _alternation([*CURRENCY_BEFORE, *(c.upper() for c in CURRENCY_BEFORE if c.isascii())])
    + r"))?\s?\Z"
)
_SKIP = re.compile(  # dates, clock times and phone numbers: not figures, not read
    r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{4}/\d{1,2}/\d{1,2}\b"
    r"|\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s-]?\d{2,4}){2,4}|\(0?\d{2,4}\)\s?\d{3,4}[\s-]?\d{4}"
    r"|\b0\d{1,3}[-\s]\d{3,4}[-\s]?\d{4}\b|\b0\d{2,3}-\d{7,8}\b|\b\d{3}-\d{3}-\d{4}\b"
)
_HAN_FORMS = re.compile(
    rf"百分之(?P<percent>[\d.]+|[{HAN_NUMERAL}]+)"
    rf"|(?P<whole>\d+|[{HAN_NUMERAL}]+)分之(?P<part>[\d.]+|[{HAN_NUMERAL}]+)"
    rf"|(?<![{HAN_NUMERAL}\d])(?P<times>[{HAN_NUMERAL}]+)倍"
)
_WORD_NUMBER = re.compile(
    r"\b(" + "|".join(NUMBER_WORDS) + r")\b(?=\s+[a-z]|\s*(?:[.,;:!?)]|$))", re.IGNORECASE
)
_FULL_WIDTH = str.maketrans(
    {chr(0xFF10 + i): str(i) for i in range(10)}
    | {
        "％": "%",
        "．": ".",
        "−": "-",
        "＋": "+",
        "＄": "$",
        "￥": "¥",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)
_MAY_HOLD = re.compile(r"[0-9０-９]|分之|倍")


def numbers_in(text: str, *, words: bool = False) -> list[Number]:
    """Every number in ``text``, in order: figures and also years, dates and ranks (see ``kind``).

    ``words=True`` also reads "five years" as 5 and "one in five" as a ratio:
    cited words may spell out a number a slide shows in digits.
    """
    return list(_read(text, words))


def figures_in(text: str, *, words: bool = False) -> list[Number]:
    """The numbers of ``text`` that are figures (no years, dates, ranks or list numbers)."""
    return [n for n in _read(text, words) if n.is_figure]


@lru_cache(maxsize=8192)
def _read(text: str, words: bool) -> tuple[Number, ...]:
    if not _MAY_HOLD.search(text) and not words:
        return ()
    norm = text.translate(_FULL_WIDTH)  # one character for one: offsets stay true
    skip = [m.span() for m in _SKIP.finditer(norm)] if len(norm) > 6 else []
    han = list(_han_forms(text, norm)) if ("分之" in norm or "倍" in norm) else []
    taken = skip + [(n.start, n.end) for n in han]
    found = [
        _number(text, norm, match)
        for match in _NUMBER.finditer(norm)
        if not any(a <= match.start() < b for a, b in taken)
    ]
    if words:
        found += _word_numbers(text)
    joined = context.join(sorted(found + han, key=lambda n: n.start), norm)
    return tuple(n for n in joined if not (n.text.lower() == "one" and n.kind == "count"))


def _number(text: str, norm: str, match: re.Match[str]) -> Number:
    value = float(match["digits"].replace(",", "") + (match["fraction"] or ""))
    before = _BEFORE.search(norm, max(0, match.start() - 14), match.start())
    sign, mark, written = (before["sign"], before["mark"], before["cur"]) if before else (None, None, None)
    start = before.start() if before and (sign or mark or written) else match.start()
    kind, unit, scale, currency, symbol = _measure(match, written)
    end = match.end()
    approx = mark or context.approx_before(norm, start) or (match["more"] or match["more2"] or "").lower()
    if not approx:
        approx, end = context.approx_after(norm, end)
    whole = not match["fraction"] and "," not in match["digits"]
    if kind == "count" and scale == 1.0 and whole and not sign and not approx:
        kind = context.plain_kind(norm, match.start(), end, match["digits"], unit)
    direction = {"-": -1, "+": 1}.get(sign or "", 0)
    if direction == 0 and kind in FIGURE_KINDS:
        direction = context.direction_before(norm, start)
    signed = -value if sign == "-" else value
    return Number(signed, scale, kind, currency, text[start:end], start, end, unit, symbol, approx, direction)


def _measure(match: re.Match[str], written: str | None) -> tuple[str, str, float, str, str]:
    """(kind, unit, scale, currency, currency as written) from the words around the digits."""
    scale = SCALES.get(re.sub(r"\s", "", match["scale"] or "").lower(), 1.0)
    word = UNIT_WORDS.get((match["unit"] or "").lower())
    kind, unit, currency, symbol = "count", "", "", ""
    if word is not None and word.kind == "money":
        kind, currency, symbol = "money", word.unit, match["unit"]
    elif word is not None:
        kind, unit, scale = word.kind, word.unit, scale * word.scale
    elif match["times"]:
        kind, unit = "multiple", "x"
    if written and kind in ("count", "money") and not unit:
        code = CURRENCY_BEFORE[written.lower()]
        currency = currency if code == "¥" and currency in ("CNY", "JPY") else code
        kind, symbol = "money", written
    return kind, unit, scale, currency, symbol


def _han_forms(text: str, norm: str) -> list[Number]:
    """百分之三十 (30%), 五分之一 (1 in 5), 三倍 (3x): Chinese numerals where they cannot be words."""
    found: list[Number] = []
    for match in _HAN_FORMS.finditer(norm):
        start, end = match.span()
        if match["percent"]:
            value = _han_or_digits(match["percent"])
            if value is not None:
                found.append(Number(value, 1.0, "percent", "", text[start:end], start, end, "%"))
        elif match["whole"]:
            whole, part = _han_or_digits(match["whole"]), _han_or_digits(match["part"])
            if whole and part is not None and match["whole"] != "百":
                found.append(
                    Number(part, 1.0, "ratio", "", text[start:end], start, end, role="ratio", other=whole)
                )
        else:
            value = han_number(match["times"])
            if value is not None:
                found.append(Number(value, 1.0, "multiple", "", text[start:end], start, end, "x"))
    return found


def _han_or_digits(written: str) -> float | None:
    try:
        return float(written)
    except ValueError:
        return han_number(written)


def _word_numbers(text: str) -> list[Number]:
    return [
        Number(float(NUMBER_WORDS[m[1].lower()]), 1.0, "count", "", m[1], m.start(), m.end())
        for m in _WORD_NUMBER.finditer(text)
    ]


# --------------------------------------------------------------------------- the slide side
def shown_figure(value: float, prefix: str = "", unit: str = "") -> Number:
    """A figure a slide shows (a stat's or chart's ``value``, ``prefix`` and ``unit``), read as text is.

    ``shown_figure(48, "$", "bn")`` is money, 48 at 1e9, USD; ``(25, "", " km²")``
    a measure in km²; ``(58, "", " pp")`` percentage points; ``(3.4, "", "x")`` a multiple.
    """
    glued = unit.strip() if unit.strip().lower() in GLUED_SCALES else unit
    text = f"{prefix}1{glued}"
    digit = len(prefix)
    read = next((n for n in numbers_in(text) if n.start <= digit < n.end), None)
    shown = format_number(value, prefix=prefix, unit=unit)
    if read is None:
        return Number(value, 1.0, "count", "", shown, 0, len(shown), direction=_direction(value, prefix))
    kind = read.kind if read.is_figure else "count"
    signed = -abs(value) if "-" in prefix or "−" in prefix else value
    other = read.other if read.kind == "ratio" else None
    return replace(
        read,
        value=signed,
        kind=kind,
        text=shown,
        start=0,
        end=len(shown),
        direction=_direction(signed, prefix) or read.direction,
        role="ratio" if other else "",
        other=other,
    )


def _direction(value: float, prefix: str) -> int:
    if value < 0 or "-" in prefix or "−" in prefix:
        return -1
    return 1 if "+" in prefix else 0


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


# --------------------------------------------------------------------------- before the figure reader
def figure_kind(prefix: str, unit: str) -> str:
    """The kind of a figure shown with ``prefix`` and ``unit`` (as on a stat or a chart)."""
    return shown_figure(1.0, prefix, unit).kind


def unit_scale(unit: str) -> float:
    """The scale a display unit implies: " bn" -> 1e9, "M" -> 1e6, "万" -> 1e4, " km²" -> 1."""
    return shown_figure(1.0, "", unit).scale


def same_quantity(value: float, scale: float, number: Number) -> bool:
    """Whether a figure (``value`` at ``scale``) is the number ``number`` states, whatever its unit.

    "$25 million" backs 25 (shown with unit "M" or none), 25,000,000, and 0.025 bn.
    """
    candidates = (number.value, number.amount)
    shown = (value, value * scale)
    return any(close(a, b) for a in shown for b in candidates)


__all__ = [
    "ASPECTS",
    "DIFFERENT",
    "FIGURE_KINDS",
    "NOT_FIGURES",
    "SAME",
    "Number",
    "agreement",
    "best_agreement",
    "figure_kind",
    "figures_in",
    "numbers_in",
    "same_quantity",
    "shown_figure",
    "slide_form",
    "unit_scale",
]
