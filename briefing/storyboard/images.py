"""Images, decoded and judged once, so the app, the PNGs, the PDF and the deck show the same picture.

``check`` (every load) opens each image with Pillow and settles:

* **what it is**: PNG, JPEG, GIF, WebP, BMP and TIFF are read; SVG is refused
  with a hint (a deck cannot hold it and the storyboard layer has no renderer);
* **that it is whole**: a truncated or damaged file is a located error at
  ``check``, not a blank box in the app and a broken picture in PowerPoint;
* **that it is not a decompression bomb**: above :data:`MAX_PIXELS` it is
  refused (a 12000 x 9000 phone photo, 108 MP, is fine);
* **which way is up**: the EXIF orientation tag is applied.

A PNG, JPEG or still GIF that is already upright goes to every output as the
file itself. Anything else (WebP, BMP, TIFF, an animated GIF's first frame, a
photo whose EXIF says "rotate") is converted once, by Pillow, into the bytes
every output then uses (:meth:`Picture.output_bytes`): a JPEG stays a JPEG,
the rest become PNG. The Qt side draws those bytes (``briefing.render``),
the PPTX side embeds them, so no output decodes the file its own way.
"""

from __future__ import annotations

import io
import os
import re
import struct
import threading
import warnings
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError
from yaml.nodes import Node

from briefing.storyboard.paths import reason
from briefing.storyboard.reader import KeyPath, Reader

MAX_PIXELS = 200_000_000  # 200 MP: the largest phone sensors; 16-bit RGBA of this is 1.6 GB
READ_FORMATS = {"PNG", "JPEG", "MPO", "GIF", "WEBP", "BMP", "TIFF"}
AS_IS = {"PNG", "JPEG", "GIF"}  # a deck holds these exactly as the app shows them (when upright, still)
ORIENTATION = 0x0112
FULL_DECODE_PIXELS = 25_000_000  # larger PNGs are verified chunk by chunk, not decoded, at check
_PILLOW_LOCK = threading.RLock()  # pillow_limits() changes process-wide state
_SVG_HINT = "export it as PNG (Inkscape: File > Export; or rsvg-convert -w 1920 in.svg -o out.png)"


class ImageProblem(ValueError):
    """Why an image cannot be shown; ``hint`` says what to do."""

    def __init__(self, message: str, hint: str = "", code: str = "bad-image") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.code = code


