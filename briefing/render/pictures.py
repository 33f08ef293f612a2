"""An image slide's picture as a QPixmap: the very bytes the deck embeds, upright, any size.

The loader has decoded and judged the file (``briefing.storyboard.images``);
here Qt only draws :meth:`Picture.output_bytes`, so a WebP or a rotated photo
looks in the app exactly as in PowerPoint. Qt refuses to allocate an image over
256 MB (``QImageReader.allocationLimit``), which a 12000 x 9000 photo (432 MB as
RGBA) exceeds: such a picture is decoded scaled to :data:`DISPLAY_BYTES`, still
sharper than any screen or PDF page needs, with the limit raised for that read.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImageReader, QPixmap

from briefing.storyboard.images import picture_of
from briefing.storyboard.model import Image

DISPLAY_BYTES = 192 * 1024 * 1024  # a decoded picture at most this big (4 bytes a pixel): ~48 MP


def picture_pixmap(image: Image) -> QPixmap:
    """The picture to draw, or a null QPixmap when it cannot be read (the caller shows a placeholder)."""
    picture = picture_of(image)
    if picture is None:
        return QPixmap()
    try:
        data = QByteArray(picture.output_bytes())
    except OSError:  # the file went away after the load
        return QPixmap()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # the bytes are upright already; harmless, and right if not
    width, height = picture.size
    needed = width * height * 4
    if needed > DISPLAY_BYTES:
        scale = math.sqrt(DISPLAY_BYTES / needed)
        reader.setScaledSize(QSize(max(1, int(width * scale)), max(1, int(height * scale))))
    previous = QImageReader.allocationLimit()
    QImageReader.setAllocationLimit(max(previous, math.ceil(needed / 2**20) + 1))  # formats read in full
    try:
        decoded = reader.read()
    finally:
        QImageReader.setAllocationLimit(previous)
    return QPixmap.fromImage(decoded) if not decoded.isNull() else QPixmap()
