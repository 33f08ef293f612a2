"""Arithmetic a text states, computed: "up from 12% to 18%, a 6-point rise", "100% minus 58%", "doubled".

A title, bullet, compare column or caption may state one figure as arithmetic
on others. Each statement is computed from its operands (the figures it
names, proved as any figure) and the stated figure must be what it gives at
the precision it is shown with:

* a change "from A to B" (the figure reader's two ends of a change) and, in
  the same phrase, a difference: "a 6-point rise" or "6 percentage points"
  is B - A of two percentages; "rose 50% from $12M to $18M" or ", a 50% rise"
  is (B - A) / A (either, for two percentages); a figure of A's kind with a
  word of change ("a $6M increase") is B - A;
* a multiple ("3 times", "3x", "3-fold", "four times", "doubled", "tripled",
  "quadrupled", "halved", "twice") is B / A of the change in its text, else
  the larger over the smaller of its text's two other figures of one kind,
  else of the slide's two chart or stat values of one kind;
* figures joined by operators, as in a ``derived:`` note ("100% minus 58%",
  "$800M / 1,200"), and the figure of the text that states their result: the
  one after "=", or the nearest figure of the result's kind beside them with
  at most a few words between ("the 42% is derived as 100% minus 58%").

A stated figure the cited words state themselves is the report's claim and
is not computed again (what a citation does not prove: that the report is
right). A statement that holds proves its figure; one that does not is an
error at the stated figure (``arithmetic``) whose hint says how it was
computed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from briefing.storyboard.figure_number import Number
from briefing.storyboard.numbers import rounded
from briefing.storyboard.provenance.derivations import approximate_decimals, computations
from briefing.storyboard.provenance.measures import (
    FREQUENCY,
    SAME,
    Measure,
    family,
    measures_in,
    relation,
    verb_multiples,
)

_NOT_OPERANDS = frozenset({"year", "ordinal", "date"})
_CHANGE_NOUN = (
    r"(?:rise|increase|gain|jump|growth|drop|fall|decline|decrease|cut|reduction|climb|"
    r"more|less|higher|lower|up|down)\b"
)
_POINTS = re.compile(r"\s*-?\s*(?:percentage[\s-]+)?points?\b", re.IGNORECASE)
_CHANGE_AFTER = re.compile(r"\s*(?:-?\s*(?:percentage[\s-]+)?points?\s+)?" + _CHANGE_NOUN, re.IGNORECASE)
_CHANGE_VERB = re.compile(
    r"\b(?:rose|rise[sn]?|grew|grow[sn]?|jump(?:ed|s)?|fell|fall(?:en|s)?|drop(?:ped|s)?|declined?|"
    r"increased?|decreased?|climb(?:ed|s)?|surged?|gained?|lost|up|down|by)\s*\Z",
    re.IGNORECASE,
)
_BETWEEN = re.compile(  # "..., a 6-point rise", " of beekeepers, a 7-point rise", " (up 50%)"
    r"(?:(?:\s*[^\W\d_]+){0,3}\s*[,(\u2014\u2013:;])?\s*(?:an?|up|down|or|by|some|about|roughly|nearly)?\s*\Z",
    re.IGNORECASE,
)
_YEAR_WORDS = re.compile(r"\b(?:in|by|since)\s+(?:1[5-9]|20)\d\d\b")
MAX_GAP_WORDS = 4


@dataclass(frozen=True)
class Claim:
    """A figure a text states as arithmetic: where, what it says, what the arithmetic gives, and how."""

    start: int
    text: str  # the stated figure as written
    value: float  # in the stated figure's own terms (percent, points, times, its scale)
    decimals: int
    expected: tuple[float, ...]  # what the arithmetic gives, any of them (empty: not yet known)
    how: str
    measure: Measure | None = None  # the stated figure as read (None for a verb: "doubled")
    more: bool = False  # a multiple said as a rise ("3 times more", "增长了3倍"): it may count the rise only

    def holds(self) -> bool:
        expected = [*self.expected, *(e - 1 for e in self.expected if self.more)]
        return any(_same_at(e, self.value, self.decimals) for e in expected)


def _same_at(expected: float, value: float, decimals: int) -> bool:
    """Whether the two agree at ``decimals`` places (numbers too large to round are compared whole)."""
    if not (math.isfinite(expected) and abs(expected) < 1e18 and abs(value) < 1e18):
        return expected == value
    return rounded(expected, decimals) == rounded(value, decimals)


Read = tuple[Number, Measure]


@lru_cache(maxsize=4096)
def text_claims(text: str) -> tuple[Claim, ...]:
    """Every statement of arithmetic in ``text``; a multiple without operands in it has none yet."""
    found = list(_figures(text))
    change = _change(text, found)
    claims = [*_operator_claims(text, found), *_multiple_claims(text, found, change)]
    if change is not None:
        claims.extend(_difference_claims(text, found, change))
    return tuple(claims)


def _figures(text: str) -> list[Read]:
    return [(n, m) for n, m in measures_in(text) if n.kind not in ("date",)]


def _change(text: str, found: list[Read]) -> tuple[Read, Read] | None:
    """The two ends of the first change of the text ("from A to B", "from A in 2019 to B"), of one kind."""
    for index, (number, measure) in enumerate(found):
        if number.kind in _NOT_OPERANDS:
            continue  # "from 2019 to 2024" is a period, not a change
        if number.role == "from" or _FROM.search(text[: number.start]):
            for other in found[index + 1 :]:
                ends = other[0].role == "to" or _TO.fullmatch(text[number.end : other[0].start])
                if ends and family(other[1]) == family(measure):
                    return (number, measure), other
        if _BACK_FROM.search(text[: number.start]):  # "reached B in 2024, up from A in 2020"
            before = [r for r in found[:index] if r[0].kind not in _NOT_OPERANDS]
            if before and family(before[-1][1]) == family(measure):
                return (number, measure), before[-1]
    return None


_FROM = re.compile(r"\bfrom\s*\Z", re.IGNORECASE)
_BACK_FROM = re.compile(
    r"[,;(\u2014\u2013]\s*(?:(?:an?\s+)?(?:up|down|rise|fall|increase|decrease|jump|drop)|rising|falling|rose|fell"
    r"|climbing|climbed)\s+from\s*\Z",
    re.IGNORECASE,
)
_TO = re.compile(r"\s*\(?(?:(?:in|by)\s+)?(?:1[5-9]|20)\d\d\)?\s*,?\s*to\s*|\s*to\s*", re.IGNORECASE)


def _difference_claims(text: str, found: list[Read], change: tuple[Read, Read]) -> list[Claim]:
    (a, am), (b, bm) = change
    claims = []
    for number, measure in found:
        if number is a or number is b or number.kind in _NOT_OPERANDS or number.kind == "multiple":
            continue
        if not _states_change(text, number, a, b):
            continue
        claim = _difference(text, number, measure, am, bm)
        if claim is not None:
            claims.append(claim)
    return claims


def _states_change(text: str, number: Number, a: Number, b: Number) -> bool:
    """Whether ``number`` is said to be the change from ``a`` to ``b``: after them ("..., a 6-point
    rise", "(up 50%)") or before them ("rose 50% from ...")."""
    if number.start > b.end:
        between = _YEAR_WORDS.sub("", text[b.end : number.start])
        return bool(_BETWEEN.match(between)) and (
            bool(_CHANGE_AFTER.match(text, number.end)) or bool(re.search(r"\b(?:up|down|by)\s*\Z", between))
        )
    if number.end <= a.start:
        return bool(_CHANGE_VERB.search(text[: number.start])) and bool(
            re.fullmatch(r"\s*from\s*", text[number.end : a.start], re.IGNORECASE)
        )
    return False


def _difference(text: str, number: Number, measure: Measure, am: Measure, bm: Measure) -> Claim | None:
    both_percent = am.percent and bm.percent
    decimals = approximate_decimals(measure)
    suffix = _POINTS.match(text, number.end) if number.kind == "count" else None
    if (number.kind == "pp" or suffix) and both_percent:
        gap = abs(bm.value - am.value)
        how = f"{bm.text} - {am.text} = {_show(gap)} points (the change from {am.text} to {bm.text})"
        written = text[number.start : suffix.end()] if suffix else number.text
        return Claim(number.start, written, number.value, decimals, (gap,), how, measure)
    if measure.percent and am.amount:
        relative = abs(bm.amount - am.amount) / abs(am.amount) * 100
        how = f"({bm.text} - {am.text}) / {am.text} = {_show(relative)}%"
        options: tuple[float, ...] = (relative,)
        if both_percent:
            options = (relative, abs(bm.value - am.value))
            how += f", or {bm.text} - {am.text} = {_show(options[1])} points"
        how += f" (the change from {am.text} to {bm.text})"
        return Claim(number.start, number.text, number.value, decimals, options, how, measure)
    if family(measure) == family(am) and not both_percent and not measure.percent:
        gap = abs(bm.amount - am.amount) / measure.scale
        how = f"{bm.text} - {am.text} = {_show(gap)} (the change from {am.text} to {bm.text})"
        return Claim(number.start, number.text, number.value, decimals, (gap,), how, measure)
    return None


def _multiple_claims(text: str, found: list[Read], change: tuple[Read, Read] | None) -> list[Claim]:
    """Each multiple of the text, with the ratio of its operands when the text names them."""
    claims = []
    stated: list[tuple[int, str, float, int, Measure | None]]
    stated = [
        (n.start, n.text, n.value, approximate_decimals(m), m)
        for n, m in _multiples(text)
        if not FREQUENCY.match(text, n.end)  # "three times a day": how often
    ]
    # a verb ("doubled") states a whole multiple (1.5 to 2.5), "halved" a tenth; it has no measure
    stated += [(n.start, n.text, n.value, m.decimals, None) for n, m in verb_multiples(text)]
    for start, written, value, decimals, measure in stated:
        ratio = _ratio(found, change, start, value)
        expected, how = ratio if ratio else ((), "")
        more = measure is not None and bool(
            _MORE_AFTER.match(text, start + len(written)) or _MORE_BEFORE.search(text[:start])
        )
        claims.append(Claim(start, written, value, decimals, expected, how, measure, more))
    return claims


_MORE_AFTER = re.compile(r"\s+(?:more|higher|larger|bigger|greater)\b", re.IGNORECASE)
_MORE_BEFORE = re.compile(r"(?:增长|增加|提高|上升|上涨)了?\s*\Z")


_MAY_MULTIPLY = re.compile(r"times|fold|\dx|倍", re.IGNORECASE)
_MAY_OPERATE = re.compile(r"[-+\u2212\u2013*×/÷=]|\b(?:plus|minus|times|of)\b", re.IGNORECASE)


def _multiples(text: str) -> list[Read]:
    if not _MAY_MULTIPLY.search(text):
        return []
    return [(n, m) for n, m in measures_in(text, words=True) if n.kind == "multiple"]


def _ratio(
    found: list[Read], change: tuple[Read, Read] | None, start: int, value: float
) -> tuple[tuple[float, ...], str] | None:
    if change is not None:
        (_, am), (_, bm) = change
        return _quotient(bm, am, value)
    operands = [
        (n, m) for n, m in found if n.kind not in _NOT_OPERANDS and n.kind != "multiple" and n.start != start
    ]
    if len(operands) == 2 and family(operands[0][1]) == family(operands[1][1]):
        return pair_ratio(operands[0][1], operands[1][1], value)
    return None


def pair_ratio(one: Measure, two: Measure, value: float) -> tuple[tuple[float, ...], str] | None:
    """The ratio of two figures, the larger over the smaller (the smaller over the larger for a
    multiple below one, "halved")."""
    big, small = (one, two) if abs(one.amount) >= abs(two.amount) else (two, one)
    return _quotient(small, big, value) if value < 1 else _quotient(big, small, value)


def _quotient(top: Measure, bottom: Measure, value: float) -> tuple[tuple[float, ...], str] | None:
    if not bottom.amount:
        return None
    ratio = abs(top.amount / bottom.amount)
    return (ratio,), f"{top.text} / {bottom.text} = {_show(ratio)} times"


def _operator_claims(text: str, found: list[Read]) -> list[Claim]:
    """Figures joined by operators, and the figure that states their result."""
    claims: list[Claim] = []
    if len(found) < 3 or not _MAY_OPERATE.search(text):
        return claims
    for computation in computations(text):
        if computation.problem or computation.result is None:
            continue
        span = _operand_span(found, [m.text for m in computation.operands])
        if span is None or any(found[i][0].kind in _NOT_OPERANDS for i in range(*span)):
            continue
        gaps = (text[found[i - 1][0].end : found[i][0].start] for i in range(span[0] + 1, span[1]))
        if not all(_OPERATOR_GAP.fullmatch(gap) for gap in gaps):
            continue  # prose between the figures ("35% of China's 2,000 chips"): no arithmetic
        target = _result_figure(text, found, span, computation.result.percent)
        if target is None:
            continue
        number, measure = found[target]
        result = computation.result
        value = (
            result.value
            if measure.percent == result.percent
            else result.fraction() * (100 if measure.percent else 1)
        )
        expected = value if measure.percent else value / measure.scale
        how = " ".join(m.text for m in computation.operands[:1]) + _operations(text, found, span)
        how = f"{how} = {_show(expected)}{'%' if measure.percent else ''}"
        claims.append(
            Claim(
                number.start,
                number.text,
                measure.value,
                approximate_decimals(measure),
                (expected,),
                how,
                measure,
            )
        )
    return claims


_OPERATOR_GAP = re.compile(
    r"(?:\s|[-+\u2212\u2013*×x/÷()]|\b(?:plus|minus|times|of|divided by|the)\b)*", re.IGNORECASE
)


def _operand_span(found: list[Read], texts: list[str]) -> tuple[int, int] | None:
    """The indexes [start, end) of the run of figures whose texts are ``texts``."""
    written = [n.text for n, _ in found]
    for start in range(len(written) - len(texts) + 1):
        if written[start : start + len(texts)] == texts:
            return start, start + len(texts)
    return None


def _operations(text: str, found: list[Read], span: tuple[int, int]) -> str:
    """The operands after the first with the words between them, as written ("minus 58%")."""
    first, end = span
    parts = []
    for index in range(first + 1, end):
        before = text[found[index - 1][0].end : found[index][0].start].strip()
        parts.append(f" {before} {found[index][0].text}")
    return "".join(parts)


def _result_figure(text: str, found: list[Read], span: tuple[int, int], percent: bool) -> int | None:
    """The figure that states the result: after "=", else the nearest of its kind beside the run."""
    first, end = span
    if end < len(found) and "=" in text[found[end - 1][0].end : found[end][0].start]:
        return end
    fits = [
        i
        for i in (first - 1, end)
        if 0 <= i < len(found)
        and found[i][0].kind not in _NOT_OPERANDS
        and found[i][1].percent == percent
        and _close_by(text, found[i][0], found[first][0] if i < first else found[end - 1][0])
    ]
    return fits[0] if fits else None


def _close_by(text: str, one: Number, two: Number) -> bool:
    left, right = (one, two) if one.start < two.start else (two, one)
    between = text[left.end : right.start]
    return not re.search(r"[;.!?]\s", between) and len(re.findall(r"[^\W\d_]+", between)) <= MAX_GAP_WORDS


def body_claims(claim: Claim, body: Sequence[Measure]) -> Claim:
    """A multiple without operands in its text, computed from the slide's two chart or stat values
    of one kind ("four times 2020" over a chart of 100 and 400)."""
    kinds: dict[str, list[Measure]] = {}
    for measure in body:
        if measure.number.kind not in _NOT_OPERANDS:
            kinds.setdefault(family(measure), []).append(measure)
    pairs = [values for values in kinds.values() if len({v.amount for v in values}) == 2 == len(values)]
    if claim.expected or len(pairs) != 1:
        return claim
    ratio = pair_ratio(pairs[0][0], pairs[0][1], claim.value)
    if ratio is None:
        return claim
    return replace(claim, expected=ratio[0], how=ratio[1] + " (the slide's values)")


def phrase_claims(claim: Claim, phrases: Sequence[str]) -> Claim:
    """A multiple with no operands in its text nor among the slide's values, computed from the one
    change the cited words state ("Funding tripled" citing "reached $4.2 billion, up from $1.4 billion")."""
    if claim.expected:
        return claim
    changes = [change for phrase in phrases if (change := _change(phrase, _figures(phrase))) is not None]
    if len(changes) != 1:
        return claim
    (_, start), (_, end) = changes[0]
    ratio = _quotient(end, start, claim.value)
    if ratio is None:
        return claim
    return replace(claim, expected=ratio[0], how=ratio[1] + " (the change the cited words state)")


def cited_claim(claim: Claim, cited: Sequence[Measure], phrases: str) -> bool:
    """Whether the cited words state the claim's figure themselves (the report's own arithmetic)."""
    if claim.measure is None:
        return claim.text.lower() in phrases
    kind = "pp" if "point" in claim.text.lower() else claim.measure.number.kind
    return any(relation(claim.measure, other) == SAME and other.number.kind == kind for other in cited)


def _show(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")
