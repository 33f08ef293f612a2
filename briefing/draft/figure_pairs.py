"""Figures that come in pairs: a range is one stat, a change is a two-value chart.

The figure reader marks the ends: "between 30 and 40 percent" and "30–40%"
are a range (``role`` low/high), "from 12% to 19%" and 从160提高到210 are a
change (from/to). A range is shown as one stat, "30–40%", whose value is the
low end (``check`` reads the stat back as that figure); a change becomes a bar
chart of its two values, named by the years the sentence gives ("between 2019
and 2024") or else "Before"/"After". Both cite the words from the subject to
the second number, verbatim.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.draft.figures_types import Comparison, Fact
from briefing.storyboard.figures import Number
from briefing.storyboard.numbers import format_number

_YEARS = re.compile(r"\b(?:between|from) ((?:19|20)\d\d) (?:and|to) ((?:19|20)\d\d)\b")
_CHANGE_WORDS = re.compile(
    r"(?:\s+(?:has|have|had)?\s*(?:rose|risen|grew|grown|went|gone|increased|climbed|jumped|fell|fallen|"
    r"dropped|declined|decreased|shrank|moved|changed))?\s*(?:from|between)?\s*$",
    re.I,
)
_DANGLING = re.compile(r"\s+(?:a|an|the|of|in|to|and|or|by|for)$", re.I)
_ZH_CHANGE = re.compile(r"(?:从|由)?(?:每\S{1,2})?$")


def paired(text: str, numbers: list[Number], facts: list[Fact]) -> tuple[list[Fact], list[Comparison]]:
    """``facts`` with each range made one fact, and the changes as comparisons."""
    kept: list[Fact] = []
    changes: list[Comparison] = []
    index = 0
    while index < len(numbers):
        number, fact = numbers[index], facts[index]
        following = numbers[index + 1] if index + 1 < len(numbers) else None
        if following is not None and (number.role, following.role) == ("low", "high"):
            kept.append(_range(text, fact, facts[index + 1], following))
            index += 2
        elif following is not None and (number.role, following.role) == ("from", "to"):
            changes.append(_change(text, number, fact, following, facts[index + 1]))
            index += 2
        else:
            kept.append(fact)
            index += 1
    return kept, changes


def phrase_start(text: str, fact: Fact) -> int:
    """Where ``fact.phrase`` begins in ``text`` (it holds the number at ``fact.start``)."""
    found = text.find(fact.phrase, max(0, fact.start - len(fact.phrase)))
    return found if 0 <= found <= fact.start else fact.start


def _span(text: str, first: Fact, second: Fact) -> str:
    start = phrase_start(text, first)
    end = max(phrase_start(text, second) + len(second.phrase), start)
    return _DANGLING.sub("", text[start:end].strip())


def _range(text: str, low: Fact, high: Fact, high_number: Number) -> Fact:
    label = re.sub(r"\s*\b(?:between|from)$", "", low.label).strip() or high.label
    unit = "–" + format_number(high_number.value) + high.unit.lstrip()
    phrase = _span(text, low, high)
    return replace(low, prefix=low.prefix or high.prefix, unit=unit, label=label, phrase=phrase)


def _change(text: str, first: Number, before: Fact, second: Number, after: Fact) -> Comparison:
    series = _CHANGE_WORDS.sub("", before.label).strip()
    series = _ZH_CHANGE.sub("", series).strip() or before.label or after.label
    sentence_start = max(text.rfind(". ", 0, first.start) + 2, text.rfind("。", 0, first.start) + 1, 0)
    years = _YEARS.search(text, sentence_start, min(len(text), second.end + 60))
    cjk = any("\u3400" <= c <= "\u9fff" for c in series)
    plain = ("此前", "此后") if cjk else ("Before", "After")
    categories = (years.group(1), years.group(2)) if years else plain
    phrase = _span(text, before, after)
    if years:  # the years name the bars, so the cited words hold them too
        start = min(phrase_start(text, before), years.start())
        end = max(phrase_start(text, after) + len(after.phrase), years.end())
        phrase = text[start:end].strip()
    return Comparison(
        series[:1].upper() + series[1:],
        categories,
        (first.value, second.value),
        before.prefix or after.prefix,
        before.unit or after.unit,
        phrase,
        (first.start, second.start),
    )
