"""Each figure a slide shows, bound to the number in the cited words that states it.

* A figure that is the same quantity as a cited number is proved; when the
  slide shows several figures of one kind, each is bound to the cited number
  whose words (its clause in the phrase) share most words with the figure's
  label, and two figures that fit better the other way round are an error
  (two stats whose values or labels were exchanged).
* A figure whose number is cited but whose unit, scale or currency differs is
  an error at the unit, prefix or value that differs.
* Any other figure is an error when the slide cites a number of the same kind
  (a percentage, an amount of money, a year, a count): it contradicts the
  source. It is a warning when the cited words state no number of its kind.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from briefing.errors import Diagnostic
from briefing.storyboard.provenance.measures import (
    MEASURE,
    SAME,
    Measure,
    close,
    family,
    measures_in,
    relation,
    verb_multiples,
)
from briefing.storyboard.provenance.order import out_of_order, shown_twice
from briefing.storyboard.provenance.walk import Figure, Where
from briefing.storyboard.provenance.words import about, flat, overlap, role_marks, stems

CITE_HINT = 'cite the words it comes from (sources: [{ref: ..., phrase: ...}]) or add note: "derived: ..."'
COPY_HINT = "copy the figure from the cited words, or cite the words it comes from"


@dataclass(frozen=True)
class Cited:
    """A number in a phrase the slide cites, and the words of its clause."""

    measure: Measure
    about: frozenset[str]
    phrase: str
    order: tuple[int, int] | None = None  # (which cited phrase, where in it): None for a note's figure


def cited_numbers(phrases: Sequence[str]) -> list[Cited]:
    return [
        replace(cited, order=(index, cited.order[1] if cited.order else 0))
        for index, phrase in enumerate(phrases)
        for cited in _phrase_numbers(phrase)
    ]


@lru_cache(maxsize=4096)
def _phrase_numbers(phrase: str) -> tuple[Cited, ...]:
    """The numbers of one cited phrase (read once however many slides cite it)."""
    in_table = "|" in phrase
    phrase = flat(phrase)
    read = measures_in(phrase, words=True)
    read += [
        (n, m)
        for n, m in verb_multiples(phrase)
        if not any(r.start < n.end and n.start < r.end for r, _ in read)
    ]
    numbers = [(n, replace(m, in_table=in_table)) for n, m in sorted(read, key=lambda r: r[0].start)]
    years = {id(n): f"@{n.text}" for n, _ in numbers if n.kind == "year"}
    figures = [n for n, _ in numbers if n.kind != "year"]
    paired = (
        dict(zip(map(id, figures), years.values(), strict=True)) if len(years) == len(figures) > 1 else {}
    )
    found = []
    for number, measure in numbers:
        words = set(stems(phrase) if len(numbers) == 1 else about(phrase, number.start, number.end))
        words |= {paired[id(number)]} if id(number) in paired else set()
        words |= role_marks("", number.role)
        found.append(Cited(measure, frozenset(words), phrase, (0, number.start)))
    return tuple(found)


def figure_problems(
    figures: Sequence[Figure],
    cited: Sequence[Cited],
    derived: Mapping[int, Cited] | None = None,
    noted: Sequence[Cited] = (),
) -> list[Diagnostic]:
    """Every figure neither proved by ``cited`` nor ``derived`` (index -> the note that shows it): an
    error or a warning at the figure (see the module). ``noted``: the figures of derivation notes,
    which count among the kinds the slide cites."""
    derived = derived or {}
    found: list[Diagnostic] = []
    matched: dict[int, list[Cited]] = {}
    for index, figure in enumerate(figures):
        if index in derived:
            matched[index] = [derived[index]]
            continue
        relations = [(relation(figure.measure, c.measure), c) for c in cited]
        same = [c for r, c in relations if r == SAME]
        if same:
            matched[index] = same
            continue
        found.extend(_unproved(figure, [c for r, c in relations if r == MEASURE], cited, noted))
    return (
        found + _exchanged(figures, matched) + out_of_order(figures, matched) + shown_twice(figures, matched)
    )


def _unproved(
    figure: Figure, measure_rivals: list[Cited], cited: Sequence[Cited], noted: Sequence[Cited]
) -> list[Diagnostic]:
    if measure_rivals:
        rival = measure_rivals[0]
        message = f"the slide shows {figure.shown} but the phrase it cites says {rival.measure.text}"
        hint = "the number is the cited one but its unit, scale or currency is not; " + COPY_HINT
        found = [_diag(figure.at, message, hint, "error", "figure-unit-differs")]
        written = _measure_at(figure, rival.measure)
        if written.line != figure.at.line or written.path != figure.at.path:
            found.append(_diag(written, f"{message} (the value is on line {figure.at.line})", hint, "error",
                               "figure-unit-differs"))  # fmt: skip
        return found
    rivals = _rivals(figure, cited)
    if rivals:
        rival = max(rivals, key=lambda c: _fit(figure, c))
        message = f"the slide shows {figure.shown} but the phrase it cites says {rival.measure.text}"
        return [_diag(figure.at, message, COPY_HINT, "error", "figure-contradicts-source")]
    if _rivals(figure, noted, loose=True):
        message = (
            f"the slide shows {figure.shown}, which no phrase it cites states and no derivation computes"
        )
        return [_diag(figure.at, message, COPY_HINT, "error", "figure-contradicts-source")]
    message = f"figure {figure.shown} is not in any phrase this slide cites"
    return [_diag(figure.at, message, CITE_HINT, "warning", "uncited-figure")]


def _rivals(figure: Figure, numbers: Sequence[Cited], *, loose: bool = False) -> list[Cited]:
    """The numbers of the figure's kind that say something else (``loose``: a derivation note's
    bare numbers, "€18 / €9 = 2", are of any kind but years and ranks; so are a table row's, whose
    units are in the column headings)."""
    kind = figure.measure.kind

    def fits(number: Measure) -> bool:
        plain = (loose or number.in_table) and number.bare and kind not in ("year", "ordinal")
        return (number.kind == kind or plain) and relation(figure.measure, number) != SAME

    return [c for c in numbers if fits(c.measure)]


def _fit(figure: Figure, cited: Cited) -> tuple[int, float]:
    """How well ``cited`` fits ``figure``: shared words first, then nearness of the values."""
    a, b = abs(figure.measure.amount) + 1e-12, abs(cited.measure.amount) + 1e-12
    return overlap(set(figure.about), set(cited.about)), -abs(math.log(a / b))


def _measure_at(figure: Figure, cited: Measure) -> Where:
    """Where the difference is written: the unit, the prefix (a currency) or the value itself."""
    shown = figure.measure
    if shown.currency and cited.currency and shown.currency != cited.currency:
        return figure.prefix_at or figure.unit_at or figure.at
    if shown.number.unit != cited.number.unit or shown.scale != cited.scale:
        return figure.unit_at or figure.at
    return figure.at


def _exchanged(figures: Sequence[Figure], matched: dict[int, list[Cited]]) -> list[Diagnostic]:
    """Pairs of figures whose labels fit each other's cited numbers better than their own (one
    better, neither worse: a label that shares words with both is no evidence)."""
    labels = {i: set(figures[i].about) for i in matched}
    flagged: dict[int, Diagnostic] = {}
    # Figures that share their label with another figure of their kind cannot be told apart by it.
    seen: dict[tuple[str, frozenset[str]], int] = {}
    for i in matched:
        key = (family(figures[i].measure), frozenset(labels[i]))
        seen[key] = seen.get(key, 0) + 1
    order = sorted(
        i for i in matched if not labels[i] or seen[(family(figures[i].measure), frozenset(labels[i]))] == 1
    )
    for x, i in enumerate(order):
        for j in order[x + 1 :]:
            a, b = figures[i].measure, figures[j].measure
            if family(a) != family(b) or close(a.amount, b.amount) or labels[i] == labels[j]:
                continue
            ci, cj = _telling(matched[i], matched[j]), _telling(matched[j], matched[i])
            own = (_best(labels[i], ci), _best(labels[j], cj))
            other = (_best(labels[i], cj), _best(labels[j], ci))
            if other[0] >= own[0] and other[1] >= own[1] and other != own:
                for one, two in ((i, j), (j, i)):
                    flagged.setdefault(one, _exchange(figures[one], figures[two], matched[two]))
    return [flagged[i] for i in sorted(flagged)]


def _telling(cited: list[Cited], others: list[Cited]) -> list[set[str]]:
    """The words of each of ``cited`` that none of ``others`` has: only those tell the two apart."""
    common = set().union(*(c.about for c in others))
    return [set(c.about) - common for c in cited]


def _best(label: set[str], words: list[set[str]]) -> int:
    return max(overlap(label, about) for about in words)


def _exchange(figure: Figure, other: Figure, cited: list[Cited]) -> Diagnostic:
    label = _short(figure.label)
    message = (
        f'the slide shows {figure.shown} for "{label}" but the phrase it cites gives '
        f"{cited[0].measure.text} for it (exchanged with {other.shown}?)"
    )
    hint = "bind each figure to the cited words that state it"
    return _diag(figure.at, message, hint, "error", "figures-exchanged")


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _diag(at: Where, message: str, hint: str, severity: str, code: str) -> Diagnostic:
    return Diagnostic(at.path, at.line, at.col, message, hint, (), severity, code)
