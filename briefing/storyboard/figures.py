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

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from briefing.storyboard import figure_context as context
from briefing.storyboard.figure_words import (
    CURRENCY_BEFORE,
    DIMENSIONS,
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

FIGURE_KINDS = frozenset({"percent", "pp", "money", "count", "measure", "multiple", "ratio"})
NOT_FIGURES = frozenset({"year", "date", "ordinal"})
SAME = "same"
DIFFERENT = "different"
ASPECTS = ("currency", "unit", "scale", "sign")  # what can differ while the number agrees


@dataclass(frozen=True)
class Number:
    """One number in a text, with what it measures.

    ``kind`` is "percent", "pp", "money", "count", "measure", "multiple" or
    "ratio" for figures, and "year", "date" or "ordinal" (ranks, list and
    section numbers, footnote markers) for numbers that are not figures.
    """

    value: float  # as written, signed: 25 for "$25 million", -3 for "-3%", 3 for "fell 3%"
    scale: float  # 1e6 for "$25 million", 1e4 for "280万", 1 for "25"
    kind: str
    currency: str  # ISO code ("USD", "CNY", "NGN"), "¥" (yen or yuan), "" when none
    text: str  # the words it was read from, e.g. "$25 million"
    start: int  # offset of ``text`` in the string it was read from
    end: int
    unit: str = ""  # canonical: "%", "pp", "x", "km²", "MW"; a counter ("辆") for a count
    symbol: str = ""  # the currency as written: "$", "HK$", "₦", "USD", "yuan", "元"
    approx: str = ""  # as written, lower case: "about", "more than", "+", "约", "以上"
    direction: int = 0  # -1 for "-3%" or "fell 3%", +1 for "+3%" or "rose 3%"
    role: str = ""  # "low"/"high" of a range, "from"/"to" of a change, "ratio" for "1 in 5"
    other: float | None = None  # the other end of a range or change; the 5 of "1 in 5"

    @property
    def amount(self) -> float:
        return self.value * self.scale

    @property
    def is_figure(self) -> bool:
        return self.kind in FIGURE_KINDS

    @property
    def share(self) -> float | None:
        """The percent a share states: 20 for "20%" and for "1 in 5"; None for other kinds."""
        if self.kind == "ratio" and self.other:
            return 100 * self.value / self.other
        return self.amount if self.kind == "percent" else None

    @property
    def base(self) -> float:
        """The amount in the base unit of its dimension (25 km² -> 25e6 m²; 1.4 GW -> 1.4e9 W)."""
        return (
            self.amount * DIMENSIONS.get(self.unit, ("", 1.0))[1] if self.kind == "measure" else self.amount
        )


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
    r"(?P<sign>(?:(?<=[\s(\[（“\"'=:：,，;；/])|^)[-+])?"
    r"(?:(?<![A-Za-z])(?P<cur>"
    + _alternation([*CURRENCY_BEFORE, *(c.upper() for c in CURRENCY_BEFORE if c.isascii())])
    + r"))?\s?\Z"
)
_SKIP = re.compile(  # dates, clock times and phone numbers: not figures, not read
    r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{4}/\d{1,2}/\d{1,2}\b"
    r"|\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s-]?\d{2,4}){2,4}|\(0?\d{2,4}\)\s?\d{3,4}[\s-]?\d{4}"
    r"|\b0\d{2,3}-\d{7,8}\b|\b\d{3}-\d{3}-\d{4}\b"
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
    joined = _join(sorted(found + han, key=lambda n: n.start), norm)
    return tuple(n for n in joined if not (n.text.lower() == "one" and n.kind == "count"))


def _number(text: str, norm: str, match: re.Match[str]) -> Number:
    value = float(match["digits"].replace(",", "") + (match["fraction"] or ""))
    before = _BEFORE.search(norm, max(0, match.start() - 12), match.start())
    sign = before["sign"] if before else None
    written = before["cur"] if before else None
    start = before.start() if before and (sign or written) else match.start()
    scale = SCALES.get(re.sub(r"\s", "", match["scale"] or "").lower(), 1.0)
    unit_text = (match["unit"] or "").lower()
    word = UNIT_WORDS.get(unit_text)
    kind, unit, currency, symbol = "count", "", "", ""
    if word is not None and word.kind == "money":
        kind, currency, symbol = "money", word.unit, match["unit"]
    elif word is not None:
        kind, unit, scale = word.kind, word.unit, scale * word.scale
    elif match["times"]:
        kind, unit = "multiple", "x"
    if written and kind in ("count", "money"):
        code = CURRENCY_BEFORE[written.lower()]
        currency = currency if code == "¥" and currency in ("CNY", "JPY") else code
        kind, symbol = "money", written
    end = match.end()
    approx = context.approx_before(norm, start) or (match["more"] or match["more2"] or "").lower()
    if not approx:
        approx, end = context.approx_after(norm, end)
    plain = (
        kind == "count" and scale == 1.0 and not unit and not match["fraction"] and "," not in match["digits"]
    )
    if plain and not sign and not approx:
        kind = context.plain_kind(norm, match.start(), end, match["digits"], approx)
    direction = {"-": -1, "+": 1}.get(sign or "", 0)
    if direction == 0 and kind in FIGURE_KINDS:
        direction = context.direction_before(norm, start)
    signed = -value if sign == "-" else value
    return Number(signed, scale, kind, currency, text[start:end], start, end, unit, symbol, approx, direction)


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


# --------------------------------------------------------------------------- ranges, changes, ratios
def _join(numbers: list[Number], norm: str) -> list[Number]:
    """ "1 in 5" as one ratio; "30–40%" and "from 12% to 19%" as two figures of one kind."""
    out: list[Number] = []
    index = 0
    while index < len(numbers):
        first = numbers[index]
        second = numbers[index + 1] if index + 1 < len(numbers) else None
        if second is None or not (first.is_figure and second.is_figure) or first.end > second.start:
            out.append(first)
            index += 1
            continue
        gap = norm[first.end : second.start]
        if _is_ratio(first, second, gap):
            out.append(_ratio(first, second, norm))
            index += 2
            continue
        roles = _pair_roles(first, gap, norm)
        if roles is None:
            out.append(first)
            index += 1
            continue
        low, high = _pair(first, second, roles)
        out.append(low)
        numbers[index + 1] = high
        index += 1
    return out


def _is_ratio(first: Number, second: Number, gap: str) -> bool:
    counts = first.kind == second.kind == "count" and first.scale == second.scale == 1.0
    whole = first.value.is_integer() and second.value.is_integer() and not first.unit
    return counts and whole and 0 < first.value < second.value and context.ratio_gap(gap)


def _ratio(first: Number, second: Number, norm: str) -> Number:
    text = first.text + norm[first.end : second.start] + second.text
    return replace(first, kind="ratio", text=text, end=second.end, role="ratio", other=second.value)


def _pair_roles(first: Number, gap: str, norm: str) -> tuple[str, str] | None:
    if context.is_from(norm, first.start) and context.change_gap(gap):
        return ("from", "to")
    if context.range_gap(gap, context.is_between(norm, first.start)):
        return ("low", "high")
    return None


def _pair(first: Number, second: Number, roles: tuple[str, str]) -> tuple[Number, Number]:
    """Both ends of a range or change, each with what the other end says ("$30–40 million")."""
    kind = second.kind if first.kind == "count" else first.kind
    second_kind = first.kind if second.kind == "count" else second.kind
    low = replace(
        first,
        kind=kind,
        scale=second.scale if first.scale == 1.0 else first.scale,
        unit=first.unit or second.unit,
        currency=first.currency or second.currency,
        symbol=first.symbol or second.symbol,
        role=roles[0],
        other=second.value,
    )
    high = replace(
        second,
        kind=second_kind,
        scale=first.scale if second.scale == 1.0 and roles[0] == "from" else second.scale,
        unit=second.unit or first.unit,
        currency=second.currency or first.currency,
        symbol=second.symbol or first.symbol,
        role=roles[1],
        other=first.value,
    )
    return low, high


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


# --------------------------------------------------------------------------- comparing
def agreement(shown: Number, cited: Number) -> str:
    """How a figure a slide shows compares with a number of the cited words.

    :data:`SAME`; or the aspect that differs while the number agrees:
    "currency" ($48bn vs €48 billion), "unit" (25 km² vs 25 km; 58% vs 58 pp),
    "scale" ($48bn vs $48 million), "sign" (-3% vs "rose 3%"); or
    :data:`DIFFERENT`. A bare number on either side (no unit, scale or
    currency: a chart whose unit is in its title) agrees with any unit.
    """
    if not _numbers_agree(shown, cited):
        return DIFFERENT
    if shown.currency and cited.currency and not _same_currency(shown.currency, cited.currency):
        return "currency"
    if _units_differ(shown, cited):
        return "unit"
    if shown.scale != 1.0 and cited.scale != 1.0 and not _close(shown.base, cited.base):
        if shown.kind not in ("ratio",) and not _share_agrees(shown, cited):
            return "scale"
    if shown.direction and cited.direction and shown.direction != cited.direction:
        return "sign"
    return SAME


def best_agreement(shown: Number, cited: list[Number]) -> tuple[str, Number | None]:
    """The best :func:`agreement` of ``shown`` with any of ``cited``, and that number.

    :data:`SAME` wins; then an aspect (the phrase has this number in another
    unit, scale, currency or sign); else ``(DIFFERENT, None)``.
    """
    differing: tuple[str, Number | None] = (DIFFERENT, None)
    for number in cited:
        verdict = agreement(shown, number)
        if verdict == SAME:
            return SAME, number
        if verdict != DIFFERENT and differing[1] is None:
            differing = (verdict, number)
    return differing


def _numbers_agree(shown: Number, cited: Number) -> bool:
    if shown.kind == "ratio" or cited.kind == "ratio":
        if shown.kind == cited.kind == "ratio":
            return _close(shown.value, cited.value) and shown.other == cited.other
        return _share_agrees(shown, cited) or (_bare(cited) and _close(shown.value, cited.value))
    if _close(abs(shown.value), abs(cited.value)):
        return True
    return _close(abs(shown.base), abs(cited.base))


def _share_agrees(shown: Number, cited: Number) -> bool:
    """20% and "1 in 5" agree; 33% and "1 in 3" too (at the precision the slide shows)."""
    a, b = shown.share, cited.share
    if a is None or b is None:
        return False
    decimals = 0 if float(abs(shown.value)).is_integer() else len(repr(abs(shown.value)).split(".")[-1])
    return abs(abs(a) - abs(b)) <= 0.5 * 10.0**-decimals + 1e-9


def _units_differ(shown: Number, cited: Number) -> bool:
    if _bare(shown) or _bare(cited):
        return False
    if _family(shown) != _family(cited):
        return True
    if shown.kind == cited.kind == "measure" and shown.unit != cited.unit:
        one = DIMENSIONS.get(shown.unit, (shown.unit, 1.0))[0]
        two = DIMENSIONS.get(cited.unit, (cited.unit, 1.0))[0]
        return one != two or not _close(abs(shown.base), abs(cited.base))
    return False


def _family(number: Number) -> str:
    """Kinds that may state one quantity: money and counts (a currency said elsewhere), shares."""
    return {"money": "amount", "count": "amount", "ratio": "percent"}.get(number.kind, number.kind)


def _bare(number: Number) -> bool:
    return number.kind == "count" and not number.unit and number.scale == 1.0


def _same_currency(one: str, two: str) -> bool:
    yen_or_yuan = {"¥", "CNY", "JPY"}
    return one == two or ("¥" in (one, two) and {one, two} <= yen_or_yuan)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


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
    return any(_close(a, b) for a in shown for b in candidates)
