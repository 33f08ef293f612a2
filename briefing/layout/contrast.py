"""Colour contrast as WCAG 2.1 measures it: the one place every check and colour choice asks.

``briefing check`` reports text below its ratio, the app and the deck pick value-label
colours on chart fills, and the exporter picks a readable text colour on a company
template's background, all with these functions (success criterion 1.4.3, level AA):

- relative luminance of an sRGB colour, 0 (black) .. 1 (white);
- contrast ratio ``(L1 + 0.05) / (L2 + 0.05)``, 1 .. 21;
- 4.5:1 for normal text, 3:1 for large text (at least 18 pt, or 14 pt bold).

Colours are ``#RRGGBB`` strings. Pure Python: no Qt, no python-pptx.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from functools import lru_cache

NORMAL_TEXT_RATIO = 4.5
LARGE_TEXT_RATIO = 3.0
LARGE_TEXT_PT = 18.0
LARGE_BOLD_TEXT_PT = 14.0
DARK_LABEL = "#111111"  # near black, as the app draws text on light fills
LIGHT_LABEL = "#FFFFFF"


@lru_cache(maxsize=8192)
def hex_to_rgb(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def rgb_to_hex(rgb: Iterable[float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02X}" for c in rgb)


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4


@lru_cache(maxsize=8192)
def relative_luminance(color: str) -> float:
    """WCAG relative luminance of ``#RRGGBB`` (0 black .. 1 white)."""
    r, g, b = (_channel(c) for c in hex_to_rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio_of_luminances(a: float, b: float) -> float:
    high, low = max(a, b), min(a, b)
    return (high + 0.05) / (low + 0.05)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours (1..21)."""
    return ratio_of_luminances(relative_luminance(a), relative_luminance(b))


def is_large_text(size_pt: float, bold: bool) -> bool:
    """WCAG's "large scale" text: at least 18 pt, or at least 14 pt and bold."""
    return size_pt >= LARGE_TEXT_PT or (bold and size_pt >= LARGE_BOLD_TEXT_PT)


def required_ratio(size_pt: float, bold: bool) -> float:
    """The AA minimum for text of this size and weight: 3:1 large, 4.5:1 otherwise."""
    return LARGE_TEXT_RATIO if is_large_text(size_pt, bold) else NORMAL_TEXT_RATIO


def worst_ratio(color: str, backgrounds: Sequence[str]) -> float:
    """The lowest contrast of ``color`` against any of ``backgrounds`` (what text crossing them gets).

    The worst is the background nearest in luminance, so a sorted list and a bisection find it:
    a text box over picture artwork may cover a thousand sampled colours.
    """
    if not backgrounds:
        return 21.0
    luminances = _sorted_luminances(tuple(backgrounds))
    luminance = relative_luminance(color)
    at = bisect.bisect_left(luminances, luminance)
    return min(ratio_of_luminances(luminance, other) for other in luminances[max(0, at - 1) : at + 1])


@lru_cache(maxsize=256)
def _sorted_luminances(colors: tuple[str, ...]) -> list[float]:
    return sorted({relative_luminance(c) for c in colors})


def label_on(fill: str) -> str:
    """Near black (black on mid tones) or white, whichever contrasts more with ``fill``: at least 4.5:1."""
    dark, light = contrast_ratio(DARK_LABEL, fill), contrast_ratio(LIGHT_LABEL, fill)
    best = LIGHT_LABEL if light > dark else DARK_LABEL
    if max(dark, light) >= NORMAL_TEXT_RATIO:
        return best
    # black or white always reaches 4.58:1; near black misses 4.5 on a narrow band of mid tones
    return "#000000" if contrast_ratio("#000000", fill) > light else LIGHT_LABEL


def readable(preferred: str, backgrounds: Sequence[str], need: float, candidates: Sequence[str] = ()) -> str:
    """``preferred`` when it reaches ``need`` on every background, else the candidate that reads best.

    ``candidates`` (e.g. a template's own light and dark colours) are tried first; near black
    and white always join them, so the answer is never the background's own colour.
    """
    if worst_ratio(preferred, backgrounds) >= need:
        return preferred
    pool = [*candidates, DARK_LABEL, LIGHT_LABEL]
    good = [c for c in pool if worst_ratio(c, backgrounds) >= need]
    if good:
        return good[0]
    return max([preferred, *pool, "#000000"], key=lambda c: worst_ratio(c, backgrounds))  # the best there is


def mix(a: str, b: str, share_of_b: float) -> str:
    """``a`` blended towards ``b`` (0: ``a``, 1: ``b``), as a translucent fill shows on a background."""
    return rgb_to_hex(x + (y - x) * share_of_b for x, y in zip(hex_to_rgb(a), hex_to_rgb(b), strict=True))
