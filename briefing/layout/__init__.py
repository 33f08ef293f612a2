"""The layout: pure geometry that both renderers draw, so the app and the deck agree.

Each slide kind becomes named boxes on a 1920x1080 canvas (1 canvas unit =
6350 EMU = 0.5 pt, so the canvas is a 13.333 x 7.5 in 16:9 slide). Font sizes
are in canvas units too (``size / 2`` points). Text is measured with the
bundled Liberation Sans (metric-compatible with Arial), and text in other
scripts with the Noto font of its script (``briefing.i18n``), so a size chosen
here fits in the app and in PowerPoint/LibreOffice alike. Right-to-left
paragraphs are set from the right. No Qt, no python-pptx.

Modules: ``slides`` (``layout_slide``: one function per slide kind),
``boxes`` (the geometry types: ``Rect``, ``TextBox``, ``ShapeBox``,
``SlideLayout``), ``fit`` (margins and the fitting of text into a box),
``textfit`` (measuring and wrapping text), ``theme`` (colours and contrast).

Public API (what the renderers and the exporter use)::

    layout_slide(storyboard, index, theme) -> SlideLayout
    SlideLayout, TextBox, TextLine, Paragraph, ShapeBox, Rect, BULLET
    CANVAS_W, CANVAS_H, EMU_PER_UNIT
"""

from __future__ import annotations

from briefing.layout.boxes import (
    BULLET,
    CANVAS_H,
    CANVAS_W,
    EMU_PER_UNIT,
    Paragraph,
    Rect,
    ShapeBox,
    SlideLayout,
    TextBox,
    TextLine,
)
from briefing.layout.slides import layout_slide

__all__ = [
    "BULLET",
    "CANVAS_H",
    "CANVAS_W",
    "EMU_PER_UNIT",
    "Paragraph",
    "Rect",
    "ShapeBox",
    "SlideLayout",
    "TextBox",
    "TextLine",
    "layout_slide",
]
