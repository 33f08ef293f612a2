"""While the presenter runs, Python's cyclic GC runs from the event loop only.

See :mod:`briefing.runtime` for why: a collection started inside a Qt
destructor can deadlock. :class:`IdleCollector` turns automatic collection
off and collects on a timer, from the top of the event loop where no Qt lock
is held, with the interpreter's own thresholds.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from briefing.runtime import collect_if_due, pause_automatic_collection


class IdleCollector(QObject):
    """Turns automatic collection off and collects from a timer instead; ``stop`` restores it."""

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = 25) -> None:
        super().__init__(parent)
        self._restore = pause_automatic_collection()
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        if collect_if_due() is not None:
            self.collections += 1

    def stop(self) -> None:
        self._timer.stop()
        self._restore()
