"""What the app shows, the deck shows: WebP, EXIF-rotated and huge photos, end to end.

Each picture is generated with Pillow; the slide is rendered with the app's
scenes (the PNG export) and exported to a deck, and both are read back.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image as PILImage
from pptx import Presentation
from pptx.util import Emu

from briefing.export.images import render_pngs
from briefing.export.pptx import export_deck
from briefing.layout import CANVAS_W, layout_slide
from briefing.layout.theme import resolve_theme
from briefing.storyboard.load import load_storyboard

RED, BLUE = (220, 30, 30), (30, 30, 220)
IMAGE_SLIDE = 2  # title, divider, the picture


def _halves(size: tuple[int, int]) -> PILImage.Image:
    """Left half red, right half blue."""
    image = PILImage.new("RGB", size, RED)
    image.paste(BLUE, (size[0] // 2, 0, size[0], size[1]))
    return image


def _storyboard(write_storyboard, name: str):
    path = write_storyboard(
        "title: Pictures\nsections:\n  - title: S\n    slides:\n      - title: The picture\n"
        f"        image: {{path: {name}, alt: a picture}}\n"
    )
    return load_storyboard(path)


def _near(pixel: tuple[int, ...], want: tuple[int, int, int]) -> bool:
    return all(abs(a - b) < 50 for a, b in zip(pixel[:3], want, strict=True))


def _rendered(storyboard, tmp_path: Path) -> tuple[PILImage.Image, object]:
    """The picture slide as the app draws it (1920 x 1080) and the layout's picture rectangle."""
    [png] = render_pngs(storyboard, tmp_path / "png", slides=[IMAGE_SLIDE])
    rect = layout_slide(storyboard, IMAGE_SLIDE, resolve_theme(storyboard.theme)).image
    return PILImage.open(png).convert("RGB"), rect


def _deck_picture(storyboard, tmp_path: Path):
    deck = tmp_path / "deck.pptx"
    export_deck(storyboard, deck)
    slide = Presentation(str(deck)).slides[IMAGE_SLIDE]
    [picture] = [shape for shape in slide.shapes if shape.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    return picture


def _inside(rect, fx: float, fy: float) -> tuple[int, int]:
    return int(rect.x + rect.w * fx), int(rect.y + rect.h * fy)


def test_webp_shows_in_the_app_and_goes_into_the_deck_as_png(qtbot, write_storyboard, tmp_path: Path) -> None:
    _halves((400, 200)).save(tmp_path / "photo.webp", "WEBP", lossless=True)
    storyboard = _storyboard(write_storyboard, "photo.webp")
    shown, rect = _rendered(storyboard, tmp_path)
    assert rect.w / rect.h == pytest.approx(2.0, rel=0.01)
    assert _near(shown.getpixel(_inside(rect, 0.25, 0.5)), RED)
    assert _near(shown.getpixel(_inside(rect, 0.75, 0.5)), BLUE)
    picture = _deck_picture(storyboard, tmp_path)
    assert picture.image.content_type == "image/png"
    embedded = PILImage.open(io.BytesIO(picture.image.blob)).convert("RGB")
    assert embedded.tobytes() == _halves((400, 200)).tobytes()
    assert picture.width / picture.height == pytest.approx(2.0, rel=0.01)


@pytest.mark.parametrize(("orientation", "top", "bottom"), [(6, RED, BLUE), (8, BLUE, RED)])
def test_an_exif_rotated_photo_is_upright_in_the_app_and_the_deck(
    qtbot, write_storyboard, tmp_path: Path, orientation: int, top: tuple, bottom: tuple
) -> None:
    exif = PILImage.Exif()
    exif[0x0112] = orientation  # 6: turn 90° clockwise to view; 8: counter-clockwise
    _halves((400, 200)).save(tmp_path / "phone.jpg", "JPEG", exif=exif.tobytes(), quality=95)
    storyboard = _storyboard(write_storyboard, "phone.jpg")
    shown, rect = _rendered(storyboard, tmp_path)
    assert rect.h / rect.w == pytest.approx(2.0, rel=0.01)  # portrait, as the phone held it
    assert _near(shown.getpixel(_inside(rect, 0.5, 0.25)), top)
    assert _near(shown.getpixel(_inside(rect, 0.5, 0.75)), bottom)
    picture = _deck_picture(storyboard, tmp_path)
    embedded = PILImage.open(io.BytesIO(picture.image.blob)).convert("RGB")
    assert embedded.size == (200, 400)
    assert _near(embedded.getpixel((100, 100)), top) and _near(embedded.getpixel((100, 300)), bottom)
    assert picture.height / picture.width == pytest.approx(2.0, rel=0.01)


@pytest.fixture(scope="module")
def huge_photo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """12000 x 9000 (108 MP): 432 MB as Qt's RGB32, over its 256 MB allocation limit."""
    folder = tmp_path_factory.mktemp("huge")
    _halves((12_000, 9_000)).save(folder / "huge.jpg", "JPEG", quality=80)
    return folder / "huge.jpg"


@pytest.mark.slow
def test_a_huge_photo_shows_scaled_in_the_app_and_whole_in_the_deck(
    qtbot, write_storyboard, tmp_path: Path, huge_photo: Path
) -> None:
    (tmp_path / "huge.jpg").write_bytes(huge_photo.read_bytes())
    storyboard = _storyboard(write_storyboard, "huge.jpg")
    shown, rect = _rendered(storyboard, tmp_path)
    assert _near(shown.getpixel(_inside(rect, 0.25, 0.5)), RED)  # the photo, not the placeholder
    assert _near(shown.getpixel(_inside(rect, 0.75, 0.5)), BLUE)
    assert rect.w / rect.h == pytest.approx(12 / 9, rel=0.01)
    picture = _deck_picture(storyboard, tmp_path)
    assert picture.image.blob == huge_photo.read_bytes()  # the original, untouched
    assert Emu(picture.width).inches / Emu(picture.height).inches == pytest.approx(12 / 9, rel=0.01)
    assert rect.w <= CANVAS_W
