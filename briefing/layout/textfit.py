"""Measure, wrap and fit text with the fonts the renderers draw (no Qt, no pptx).

Text in briefing is *measured*, never guessed: python-pptx cannot fit text, so
``briefing.layout`` picks every font size here and both renderers use it.
Latin text is measured with the bundled Liberation Sans, which has the same
advance widths as Arial, so a line that fits here fits in the app (which draws
Liberation Sans) and in PowerPoint/LibreOffice (which draw Arial). Other
scripts are measured run by run with the font of their script
(``briefing.i18n.scripts`` cuts the runs, ``briefing.i18n.fonts`` finds the
fonts): Noto Sans CJK for Chinese, Japanese and Korean, and Noto Sans Arabic /
Hebrew *shaped* (Pillow's raqm layout with FriBiDi and HarfBuzz: joined Arabic
letters are narrower than isolated ones). Lines break where UAX #14 and kinsoku
allow (``briefing.i18n.breaking``): CJK text between characters.

Widths are measured once per word at a large reference size and scaled
linearly, like PowerPoint's unhinted layout, and cached; fitting a whole slide
takes well under a millisecond once its words are known.

Units: sizes and widths are canvas units (1920x1080 canvas; 1 unit = 0.5 pt).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PIL import ImageFont, features

from briefing.i18n import fonts as script_fonts
from briefing.i18n.breaking import break_units, kinsoku_pieces
from briefing.i18n.scripts import Slot, only_latin, slot_runs
from briefing.resources import font_file

REF_SIZE = 1000  # measuring size; widths scale linearly from it
WIDTH_SAFETY = 0.96  # fit into 96% of a box's width: the deck's renderer may differ slightly
ASCENT = 0.905  # Liberation Sans / Arial ascender, in em
DESCENT = 0.212  # descender, in em
CJK_MEASURE_FORM = "SC"  # Han, kana and Hangul advance one em in every regional form


@lru_cache(maxsize=8)
def _font(bold: bool, italic: bool) -> ImageFont.FreeTypeFont:
    path = font_file(bold=bold, italic=italic)
    return ImageFont.truetype(str(path), REF_SIZE, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=16)
def _script_font(slot: Slot, bold: bool) -> ImageFont.FreeTypeFont | None:
    """The measuring font of a non-Latin slot (None: not installed; see ``i18n.fonts``)."""
    path = script_fonts.font_file(slot, bold=bold)
    if path is None:
        return None
    shaped = slot in ("arabic", "hebrew") and features.check("raqm")
    engine = ImageFont.Layout.RAQM if shaped else ImageFont.Layout.BASIC
    if path.suffix.lower() != ".ttc":
        return ImageFont.truetype(str(path), REF_SIZE, layout_engine=engine)
    family = script_fonts.SCRIPT_FONTS[slot].family(CJK_MEASURE_FORM)
    for index in range(16):  # a collection: the face of the family asked for
        try:
            face = ImageFont.truetype(str(path), REF_SIZE, index=index, layout_engine=engine)
        except OSError:
            break
        if face.getname()[0] == family:
            return face
    return None


def _run_width(slot: Slot, run: str, bold: bool, italic: bool) -> float:
    if slot == "latin":
        return float(_font(bold, italic).getlength(run))
    face = _script_font(slot, bold)
    if face is None:  # no font for it: the old estimate (one em per wide character)
        return REF_SIZE * len(run) if slot == "cjk" else float(_font(bold, italic).getlength(run))
    if slot in ("arabic", "hebrew") and features.check("raqm"):
        return float(face.getlength(run, direction="rtl"))
    return float(face.getlength(run))


@lru_cache(maxsize=65536)
def _ref_width(text: str, bold: bool, italic: bool) -> float:
    if only_latin(text):
        return float(_font(bold, italic).getlength(text))
    return sum(_run_width(slot, run, bold, italic) for slot, run in slot_runs(text))


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
    if len(pieces) > 1 and not only_latin(word):
        return kinsoku_pieces(pieces, lambda piece: text_width(piece, size, bold, italic) <= width)
    return pieces


def wrap_lines(text: str, size: float, bold: bool, width: float, *, italic: bool = False) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``width`` at ``size``.

    Explicit newlines start new lines; a word wider than the box is broken
    between characters. Always returns at least one line.
    """
    return list(_wrap_cached(text, float(size), bold, italic, float(width)))


def _tokens(hard_line: str) -> list[tuple[str, bool]]:
    """Pieces a line may break between, each with whether a space comes before it."""
    tokens: list[tuple[str, bool]] = []
    for word in hard_line.split():
        for number, unit in enumerate(break_units(word)):
            tokens.append((unit, number == 0))
    return tokens


@lru_cache(maxsize=16384)
def _wrap_cached(text: str, size: float, bold: bool, italic: bool, width: float) -> tuple[str, ...]:
    lines: list[str] = []
    space = text_width(" ", size, bold, italic)
    for hard_line in text.split("\n"):
        current = ""
        current_width = 0.0
        for token, spaced in _tokens(hard_line):
            word_width = text_width(token, size, bold, italic)
            if word_width > width:
                pieces = _break_word(token, size, bold, italic, width)
                if current:
                    lines.append(current)
                lines.extend(pieces[:-1])
                current = pieces[-1]
                current_width = text_width(pieces[-1], size, bold, italic)
                continue
            gap = bool(current) and spaced
            extra = word_width + (space if gap else 0.0)  # summed as ever: Latin wraps where it did
            if current and current_width + extra > width:
                lines.append(current)
                current, current_width = token, word_width
            else:
                current += (" " if gap else "") + token
                current_width += extra
        lines.append(current)
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
