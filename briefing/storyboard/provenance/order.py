"""Figures that words cannot bind: by their order, and by how often the cited words state them.

Two stats with the same label (or none), two chart values of one category
and series name, two numbers of one text with the same words around them:
the audience tells them apart only by where they stand in their stats,
chart or text (not across bullets or columns, which may list a change in
another order than the report). When both are cited
numbers of one kind and the slide shows them the other way round from the
cited words (the cited phrases in the order the slide lists them, each read
from its start), both are errors (``figures-exchanged``). A figure whose
number is cited in more than one place is bound only when every place agrees.

One cited number shown twice in one chart or stats, for two labels, when the
cited words state it only once, is one figure too many: a swap with a caption or
a title moved the other figure out (``figure-shown-twice``, at the value whose
label fits the cited words less, or at both when they fit alike).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing.errors import Diagnostic
from briefing.storyboard.provenance.measures import close, family
from briefing.storyboard.provenance.walk import Figure
from briefing.storyboard.provenance.words import overlap

if TYPE_CHECKING:
    from briefing.storyboard.provenance.binding import Cited

ORDER_HINT = (
    "figures with the same label are bound to the cited numbers in the order the cited words give "
    "them: show them in that order, or give each a label of its own"
)


def out_of_order(figures: Sequence[Figure], matched: dict[int, list[Cited]]) -> list[Diagnostic]:
    """Errors at both figures of each pair that one label covers and the slide shows reversed."""
    groups: dict[tuple[object, str, frozenset[str]], list[int]] = {}
    for index in sorted(matched):
        figure = figures[index]
        if all(c.order is not None for c in matched[index]):
            key = (_container(figure), family(figure.measure), figure.about)
            groups.setdefault(key, []).append(index)
    flagged: dict[int, Diagnostic] = {}
    for members in groups.values():
        for x, first in enumerate(members):
            for second in members[x + 1 :]:
                if _reversed(figures, matched, first, second):
                    flagged.setdefault(first, _message(figures[first], figures[second], "before"))
                    flagged.setdefault(second, _message(figures[second], figures[first], "after"))
    return [flagged[i] for i in sorted(flagged)]


def _container(figure: Figure) -> object:
    """The stats, the chart or the one text a figure is shown in: only there is its order read
    (two bullets, or two compare columns, may well list a change in another order than the report)."""
    return figure.words if figure.words in ("", "chart") else (figure.words, figure.origin)


def _reversed(figures: Sequence[Figure], matched: dict[int, list[Cited]], first: int, second: int) -> bool:
    """Whether every cited place of ``first`` comes after every cited place of ``second``."""
    if close(figures[first].measure.amount, figures[second].measure.amount):
        return False
    places_first = [c.order for c in matched[first] if c.order is not None]
    places_second = [c.order for c in matched[second] if c.order is not None]
    return min(places_first) > max(places_second)


def _message(figure: Figure, other: Figure, where: str) -> Diagnostic:
    label = " ".join(figure.label.split())
    under = f' under one label ("{label[:45]}")' if label and figure.words in ("", "chart") else ""
    message = (
        f"the slide shows {figure.shown} {where} {other.shown}{under}, but the words it cites give them "
        "the other way round (exchanged?)"
    )
    at = figure.at
    return Diagnostic(at.path, at.line, at.col, message, ORDER_HINT, (), "error", "figures-exchanged")


TWICE_HINT = "one of them is another figure: copy each from the cited words that state it"


def shown_twice(figures: Sequence[Figure], matched: dict[int, list[Cited]]) -> list[Diagnostic]:
    """Errors where one chart or stats shows a number the cited words state once, for two labels."""
    groups: dict[tuple[str, str, float], list[int]] = {}
    for index in sorted(matched):
        figure = figures[index]
        if figure.words in ("", "chart") and all(c.order is not None for c in matched[index]):
            key = (figure.words, family(figure.measure), round(figure.measure.amount, 9))
            groups.setdefault(key, []).append(index)
    found = []
    for members in groups.values():
        places = {c.order for i in members for c in matched[i]}
        if len({figures[i].label for i in members}) < 2 or len(places) != 1:
            continue
        fits = {i: max(overlap(set(figures[i].about), set(c.about)) for c in matched[i]) for i in members}
        best = max(fits.values())
        flagged = [i for i in members if fits[i] < best] or members
        labels = " and ".join(f'"{" ".join(figures[i].label.split())[:40]}"' for i in members)
        for index in flagged:
            figure = figures[index]
            message = (
                f"the slide shows {figure.shown} for {labels}, but the words it cites state "
                f"{matched[index][0].measure.text} once"
            )
            at = figure.at
            found.append(
                Diagnostic(at.path, at.line, at.col, message, TWICE_HINT, (), "error", "figure-shown-twice")
            )
    return found