@dataclass(frozen=True)
class Picture:
    """An image as every output must show it: its upright size and, if needed, converted bytes."""

    path: Path
    format: str  # Pillow's name for the file's format: "PNG", "JPEG", "WEBP", ...
    size: tuple[int, int]  # width, height in pixels, upright (EXIF orientation applied)
    orientation: int = 1  # the EXIF tag: 1 upright, 3 upside down, 6 and 8 quarter turns, ...
    animated: bool = False
    stamp: tuple[int, int, int] = (0, 0, 0)  # size, mtime and inode of the file when it was checked

    @property
    def as_is(self) -> bool:
        """True when the file itself can go into every output unchanged."""
        return self.format in AS_IS and self.orientation == 1 and not self.animated

    @property
    def suffix(self) -> str:
        """The extension of :meth:`output_bytes`: ``.png``, ``.jpg`` or ``.gif``."""
        if self.as_is:
            return {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif"}[self.format]
        return ".jpg" if self.format in ("JPEG", "MPO") else ".png"

    def output_bytes(self) -> bytes:
        """The bytes every output shows: the file itself, or its upright, convertible version."""
        if self.as_is:
            return self.path.read_bytes()
        return _converted(self.path, self.stamp, self.format)


def inspect_image(path: Path) -> Picture:
    """Open, decode and judge ``path``; raises :class:`ImageProblem` with a sentence for ``check``."""
    path = Path(path)
    stamp = _stamp(path)
    return _inspect(path, stamp)


def picture_of(image: Any) -> Picture | None:
    """The checked :class:`Picture` of a storyboard ``Image`` (inspected now if built by hand), or None."""
    picture: Picture | None = getattr(image, "picture", None)
    if picture is not None:
        return picture
    try:
        return inspect_image(image.path)
    except (ImageProblem, OSError):
        return None


@contextmanager
def pillow_limits() -> Iterator[list[warnings.WarningMessage]]:
    """Pillow's decompression-bomb guard at :data:`MAX_PIXELS`, raising instead of warning.

    Used around every Pillow open on a user's image (here, and python-pptx's when
    it embeds one), so a checked photo never trips Pillow's lower default. Both
    settings are process-wide, and the app exports in a thread while it reloads,
    so one lock serialises these sections. Pillow's other warnings (a damaged
    EXIF block, "Truncated File Read") are collected in the yielded list instead
    of reaching the terminal: :func:`_inspect` judges them.
    """
    with _PILLOW_LOCK, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        previous = PILImage.MAX_IMAGE_PIXELS
        PILImage.MAX_IMAGE_PIXELS = MAX_PIXELS
        try:
            yield caught
        finally:
            PILImage.MAX_IMAGE_PIXELS = previous


def _stamp(path: Path) -> tuple[int, int, int]:
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns, info.st_ino


@lru_cache(maxsize=64)
def _inspect(path: Path, stamp: tuple[int, int, int]) -> Picture:
    """Cached by the file's stamp: a live reload does not decode an unchanged photo again."""
    if _looks_like_svg(path):
        raise ImageProblem("SVG images cannot be shown on slides or put into a deck", _SVG_HINT, "svg-image")
    with pillow_limits() as caught:
        try:
            with PILImage.open(path) as image:
                kind = image.format or "?"
                if kind not in READ_FORMATS:
                    raise ImageProblem(
                        f"images in {kind} format are not supported",
                        "use PNG or JPEG (WebP, GIF, BMP and TIFF work too)",
                        "image-format",
                    )
                width, height = image.size
                animated = bool(getattr(image, "is_animated", False))
                _decode(image, path)
                orientation = _orientation(image)
            _refuse_truncation(caught)
        except ImageProblem:
            raise
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as bomb:
            raise ImageProblem(_bomb_message(bomb), _BOMB_HINT, "image-too-large") from bomb
        except UnidentifiedImageError as error:
            raise ImageProblem(
                "is not an image (or not one briefing can read)",
                "use PNG or JPEG (WebP, GIF, BMP and TIFF work too)",
                "image-format",
            ) from error
        except Exception as error:  # Pillow's decoders meet untrusted bytes: any failure means damage
            raise _damaged(error) from error
    if orientation in (5, 6, 7, 8):  # a quarter turn: width and height swap
        width, height = height, width
    picture = Picture(path, kind, (width, height), orientation, animated, stamp)
    if not picture.as_is:
        try:  # what the outputs will embed is made now, so `check` proves it can be made
            picture.output_bytes()
        except Exception as error:
            raise _damaged(error) from error
    return picture


def _damaged(error: BaseException) -> ImageProblem:
    return ImageProblem(
        f"is truncated or damaged ({_short(error)})", "save or download the image again", "image-damaged"
    )


def _refuse_truncation(caught: list[warnings.WarningMessage]) -> None:
    """Pillow only warns about a TIFF cut short; a damaged EXIF block alone is shown as stored."""
    for warning in caught:
        if "truncated" in str(warning.message).lower():
            raise ImageProblem(
                f"is truncated or damaged ({_short(Exception(warning.message))})",
                "save or download the image again",
                "image-damaged",
            )


_BOMB_HINT = "scale it down: a slide shows at most about 4000 pixels across"


def _bomb_message(bomb: Exception) -> str:
    """Pillow says "Image size (400000000 pixels) exceeds limit ...": keep the number."""
    found = re.search(r"\((\d+) pixels\)", str(bomb))
    size = f"{int(found[1]) / 1e6:,.0f} megapixels; " if found else ""
    limit = MAX_PIXELS // 1_000_000
    return f"has too many pixels to open safely ({size}the limit is {limit}, against decompression bombs)"


def _looks_like_svg(path: Path) -> bool:
    if path.suffix.lower() in (".svg", ".svgz"):
        return True
    with open(path, "rb") as handle:
        head = handle.read(512).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head)


def _orientation(image: PILImage.Image) -> int:
    """The EXIF orientation tag (1 when absent). Called after :func:`_decode`.

    For a PNG only what is already read is consulted: Pillow's ``getexif()`` would
    decode a large PNG in full just to look for an eXIf chunk after its pixels.
    """
    try:
        if image.format == "PNG":
            exif = PILImage.Exif()
            raw = image.info.get("exif")
            if raw:
                exif.load(raw)
        else:
            exif = image.getexif()
        value = int(exif.get(ORIENTATION, 1))
    except (ValueError, TypeError, OSError, SyntaxError):
        return 1  # an unreadable EXIF block: shown as stored, as every viewer does
    return value if 1 <= value <= 8 else 1


