"""A newline in a title or a bullet is a line break in the app and in the PDF, as the model keeps it."""

from __future__ import annotations

import subprocess

from briefing.export.images import render_pdf
from briefing.layout.theme import resolve_theme
from briefing.render.scene import SlideScene
from briefing.storyboard.load import load_text

STORYBOARD = """\
title: T
sections:
  - title: S
    slides:
      - title: "First line\\nSecond line"
        notes: n
        bullets: ["Bullet top\\nbullet bottom", plain]
"""


def test_the_app_draws_a_newline_as_a_line_break(qtbot, tmp_path) -> None:
    storyboard = load_text(STORYBOARD, tmp_path / "deck.yaml")
    scene = SlideScene(storyboard, 2, resolve_theme(storyboard.theme), animate=False)
    title = scene.texts("title")[0].lines()
    assert [line.text for line in title] == ["First line", "Second line"]
    assert title[1].baseline > title[0].baseline and title[1].x == title[0].x
    body = scene.texts("body")[0].lines()
    assert [line.text for line in body] == ["Bullet top", "bullet bottom", "plain"]
    assert body[0].bullet_x is not None and body[1].bullet_x is None  # one bullet, two lines
    assert body[1].x == body[0].x


def test_the_pdf_shows_a_newline_as_a_line_break(qtbot, tmp_path) -> None:
    storyboard = load_text(STORYBOARD, tmp_path / "deck.yaml")
    pdf = tmp_path / "deck.pdf"
    render_pdf(storyboard, pdf)
    text = subprocess.run(
        ["pdftotext", "-f", "3", "-l", "3", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert "First line" in lines and "Second line" in lines
    assert lines[lines.index("Second line") + 1 :][:3] == ["• Bullet top", "bullet bottom", "• plain"]
