"""A figure with the precision it is written at, and whether a slide's figure says what the cited words say.

Figures are read by :mod:`briefing.storyboard.figures` (value, scale, unit,
currency, kind, in English and Chinese forms) and compared with its
:func:`~briefing.storyboard.figures.agreement`. :func:`relation` adds one
rule for proof: a slide may leave a unit or currency to its label (a stat
"48" with the label "billion dollars of VC"), but may not add one the cited
number does not have ("$16,000", "16,000 km²" or "16,000%" for "16,000 tech
firms"), except in a table row, whose units are in its column headings. A CJK
counter ("18万名" for "180,000 returnees") is grammar, not a unit: a Chinese or
Japanese slide may add one to a bare count it translates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.storyboard.figures import DIFFERENT, Number, agreement, numbers_in, shown_figure
from briefing.storyboard.figures import SAME as AGREE

SAME, MEASURE = "same", "measure"
__all__ = [
    "DIFFERENT",
    "MEASURE",
    "SAME",
    "Measure",
    "close",
    "family",
    "measures_in",
    "relation",
    "shown_measure",
]
# Numbers that are read but never proved: a date is not a figure anyone changes by one.
UNCHECKED_KINDS = frozenset({"date"})
_FAMILY = {"pp": "percent", "ratio": "percent"}


@dataclass(frozen=True)
class Measure:
    """A number as read, and the decimals it is shown with (the precision a derivation must meet)."""

    number: Number
    decimals: int = 0
    shown: str = ""  # as the slide shows it, when that is not the text it was read from
    in_table: bool = False  # read from a table row: its unit is in the column's heading, not beside it

    @property
    def value(self) -> float:
        return self.number.value

    @property
    def scale(self) -> float:
        return self.number.scale

    @property
    def amount(self) -> float:
        return self.number.amount

    @property
    def text(self) -> str:
        return self.shown or self.number.text

    @property
    def currency(self) -> str:
        return self.number.currency

    @property
    def percent(self) -> bool:
        return self.number.kind == "percent" and self.number.scale == 1.0

    @property
    def kind(self) -> str:
        """The kind a contradicting number must share: a percentage, money, a count, a year, a rank..."""
        return _FAMILY.get(self.number.kind, self.number.kind)

    @property
    def bare(self) -> bool:
        n = self.number
        return n.kind == "count" and not n.unit and n.scale == 1.0 and not n.currency


def measures_in(text: str, *, words: bool = False) -> list[tuple[Number, Measure]]:
    """Every number of ``text`` (dates aside) with the decimals it is written with."""
    return [
        (n, Measure(n, _decimals(n.text)))
        for n in numbers_in(text, words=words)
        if n.kind not in UNCHECKED_KINDS
    ]


def _decimals(text: str) -> int:
    match = re.search(r"\d\.(\d+)", text)
    return len(match.group(1)) if match else 0


def shown_measure(value: float, prefix: str, unit: str, decimals: int, shown: str) -> Measure:
    """A stat's or a chart's value as the slide shows it with ``prefix`` and ``unit`` ("$", " bn")."""
    return Measure(shown_figure(value, prefix, unit), decimals, shown)


def relation(shown: Measure, cited: Measure) -> str:
    """SAME quantity, the same number in a different MEASURE (unit, scale, currency, sign), or DIFFERENT."""
    verdict = agreement(shown.number, cited.number)
    if verdict == DIFFERENT:
        return DIFFERENT
    if cited.in_table and cited.bare and verdict in (AGREE, "unit"):
        return SAME  # a table cell's unit is in its column's heading
    if verdict != AGREE:
        return MEASURE
    one, two = shown.number, cited.number
    adds = (one.currency and not two.currency) or (
        one.unit and not two.unit and two.kind != "ratio" and not _counter(one)
    )
    return MEASURE if adds else SAME


def _counter(number: Number) -> bool:
    """A CJK counter ("18万名", "2000家"): grammar, not a unit; it stands for the noun a bare count
    names in another language ("180,000 returnees"), so a translation may add it."""
    return number.kind == "count" and len(number.unit) == 1 and not number.unit.isascii()


def family(measure: Measure) -> str:
    """Counts, ranks and years can be exchanged for one another ("top 100" and "4 universities")."""
    return "plain" if measure.kind in ("count", "ordinal", "year") else measure.kind


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


#: Verbs and words that state a multiple: "doubled" is 2x, "halved" 0.5x.
MULTIPLE_VERBS = {"doubled": 2.0, "doubling": 2.0, "twice": 2.0, "tripled": 3.0, "trebled": 3.0,
                  "quadrupled": 4.0, "halved": 0.5, "by half": 0.5}  # fmt: skip
MULTIPLE_VERB = re.compile(r"\b(" + "|".join(MULTIPLE_VERBS) + r")\b", re.IGNORECASE)


def verb_multiples(text: str) -> list[tuple[Number, Measure]]:
    """The multiples ``text`` states in words ("doubled", "twice", "halved"), as figures.

    A word states a whole multiple ("doubled" is 2 at no decimals), a half its tenth.
    """
    found = []
    for match in MULTIPLE_VERB.finditer(text):
        if match[1].lower() == "twice" and FREQUENCY.match(text, match.end(1)):
            continue  # "twice a day"
        value = MULTIPLE_VERBS[match[1].lower()]
        number = Number(value, 1.0, "multiple", "", match[1], match.start(1), match.end(1), "x")
        found.append((number, Measure(number, 1 if value < 1 else 0)))
    return found


def spelled_multiples(text: str) -> list[tuple[Number, Measure]]:
    """The multiples of ``text`` written in words: "four times", "three-fold", "doubled", "twice"."""
    if not _MAY_SPELL_MULTIPLE.search(text):
        return []
    spelled = [
        (n, m)
        for n, m in measures_in(text, words=True)
        if n.kind == "multiple" and n.text[:1].isalpha() and not FREQUENCY.match(text, n.end)
    ]
    return sorted(spelled + verb_multiples(text), key=lambda read: read[0].start)


#: "three times a day", "twice per week": how often, not how many times as much.
FREQUENCY = re.compile(r"\s+(?:a|an|per|each|every|daily|weekly|monthly|yearly|annually)\b", re.IGNORECASE)
_MAY_SPELL_MULTIPLE = re.compile(r"times|fold|doubl|tripl|trebl|quadrupl|twice|halved|by half", re.IGNORECASE)
