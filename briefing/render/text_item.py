"""A layout TextBox drawn line by line, exactly as the layout wrapped it.

Qt is not asked to wrap: the scene draws the lines ``TextBox.lines()``
measured with Liberation Sans, so the app, the PNGs and the PDF break text at
the same places. Build steps hide paragraphs whose ``step`` is still to come;
a newly revealed step fades in.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, QVariantAnimation
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsObject, QStyleOptionGraphicsItem, QWidget

from briefing.layout import BULLET, Paragraph, TextBox, TextLine
from briefing.render.fonts import slide_font

FADE_MS = 280


class TextBoxItem(QGraphicsObject):
    """One text box of a slide (title, bullets, a stat's number ...)."""

    def __init__(self, box: TextBox, *, bullet_color: str | None = None) -> None:
        super().__init__()
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
        for line in self._lines:
            if line.step > self._step or (not line.text and line.bullet_x is None):
                continue
            painter.setOpacity(base_opacity * self._opacity.get(line.step, 1.0))
            painter.setFont(slide_font(int(line.size), box.bold, box.italic))
            if line.bullet_x is not None:
                painter.setPen(self._bullet_color)
                painter.drawText(QPointF(line.bullet_x, line.baseline), BULLET)
            painter.setPen(self._color)
            painter.drawText(QPointF(line.x, line.baseline), line.text)
        painter.setOpacity(base_opacity)
