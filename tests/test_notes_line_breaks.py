"""A line break inside speaker notes stays a line break in the console, the PDF handout and the deck;
a blank line starts a paragraph everywhere."""

from __future__ import annotations

import subprocess

from pptx import Presentation

from briefing.app.console.notes import notes_html
from briefing.export.images import render_pdf
from briefing.export.pptx import export_deck
from briefing.storyboard.load import load_text
from briefing.storyboard.text import note_paragraphs

STORYBOARD = """\
title: T
sections:
  - title: S
    slides:
      - title: Three points
        notes: |
          Points to make:
          - Zhangjiang first
          - then the money

          A second   paragraph.
        bullets: [one]
"""


def test_note_paragraphs_keep_line_breaks_and_split_at_blank_lines() -> None:
    assert note_paragraphs("a\nb\n\n  \n c   d \n\n\n") == ["a\nb", "c d"]
    assert note_paragraphs("x\n \ny") == ["x", "y"]  # a line of spaces is a blank line


def test_the_deck_notes_keep_each_line(tmp_path) -> None:
    storyboard = load_text(STORYBOARD, tmp_path / "deck.yaml")
    deck = tmp_path / "deck.pptx"
    export_deck(storyboard, deck)
    frame = Presentation(str(deck)).slides[2].notes_slide.notes_text_frame
    paragraphs = [p.text for p in frame.paragraphs]
    assert paragraphs[0].splitlines() == ["Points to make:", "- Zhangjiang first", "- then the money"]
    assert paragraphs[1] == "A second paragraph."
    xml = frame._txBody.xml
    assert xml.count("<a:br") == 2


def test_the_console_notes_keep_each_line(tmp_path) -> None:
    storyboard = load_text(STORYBOARD, tmp_path / "deck.yaml")
    html = notes_html(storyboard.slides[2])
    assert "Points to make:<br>- Zhangjiang first<br>- then the money" in html
    assert html.count("<p ") == 2


def test_the_pdf_handout_keeps_each_line(qtbot, tmp_path) -> None:
    storyboard = load_text(STORYBOARD, tmp_path / "deck.yaml")
    pdf = tmp_path / "handout.pdf"
    render_pdf(storyboard, pdf, notes=True)
    text = subprocess.run(
        ["pdftotext", "-f", "3", "-l", "3", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    start = lines.index("Points to make:")
    assert lines[start : start + 4] == ["Points to make:", "- Zhangjiang first", "- then the money",
                                        "A second paragraph."]
