"""The figures a report states: each number with its unit, its meaning and the words it stands in.

A figure is a number in digits that measures something: a share ("35%"),
money ("$25 million", "50 billion yuan"), a count ("16,000 tech firms"), an
area ("25 square kilometers"), a growth ("skyrocketed 300%"). Years, ranks
("top 100") and list numbers are not figures. The *meaning* is drafted from
the words around the number; the *phrase* is the verbatim span of the report
that holds both, which the slide cites so ``check --source`` can prove it.
"""

from __future__ import annotations

import itertools
import re

from briefing.draft.figure_pairs import paired
from briefing.draft.figures_types import Comparison, Fact
from briefing.draft.figures_zh import cjk_label_and_phrase, is_cjk_figure
from briefing.sources.sentences import word_spans
from briefing.storyboard.figures import Number, numbers_in, slide_form

WINDOW = 300  # characters around a number that can say what it means
MORE = ("over", "more than", "above", "exceeding")
ABOUT = ("up to", "nearly", "almost", "about", "around", "roughly", "some", "approximately")
RISE = re.compile(
    r"\b(rose|risen|grew|grown|increased|climbed|skyrocketed|soared|surged|jumped|up)\s*$", re.I
)
FALL = re.compile(r"\b(fell|fallen|dropped|declined|decreased|shrank|down)\s*$", re.I)
STOP_AFTER = frozenset(
    "including such which that who while whereas versus vs vs. compared according says said - – — "
    "surpassing because although".split()
)
TRAILING = frozenset(
    "a an and or of in to the for with over at by from as than more up worth is are was were".split()
)
LEADING = frozenset("and or the with as that which while by a an".split())
ACTS = frozenset("spent put paid cost costs raised fetched sold won lost made invested".split())
VERBS = frozenset("offers provides boasts houses includes gives saw sees".split())
_YEAR = r"(?:1[89]|20)\d\d"
WHEN = re.compile(rf"\s*((?:in|since|by|until) {_YEAR}|between {_YEAR} and {_YEAR})\b")
WEAK_START = frozenset("since last per each every this from to by and or a between".split())
COMPARE = re.compile(r"\s*(versus|vs\.?|compared (?:with|to)|against)\s+", re.I)
PLACE_AFTER = re.compile(r"\s*(?:in|for|at)\s+((?:[A-Z][\w'’-]*\s?){1,3})")
PLACE_BEFORE = re.compile(r"\b(?:in|for|at)\s+((?:[A-Z][\w'’-]*\s?){1,3})\b")


def is_figure(number: Number, text: str) -> bool:
    """Numbers that measure something: not years, ranks, list numbers or dates (the reader's ``kind``)."""
    return number.is_figure


def facts_in(text: str) -> tuple[list[Fact], list[Comparison]]:
    """Every figure of a paragraph, and the comparisons among them (which become charts)."""
    every = numbers_in(text)
    numbers = [n for n in every if is_figure(n, text)]
    figures = {n.start for n in numbers}
    skip = frozenset(n.start for n in every if n.start not in figures)
    facts = [_fact(text, n, skip) for n in numbers]
    comparisons = _comparisons(text, numbers, facts)
    facts, changes = paired(text, numbers, facts)
    return facts, sorted(comparisons + changes, key=lambda c: c.starts)


def _units(number: Number, text: str) -> tuple[str, str, int]:
    """(prefix, unit, end of the unit words) of a number as a slide shows it."""
    prefix, unit = slide_form(number)
    return prefix, unit, number.end


def _fact(text: str, number: Number, skip: frozenset[int]) -> Fact:
    prefix, unit, unit_end = _units(number, text)
    if is_cjk_figure(text, number):
        label, phrase = cjk_label_and_phrase(text, number)
        return Fact(number.value, prefix, unit, label, phrase, number.start, number.approx)
    lead = text[: number.start].rstrip()
    falls = number.direction < 0 and bool(FALL.search(lead))
    qualifier = next((q for q in (*MORE, *ABOUT) if lead.lower().endswith(q)), "")
    if qualifier in MORE and number.kind != "percent":
        unit += "+"
    if number.kind == "percent" and RISE.search(lead):
        prefix = "+"
    before_end = len(lead) - len(qualifier) if qualifier else number.start
    words_before, before_start = _before(text, before_end)
    words_after, after_end = _after(text, unit_end, skip)
    start = before_end if qualifier else number.start
    if words_after and not _weak(words_after) and not falls:  # "fell 22%": the fall is the point
        verb = words_before[-1] if words_before and not qualifier and before_end == number.start else ""
        acted = verb.lower() in ACTS or (verb.endswith("ed") and verb.islower())
        label = " ".join([verb, *words_after] if acted else words_after)
    else:
        when = WHEN.match(text, unit_end)
        label = " ".join([*words_before, *([when.group(1)] if when else [])])
        after_end = when.end() if when else unit_end
        start = before_start if words_before else start
    if lead.lower().endswith("worth"):
        label, start = f"value of {label}", min(start, before_start)
    phrase = _phrase(text, start, max(after_end, unit_end))
    return Fact(
        number.value, prefix, unit, label, phrase, number.start, qualifier if qualifier in ABOUT else ""
    )


