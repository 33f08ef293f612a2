"""What the words around a number say about it: a year, a rank, a date, "about", "fell".

Read by :mod:`briefing.storyboard.figures` after a number and its unit are
found. Each function looks at a few characters before or after the number,
so reading stays cheap.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.storyboard.figure_number import Number

LEAD = 40  # characters before a number that can qualify it

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_ORDINAL_BEFORE = re.compile(
    r"(?:\b(?:top|no\.?|nos\.?|number|rank|ranked|ranks|ranking|section|sections|chapter|chapters|"
    r"figure|fig\.|table|tables|page|pages|p\.|pp\.|article|art\.|part|step|phase|item|note|footnote|"
    r"appendix|annex|grade|level|tier|round|paragraph|para\.|clause|rule|version|v\.|issue|vol\.|volume|"
    r"line|slide|exhibit|box|question|q\.)\s*|#\s*|第\s*)\Z",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?\s\Z", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s(?:of\s)?(?:{MONTHS})\b", re.IGNORECASE)
_APPROX = re.compile(
    r"(?:\b(?P<word>about|around|nearly|almost|roughly|approximately|approx\.|some|over|more than|"
    r"above|exceeding|at least|up to|under|less than|fewer than|below|just over|just under|"
    r"upwards of|close to|in excess of|as many as|as much as)|(?P<mark>≈|~|约|近|逾|超过|超|大约|将近|接近|"
    r"高达|多达|不到|不足))\s*\Z",
    re.IGNORECASE,
)
_APPROX_AFTER = re.compile(r"\s?(?:以上|左右|上下|or more|or so|plus)(?![A-Za-z])", re.IGNORECASE)
_RISE = re.compile(
    r"(?:\b(?:rose|risen|rises|rising|grew|grown|grows|growing|increased|increases|increasing|climbed|"
    r"jumped|surged|soared|skyrocketed|gained|up|increase of|growth of|rise of|gain of|jump of)"
    r"(?:\s+by)?|增长了?|增加了?|上升了?|提高了?|提升了?|上涨了?|增幅为?|同比增长)\s*\Z",
    re.IGNORECASE,
)
_FALL = re.compile(
    r"(?:\b(?:fell|fallen|falls|falling|dropped|declined|declines|decreased|decreases|shrank|shrunk|"
    r"down|lost|slid|slipped|plunged|tumbled|decline of|drop of|fall of|decrease of|loss of|cut of)"
    r"(?:\s+by)?|下降了?|减少了?|下滑了?|降低了?|下跌了?|回落了?|同比下降)\s*\Z",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"\bbetween\s+\Z", re.IGNORECASE)
_FROM = re.compile(r"(?:\bfrom\s+|从|由)\Z", re.IGNORECASE)
_RANGE_GAP = re.compile(r"\s?(?:-|–|—|~|～|至|到)\s?|\s+to\s+")
_CHANGE_GAP = re.compile(r"\s+to\s+|(?:增长|提高|上升|下降|增加|减少|降低|提升)?(?:到|至)")
_RATIO_GAP = re.compile(r"\s+(?:in|out of)\s+", re.IGNORECASE)
_LIST_AFTER = re.compile(r"(?:[.)、．]|）)(?:\s|\Z)|、")


def approx_before(text: str, start: int) -> str:
    """ "about", "more than", "约" as written just before ``start``; "" if none."""
    match = _APPROX.search(text, max(0, start - LEAD), start)
    if match is None:
        return ""
    return (match["word"] or match["mark"]).lower()


def approx_after(text: str, end: int) -> tuple[str, int]:
    """ "以上", "or more" written just after ``end``, and where it ends."""
    match = _APPROX_AFTER.match(text, end)
    return (match[0].strip().lower(), match.end()) if match else ("", end)


def direction_before(text: str, start: int) -> int:
    """+1 after "rose", "up", "增长"; -1 after "fell", "down", "下降"; else 0."""
    window = (text, max(0, start - LEAD), start)
    if _RISE.search(*window):
        return 1
    return -1 if _FALL.search(*window) else 0


def plain_kind(text: str, start: int, end: int, digits: str, counter: str = "") -> str:
    """ "year", "date", "ordinal" for a whole number that is not a figure; else "count".

    ``counter`` is a Chinese counter read with it ("第3名" is a rank, "2000家" a count).
    """
    lead = (text, max(0, start - LEAD), start)
    if _ORDINAL_BEFORE.search(*lead) or _is_list_number(text, start, end) or _is_note_mark(text, start, end):
        return "ordinal"
    if counter:
        return "count"
    after = text[end : end + 1]
    if after == "年":
        return "year" if len(digits) == 4 else "count"
    if after in ("月", "日", "号"):
        return "date"
    if _MONTH_BEFORE.search(*lead) or _MONTH_AFTER.match(text, end):
        return "year" if len(digits) == 4 else "date"
    return "year" if len(digits) == 4 and 1800 <= int(digits) <= 2100 else "count"


def _is_list_number(text: str, start: int, end: int) -> bool:
    """ "1. Overview", "2) Costs", "3、产业规模", "(4) Risks" at the start of a line."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].strip()
    if before in ("(", "（") and text[end : end + 1] in (")", "）"):
        return True
    return not before and _LIST_AFTER.match(text, end) is not None


def _is_note_mark(text: str, start: int, end: int) -> bool:
    """A footnote marker: "[3]"."""
    return text[start - 1 : start] == "[" and text[end : end + 1] == "]"


def is_between(text: str, start: int) -> bool:
    return _BETWEEN.search(text, max(0, start - 12), start) is not None


def is_from(text: str, start: int) -> bool:
    return _FROM.search(text, max(0, start - 8), start) is not None


def range_gap(gap: str, between: bool) -> bool:
    """Whether ``gap`` joins two numbers into a range ("30–40%", "between 30 and 40")."""
    if between and re.fullmatch(r"\s+and\s+", gap):
        return True
    return _RANGE_GAP.fullmatch(gap) is not None


def change_gap(gap: str) -> bool:
    return _CHANGE_GAP.fullmatch(gap) is not None


def ratio_gap(gap: str) -> bool:
    return _RATIO_GAP.fullmatch(gap) is not None


# --------------------------------------------------------------------------- ranges, changes, ratios
def join(numbers: list[Number], norm: str) -> list[Number]:
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
    return counts and whole and 0 < first.value < second.value and ratio_gap(gap)


def _ratio(first: Number, second: Number, norm: str) -> Number:
    text = first.text + norm[first.end : second.start] + second.text
    return replace(first, kind="ratio", text=text, end=second.end, role="ratio", other=second.value)


def _pair_roles(first: Number, gap: str, norm: str) -> tuple[str, str] | None:
    if is_from(norm, first.start) and change_gap(gap):
        return ("from", "to")
    if range_gap(gap, is_between(norm, first.start)):
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
