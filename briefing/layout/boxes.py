"""The layout's box types: what ``briefing.layout`` produces and both renderers draw.

Geometry is in canvas units on a 1920x1080 canvas (1 unit = 6350 EMU = 0.5 pt);
font sizes too (``size / 2`` points). Re-exported by ``briefing.layout``; import
them from there.

Text metrics, shared with the deck writer: a line's pitch is ``size *
line_spacing`` (write it as exact spacing, ``size * line_spacing / 2`` pt), a
paragraph's ``space_before`` is in em of the box's size, bullets hang by
``BULLET_INDENT`` em of the paragraph's size, each level indents
``LEVEL_INDENT`` em of the box's size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypedDict

from briefing.i18n.scripts import is_rtl
from briefing.layout.textfit import (
    ASCENT,
    DESCENT,
    WIDTH_SAFETY,
    FitPara,
    block_height,
    text_width,
    wrap_lines,
)

CANVAS_W = 1920
CANVAS_H = 1080
EMU_PER_UNIT = 6350

Align = Literal["left", "center", "right"]
VAlign = Literal["top", "middle", "bottom"]
FontRole = Literal["heading", "body"]


class TextStyle(TypedDict, total=False):
    """The optional ``TextBox`` fields a layout passes through ``fit_box`` (all keyword-only)."""

    font: FontRole
    bold: bool
    italic: bool
    align: Align
    valign: VAlign
    line_spacing: float
    step: int
    ref: int


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


BULLET_INDENT = 1.0  # em of the paragraph's size: bullet glyph to text
LEVEL_INDENT = 1.2  # em of the box's size, per level
BULLET = "\u2022"
_MIRROR: dict[Align, Align] = {"left": "right", "right": "left", "center": "center"}


@dataclass(frozen=True)
class Paragraph:
    text: str
    level: int = 0  # 0 top-level, 1 sub-bullet
    bullet: bool = False
    step: int = 0  # first build step at which it is visible (0 = always)
    scale: float = 1.0  # font size relative to the box's size (sub-bullets are smaller)
    space_before: float = 0.0  # extra gap above, in em of the box's size (0 on the first)
    link: str = ""  # a web address the paragraph cites: the deck makes it a hyperlink


@dataclass(frozen=True)
class TextLine:
    """One wrapped line, placed: what the Qt scene draws (the deck wraps by itself)."""

    text: str
    x: float  # left edge of the text
    baseline: float
    size: float
    paragraph: int  # index into TextBox.paragraphs
    step: int
    bullet_x: float | None = None  # where the bullet glyph goes (first line of a bullet)
    rtl: bool = False  # the paragraph runs right to left: draw it so (bullet on the right)


@dataclass(frozen=True)
class TextBox:
    """A block of text: where, what, and at which (fitted) size.

    ``role`` names what it is ("title", "subtitle", "body", "stat-value",
    "stat-label", "quote", "attribution", "column-title", "footer",
    "slide-number", "section-number", "caption", ...); ``ref`` indexes the
    body item it shows (e.g. which Stat) or is -1.

    How a deck writer reproduces what was measured, per paragraph ``p``:
    font size ``paragraph_size(p) / 2`` pt; exact line spacing
    ``paragraph_size(p) * line_spacing / 2`` pt (not a multiple: PowerPoint's
    "multiple" is relative to the font's own line height, ~1.15 em, which
    the fit did not assume); space before ``p.space_before * size / 2`` pt;
    left margin ``text_indent(p)`` and first-line indent
    ``bullet_indent(p) - text_indent(p)`` (negative: a hanging bullet).
    """

    role: str
    rect: Rect
    paragraphs: tuple[Paragraph, ...]
    size: float  # font size in canvas units (points * 2)
    color: str  # "#RRGGBB"
    font: FontRole = "body"
    bold: bool = False
    italic: bool = False
    align: Align = "left"
    valign: VAlign = "top"
    line_spacing: float = 1.15
    step: int = 0
    ref: int = -1
    overflow: bool = False  # did not fit even at the smallest allowed size

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def rtl(self) -> bool:
        """Some paragraph runs right to left (Arabic, Hebrew): the box's free band moves to the left."""
        return any(is_rtl(p.text) for p in self.paragraphs)

    @property
    def side(self) -> Align:
        """The edge the box's text keeps to: its ``align``, mirrored when it holds right-to-left text."""
        return _MIRROR[self.align] if self.rtl else self.align

    def paragraph_align(self, paragraph: Paragraph) -> Align:
        """A right-to-left paragraph is aligned mirror-wise: a left-aligned box sets it on the right."""
        return _MIRROR[self.align] if is_rtl(paragraph.text) else self.align

    def paragraph_size(self, paragraph: Paragraph) -> float:
        """Font size of one paragraph, whole canvas units (never above the fitted size)."""
        return float(int(self.size * paragraph.scale))

    def text_indent(self, paragraph: Paragraph) -> float:
        """Left offset of the paragraph's text from the box's left edge, canvas units."""
        indent = paragraph.level * LEVEL_INDENT * self.size
        if paragraph.bullet:
            indent += BULLET_INDENT * self.paragraph_size(paragraph)
        return indent

    def bullet_indent(self, paragraph: Paragraph) -> float:
        """Left offset of the bullet glyph (the deck's negative first-line indent)."""
        return paragraph.level * LEVEL_INDENT * self.size

    def fit_paras(self) -> tuple[FitPara, ...]:
        return tuple(
            FitPara(
                p.text,
                scale=p.scale,
                indent=self.text_indent(p) / self.size if self.size else 0.0,
                space_before=p.space_before,
            )
            for p in self.paragraphs
        )

    def text_height(self) -> float:
        """Height of the wrapped text at the fitted size."""
        return block_height(
            self.fit_paras(),
            self.size,
            self.rect.w * WIDTH_SAFETY,
            bold=self.bold,
            italic=self.italic,
            line_spacing=self.line_spacing,
        )

    def lines(self) -> list[TextLine]:
        """The wrapped lines with their positions, honouring align and valign."""
        return _place_lines(self)


