"""Chart series that can be told apart without colour: a pattern, dash or marker per series.

Where two series' colours are less than 3:1 apart (WCAG 2.1's 1.4.11 asks 3:1 for the
graphical parts one must tell apart), a reader who sees no colour, or prints in grey,
cannot match a bar or a line to the legend. Then each later series that could be
confused with an earlier one gets its own mark: a hatch pattern over its bars, a dash
style on its line (line and area charts), a marker shape on its points (scatter). The
first series stays plain. Pies and doughnuts label each slice with its value instead.

The app (``briefing.render``) and the deck (``briefing.export.pptx``) both draw what is
decided here; names are DrawingML's preset names, which the app maps to Qt's styles.
Pure Python: no Qt, no python-pptx.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.layout.contrast import contrast_ratio, label_on, mix

#: Two series colours closer than this are "could be confused" (WCAG 1.4.11 non-text contrast).
DISTINCT_RATIO = 3.0
#: DrawingML ``a:pattFill/@prst`` names, in the order later series take them.
PATTERNS = ("wdUpDiag", "wdDnDiag", "lgGrid", "diagCross", "dkHorz", "dkVert")
#: DrawingML ``a:prstDash/@val`` names.
DASHES = ("dash", "sysDot", "dashDot", "lgDashDotDot", "lgDash", "lgDashDot")
#: Marker shapes (python-pptx's ``XL_MARKER_STYLE`` names, lower case).
MARKERS = ("square", "triangle", "diamond", "x", "star", "plus")
_FILLED = ("bar", "hbar", "stacked")
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
    """One mark per series: a distinct one for each series whose colour is close to an earlier one's."""
    marks: list[SeriesMark] = []
    given = 0
    for index, color in enumerate(colors):
        if not any(contrast_ratio(color, earlier) < DISTINCT_RATIO for earlier in colors[:index]):
            marks.append(SeriesMark())
            continue
        marks.append(_mark(chart_type, given))
        given += 1
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
