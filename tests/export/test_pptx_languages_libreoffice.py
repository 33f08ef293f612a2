"""The Chinese, Japanese and Arabic example decks in a real client: LibreOffice draws their text in
the Noto fonts the layout measured, and no word lands outside the box the layout gave it."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.export.pptx import export_deck
from briefing.layout import Rect, layout_slide
from briefing.layout.theme import resolve_theme
from briefing.storyboard.model import Storyboard
from tests.i18n.language_decks import LANGUAGES, load

pytestmark = pytest.mark.slow
POINTS_PER_UNIT = 0.5  # the 1920-unit canvas is a 960 pt page
SLACK = 4.0  # points: glyph bounds reach a little past the line box
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def _boxes(storyboard: Storyboard) -> list[list[Rect]]:
    """Per page, the rectangles text may occupy: every text box, and the chart."""
    theme = resolve_theme(storyboard.theme)
    layouts = [layout_slide(storyboard, n, theme) for n in range(len(storyboard.slides))]
    pages = []
    for layout in layouts:
        rects = [box.rect for box in layout.texts] + ([layout.chart] if layout.chart else [])
        pages.append(rects)
    return pages


def _words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for page in html.split("<page ")[1:]:
        pages.append([(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in _WORD.findall(page)])
    return pages


def _inside(word: tuple[float, float, float, float, str], rect: Rect) -> bool:
    """The word's width within the box, its middle within the box's height (a word's box
    spans the font's whole ascent and descent, taller than a tightly set line)."""
    x0, y0, x1, y1 = (v / POINTS_PER_UNIT for v in word[:4])
    slack = SLACK / POINTS_PER_UNIT
    across = rect.x - slack <= x0 and x1 <= rect.right + slack
    return across and rect.y - slack <= (y0 + y1) / 2 <= rect.bottom + slack


@pytest.mark.parametrize("language", LANGUAGES)
def test_libreoffice_keeps_every_word_inside_its_box(
    language: str, tmp_path: Path, to_pdf: Callable[[Path], Path]
) -> None:
    storyboard = load(language)
    deck = tmp_path / f"{language}.pptx"
    export_deck(storyboard, deck)
    pdf = to_pdf(deck)
    pages, boxes = _words(pdf), _boxes(storyboard)
    assert len(pages) == len(boxes)
    outside = [
        (number + 1, word[4])
        for number, (words, rects) in enumerate(zip(pages, boxes, strict=True))
        for word in words
        if not any(_inside(word, rect) for rect in rects)
    ]
    assert not outside
    assert sum(len(words) for words in pages) > 50


@pytest.mark.parametrize(
    ("language", "family"),
    [("zh-CN", "NotoSansCJK"), ("ja", "NotoSansCJK"), ("ar", "NotoSansArabic")],
)
def test_libreoffice_draws_the_scripts_noto_font_with_its_bold(
    language: str, family: str, tmp_path: Path, to_pdf: Callable[[Path], Path]
) -> None:
    deck = tmp_path / f"{language}.pptx"
    export_deck(load(language), deck)
    out = subprocess.run(["pdffonts", str(to_pdf(deck))], capture_output=True, text=True, check=True).stdout
    names = {line.split()[0].split("+")[-1] for line in out.splitlines()[2:] if line.strip()}
    assert any(name.startswith(family) and "Bold" in name for name in names), names
    assert any(name.startswith(family) and "Regular" in name for name in names), names
