"""The slide grid, the type scale and the one text-fitting helper every slide kind uses.

Split from ``briefing.layout.slides`` so the per-kind layouts there read as pure
composition: ``fit_box`` turns text and a rectangle into a measured
:class:`TextBox` at the largest size (within the role's range) that fits.
No Qt, no python-pptx here.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Unpack

from briefing.i18n import is_rtl
from briefing.layout.boxes import BULLET_INDENT, CANVAS_W, LEVEL_INDENT, Paragraph, Rect, TextBox, TextStyle
from briefing.layout.textfit import FitPara, fit_size
from briefing.layout.theme import Theme, contrast_ratio, hex_to_rgb

# --------------------------------------------------------------------------- grid
MARGIN = 96
CONTENT_W = CANVAS_W - 2 * MARGIN
TITLE_RECT = Rect(MARGIN, 56, CONTENT_W, 168)
RULE_RECT = Rect(MARGIN, 240, 120, 8)
BODY_TOP = 288
BODY_BOTTOM = 952
FOOTER_RECT = Rect(MARGIN, 960, CONTENT_W - 200, 88)
NUMBER_RECT = Rect(CANVAS_W - MARGIN - 160, 960, 160, 88)

# (max, min) sizes per role, canvas units (= half points). Minimums stay readable from the back row.
SIZES: dict[str, tuple[int, int]] = {
    "title": (72, 44),
    "body": (52, 28),
    "stat-value": (160, 64),
    "stat-label": (40, 26),
    "quote": (64, 36),
    "attribution": (32, 26),
    "column-title": (56, 36),
    "caption": (26, 22),
    "footer": (22, 18),
    "slide-number": (22, 22),
    "deck-title": (112, 60),
    "subtitle": (48, 32),
    "byline": (30, 24),
    "section-number": (360, 200),
    "section-label": (30, 24),
    "section-title": (88, 52),
    "agenda": (36, 24),
    "quote-mark": (240, 240),
}


def accent_text(theme: Theme) -> str:
    """The accent for text (stat numbers, section numbers, quote marks), readable on the background.

    A storyboard's accent may be too pale for a light slide (or too dark for a
    dark one); it is then blended towards the heading colour until it reaches
    a 3:1 contrast, the WCAG minimum for large text.
    """
    return _readable(theme.accent, theme.heading, theme.background)


@lru_cache(maxsize=64)
def _readable(color: str, toward: str, background: str) -> str:
    start, end = hex_to_rgb(color), hex_to_rgb(toward)
    for step in range(11):
        t = step / 10
        mixed = "#" + "".join(f"{round(a + (b - a) * t):02X}" for a, b in zip(start, end, strict=True))
        if contrast_ratio(mixed, background) >= 3.0:
            return mixed
    return toward


def after_text(rule: Rect, column: Rect, text: str) -> Rect:
    """A title's accent rule where its text starts: on the left, or at the right of ``column``
    under right-to-left text."""
    return replace(rule, x=column.right - rule.w) if is_rtl(text) else rule


def mirrored(rect: Rect) -> Rect:
    """``rect`` mirrored across the slide's vertical centre line (right-to-left slides)."""
    return replace(rect, x=CANVAS_W - rect.right)


def fit_box(
    role: str,
    rect: Rect,
    paragraphs: tuple[Paragraph, ...] | str,
    color: str,
    *,
    sizes: tuple[int, int] | None = None,
    wrap: bool = True,
    **style: Unpack[TextStyle],
) -> TextBox:
    """A TextBox for ``role`` at the largest size (within the role's range) that fits."""
    if isinstance(paragraphs, str):
        paragraphs = (Paragraph(paragraphs),)
    max_size, min_size = sizes or SIZES[role]
    fit_paras = tuple(
        FitPara(
            p.text,
            scale=p.scale,
            indent=p.level * LEVEL_INDENT + (BULLET_INDENT * p.scale if p.bullet else 0.0),
            space_before=p.space_before,
        )
        for p in paragraphs
    )
    line_spacing = style.get("line_spacing", 1.15)
    size, overflow = fit_size(
        fit_paras,
        rect.w,
        rect.h,
        max_size=max_size,
        min_size=min_size,
        bold=bool(style.get("bold", False)),
        italic=bool(style.get("italic", False)),
        line_spacing=line_spacing,
        wrap=wrap,
    )
    return TextBox(
        role=role, rect=rect, paragraphs=paragraphs, size=size, color=color, overflow=overflow, **style
    )


def same_size(boxes: list[TextBox]) -> list[TextBox]:
    """Sibling boxes (stat values, columns) share the smallest fitted size, so they read as a set."""
    if not boxes:
        return boxes
    size = min(b.size for b in boxes)
    return [replace(b, size=size) for b in boxes]
