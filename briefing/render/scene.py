"""One slide as a QGraphicsScene on the 1920x1080 canvas; every view is a camera on it.

The scene draws what ``briefing.layout`` computed (background, shapes, text,
image, the live chart) and owns the slide's little life: build steps,
entrance animations (stats count up, charts play their intro) and the final
state that PNG/PDF export and the "no animations" setting jump to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEasingCurve, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
)

from briefing.layout import CANVAS_H, CANVAS_W, Rect, ShapeBox, SlideLayout, layout_slide
from briefing.layout.theme import Theme
from briefing.render.fonts import use_language
from briefing.render.placeholder import PlaceholderItem
from briefing.render.text_item import TextBoxItem
from briefing.render.thumbnails import render_image, render_pixmap
from briefing.storyboard.model import Chart, Image, Slide, Stats, Storyboard

if TYPE_CHECKING:
    from briefing.render.charts import ChartItem

__all__ = ["SlideScene", "render_image", "render_pixmap"]

COUNT_UP_MS = 600
CARD_RADIUS = 20


class SlideScene(QGraphicsScene):
    """Slide ``index`` of ``storyboard.slides`` drawn with ``theme``.

    ``animate=False`` builds the final state directly (exports, thumbnails).
    """

    def __init__(
        self, storyboard: Storyboard, index: int, theme: Theme, *, animate: bool = True, parent=None
    ) -> None:
        super().__init__(parent)
        self.storyboard = storyboard
        self.index = index
        self.theme = theme
        self.slide: Slide = storyboard.slides[index]
        self.layout: SlideLayout = layout_slide(storyboard, index, theme)
        self.steps = self.layout.steps
        self.step = 0
        self._animate = animate
        self._text_items: list[TextBoxItem] = []
        self.chart: ChartItem | None = None  # the live chart of a chart slide
        self._count_ups: list[QVariantAnimation] = []
        self.setSceneRect(0, 0, CANVAS_W, CANVAS_H)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self._build()
        self.set_step(0)
        if not animate:
            self.finish()
        else:
            self._show_start_state()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = self.layout
        background = QGraphicsRectItem(0, 0, CANVAS_W, CANVAS_H)
        background.setBrush(QColor(layout.background))
        background.setPen(Qt.PenStyle.NoPen)
        background.setZValue(-100)
        self.addItem(background)
        for shape in layout.shapes:
            self.addItem(_shape_item(shape))
        body = self.slide.body
        if layout.image is not None and isinstance(body, Image):
            self.addItem(_image_item(body, layout.image, self.theme))
        if layout.chart is not None and isinstance(body, Chart):
            # Imported here, not at the top: pyqtgraph (~0.5 s) loads with the first chart slide,
            # not before the title slide is on screen.
            from briefing.render.charts import make_chart_item

            words = (*body.categories, *(s.name for s in body.series), body.x_title, body.y_title, body.unit)
            use_language(self.storyboard.language, " ".join(words))
            self.chart = make_chart_item(body, self.theme, layout.chart, animate=self._animate)
            self.addItem(self.chart)
        for box in layout.texts:
            item = TextBoxItem(box, bullet_color=self.theme.accent, language=self.storyboard.language)
            item.setZValue(10)
            self.addItem(item)
            self._text_items.append(item)

    # ------------------------------------------------------------------ build steps
    def set_step(self, step: int) -> None:
        """Show build step ``step`` (0-based, clamped): later bullets stay hidden."""
        step = max(0, min(int(step), self.steps - 1))
        fade = self._animate and step == self.step + 1
        self.step = step
        for item in self._text_items:
            item.set_step(step, fade=fade)

    # ------------------------------------------------------------------ animation
    def set_animations_enabled(self, enabled: bool) -> None:
        """Off: ``start()`` shows the final state at once (the presenter's choice)."""
        self._animate = enabled
        if not enabled:
            self.finish()

    def start(self) -> None:
        """Play the entrance: stats count up from 0, the chart plays its intro."""
        if not self._animate:
            self.finish()
            return
        self._stop_count_ups()
        stats = self.slide.body
        if isinstance(stats, Stats):
            for item in self.texts("stat-value"):
                stat = stats.items[item.box.ref]
                animation = QVariantAnimation(self)
                animation.setDuration(COUNT_UP_MS)
                animation.setStartValue(0.0)
                animation.setEndValue(float(stat.value))
                animation.setEasingCurve(QEasingCurve.Type.OutCubic)
                animation.valueChanged.connect(
                    lambda value, item=item, stat=stat: item.set_text(stat.display(float(value)))
                )
                animation.finished.connect(lambda item=item, stat=stat: item.set_text(stat.display()))
                self._count_ups.append(animation)
                animation.start()
        if self.chart is not None:
            self.chart.play_intro()

    def finish(self) -> None:
        """Jump every animation to its final state."""
        self._stop_count_ups()
        stats = self.slide.body
        if isinstance(stats, Stats):
            for item in self.texts("stat-value"):
                item.set_text(stats.items[item.box.ref].display())
        for item in self._text_items:
            item.finish()
        if self.chart is not None:
            self.chart.finish_intro()

    def is_animating(self) -> bool:
        running = QVariantAnimation.State.Running
        if any(a.state() == running for a in self._count_ups):
            return True
        return self.chart is not None and self.chart.is_animating()

    def _show_start_state(self) -> None:
        """Before ``start()``: stats at 0 (so the count-up does not flash the end value)."""
        stats = self.slide.body
        if isinstance(stats, Stats):
            for item in self.texts("stat-value"):
                item.set_text(stats.items[item.box.ref].display(0.0))

    def _stop_count_ups(self) -> None:
        for animation in self._count_ups:
            animation.stop()
            animation.deleteLater()
        self._count_ups.clear()

    def retarget(self, storyboard: Storyboard, index: int) -> None:
        """Describe slide ``index`` of an edited ``storyboard`` that looks the same (live reload).

        Only the slide number can differ: the slide moved when others were added or removed.
        """
        moved = index != self.index
        self.storyboard, self.index, self.slide = storyboard, index, storyboard.slides[index]
        if moved:
            for item in self.texts("slide-number"):
                item.set_text(str(index + 1))

    # ------------------------------------------------------------------ looking inside
    def chart_item(self) -> ChartItem | None:
        return self.chart

    def set_interactive(self, on: bool) -> None:
        """Let the chart take wheel/drag (console) or not (audience)."""
        if self.chart is not None:
            self.chart.set_interactive(on)

    def texts(self, role: str | None = None) -> list[TextBoxItem]:
        """Text items, all or those of one ``role`` ("title", "body", "stat-value" ...)."""
        return [item for item in self._text_items if role is None or item.role == role]

    def visible_text(self) -> str:
        """Every visible text of the slide, in layout order, one box per line group."""
        return "\n".join(item.text() for item in self._text_items if item.isVisible() and item.text())


def _shape_item(shape: ShapeBox) -> QGraphicsItem:
    r = QRectF(shape.rect.x, shape.rect.y, shape.rect.w, shape.rect.h)
    if shape.kind == "rect":
        item: QGraphicsItem = QGraphicsRectItem(r)
    else:
        path = QPainterPath()
        if shape.kind == "ellipse":
            path.addEllipse(r)
        else:
            path.addRoundedRect(r, CARD_RADIUS, CARD_RADIUS)
        item = QGraphicsPathItem(path)
    item.setBrush(QBrush(QColor(shape.fill)))  # type: ignore[attr-defined]
    item.setPen(QPen(Qt.PenStyle.NoPen))  # type: ignore[attr-defined]
    return item


def _image_item(image: Image, rect: Rect, theme: Theme) -> QGraphicsItem:
    """The picture scaled (not resampled) into ``rect`` keeping its aspect; PDFs stay sharp."""
    from briefing.render.pictures import picture_pixmap  # image decoding loads on the first picture

    pixmap = picture_pixmap(image)  # the deck's bytes, upright, scaled if huge
    if pixmap.isNull():
        return PlaceholderItem(rect, image.alt, theme)
    item = QGraphicsPixmapItem(pixmap)
    item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
    scale = min(rect.w / pixmap.width(), rect.h / pixmap.height())
    item.setScale(scale)
    item.setPos(
        rect.x + (rect.w - pixmap.width() * scale) / 2, rect.y + (rect.h - pixmap.height() * scale) / 2
    )
    return item
