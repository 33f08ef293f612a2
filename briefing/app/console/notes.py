"""Speaker notes, large and readable; the presenter can enlarge or shrink them.

The size is remembered in QSettings (``notes/font_size``) so the next talk
starts with what suited the presenter's eyes and screen distance.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from briefing.app import settings
from briefing.storyboard.model import Slide
from briefing.storyboard.text import note_paragraphs

NOTES_STEP = 2


def notes_html(slide: Slide) -> str:
    """Blank lines separate paragraphs; every other line break stays a line break."""
    text = slide.notes.strip()
    if not text:
        return "<p style='color:#8FA1B8'><i>No notes for this slide.</i></p>"
    paragraphs = ["<br>".join(html.escape(line) for line in p.split("\n")) for p in note_paragraphs(text)]
    return "".join(f"<p style='margin-bottom:0.6em'>{p}</p>" for p in paragraphs)


class NotesPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notes")
        self.heading = QLabel()
        self.heading.setObjectName("notesHeading")
        self.text = QLabel()
        self.text.setObjectName("notesText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.text)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.scroll_area, 1)
        self.font_size = 0
        self._showing: tuple[str, str] | None = None
        self.set_font_size(settings.notes_font_size(), remember=False)

    def show_slide(self, slide: Slide, *, label: str = "Notes") -> None:
        """Show the slide's notes; the scroll position stays while it is the same slide."""
        self.heading.setText(f"{label} · {slide.title}")
        text = notes_html(slide)
        if (slide.id, text) == self._showing:
            return
        same_slide = self._showing is not None and self._showing[0] == slide.id
        self._showing = (slide.id, text)
        bar = self.scroll_area.verticalScrollBar()
        position = bar.value() if same_slide else 0
        self.text.setText(text)
        bar.setValue(position)
        if same_slide:  # edited notes (live reload): again once the new text is laid out
            QTimer.singleShot(0, bar, lambda: bar.setValue(position))

    def set_font_size(self, size: int, *, remember: bool = True) -> int:
        if remember:
            size = settings.set_notes_font_size(size)
        else:
            size = max(settings.NOTES_SIZE_MIN, min(size, settings.NOTES_SIZE_MAX))
        self.font_size = size
        font = self.text.font()
        font.setPixelSize(size)
        self.text.setFont(font)
        return size

    def larger(self) -> int:
        return self.set_font_size(self.font_size + NOTES_STEP)

    def smaller(self) -> int:
        return self.set_font_size(self.font_size - NOTES_STEP)
