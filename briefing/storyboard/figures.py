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
from briefing.storyboard.figure_show import slide_form
from briefing.storyboard.figure_suffix import LATIN, Suffix, suffix_at
from briefing.storyboard.figure_words import (
    CURRENCY_BEFORE,
    CURRENCY_MIXED,
    GLUED_SCALES,
    HAN_NUMERAL,
    NUMBER_WORDS,
    SCALES,
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
)
# Currencies written before a number: symbols as written, codes in capitals only ("try 5" is no lira).
_CURRENCY_FORMS = tuple(
    sorted(
        {f.upper() if f.isascii() else f for f in CURRENCY_BEFORE} | set(CURRENCY_MIXED),
        key=len,
        reverse=True,
    )
)
_CURRENCY_SET = frozenset(_CURRENCY_FORMS)
_LONGEST_FORM = max(map(len, _CURRENCY_FORMS))
_NO_SIGN_AFTER = LATIN | frozenset(".,%)]}")  # "30-40", "x-5": a dash, not a minus
_SKIP = re.compile(  # dates, clock times and phone numbers: not figures, not read
    r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{4}/\d{1,2}/\d{1,2}\b"
    r"|\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s-]?\d{2,4}){2,4}|\(0?\d{2,4}\)\s?\d{3,4}[\s-]?\d{4}"
    r"|\b0\d{1,3}[-\s]\d{3,4}[-\s]?\d{4}\b|\b0\d{2,3}-\d{7,8}\b|\b\d{3}-\d{3}-\d{4}\b"
)
_SKIP_HINT = re.compile(r"[-+(/]|\b0\d")
_HAN_FORMS = re.compile(
    rf"百分之(?P<percent>[\d.]+|[{HAN_NUMERAL}]+)"
    rf"|(?P<whole>\d+|[{HAN_NUMERAL}]+)分之(?P<part>[\d.]+|[{HAN_NUMERAL}]+)"
    rf"|(?<![{HAN_NUMERAL}\d])(?P<times>[{HAN_NUMERAL}]+)倍"
    r"|(?<![零〇一二两三四五六七八九十百千万\d])(?P<tenths>[一二两三四五六七八九])成(?![为本功果员立长就熟绩交品型分都年人效不])"
)
_WORD_NUMBER = re.compile(
    r"\b((?i:" + "|".join(NUMBER_WORDS) + r"))(?:\b(?=\s+[A-Za-z]|\s*(?:[.,;:!?)]|$))|(?=-?fold\b))"
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
_MAY_HOLD = re.compile(r"[0-9０-９]|分之|倍|成")


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
    norm = text if text.isascii() else text.translate(_FULL_WIDTH)  # one for one: offsets stay true
    skip = [m.span() for m in _SKIP.finditer(norm)] if _SKIP_HINT.search(norm) else []
    han = list(_han_forms(text, norm)) if ("分之" in norm or "倍" in norm or "成" in norm) else []
    taken = skip + [(n.start, n.end) for n in han]
    found = [
        number
        for match in _NUMBER.finditer(norm)
        if not (taken and any(a <= match.start() < b for a, b in taken))
        and (number := _number(text, norm, match)) is not None
    ]
    if words:
        found += _word_numbers(text)
    joined = context.join(sorted(found + han, key=lambda n: n.start), norm)
    return tuple(n for n in joined if not (n.text.lower() == "one" and n.kind == "count"))


def _number(text: str, norm: str, match: re.Match[str]) -> Number | None:
    after = suffix_at(norm, match.end())
    if after is None:
        return None  # "3rd", "5G": letters glued to the digits
    value = float(match["digits"].replace(",", "") + (match["fraction"] or ""))
    start, sign, mark, written = _before(norm, match.start())
    kind, unit, scale, currency, symbol = _measure(after, written)
    end = after.end
    before = context.lead(norm, start)
    approx = mark or context.approx_before(*before) or (match["more"] or after.more).lower()
    if not approx:
        approx, end = context.approx_after(norm, end)
    whole = not match["fraction"] and "," not in match["digits"]
    if kind == "count" and scale == 1.0 and whole and not sign and not approx:
        kind = context.plain_kind(norm, match.start(), end, match["digits"], unit, before)
    direction = {"-": -1, "+": 1}.get(sign, 0)
    if direction == 0 and kind in FIGURE_KINDS:
        direction = context.direction_before(*before)
    signed = -value if sign == "-" else value
    return Number(signed, scale, kind, currency, text[start:end], start, end, unit, symbol, approx, direction)


def _before(norm: str, start: int) -> tuple[int, str, str, str]:
    """(start, sign, approximation mark, currency) written just before the digits at ``start``.

    "-≈$1M" is how format_number writes a negative approximate figure.
    """
    written = ""
    at = start - 1 if norm[start - 1 : start] == " " else start
    for size in range(min(at, _LONGEST_FORM), 0, -1):
        form = norm[at - size : at]
        if form in _CURRENCY_SET and not (form[-1].isalpha() and norm[at - size - 1 : at - size].isalpha()):
            written, start = form, at - size
            break
    mark = norm[start - 1] if start and norm[start - 1] in "≈~" else ""
    start -= len(mark)
    sign = norm[start - 1] if start and norm[start - 1] in "-+" else ""
    if sign and (start == 1 or norm[start - 2] not in _NO_SIGN_AFTER):
        start -= 1
    else:
        sign = ""
    return start, sign, mark, written


def _measure(after: Suffix, written: str) -> tuple[str, str, float, str, str]:
    """(kind, unit, scale, currency, currency as written) from the words around the digits."""
    scale = SCALES.get(after.scale, 1.0)
    word = UNIT_WORDS.get(after.unit.strip().lower())
    kind, unit, currency, symbol = "count", "", "", ""
    if word is not None and word.kind == "money":
        kind, currency, symbol = "money", word.unit, after.unit.strip()
    elif word is not None:
        kind, unit, scale = word.kind, word.unit, scale * word.scale
    elif after.unit in ("x", "×"):
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
        approx = context.approx_before(*context.lead(norm, start))
        if match["percent"]:
            value = _han_or_digits(match["percent"])
            if value is not None:
                found.append(
                    Number(value, 1.0, "percent", "", text[start:end], start, end, "%", approx=approx)
                )
        elif match["whole"]:
            whole, part = _han_or_digits(match["whole"]), _han_or_digits(match["part"])
            if whole and part is not None and match["whole"] != "百":
                found.append(
                    Number(
                        part,
                        1.0,
                        "ratio",
                        "",
                        text[start:end],
                        start,
                        end,
                        approx=approx,
                        role="ratio",
                        other=whole,
                    )
                )
        elif match["tenths"]:
            value = 10.0 * (han_number(match["tenths"]) or 0.0)
            found.append(Number(value, 1.0, "percent", "", text[start:end], start, end, "%", approx=approx))
        else:
            value = han_number(match["times"])
            if value is not None:
                found.append(
                    Number(value, 1.0, "multiple", "", text[start:end], start, end, "x", approx=approx)
                )
    return found


def _han_or_digits(written: str) -> float | None:
    try:
        return float(written)
    except ValueError:
        return han_number(written)


def _word_numbers(text: str) -> list[Number]:
    """ "five years", "three times", "twenty percent": numbers spelled out, with their unit."""
    found = []
    for match in _WORD_NUMBER.finditer(text):
        after = suffix_at(text, match.end()) or Suffix("", "", "", match.end())
        kind, unit, scale, currency, symbol = _measure(after, "")
        value = float(NUMBER_WORDS[match[1].lower()])
        start, end = match.start(), after.end
        found.append(Number(value, scale, kind, currency, text[start:end], start, end, unit, symbol))
    return found


# --------------------------------------------------------------------------- the slide side
def shown_figure(value: float, prefix: str = "", unit: str = "") -> Number:
    """A figure a slide shows (a stat's or chart's ``value``, ``prefix`` and ``unit``), read as text is.

    ``shown_figure(48, "$", "bn")`` is money, 48 at 1e9, USD; ``(25, "", " km²")``
    a measure in km²; ``(58, "", " pp")`` percentage points; ``(3.4, "", "x")`` a multiple.
    """
    read = _shown_form(prefix, unit)
    shown = format_number(value, prefix=prefix, unit=unit)
    if read is None:
        return Number(value, 1.0, "count", "", shown, 0, len(shown), direction=_direction(value, prefix))
    signed = -abs(value) if "-" in prefix or "−" in prefix else value
    return replace(
        read,
        value=signed,
        text=shown,
        end=len(shown),
        direction=_direction(signed, prefix) or read.direction,
    )


@lru_cache(maxsize=1024)
def _shown_form(prefix: str, unit: str) -> Number | None:
    """What ``prefix`` and ``unit`` say about any value they show (read once per pair)."""
    glued = unit.strip() if unit.strip().lower() in GLUED_SCALES else unit
    text = f"{prefix}1{glued}"
    digit = len(prefix)
    read = next((n for n in numbers_in(text) if n.start <= digit < n.end), None)
    if read is None:
        return None
    other = read.other if read.kind == "ratio" else None
    kind = read.kind if read.is_figure else "count"
    return replace(read, kind=kind, start=0, role="ratio" if other else "", other=other)


def _direction(value: float, prefix: str) -> int:
    if value < 0 or "-" in prefix or "−" in prefix:
        return -1
    return 1 if "+" in prefix else 0


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
