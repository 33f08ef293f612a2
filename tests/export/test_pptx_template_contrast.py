"""On a template with dark artwork whose theme text colour is black, our text is readable.

Every text run of the deck (text boxes, placeholders, chart text) is resolved the way
PowerPoint would draw it (its own colour, else the theme's ``tx1``) and measured against
what it sits on: the template's near-black background or one of our cards.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image as PILImage
from pptx import Presentation

from briefing.export.pptx import export_deck
from briefing.layout.contrast import contrast_ratio, is_large_text, relative_luminance
from briefing.resources import default_storyboard
from briefing.storyboard.load import load_storyboard
from tests.export.dark_template import build_dark_template

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# python-pptx's default theme, which the dark template keeps
SCHEME = {"bg1": "#FFFFFF", "tx1": "#000000", "bg2": "#EEECE1", "tx2": "#1F497D", "accent1": "#4F81BD"}
BACKGROUND = "#101216"


@pytest.fixture(scope="module")
def dark_deck(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[str, ...]]:
    folder = tmp_path_factory.mktemp("dark")
    template = build_dark_template(folder / "dark.pptx")
    report = export_deck(load_storyboard(default_storyboard()), folder / "deck.pptx", template=template)
    return report.path, report.warnings


def _color(r_pr) -> str:
    """The colour a run (``a:rPr`` or chart ``a:defRPr``) is drawn in: its own, else ``tx1``."""
    fill = r_pr.find(f"{A}solidFill") if r_pr is not None else None
    if fill is None or not len(fill):
        return SCHEME["tx1"]
    element = fill[0]
    if element.tag == f"{A}srgbClr":
        return "#" + element.get("val")
    return SCHEME[element.get("val")]


def _runs(deck: Path):
    """(slide number, shape name, colour, size pt, bold, background) of every run of text."""
    for number, slide in enumerate(Presentation(str(deck)).slides, start=1):
        cards = [s for s in slide.shapes if s.name.startswith("Card")]
        for shape in slide.shapes:
            background = BACKGROUND
            if shape.has_text_frame:
                background = _card_fill(shape, cards) or BACKGROUND
                for run in shape._element.iter(f"{A}r"):
                    r_pr = run.find(f"{A}rPr")
                    size, bold = int(r_pr.get("sz")) / 100, r_pr.get("b") == "1"
                    yield number, shape.name, _color(r_pr), size, bold, background
            if shape.has_chart:
                for d in shape.chart.part._element.iter(f"{A}defRPr", f"{A}rPr"):  # axis titles: rPr
                    if d.getparent().getparent().getparent().getparent().tag.endswith("dLbl"):
                        continue  # a slice's own label: measured on its fill below
                    size, bold = int(d.get("sz", "1000")) / 100, d.get("b") == "1"
                    yield number, shape.name, _color(d), size, bold, background


def _card_fill(shape, cards) -> str | None:
    cx, cy = shape.left + shape.width / 2, shape.top + shape.height / 2
    for card in cards:
        if card.left <= cx <= card.left + card.width and card.top <= cy <= card.top + card.height:
            fill = card._element.find(f".//{A}solidFill")
            return _color_of_fill(fill)
    return None


def _color_of_fill(fill) -> str:
    element = fill[0]
    return "#" + element.get("val") if element.tag == f"{A}srgbClr" else SCHEME[element.get("val")]


def test_no_run_on_the_dark_template_is_below_its_contrast_ratio(dark_deck) -> None:
    deck, _ = dark_deck
    runs = list(_runs(deck))
    assert len(runs) > 200  # 228 for the bundled briefing
    failing = [
        (n, name, color, background)
        for n, name, color, size, bold, background in runs
        if contrast_ratio(color, background) < (3.0 if is_large_text(size, bold) else 4.5)
    ]
    assert failing == []
    assert all(color != background for _, _, color, _, _, background in runs), "never text in its bg colour"


def test_the_export_says_which_colour_it_used_instead(dark_deck) -> None:
    _, warnings = dark_deck
    recoloured = [w for w in warnings if "its text colour #000000" in w]
    assert recoloured, warnings
    assert all("drawn in bg1 #FFFFFF instead" in w and "dark.pptx" in w for w in recoloured)


def test_check_with_the_dark_template_finds_no_text_below_its_ratio(dark_deck, tmp_path: Path) -> None:
    deck, _ = dark_deck
    template = deck.parent / "dark.pptx"
    command = ["-m", "briefing", "check", str(default_storyboard()), "--template", str(template)]
    result = subprocess.run([_python(), *command], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "low-contrast" not in result.stdout and "contrast of" in result.stdout
    assert "warning: template dark.pptx: its text colour #000000" in result.stdout
    strict = subprocess.run([_python(), *command, "--strict"], capture_output=True, timeout=120)
    assert strict.returncode == 1, "--strict fails on the recolouring warnings"


def _python() -> str:
    import sys

    return sys.executable


@pytest.mark.slow
def test_libreoffice_shows_light_titles_on_the_dark_template(dark_deck, to_pdf) -> None:
    deck, _ = dark_deck
    pdf = to_pdf(deck)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "24", "-f", "3", "-l", "3", str(pdf), str(pdf.with_suffix(""))],
        check=True,
        timeout=120,
    )
    page = PILImage.open(next(pdf.parent.glob("*.png"))).convert("RGB")
    w, h = page.size
    title = page.crop((int(w * 0.05), int(h * 0.05), int(w * 0.6), int(h * 0.2)))
    raw = title.tobytes()
    lightest = max(
        relative_luminance(f"#{raw[i]:02X}{raw[i + 1]:02X}{raw[i + 2]:02X}") for i in range(0, len(raw), 3)
    )
    assert lightest > 0.6, "the slide title is drawn light on the dark artwork"
