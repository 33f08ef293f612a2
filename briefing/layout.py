"""Pure geometry: each slide kind -> named boxes on a 1920x1080 canvas.

Both renderers take their boxes from here: the Qt scene draws them, the PPTX
writer places shapes at the same places (1 canvas unit = 6350 EMU = 0.5 pt,
so a 1920x1080 canvas is a 13.333 x 7.5 in 16:9 slide). Font sizes are in
canvas units too (``size / 2`` points). Text is measured with the bundled
Liberation Sans (metric-compatible with Arial), so a size chosen here fits in
the app and in PowerPoint/LibreOffice alike.

No Qt, no python-pptx here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from briefing.storyboard.model import Storyboard
from briefing.theme import Theme

CANVAS_W = 1920
CANVAS_H = 1080
EMU_PER_UNIT = 6350

Align = Literal["left", "center", "right"]
VAlign = Literal["top", "middle", "bottom"]


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


@dataclass(frozen=True)
class Paragraph:
    text: str
    level: int = 0  # 0 top-level, 1 sub-bullet
    bullet: bool = False
    step: int = 0  # first build step at which it is visible (0 = always)


@dataclass(frozen=True)
class TextBox:
    """A block of text: where, what, and at which (fitted) size.

    ``role`` names what it is ("title", "subtitle", "body", "stat-value",
    "stat-label", "quote", "attribution", "column-title", "footer",
    "slide-number", "section-number", "caption", ...); ``ref`` indexes the
    body item it shows (e.g. which Stat) or is -1.
    """

    role: str
    rect: Rect
    paragraphs: tuple[Paragraph, ...]
    size: float  # font size in canvas units (points * 2)
    color: str  # "#RRGGBB"
    font: Literal["heading", "body"] = "body"
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


def layout_slide(storyboard: Storyboard, index: int, theme: Theme) -> SlideLayout:
    """Boxes for slide ``index`` of ``storyboard.slides``."""
    raise NotImplementedError("layout_slide is being built")