@dataclass(frozen=True)
class ShapeBox:
    """A decoration: accent rules, cards, quote marks' panels."""

    role: str
    rect: Rect
    fill: str
    kind: Literal["rect", "rounded", "ellipse"] = "rect"


@dataclass(frozen=True)
class SlideLayout:
    index: int  # position in Storyboard.slides
    kind: str
    background: str
    shapes: tuple[ShapeBox, ...]
    texts: tuple[TextBox, ...]
    chart: Rect | None = None
    image: Rect | None = None
    steps: int = 1

    def text(self, role: str) -> tuple[TextBox, ...]:
        return tuple(t for t in self.texts if t.role == role)


def _place_lines(box: TextBox) -> list[TextLine]:
    usable = box.rect.w * WIDTH_SAFETY
    placed: list[tuple[str, float, float, float, int, int, float | None]] = []
    y = 0.0
    for number, para in enumerate(box.paragraphs):
        psize = box.paragraph_size(para)
        indent = box.text_indent(para)
        if number:
            y += para.space_before * box.size
        lines = wrap_lines(para.text, psize, box.bold, usable - indent, italic=box.italic)
        pitch = psize * box.line_spacing
        for line_no, line in enumerate(lines):
            baseline = y + (pitch - (ASCENT + DESCENT) * psize) / 2 + ASCENT * psize
            bullet_x = box.bullet_indent(para) if para.bullet and line_no == 0 else None
            placed.append((line, indent, baseline, psize, number, para.step, bullet_x))
            y += pitch
    offset = {"top": 0.0, "middle": (box.rect.h - y) / 2, "bottom": box.rect.h - y}[box.valign]
    result = []
    for text, indent, baseline, psize, number, step, bullet_x in placed:
        para = box.paragraphs[number]
        if is_rtl(para.text):
            x, bullet_x = _rtl_x(box, para, text, indent, psize, bullet_x)
        else:
            mirrored = box.side == "right" and box.align == "left"  # beside right-to-left text
            x = box.rect.x + indent + (box.rect.w - usable if mirrored else 0.0)
            if box.align != "left":
                free = box.rect.w - indent - text_width(text, psize, box.bold, box.italic)
                x += free / 2 if box.align == "center" else free
            bullet_x = None if bullet_x is None else box.rect.x + bullet_x
        result.append(
            TextLine(
                text=text,
                x=x,
                baseline=box.rect.y + offset + baseline,
                size=psize,
                paragraph=number,
                step=step,
                bullet_x=bullet_x,
                rtl=is_rtl(para.text),
            )
        )
    return result


def _rtl_x(
    box: TextBox, para: Paragraph, text: str, indent: float, psize: float, bullet: float | None
) -> tuple[float, float | None]:
    """Left edges of a right-to-left line and of its bullet: indents and bullet count from the right."""
    width = text_width(text, psize, box.bold, box.italic)
    align = box.paragraph_align(para)
    if align == "center":
        x = box.rect.x + (box.rect.w - indent - width) / 2
    elif align == "right":
        x = box.rect.right - indent - width
    else:  # a right-aligned box mirrored: the text keeps to the left, past the free band
        x = box.rect.x + (box.rect.w - box.rect.w * WIDTH_SAFETY if box.side == "right" else 0) + indent
    if bullet is None:
        return x, None
    return x, box.rect.right - bullet - text_width(BULLET, psize, box.bold, box.italic)
