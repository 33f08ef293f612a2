"""The talk clock: elapsed time and time spent on each slide (pure Python).

The clock is injectable (``clock=lambda: fake_now``) so tests never sleep.
Starting, pausing and resetting are announced on ``changed`` (like
``DeckState``) so the console redraws the moment the presenter presses P or R;
the running seconds are the console's to poll.
Time counts only while the timer runs; the slide being shown collects it,
keyed by ``Slide.id`` so a reload that moves slides keeps their history.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from briefing.app.presenting.observer import Signal


class TalkTimer:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.changed = Signal()  # emitted with no arguments: started, paused or reset
        self._clock = clock
        self._accumulated = 0.0  # seconds from finished running stretches
        self._running_since: float | None = None
        self._started = False
        self._slide: str | None = None
        self._slide_since: float | None = None  # when the current slide's running stretch began
        self._spent: dict[str, float] = {}

    # ------------------------------------------------------------------ state
    @property
    def running(self) -> bool:
        return self._running_since is not None

    @property
    def started(self) -> bool:
        """True once the talk began (even if paused now); False after reset."""
        return self._started

    @property
    def elapsed(self) -> float:
        if self._running_since is None:
            return self._accumulated
        return self._accumulated + self._clock() - self._running_since

    def spent(self, slide_id: str) -> float:
        """Seconds the slide was on screen while the timer ran."""
        total = self._spent.get(slide_id, 0.0)
        if slide_id == self._slide and self._slide_since is not None:
            total += self._clock() - self._slide_since
        return total

    def spent_by_slide(self) -> dict[str, float]:
        ids = set(self._spent) | ({self._slide} if self._slide else set())
        return {slide_id: self.spent(slide_id) for slide_id in ids}

    # ------------------------------------------------------------------ control
    def start(self) -> None:
        """Start (or resume) counting."""
        if self._running_since is not None:
            return
        now = self._clock()
        self._running_since = now
        self._started = True
        if self._slide is not None:
            self._slide_since = now
        self.changed.emit()

    resume = start

    def pause(self) -> None:
        if self._running_since is None:
            return
        now = self._clock()
        self._accumulated += now - self._running_since
        self._running_since = None
        self._close_slide_stretch(now)
        self.changed.emit()

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.start()

    def reset(self) -> None:
        """Back to 0:00, stopped, with no per-slide history; keeps the current slide."""
        self._accumulated = 0.0
        self._running_since = None
        self._started = False
        self._slide_since = None
        self._spent.clear()
        self.changed.emit()

    def enter_slide(self, slide_id: str) -> None:
        """The audience now sees ``slide_id``: time from now on goes to it."""
        if slide_id == self._slide:
            return
        now = self._clock()
        self._close_slide_stretch(now)
        self._slide = slide_id
        self._slide_since = now if self.running else None

    def _close_slide_stretch(self, now: float) -> None:
        if self._slide is not None and self._slide_since is not None:
            self._spent[self._slide] = self._spent.get(self._slide, 0.0) + now - self._slide_since
        self._slide_since = None
