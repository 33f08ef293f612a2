"""The one comparison of a figure a slide shows with a number of the words it cites.

Used through :mod:`briefing.storyboard.figures` (``agreement``, ``best_agreement``).
"""

from __future__ import annotations

import math

from briefing.storyboard.figure_number import Number
from briefing.storyboard.figure_words import DIMENSIONS

SAME = "same"
DIFFERENT = "different"
ASPECTS = ("currency", "unit", "scale", "sign")  # what can differ while the number agrees


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
    if shown.scale != 1.0 and cited.scale != 1.0 and not close(shown.base, cited.base):
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
            return close(shown.value, cited.value) and shown.other == cited.other
        return _share_agrees(shown, cited) or (_bare(cited) and close(shown.value, cited.value))
    if close(abs(shown.value), abs(cited.value)):
        return True
    return close(abs(shown.base), abs(cited.base))


def _share_agrees(shown: Number, cited: Number) -> bool:
    """20% and "1 in 5" agree; 33% and "1 in 3" too (at the precision the slide shows)."""
    a, b = shown.share, cited.share
    if a is None or b is None:
        return False
    decimals = 0 if float(abs(shown.value)).is_integer() else len(repr(abs(shown.value)).split(".")[-1])
    return abs(abs(a) - abs(b)) <= 0.5 * 10.0**-decimals + 1e-9


def _units_differ(shown: Number, cited: Number) -> bool:
    if _bare(shown):
        return False  # a chart whose unit is in its title
    if _bare(cited):
        return shown.kind in _STATED  # "16,000 tech firms" is no 16,000 pp
    if _family(shown) != _family(cited):
        return True
    if shown.kind == cited.kind == "measure" and shown.unit != cited.unit:
        one = DIMENSIONS.get(shown.unit, (shown.unit, 1.0))[0]
        two = DIMENSIONS.get(cited.unit, (cited.unit, 1.0))[0]
        return one != two or not close(abs(shown.base), abs(cited.base))
    return False


_STATED = frozenset({"percent", "pp", "measure", "multiple"})  # kinds a text always writes with a unit


def _family(number: Number) -> str:
    """Kinds that may state one quantity: money and counts (a currency said elsewhere), shares."""
    return {"money": "amount", "count": "amount", "ratio": "percent"}.get(number.kind, number.kind)


def _bare(number: Number) -> bool:
    return number.kind == "count" and not number.unit and number.scale == 1.0


def _same_currency(one: str, two: str) -> bool:
    yen_or_yuan = {"¥", "CNY", "JPY"}
    return one == two or ("¥" in (one, two) and {one, two} <= yen_or_yuan)


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
