"""A layout TextBox drawn line by line, exactly as the layout wrapped it.

Qt is not asked to wrap: the scene draws the lines ``TextBox.lines()``
measured with Liberation Sans, so the app, the PNGs and the PDF break text at
the same places. A line holding another script (Chinese, Japanese, Arabic ...)
is drawn as a ``QTextLayout`` whose runs take the font of their script, the one
the layout measured them with; a right-to-left line is laid out right to left
(numbers and Latin names inside keep their order). Build steps hide paragraphs
whose ``step`` is still to come; a newly revealed step fades in.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QPainter, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QGraphicsObject, QStyleOptionGraphicsItem, QWidget

from briefing.i18n import LanguageTag, paragraph_language, parse_tag, slot_runs
from briefing.i18n.scripts import only_latin
from briefing.layout import BULLET, Paragraph, TextBox, TextLine
from briefing.render.fonts import script_font, slide_font

FADE_MS = 280


class TextBoxItem(QGraphicsObject):
    """One text box of a slide (title, bullets, a stat's number ...)."""

    def __init__(self, box: TextBox, *, bullet_color: str | None = None, language: str = "en") -> None:
        super().__init__()
        tag = parse_tag(language)
        self._language = tag if isinstance(tag, LanguageTag) else LanguageTag("en", "en")
        self._layouts: dict[int, QTextLayout] = {}  # line number -> its runs laid out (other scripts)
        self.box = box
        self.role = box.role
        self._color = QColor(box.color)
        self._bullet_color = QColor(bullet_color or box.color)
        self._lines: list[TextLine] = box.lines()
        self._step = max((p.step for p in box.paragraphs), default=0)
        self._opacity: dict[int, float] = {}
        self._fade = QVariantAnimation(self)
        self._fade.setDuration(FADE_MS)
        self._fade.setStartValue(0.0)
        self._fade.setEndValue(1.0)
        self._fade.valueChanged.connect(self._on_fade)
        self._fading_step = -1
        self._bounds = self._measure_bounds()

    # ------------------------------------------------------------------ content
    def text(self) -> str:
        """The text currently visible (paragraphs joined by newlines)."""
        return "\n".join(p.text for p in self._shown_paragraphs())

    def set_text(self, text: str) -> None:
        """Replace the text (one paragraph) keeping size and alignment: count-up frames."""
        first = self.box.paragraphs[0] if self.box.paragraphs else Paragraph("")
        self.box = replace(self.box, paragraphs=(replace(first, text=text),))
        self._lines = self.box.lines()
        self._layouts.clear()
        self.prepareGeometryChange()
        self._bounds = self._measure_bounds()
        self.update()

    def lines(self) -> list[TextLine]:
        return list(self._lines)

    # ------------------------------------------------------------------ build steps
    def set_step(self, step: int, *, fade: bool = False) -> None:
        """Show paragraphs with ``Paragraph.step <= step``; ``fade`` eases the newest in."""
        previous = self._step
        self._step = step
        self._fade.stop()
        self._opacity.clear()
        if fade and step > previous and any(p.step == step for p in self.box.paragraphs):
            self._fading_step = step
            self._opacity[step] = 0.0
            self._fade.start()
        self.update()

    def finish(self) -> None:
        self._fade.stop()
        self._opacity.clear()
        self.update()

    def _on_fade(self, value: float) -> None:
        self._opacity[self._fading_step] = float(value)
        self.update()

    def _shown_paragraphs(self) -> list[Paragraph]:
        return [p for p in self.box.paragraphs if p.step <= self._step]

    # ------------------------------------------------------------------ painting
    def _measure_bounds(self) -> QRectF:
        rect = self.box.rect
        bounds = QRectF(rect.x, rect.y, rect.w, rect.h)
        for line in self._lines:  # overflowing text still repaints correctly
            bounds = bounds.united(QRectF(rect.x, line.baseline - line.size, rect.w, line.size * 1.4))
        return bounds

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        box = self.box
        base_opacity = painter.opacity()
        for number, line in enumerate(self._lines):
            if line.step > self._step or (not line.text and line.bullet_x is None):
                continue
            painter.setOpacity(base_opacity * self._opacity.get(line.step, 1.0))
            painter.setFont(slide_font(int(line.size), box.bold, box.italic))
            if line.bullet_x is not None:
                painter.setPen(self._bullet_color)
                painter.drawText(QPointF(line.bullet_x, line.baseline), BULLET)
            painter.setPen(self._color)
            if only_latin(line.text) and not line.rtl:
                painter.drawText(QPointF(line.x, line.baseline), line.text)
            else:
                layout = self._layouts.get(number) or self._lay_out(number, line)
                draw_line(painter, layout, line.x, line.baseline)
        painter.setOpacity(base_opacity)

    def _lay_out(self, number: int, line: TextLine) -> QTextLayout:
        """The line as runs, each in the font of its script, in the paragraph's direction."""
        box = self.box
        form = paragraph_language(box.paragraphs[line.paragraph].text, self._language).han
        layout = script_line(line.text, int(line.size), box.bold, box.italic, rtl=line.rtl, form=form)
        self._layouts[number] = layout
        return layout


def script_line(text: str, size: int, bold: bool, italic: bool, *, rtl: bool, form: str) -> QTextLayout:
    """One line laid out as runs, each in the font of its script (the one the layout measured it
    with), right to left when ``rtl``; draw it with :func:`draw_line`."""
    layout = QTextLayout(text, slide_font(size, bold, italic))
    formats, start = [], 0
    for slot, run in slot_runs(text):
        length = len(run.encode("utf-16-le")) // 2  # Qt counts UTF-16 code units
        if slot != "latin":
            char_format = QTextCharFormat()
            char_format.setFont(script_font(slot, size, bold, italic, form))
            formats.append(QTextLayout.FormatRange())
            formats[-1].start, formats[-1].length, formats[-1].format = start, length, char_format
        start += length
    layout.setFormats(formats)
    option = QTextOption(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    option.setUseDesignMetrics(True)
    layout.setTextOption(option)
    layout.beginLayout()
    text_line = layout.createLine()
    text_line.setLineWidth(100000.0)  # one line, never wrapped: the layout wrapped it
    text_line.setLineWidth(text_line.naturalTextWidth())
    layout.endLayout()
    return layout


def draw_line(painter: QPainter, layout: QTextLayout, x: float, baseline: float) -> None:
    """Draw a :func:`script_line` with its left edge at ``x`` and its baseline at ``baseline``."""
    layout.draw(painter, QPointF(x, baseline - layout.lineAt(0).ascent()))