def _after(text: str, start: int, skip: frozenset[int]) -> tuple[list[str], int]:
    words: list[str] = []
    end = start
    for begin, finish in word_spans(text, start, min(len(text), start + WINDOW)):
        word = text[begin:finish]
        bare = word.strip(",.;:!?\"”“'’)(")
        figure = any(c.isdigit() for c in bare) and begin not in skip
        if bare.lower() in STOP_AFTER or figure or word[0] in '"“‘(' or not bare:
            break
        words.append(bare)
        end = begin + len(word.rstrip(",.;:!?\"”'’)"))
        if len(words) == 8 or word[-1] in ',.;:!?"”)':
            break
    while words and words[-1].lower() in TRAILING:
        words.pop()
    end = text.rfind(words[-1], start, end + 1) + len(words[-1]) if words else start
    return words, end


def _before(text: str, end: int, commas: int = 0) -> tuple[list[str], int]:
    spans = word_spans(text, max(0, end - WINDOW), end)
    words: list[tuple[str, int]] = []
    crossed = 0
    for begin, finish in reversed(spans):
        word = text[begin:finish]
        if word[-1] in ",;:" and words:
            if crossed >= commas or word[-1] != ",":
                break
            crossed += 1
        bare = word.strip(",.;:!?\"”“'’)(")
        if any(c.isdigit() for c in bare) or word[-1] in '.!?"”' or not bare or len(words) == 7:
            break
        words.insert(0, (bare, begin))
    while words and words[-1][0].lower() in TRAILING | {w for q in (*MORE, *ABOUT) for w in q.split()}:
        words.pop()
    while words and words[0][0].lower() in LEADING:
        words.pop(0)
    if words and words[-1][0].endswith("ing") and len(words) > 1:
        words.pop()
    if len(words) < 2 and commas == 0:
        wider = _before(text, end, 1)
        if len(wider[0]) > len(words):
            return wider
    if len(words) == 1 and words[0][0].endswith("ing"):
        return [], end
    verb = max((i for i, (w, _) in enumerate(words) if w.lower() in VERBS), default=-1)
    if 0 <= verb < len(words) - 1:
        words = words[verb + 1 :]
    return [w for w, _ in words], (words[0][1] if words else end)


def _weak(words: list[str]) -> bool:
    """After-words that say when or where, not what: "in 2024", "since 2020", "in Berlin"."""
    first = words[0].lower()
    if first in WEAK_START:
        return True
    if first not in ("in", "at", "for"):
        return False
    return len(words) == 1 or words[1][0].isupper() or words[1][0].isdigit() or words[1] == "the"


def _phrase(text: str, start: int, end: int) -> str:
    """The verbatim span, grown to at least three words, without dangling punctuation."""
    spans = word_spans(text, max(0, start - WINDOW), min(len(text), end + WINDOW))
    inside = [s for s in spans if s[1] > start and s[0] < end]
    index = spans.index(inside[0]) if inside else 0
    while len(inside) < 3 and len(inside) < len(spans):
        last = spans.index(inside[-1])
        if last + 1 < len(spans):
            inside.append(spans[last + 1])
        elif index > 0:
            index -= 1
            inside.insert(0, spans[index])
        else:
            break
    begin, finish = min(start, inside[0][0]), max(end, inside[-1][1])
    phrase = text[begin:finish].strip().rstrip(",;:.").strip()
    if phrase.count('"') % 2:
        phrase = phrase.strip('"').strip()
    return phrase


def _comparisons(text: str, numbers: list[Number], facts: list[Fact]) -> list[Comparison]:
    found: list[Comparison] = []
    for first, second in itertools.pairwise(numbers):
        link = COMPARE.match(text[first.end : second.start])
        if not link or first.kind != second.kind or first.scale != second.scale:
            continue
        fact = facts[numbers.index(first)]
        place = PLACE_AFTER.match(text, second.end)
        sentence_start = max(text.rfind(". ", 0, first.start) + 2, 0) if ". " in text[: first.start] else 0
        earlier = list(PLACE_BEFORE.finditer(text, sentence_start, first.start))
        if not place or not earlier:
            continue
        own = earlier[-1]
        series = text[sentence_start : own.start()].strip().strip('"“')
        series = re.sub(r"^(a|an|the)\s+", "", series, flags=re.I) or fact.label
        categories = (own.group(1).strip(), place.group(1).strip())
        phrase = text[own.start() : place.end()].strip()
        found.append(
            Comparison(
                series[:1].upper() + series[1:],
                categories,
                (first.value, second.value),
                fact.prefix,
                fact.unit,
                phrase,
                (first.start, second.start),
            )
        )
    return found
