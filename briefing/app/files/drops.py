"""Dropping a storyboard (.yaml/.yml) onto a window opens it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData

STORYBOARD_SUFFIXES = (".yaml", ".yml")


def dropped_storyboard(mime: QMimeData | None) -> Path | None:
    """The first local .yaml/.yml file in a drag, else None."""
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in STORYBOARD_SUFFIXES:
                return path
    return None
