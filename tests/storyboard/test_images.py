"""Images are decoded and judged at ``check``: damaged files, bombs and SVG are located errors;
WebP and EXIF-rotated photos become the upright bytes every output shows.

All images are generated here with Pillow.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image as PILImage

from briefing.storyboard.images import MAX_PIXELS, inspect_image
from briefing.storyboard.load import check, load_storyboard


def _storyboard(write_storyboard, name: str) -> Path:
    return write_storyboard(
        "title: Pictures\nsections:\n  - title: S\n    slides:\n      - title: One\n"
        f"        image: {{path: {name}, alt: a picture}}\n"
    )


def _error(path: Path) -> tuple[int, int, str, str, str]:
    _, diagnostics = check(path)
    errors = [d for d in diagnostics if d.severity == "error"]
    assert len(errors) == 1, [d.format() for d in errors]
    found = errors[0]
    return found.line, found.col, found.message, found.hint, found.code


def _photo(size: tuple[int, int] = (60, 30)) -> PILImage.Image:
    """Left half red, right half blue: which way is up is visible."""
    image = PILImage.new("RGB", size, "red")
    image.paste((0, 0, 255), (size[0] // 2, 0, size[0], size[1]))
    return image


def _with_orientation(image: PILImage.Image, orientation: int, path: Path) -> Path:
    exif = PILImage.Exif()
    exif[0x0112] = orientation
    image.save(path, "JPEG", exif=exif.tobytes(), quality=95)
    return path


@pytest.mark.parametrize(("kind", "suffix"), [("PNG", "png"), ("JPEG", "jpg"), ("GIF", "gif")])
def test_a_truncated_file_is_an_error_at_check(
    write_storyboard, tmp_path: Path, kind: str, suffix: str
) -> None:
    buffer = io.BytesIO()
    PILImage.effect_noise((200, 200), 64).convert("RGB" if kind != "GIF" else "L").save(buffer, kind)
    data = buffer.getvalue()
    (tmp_path / f"cut.{suffix}").write_bytes(data[: len(data) * 2 // 3])
    line, col, message, hint, code = _error(_storyboard(write_storyboard, f"cut.{suffix}"))
    assert (line, col, code) == (6, 23, "image-damaged")
    assert message.startswith(f"image 'cut.{suffix}' is truncated or damaged (")
    assert hint == "save or download the image again"


def _png_claiming(width: int, height: int) -> bytes:
    """A real 1x1 PNG from Pillow whose header then claims ``width`` x ``height`` (a bomb's header)."""
    buffer = io.BytesIO()
    PILImage.new("L", (1, 1)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    ihdr = 8 + 8  # signature, then length + "IHDR"
    data[ihdr : ihdr + 8] = struct.pack(">II", width, height)
    data[ihdr + 13 : ihdr + 17] = struct.pack(">I", zlib.crc32(bytes(data[ihdr - 4 : ihdr + 13])))
    return bytes(data)


def test_a_decompression_bomb_is_refused_with_a_located_error(write_storyboard, tmp_path: Path) -> None:
    (tmp_path / "bomb.png").write_bytes(_png_claiming(30_000, 30_000))  # 900 MP
    line, col, message, hint, code = _error(_storyboard(write_storyboard, "bomb.png"))
    assert (line, col, code) == (6, 23, "image-too-large")
    assert message == (
        "image 'bomb.png' has too many pixels to open safely (900 megapixels; the limit is 200, "
        "against decompression bombs)"
    )
    assert hint.startswith("scale it down")


def test_just_over_the_limit_is_refused_too(tmp_path: Path) -> None:
    """Between Pillow's warning and error thresholds: a refusal, never a warning (warnings are errors)."""
    (tmp_path / "big.png").write_bytes(_png_claiming(MAX_PIXELS // 10_000 + 1, 10_000))
    with pytest.raises(ValueError, match="too many pixels"):
        inspect_image(tmp_path / "big.png")


def test_svg_is_refused_at_check_with_a_hint(write_storyboard, tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    (tmp_path / "logo.png").write_text('<?xml version="1.0"?>\n<svg xmlns="x"/>', encoding="utf-8")
    for name in ("logo.svg", "logo.png"):  # by name, and by content under a misleading name
        line, col, message, hint, code = _error(_storyboard(write_storyboard, name))
        assert (line, col, code) == (6, 23, "svg-image")
        assert message == f"image '{name}': SVG images cannot be shown on slides or put into a deck"
        assert hint.startswith("export it as PNG")


def test_a_file_that_is_not_an_image(write_storyboard, tmp_path: Path) -> None:
    (tmp_path / "notes.png").write_text("just text", encoding="utf-8")
    line, col, message, _, code = _error(_storyboard(write_storyboard, "notes.png"))
    assert (line, col, code) == (6, 23, "image-format")
    assert message == "image 'notes.png' is not an image (or not one briefing can read)"


def test_webp_becomes_png_bytes_with_the_same_pixels(write_storyboard, tmp_path: Path) -> None:
    _photo().save(tmp_path / "photo.webp", "WEBP", lossless=True)
    storyboard = load_storyboard(_storyboard(write_storyboard, "photo.webp"))
    picture = storyboard.slides[2].body.picture
    assert (picture.format, picture.size, picture.as_is, picture.suffix) == ("WEBP", (60, 30), False, ".png")
    converted = PILImage.open(io.BytesIO(picture.output_bytes()))
    assert converted.format == "PNG"
    assert converted.convert("RGB").tobytes() == _photo().tobytes()


@pytest.mark.parametrize(
    ("orientation", "size", "top_left"),
    [(1, (60, 30), "red"), (3, (60, 30), "blue"), (6, (30, 60), "red"), (8, (30, 60), "blue")],
)
def test_exif_orientation_is_applied(
    write_storyboard, tmp_path: Path, orientation: int, size: tuple[int, int], top_left: str
) -> None:
    _with_orientation(_photo(), orientation, tmp_path / "phone.jpg")
    picture = load_storyboard(_storyboard(write_storyboard, "phone.jpg")).slides[2].body.picture
    assert picture.size == size
    assert picture.as_is == (orientation == 1)
    upright = PILImage.open(io.BytesIO(picture.output_bytes()))
    assert upright.format == "JPEG" and upright.size == size
    red, blue = (250, 0, 0), (0, 0, 250)
    pixel = upright.convert("RGB").getpixel((2, 2))
    want = red if top_left == "red" else blue
    assert all(abs(a - b) < 40 for a, b in zip(pixel, want, strict=True)), pixel
    assert upright.getexif().get(0x0112, 1) == 1


def test_ordinary_png_and_jpeg_go_out_as_they_are(tmp_path: Path) -> None:
    _photo().save(tmp_path / "a.png")
    _photo().save(tmp_path / "b.jpg", quality=90)
    for name in ("a.png", "b.jpg"):
        picture = inspect_image(tmp_path / name)
        assert picture.as_is
        assert picture.output_bytes() == (tmp_path / name).read_bytes()


def test_an_animated_gif_shows_its_first_frame_everywhere(tmp_path: Path) -> None:
    frames = [PILImage.new("RGB", (20, 10), colour) for colour in ("green", "yellow")]
    frames[0].save(tmp_path / "anim.gif", save_all=True, append_images=frames[1:], duration=100, loop=0)
    picture = inspect_image(tmp_path / "anim.gif")
    assert picture.animated and not picture.as_is
    first = PILImage.open(io.BytesIO(picture.output_bytes())).convert("RGB")
    assert first.getpixel((5, 5))[1] > 100 and first.getpixel((5, 5))[0] < 60  # green, not yellow


def test_a_large_legitimate_photo_is_accepted(tmp_path: Path) -> None:
    """108 MP (12000 x 9000) is over Pillow's default warning threshold (89 MP), not over ours."""
    (tmp_path / "big.png").write_bytes(_png_claiming(12_000, 9_000))
    with pytest.raises(ValueError, match="truncated or damaged"):  # its pixels are missing: damaged,
        inspect_image(tmp_path / "big.png")  # but not refused as a bomb and no warning escapes


def test_a_truncated_large_png_is_caught_without_decoding_it(tmp_path: Path) -> None:
    """Over FULL_DECODE_PIXELS a PNG is verified chunk by chunk: a cut file still fails at check."""
    buffer = io.BytesIO()
    PILImage.new("L", (6000, 5000), 128).save(buffer, "PNG")  # 30 MP
    data = buffer.getvalue()
    (tmp_path / "whole.png").write_bytes(data)
    (tmp_path / "cut.png").write_bytes(data[: len(data) // 2])
    assert inspect_image(tmp_path / "whole.png").size == (6000, 5000)
    with pytest.raises(ValueError, match="truncated or damaged"):
        inspect_image(tmp_path / "cut.png")


def test_a_png_with_an_exif_orientation_is_turned_too(tmp_path: Path) -> None:
    exif = PILImage.Exif()
    exif[0x0112] = 6
    _photo().save(tmp_path / "turned.png", exif=exif.tobytes())
    picture = inspect_image(tmp_path / "turned.png")
    assert (picture.size, picture.as_is, picture.suffix) == ((30, 60), False, ".png")
    upright = PILImage.open(io.BytesIO(picture.output_bytes())).convert("RGB")
    assert upright.size == (30, 60) and upright.getpixel((15, 5)) == (255, 0, 0)  # red on top


def test_a_large_png_whose_pixels_stop_early_is_damaged(tmp_path: Path) -> None:
    (tmp_path / "short.png").write_bytes(_png_claiming(6_000, 5_000))  # 30 MP header, 1 pixel of data
    with pytest.raises(ValueError, match=r"truncated or damaged \(its pixel data ends early\)"):
        inspect_image(tmp_path / "short.png")