def _decode(image: PILImage.Image, path: Path) -> None:
    """Read every byte of the first frame, so a truncated file fails here and not in an output.

    A JPEG is decoded at 1/8 scale (its DCT allows it): all data is read, little memory used.
    A large PNG is inflated as a stream and its size counted instead (:func:`check_png_stream`):
    a 108 MP PNG would take seconds and a gigabyte to decode in full.
    """
    if image.format in ("JPEG", "MPO"):
        image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
    elif image.format == "PNG" and image.width * image.height > FULL_DECODE_PIXELS:
        if check_png_stream(path):
            return
    image.load()


_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # IHDR colour type -> samples per pixel


def check_png_stream(path: Path) -> bool:
    """Read every chunk of a PNG, check each CRC and inflate the pixels without keeping them.

    Raises OSError when a chunk is cut, a checksum is wrong, or the pixel data is
    shorter than the header promises. False for an interlaced PNG (left to a full decode).
    """
    inflater, produced, expected = zlib.decompressobj(), 0, 0
    with open(path, "rb") as handle:
        handle.read(8)  # the signature: Pillow has matched it already
        while True:
            head = handle.read(8)
            length, kind = struct.unpack(">I4s", head) if len(head) == 8 else (0, b"")
            data, crc = handle.read(length), handle.read(4)
            if not kind or len(data) < length or len(crc) < 4:
                raise OSError("the file ends before the image does")
            if zlib.crc32(kind + data) != int.from_bytes(crc, "big"):
                raise OSError(f"wrong checksum in its {kind.decode('latin-1')} chunk")
            if kind == b"IHDR":
                width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", data[:13])
                if interlace:
                    return False
                expected = height * (1 + -(-width * depth * _PNG_CHANNELS.get(colour, 4) // 8))
            elif kind == b"IDAT":
                produced += _inflated_size(inflater, data)
            elif kind == b"IEND":
                break
    if produced + len(inflater.flush()) < expected or not inflater.eof:
        raise OSError("its pixel data ends early")
    return True


def _inflated_size(inflater: Any, data: bytes) -> int:
    """Bytes ``data`` inflates to, 4 MB at a time (a small chunk may inflate a thousandfold)."""
    total = 0
    while data:
        total += len(inflater.decompress(data, 4 << 20))
        data = inflater.unconsumed_tail
    return total


def _short(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text if len(text) <= 80 else text[:77] + "..."


@lru_cache(maxsize=8)
def _converted(path: Path, stamp: tuple[int, int, int], kind: str) -> bytes:
    """The upright first frame as PNG (or JPEG for a photo), made once per file version."""
    with pillow_limits(), PILImage.open(path) as image:
        image.seek(0)
        upright = ImageOps.exif_transpose(image)
        buffer = io.BytesIO()
        if kind in ("JPEG", "MPO"):
            icc = image.info.get("icc_profile")
            upright = upright if upright.mode in ("RGB", "L", "CMYK") else upright.convert("RGB")
            upright.save(buffer, "JPEG", quality=95, icc_profile=icc, exif=b"")  # turned: EXIF left out
        else:
            if upright.mode not in ("1", "L", "LA", "P", "RGB", "RGBA", "I;16"):
                upright = upright.convert("RGBA" if "A" in upright.getbands() else "RGB")
            upright.save(buffer, "PNG", compress_level=6, exif=b"")
    return buffer.getvalue()


def read_picture(reader: Reader, node: Node | None, path: Path, kp: KeyPath) -> Picture | None:
    """:func:`inspect_image` for the loader: a problem becomes a located error at the ``path:`` value."""
    try:
        return inspect_image(path)
    except ImageProblem as problem:
        if node is not None:
            message = f"image '{path.name}' {problem.message}"
            if problem.code == "svg-image":
                message = f"image '{path.name}': {problem.message}"
            reader.error(node, message, hint=problem.hint, kp=kp, code=problem.code)
        return None
    except OSError as error:  # changed between the path check and now
        if node is not None:
            reader.error(node, f"image '{path.name}' {reason(error)}", kp=kp, code="bad-file")
        return None
