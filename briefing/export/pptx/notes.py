"""Speaker notes: each slide's ``notes`` on its notes page, paragraph by paragraph."""

from __future__ import annotations

from typing import Any


def notes_paragraphs(notes: str) -> list[str]:
    """Blank lines separate paragraphs; single line breaks inside one are joined."""
    paragraphs = []
    for block in notes.strip().split("\n\n"):
        text = " ".join(line.strip() for line in block.splitlines() if line.strip())
        if text:
            paragraphs.append(text)
    return paragraphs


def set_notes(slide: Any, notes: str) -> None:
    """Write ``notes`` to the slide's notes page (none is created for a slide without notes)."""
    paragraphs = notes_paragraphs(notes)
    if not paragraphs:
        return
    frame = slide.notes_slide.notes_text_frame
    frame.text = paragraphs[0]
    for text in paragraphs[1:]:
        frame.add_paragraph().text = text
