"""What the words around a number say about it: a year, a rank, a date, "about", "fell".

Read by :mod:`briefing.storyboard.figures` after a number and its unit are
found. Each function looks at a few characters before or after the number,
so reading stays cheap.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.storyboard.figure_number import Number

LEAD = 24  # characters before a number that can qualify it

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
ORDINAL_WORDS = frozenset(
    "top no. no nos. nos number rank ranked ranks ranking section sections chapter chapters figure fig. "
    "table tables page pages p. pp. article art. part step phase item note footnote appendix annex grade "
    "level tier round paragraph para. clause rule version v. issue vol. volume line slide exhibit box "
    "question q. §".split()
)
APPROX_WORDS = frozenset(
    "about|around|nearly|almost|roughly|approximately|approx.|some|over|more than|above|exceeding|"
    "at least|up to|under|less than|fewer than|below|just over|just under|upwards of|close to|"
    "in excess of|as many as|as much as|circa|c.".split("|")
)
APPROX_MARKS = (
    "超过",
    "大约",
    "将近",
    "接近",
    "高达",
    "多达",
    "不到",
    "不足",
    "≈",
    "~",
    "约",
    "近",
    "逾",
    "超",
)
RISE_WORDS = frozenset(
    "rose|risen|rises|rising|grew|grown|grows|growing|increased|increases|increasing|climbed|jumped|"
    "surged|soared|skyrocketed|gained|up|increase of|growth of|rise of|gain of|jump of".split("|")
)
FALL_WORDS = frozenset(
    "fell|fallen|falls|falling|dropped|declined|declines|decreased|decreases|shrank|shrunk|down|lost|"
    "slid|slipped|plunged|tumbled|decline of|drop of|fall of|decrease of|loss of|cut of".split("|")
)
RISE_HAN = ("增长", "增加", "上升", "提高", "提升", "上涨", "增幅为", "增幅")
FALL_HAN = ("下降", "减少", "下滑", "降低", "下跌", "回落")
_APPROX_LAST = frozenset(phrase.split()[-1] for phrase in APPROX_WORDS)
_DIRECTION_LAST = frozenset(phrase.split()[-1] for phrase in RISE_WORDS | FALL_WORDS)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s(?:of\s)?(?:{_MONTH_NAMES})\b", re.IGNORECASE)
_FISCAL = re.compile(r"(?<!\d)(?:19|20)\d\d[-–/]\Z")
_MONTH_AFTER_FIRST = frozenset(" snrt")
_APPROX_AFTER = re.compile(r"\s?(?:以上|左右|上下|or more|or so|plus)(?![A-Za-z])", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+\Z", re.IGNORECASE)
_FROM = re.compile(r"(?:\bfrom\s+|(?:从|由)(?:每\w{1,2})?)\Z", re.IGNORECASE)
_RANGE_GAP = re.compile(r"\s?(?:-|–|—|~|～|至|到)\s?|\s+to\s+")
_CHANGE_GAP = re.compile(
    r"\s+to\s+|(?:增长|提高|上升|下降|增加|减少|降低|提升|扩大|缩小)?(?:到|至)(?:每\w{1,2})?"
)
_RATIO_GAP = re.compile(r"\s+(?:in|out of)\s+", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*[,、，]\s*(?:(?:and|or)\s+)?|\s*[,，]?\s*(?:and|or)\s+|[和及与或]", re.IGNORECASE)
_LIST_AFTER = re.compile(r"(?:[.)、．]|）)(?:\s|\Z)|、")


Lead = tuple[list[str], str]


def lead(text: str, start: int) -> Lead:
    """The last words before ``start`` (lower case, when a space separates them) and the text just before."""
    lead = text[max(0, start - LEAD) : start]
    tail = lead.rstrip()
    if not lead or not lead[-1].isspace():
        return [], tail
    words = tail.lower().split()[-3:]
    if words:
        words[0] = words[0].lstrip("([{\"'“‘—–-,;:")
    return words, tail


def _phrases(words: list[str]) -> list[str]:
    """The one-, two- and three-word endings of ``words``: ["over"], ["more than", "than"] ..."""
    return [" ".join(words[-k:]) for k in (3, 2, 1) if len(words) >= k]


def approx_before(words: list[str], tail: str) -> str:
    """ "about", "more than", "约" as written just before a number (its :func:`lead`); "" if none."""
    if words and words[-1] in _APPROX_LAST:
        for phrase in _phrases(words):
            if phrase in APPROX_WORDS:
                return phrase
    if not tail.endswith(APPROX_MARKS):
        return ""
    return next(mark for mark in APPROX_MARKS if tail.endswith(mark))


def approx_after(text: str, end: int) -> tuple[str, int]:
    """ "以上", "or more" written just after ``end``, and where it ends."""
    match = _APPROX_AFTER.match(text, end)
    return (match[0].strip().lower(), match.end()) if match else ("", end)


def direction_before(words: list[str], tail: str) -> int:
    """+1 after "rose", "up by", "增长"; -1 after "fell", "down", "下降"; else 0 ("rose to" is a level)."""
    if words and words[-1] == "by":
        words = words[:-1]
    if words and words[-1] in _DIRECTION_LAST:
        for phrase in _phrases(words[-2:]):
            if phrase in RISE_WORDS:
                return 1
            if phrase in FALL_WORDS:
                return -1
    if not tail or tail[-1].isascii():
        return 0
    tail = tail.removesuffix("了")
    if tail.endswith(RISE_HAN):
        return 1
    return -1 if tail.endswith(FALL_HAN) else 0


def plain_kind(
    text: str, start: int, end: int, digits: str, counter: str = "", before: Lead | None = None
) -> str:
    """ "year", "date", "ordinal" for a whole number that is not a figure; else "count".

    ``counter`` is a Chinese counter read with it ("第3名" is a rank, "2000家" a count).
    """
    words, tail = before if before is not None else lead(text, start)
    ordinal = (bool(words) and words[-1] in ORDINAL_WORDS) or tail.endswith(("#", "第", "§"))
    if ordinal or _is_list_number(text, start, end) or _is_note_mark(text, start, end):
        return "ordinal"
    if counter:
        return "count"
    if len(digits) == 2 and _FISCAL.search(text, max(0, start - 5), start):
        return "year"  # the "25" of "2024-25"
    after = text[end : end + 1]
    if after == "年":
        return "year" if len(digits) == 4 else "count"
    if after in ("月", "日", "号"):
        return "date"
    month = bool(words) and words[-1].rstrip(".") in MONTHS and (words[-1] != "may" or tail.endswith("May"))
    if month or (text[end : end + 1] in _MONTH_AFTER_FIRST and _MONTH_AFTER.match(text, end)):
        return "year" if len(digits) == 4 else "date"
    return "year" if len(digits) == 4 and 1800 <= int(digits) <= 2100 else "count"


def _is_list_number(text: str, start: int, end: int) -> bool:
    """ "1. Overview", "2) Costs", "3、产业规模", "(4) Risks" at the start of a line."""
    head = text[max(0, start - 6) : start]
    newline = head.rfind("\n")
    if newline < 0 and start > 6:
        return False
    before = head[newline + 1 :].strip()
    if before in ("(", "（") and text[end : end + 1] in (")", "）"):
        return True
    return not before and _LIST_AFTER.match(text, end) is not None


def _is_note_mark(text: str, start: int, end: int) -> bool:
    """A footnote marker: "[3]", Markdown's "[^3]"."""
    opened = text[start - 1 : start] == "[" or text[max(0, start - 2) : start] == "[^"
    return opened and text[end : end + 1] == "]"


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
    return _lists(out, norm)


def _lists(numbers: list[Number], norm: str) -> list[Number]:
    """ "35, 40 and 45 percent": the unit written once, after the last, is every one's."""
    for index in range(len(numbers) - 2, -1, -1):
        first, second = numbers[index], numbers[index + 1]
        bare = first.kind == "count" and not first.unit and first.scale == 1.0 and not first.role
        said = second.kind in ("percent", "pp", "measure", "multiple", "money") or second.scale != 1.0
        if bare and said and first.end < second.start and _LIST_GAP.fullmatch(norm, first.end, second.start):
            numbers[index] = replace(
                first,
                kind=second.kind,
                unit=second.unit,
                scale=second.scale,
                currency=second.currency,
                symbol=second.symbol,
            )
    return numbers


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
