"""A tiny observer: the Qt-free way for plain state to tell views it changed.

Qt signals would tie ``DeckState`` to Qt; views subscribe with
``state.changed.connect(callback)`` instead and get told *what* changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Signal:
    """A list of callbacks called in connection order."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[..., Any]] = []

    def connect(self, callback: Callable[..., Any], *, first: bool = False) -> None:
        """Call ``callback`` on every emit; ``first`` puts it ahead of those already connected."""
        if callback in self._callbacks:
            return
        if first:
            self._callbacks.insert(0, callback)
        else:
            self._callbacks.append(callback)

    def disconnect(self, callback: Callable[..., Any]) -> None:
        if callback in self._callbacks:
            self._callbacks.remove(callback)

    def disconnect_all(self) -> None:
        self._callbacks.clear()

    def emit(self, *args: Any) -> None:
        for callback in list(self._callbacks):
            callback(*args)

    def __len__(self) -> int:
        return len(self._callbacks)
