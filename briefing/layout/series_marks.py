"""Chart series that can be told apart without colour: a pattern, dash or marker per series.

Where two series' colours are less than 3:1 apart (WCAG 2.1's 1.4.11 asks 3:1 for the
graphical parts one must tell apart), a reader who sees no colour, or prints in grey,
cannot match a bar, a slice or a line to the legend. Then each later series (or slice)
that could be confused with an earlier one gets its own mark: a hatch pattern over its
bars or slice, a dash style on its line (line and area charts), a marker shape on its
points (scatter). The first stays plain.

The app (``briefing.render``) and the deck (``briefing.export.pptx``) both draw what is
decided here; names are DrawingML's preset names, which the app maps to Qt's styles.
Pure Python: no Qt, no python-pptx.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefing.layout.contrast import label_on, mix, ratio_of_luminances, relative_luminance

#: Two series colours closer than this are "could be confused" (WCAG 1.4.11 non-text contrast).
DISTINCT_RATIO = 3.0
#: DrawingML ``a:pattFill/@prst`` names, in the order later series take them.
PATTERNS = ("wdUpDiag", "wdDnDiag", "lgGrid", "diagCross", "dkHorz", "dkVert")
#: DrawingML ``a:prstDash/@val`` names.
DASHES = ("dash", "sysDot", "dashDot", "lgDashDotDot", "lgDash", "lgDashDot")
#: Marker shapes (python-pptx's ``XL_MARKER_STYLE`` names, lower case).
MARKERS = ("square", "triangle", "diamond", "x", "star", "plus")
_FILLED = ("bar", "hbar", "stacked", "pie", "donut")
_LINES = ("line", "area")


@dataclass(frozen=True)
class SeriesMark:
    """How one series shows itself besides its colour (all plain: colour alone suffices)."""

    pattern: str = ""  # hatch over its bars
    dash: str = "solid"  # its line
    marker: str = "circle"  # its points (scatter)

    @property
    def plain(self) -> bool:
        return self == SeriesMark()


def series_marks(chart_type: str, colors: Sequence[str]) -> tuple[SeriesMark, ...]:
    """One mark per series (or slice): a distinct one for each whose colour is close to an earlier one's."""
    return _series_marks(chart_type, tuple(colors))


@lru_cache(maxsize=64)
def _series_marks(chart_type: str, colors: tuple[str, ...]) -> tuple[SeriesMark, ...]:
    marks: list[SeriesMark] = []
    seen: list[float] = []  # luminances of earlier colours, sorted: the nearest two decide
    given = 0
    for color in colors:
        luminance = relative_luminance(color)
        at = bisect.bisect_left(seen, luminance)
        nearest = seen[max(0, at - 1) : at + 1]
        if any(ratio_of_luminances(luminance, other) < DISTINCT_RATIO for other in nearest):
            marks.append(_mark(chart_type, given))
            given += 1
        else:
            marks.append(SeriesMark())
        bisect.insort(seen, luminance)
    return tuple(marks)


def _mark(chart_type: str, number: int) -> SeriesMark:
    if chart_type in _FILLED:
        return SeriesMark(pattern=PATTERNS[number % len(PATTERNS)])
    if chart_type in _LINES:
        return SeriesMark(dash=DASHES[number % len(DASHES)])
    if chart_type == "scatter":
        return SeriesMark(marker=MARKERS[number % len(MARKERS)])
    return SeriesMark()


def hatch_color(fill: str) -> str:
    """The colour of a hatch's lines on ``fill``: half way to the opposite of its label colour,
    so the stripes show and a value label on the bar still reads on fill and stripes alike."""
    opposite = "#FFFFFF" if label_on(fill) != "#FFFFFF" else "#000000"
    return mix(fill, opposite, 0.5)
