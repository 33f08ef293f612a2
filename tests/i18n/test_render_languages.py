"""The app's scene, the PNGs and the PDF draw other scripts with their own fonts (a real bold,
embedded in the PDF) and Arabic from the right."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFontDatabase, QFontInfo, QImage

from briefing.export.images import render_pdf, render_pngs
from briefing.layout.theme import resolve_theme
from briefing.render.fonts import chart_families, script_font, use_language
from briefing.render.scene import SlideScene
from briefing.render.text_item import TextBoxItem
from tests.i18n.language_decks import load


def _fonts(pdf: Path) -> set[str]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {line.split()[0].split("+")[-1] for line in out.splitlines()[2:] if line.strip()}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh-CN", {"NotoSansCJKsc-Regular", "NotoSansCJKsc-Bold"}),
        ("ja", {"NotoSansCJKjp-Regular", "NotoSansCJKjp-Bold"}),
        ("ar", {"NotoSansArabic-Regular", "NotoSansArabic-Bold"}),
    ],
)
def test_the_pdf_embeds_the_scripts_fonts_and_no_stand_in(
    qtbot, tmp_path: Path, language: str, expected: set[str]
) -> None:
    pdf = render_pdf(load(language), tmp_path / f"{language}.pdf", notes=True)
    assert _fonts(pdf) == expected | {"LiberationSans", "LiberationSans-Bold"}


@pytest.mark.parametrize(("form", "family"), [("SC", "Noto Sans CJK SC"), ("JP", "Noto Sans CJK JP")])
def test_cjk_is_drawn_in_noto_sans_cjk_with_a_real_bold(qtbot, form: str, family: str) -> None:
    font = script_font("cjk", 60, bold=True, form=form)
    assert QFontInfo(font).family() == family
    assert "Bold" in QFontDatabase.styles(family)
    use_language("ja" if form == "JP" else "zh-CN", "上海")
    assert chart_families()[0] == family  # charts in a CJK talk: its regional form first


def test_arabic_is_drawn_in_noto_sans_arabic_with_a_real_bold(qtbot) -> None:
    font = script_font("arabic", 60, bold=True)
    assert QFontInfo(font).family() == "Noto Sans Arabic"
    assert "Bold" in QFontDatabase.styles("Noto Sans Arabic")


def test_charts_name_only_the_scripts_they_need(qtbot) -> None:
    use_language("en", "Shanghai Berlin")
    assert chart_families() == ["Liberation Sans"]
    use_language("en", "上海 Berlin")
    assert chart_families() == ["Liberation Sans", "Noto Sans CJK SC"]
    use_language("ar", "شنغهاي")
    assert chart_families() == ["Liberation Sans", "Noto Sans Arabic"]


def _accent_columns(image: QImage, accent: str, top: int, bottom: int) -> list[int]:
    target = QColor(accent)
    columns = []
    for x in range(0, image.width()):
        for y in range(top, bottom, 2):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - target.red()) + abs(pixel.green() - target.green()) < 30
                and pixel.blue() < 120
            ):
                columns.append(x)
                break
    return columns


@pytest.mark.parametrize(("language", "index", "right"), [("ar", 2, True), ("zh-CN", 2, False)])
def test_bullets_stand_at_the_paragraphs_start(
    qtbot, tmp_path: Path, language: str, index: int, right: bool
) -> None:
    """In the PNG, the accent-coloured bullets of Arabic stand on the right, of Chinese on the left."""
    storyboard = load(language)
    (png,) = render_pngs(storyboard, tmp_path, slides=[index])
    image = QImage(str(png))
    accent = resolve_theme(storyboard.theme).accent
    columns = _accent_columns(image, accent, 300, 900)
    assert columns
    if right:
        assert min(columns) > 1500  # the body box spans 96..1696
    else:
        assert max(columns) < 200


def test_the_scene_lays_arabic_lines_out_right_to_left(qtbot) -> None:
    storyboard = load("ar")
    scene = SlideScene(storyboard, 2, resolve_theme(storyboard.theme), animate=False)
    body = next(item for item in scene.items() if isinstance(item, TextBoxItem) and item.role == "body")
    assert all(line.rtl for line in body.lines())
    image = QImage(1920, 1080, QImage.Format.Format_RGB32)
    from PySide6.QtGui import QPainter

    painter = QPainter(image)
    scene.render(painter)
    painter.end()
    layouts = body._layouts  # the lines were drawn as right-to-left text layouts
    assert layouts and all(
        layout.textOption().textDirection().name == "RightToLeft" for layout in layouts.values()
    )
    scene.clear()


def test_numbers_and_latin_names_keep_their_order_inside_arabic(qtbot) -> None:
    from briefing.render.text_item import script_line

    text = "عاد أكثر من 180,000 مهني إلى SenseTime"
    layout = script_line(text, 40, False, False, rtl=True, form="SC")  # keep it: the line is its part
    line = layout.lineAt(0)

    def x(index: int) -> float:
        return line.cursorToX(index)[0]

    number, name = text.index("180,000"), text.index("SenseTime")
    # positions inside each run (a cursor on a run's edge belongs to both directions)
    assert x(number + 1) < x(number + 6)  # digits read left to right
    assert x(name + 1) < x(name + 8)  # and so does the Latin name
    assert x(1) > x(number + 1) > x(name + 1)  # while the sentence runs from the right
