"""PNG and PDF export: files written, right sizes, real content, one page per slide."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtGui import QImage
from sample_deck import index_of, sample_storyboard, write_picture

from briefing.export.images import render_pdf, render_pngs


@pytest.fixture
def storyboard(tmp_path):
    return sample_storyboard("light", image=write_picture(tmp_path))


def pixel_spread(image: QImage) -> int:
    """How many distinct grey levels a sample of pixels has (1 = blank)."""
    levels = set()
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            levels.add(image.pixelColor(x, y).lightness())
    return len(levels)


def pdf_pages(path) -> int:
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", out, re.M)[1])
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", path.read_bytes()))


def test_pngs_have_the_right_size_and_real_content(qtbot, tmp_path, storyboard):
    written = render_pngs(storyboard, tmp_path / "png", size=(640, 360))
    assert [p.name for p in written] == [f"slide-{n:03d}.png" for n in range(1, len(storyboard.slides) + 1)]
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (640, 360)
        assert pixel_spread(image) > 3, path.name


def test_pngs_for_chosen_slides_only(qtbot, tmp_path, storyboard):
    chart = index_of(storyboard, "chart")
    written = render_pngs(storyboard, tmp_path, slides=[0, chart])
    assert [p.name for p in written] == ["slide-001.png", f"slide-{chart + 1:03d}.png"]
    assert QImage(str(written[1])).size().width() == 1920


def test_png_shows_every_build_step(qtbot, tmp_path, storyboard):
    """Exports show the final state: a built slide has all its bullets."""
    from briefing.export.images import final_scene
    from briefing.layout.theme import resolve_theme

    index = index_of(storyboard, "bullets")
    scene = final_scene(storyboard, index, resolve_theme(storyboard.theme))
    assert "Fast-track visas for researchers and founders" in scene.visible_text()


def test_pdf_has_one_landscape_page_per_slide(qtbot, tmp_path, storyboard):
    path = render_pdf(storyboard, tmp_path / "deck.pdf")
    assert path.read_bytes().startswith(b"%PDF")
    assert pdf_pages(path) == len(storyboard.slides)
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", out).groups())
        assert width / height == pytest.approx(16 / 9, rel=0.01)


def test_pdf_with_notes_carries_text_as_text(qtbot, tmp_path, storyboard):
    path = render_pdf(storyboard, tmp_path / "handout.pdf", notes=True)
    assert pdf_pages(path) >= len(storyboard.slides)
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Start with scale." in text  # the notes
        assert "A science city on former farmland" in text  # vector text of the slide


def test_pdf_chart_axes_match_the_slide(qtbot, tmp_path, bundled_storyboard):
    """Axis ticks and categories in the PDF are those of the app, not rescaled by the PDF's DPI."""
    from briefing.storyboard import load_storyboard

    board = load_storyboard(bundled_storyboard)
    index = next(i for i, s in enumerate(board.slides) if s.title.startswith("Series A rounds"))
    path = render_pdf(board, tmp_path / "chart.pdf", slides=[index])
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    for label in ("Shanghai", "Berlin", "$0M", "$10M", "$25M"):
        assert label in text
