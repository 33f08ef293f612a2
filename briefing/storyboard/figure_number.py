"""One figure as read from a text or a slide: :class:`Number` (read by :mod:`briefing.storyboard.figures`)."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.storyboard.figure_words import DIMENSIONS

FIGURE_KINDS = frozenset({"percent", "pp", "money", "count", "measure", "multiple", "ratio"})
NOT_FIGURES = frozenset({"year", "date", "ordinal"})


@dataclass(frozen=True)
class Number:
    """One number in a text, with what it measures.

    ``kind`` is "percent", "pp", "money", "count", "measure", "multiple" or
    "ratio" for figures, and "year", "date" or "ordinal" (ranks, list and
    section numbers, footnote markers) for numbers that are not figures.
    """

    value: float  # as written, signed: 25 for "$25 million", -3 for "-3%", 3 for "fell 3%"
    scale: float  # 1e6 for "$25 million", 1e4 for "280万", 1 for "25"
    kind: str
    currency: str  # ISO code ("USD", "CNY", "NGN"), "¥" (yen or yuan), "" when none
    text: str  # the words it was read from, e.g. "$25 million"
    start: int  # offset of ``text`` in the string it was read from
    end: int
    unit: str = ""  # canonical: "%", "pp", "x", "km²", "MW"; a counter ("辆") for a count
    symbol: str = ""  # the currency as written: "$", "HK$", "₦", "USD", "yuan", "元"
    approx: str = ""  # as written, lower case: "about", "more than", "+", "约", "以上"
    direction: int = 0  # -1 for "-3%" or "fell 3%", +1 for "+3%" or "rose 3%"
    role: str = ""  # "low"/"high" of a range, "from"/"to" of a change, "ratio" for "1 in 5"
    other: float | None = None  # the other end of a range or change; the 5 of "1 in 5"

    @property
    def amount(self) -> float:
        return self.value * self.scale

    @property
    def is_figure(self) -> bool:
        return self.kind in FIGURE_KINDS

    @property
    def share(self) -> float | None:
        """The percent a share states: 20 for "20%" and for "1 in 5"; None for other kinds."""
        if self.kind == "ratio" and self.other:
            return 100 * self.value / self.other
        return self.amount if self.kind == "percent" else None

    @property
    def base(self) -> float:
        """The amount in the base unit of its dimension (25 km² -> 25e6 m²; 1.4 GW -> 1.4e9 W)."""
        return (
            self.amount * DIMENSIONS.get(self.unit, ("", 1.0))[1] if self.kind == "measure" else self.amount
        )
