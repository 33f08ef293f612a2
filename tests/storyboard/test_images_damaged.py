"""Damaged images, generated: `check` either accepts a picture every output can embed, or says why.

Found by the property tests' deep profile: a TIFF cut short only made Pillow warn, and a
damaged EXIF block reached the terminal as a raw Python warning.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage

from briefing.storyboard.images import ImageProblem, inspect_image, pillow_limits

FORMATS = ("PNG", "JPEG", "GIF", "BMP", "TIFF", "WEBP")
ORIENTATION = 0x0112


@cache
def sample(kind: str) -> bytes:
    image = PILImage.new("RGB", (64, 48), (200, 30, 30))
    for x in range(64):
        image.putpixel((x, x % 48), (0, 0, 255))
    buffer = io.BytesIO()
    if kind in ("JPEG", "TIFF", "WEBP"):
        exif = PILImage.Exif()
        exif[ORIENTATION] = 6  # a quarter turn: the outputs get a converted, upright copy
        image.save(buffer, kind, exif=exif.tobytes())
    else:
        image.save(buffer, kind)
    return buffer.getvalue()


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(FORMATS))
    data = bytearray(sample(kind))
    if draw(st.booleans()):
        data = data[: draw(st.integers(8, len(data) - 1))]
    for position, value in draw(st.lists(st.tuples(st.integers(0, len(data) - 1), st.integers(0, 255)),
                                         max_size=5)):
        data[position] = value
    return kind, bytes(data)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(case=damaged())
def test_a_damaged_image_is_refused_or_fully_usable(tmp_path: Path, case: tuple[str, bytes]) -> None:
    kind, data = case
    path = tmp_path / f"picture.{kind.lower()}"
    path.write_bytes(data)
    try:
        picture = inspect_image(path)
    except ImageProblem as problem:
        assert problem.message and problem.hint
        return
    embedded = picture.output_bytes()  # what the app and the deck will show
    # opened as every output opens a user's picture: Pillow's notes on a damaged EXIF block (a
    # picture embedded as stored keeps its own) are collected, not raised
    with pillow_limits(), PILImage.open(io.BytesIO(embedded)) as shown:
        shown.load()
        assert shown.size == picture.size


def test_a_tiff_cut_short_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut.tiff"
    path.write_bytes(sample("TIFF")[:-200])
    with pytest.raises(ImageProblem, match="is truncated or damaged"):
        inspect_image(path)


def test_a_damaged_exif_block_is_shown_as_stored_without_a_warning(tmp_path: Path) -> None:
    data = bytearray(sample("JPEG"))
    exif_at = data.index(b"Exif\x00\x00")
    data[exif_at + 14 : exif_at + 18] = b"\xff\xff\xff\x7f"  # the first IFD's offset points past the block
    path = tmp_path / "photo.jpg"
    path.write_bytes(bytes(data))
    picture = inspect_image(path)  # warnings are errors in this suite: none may escape
    assert picture.orientation == 1 and picture.size == (64, 48)
