"""Measure, wrap and fit text with the bundled Liberation Sans (no Qt, no pptx).

Text in briefing is *measured*, never guessed: python-pptx cannot fit text, so
``briefing.layout`` picks every font size here and both renderers use it.
Liberation Sans has the same advance widths as Arial, so a line that fits here
fits in the app (which draws Liberation Sans) and in PowerPoint/LibreOffice
(which draw Arial).

Widths are measured once per word at a large reference size and scaled
linearly, like PowerPoint's unhinted layout, and cached; fitting a whole slide
takes well under a millisecond once its words are known.

Units: sizes and widths are canvas units (1920x1080 canvas; 1 unit = 0.5 pt).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from PIL import ImageFont

from briefing.resources import font_file

REF_SIZE = 1000  # measuring size; widths scale linearly from it
WIDTH_SAFETY = 0.96  # fit into 96% of a box's width: the deck's renderer may differ slightly
ASCENT = 0.905  # Liberation Sans / Arial ascender, in em
DESCENT = 0.212  # descender, in em


@lru_cache(maxsize=8)
def _font(bold: bool, italic: bool) -> ImageFont.FreeTypeFont:
    path = font_file(bold=bold, italic=italic)
    return ImageFont.truetype(str(path), REF_SIZE, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=65536)
def _ref_width(text: str, bold: bool, italic: bool) -> float:
    if not _has_wide(text):
        return float(_font(bold, italic).getlength(text))
    # Liberation Sans has no CJK glyphs: the renderers fall back to a CJK font,
    # whose ideographs are one em wide. Count them so, measure the rest.
    width, run = 0.0, ""
    for char in text:
        if _is_wide(char):
            width += REF_SIZE + (_font(bold, italic).getlength(run) if run else 0.0)
            run = ""
        else:
            run += char
    return width + (_font(bold, italic).getlength(run) if run else 0.0)


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _has_wide(text: str) -> bool:
    return any(ord(c) >= 0x1100 and _is_wide(c) for c in text)


def text_width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Advance width of ``text`` (one line) at ``size`` canvas units."""
    if not text:
        return 0.0
    return _ref_width(text, bold, italic) * size / REF_SIZE


def _break_word(word: str, size: float, bold: bool, italic: bool, width: float) -> list[str]:
    """Split a word wider than ``width`` into pieces that fit (CJK, URLs, absurd words)."""
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and text_width(current + char, size, bold, italic) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


def wrap_lines(text: str, size: float, bold: bool, width: float, *, italic: bool = False) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``width`` at ``size``.

    Explicit newlines start new lines; a word wider than the box is broken
    between characters. Always returns at least one line.
    """
    return list(_wrap_cached(text, float(size), bold, italic, float(width)))


@lru_cache(maxsize=16384)
def _wrap_cached(text: str, size: float, bold: bool, italic: bool, width: float) -> tuple[str, ...]:
    lines: list[str] = []
    space = text_width(" ", size, bold, italic)
    for hard_line in text.split("\n"):
        words = hard_line.split()
        current: list[str] = []
        current_width = 0.0
        for word in words:
            word_width = text_width(word, size, bold, italic)
            if word_width > width:
                pieces = _break_word(word, size, bold, italic, width)
                if current:
                    lines.append(" ".join(current))
                lines.extend(pieces[:-1])
                current = [pieces[-1]]
                current_width = text_width(pieces[-1], size, bold, italic)
                continue
            extra = word_width + (space if current else 0.0)
            if current and current_width + extra > width:
                lines.append(" ".join(current))
                current, current_width = [word], word_width
            else:
                current.append(word)
                current_width += extra
        lines.append(" ".join(current))
    return tuple(lines) or ("",)


@dataclass(frozen=True)
class FitPara:
    """One paragraph as the fitter sees it; lengths are in em of the block's size.

    ``scale`` is the paragraph's font size relative to the block's (sub-bullets
    are smaller), ``indent`` the left offset of its text (bullets, levels), and
    ``space_before`` the extra gap above it.
    """

    text: str
    scale: float = 1.0
    indent: float = 0.0
    space_before: float = 0.0


def block_height(
    paras: tuple[FitPara, ...],
    size: float,
    width: float,
    *,
    bold: bool = False,
    italic: bool = False,
    line_spacing: float = 1.15,
    wrap: bool = True,
) -> float:
    """Height of the paragraphs at ``size`` wrapped into ``width`` (already safety-reduced).

    With ``wrap=False`` every paragraph must stay on one line: returns ``inf``
    when one is wider than ``width``.
    """
    total = 0.0
    for number, para in enumerate(paras):
        psize = size * para.scale
        avail = width - para.indent * size
        if avail <= 0:
            return float("inf")
        if wrap:
            lines = len(_wrap_cached(para.text, psize, bold, italic, avail))
        else:
            hard_lines = para.text.split("\n")  # a line break is a break even when nothing wraps
            if max(text_width(line, psize, bold, italic) for line in hard_lines) > avail:
                return float("inf")
            lines = len(hard_lines)
        if number:
            total += para.space_before * size
        total += lines * psize * line_spacing
    return total


@lru_cache(maxsize=4096)
def fit_size(
    paras: tuple[FitPara, ...],
    width: float,
    height: float,
    *,
    max_size: int,
    min_size: int,
    bold: bool = False,
    italic: bool = False,
    line_spacing: float = 1.15,
    wrap: bool = True,
) -> tuple[int, bool]:
    """Largest whole size in [min_size, max_size] at which the block fits the box.

    Returns ``(size, overflow)``; ``overflow`` is True when even ``min_size``
    does not fit (the size returned is then ``min_size``: text never shrinks
    below what a projector audience can read).
    """
    usable = width * WIDTH_SAFETY

    def fits(size: int) -> bool:
        h = block_height(paras, size, usable, bold=bold, italic=italic, line_spacing=line_spacing, wrap=wrap)
        return h <= height

    if fits(max_size):
        return max_size, False
    if not fits(min_size):
        return min_size, True
    lo, hi = min_size, max_size  # fits(lo) and not fits(hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid
    return lo, False
