"""Moving through the talk, and starting the show (F5 / Shift+F5).

Every move of the audience goes through :meth:`TalkNavigation.go`, so the first
one starts the talk clock; Next past the last slide ends the talk. The windows
are reached only through the callbacks the controller hands in (the audience's
full screen, the timing report), so this module imports no window; the talk
clock is any :class:`TalkClock` (``clock.TalkTimer`` observes ``presenting``, so
importing it here would make a cycle).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from briefing.app.presenting.deck_state import DeckState


class TalkClock(Protocol):
    """What navigation needs of the talk timer."""

    @property
    def started(self) -> bool: ...

    @property
    def running(self) -> bool: ...

    def start(self) -> None: ...

    def pause(self) -> None: ...


class TalkNavigation:
    """The key-map's moves (next, prev, first, last, enter) and the show start."""

    def __init__(
        self,
        state: DeckState,
        timer: TalkClock,
        *,
        audience_full_screen: Callable[[], bool],
        toggle_full_screen: Callable[[], None],
        talk_over: Callable[[], object],
    ) -> None:
        self.state = state
        self.timer = timer
        self._audience_full_screen = audience_full_screen
        self._toggle_full_screen = toggle_full_screen
        self._talk_over = talk_over

    def actions(self) -> dict[str, Callable[[], object]]:
        """Key-map actions (see ``presenting.keymap``) that move the audience."""
        state = self.state
        return {
            "next": self.next_or_finish,
            "prev": lambda: self.go(state.prev),
            "first": lambda: self.go(state.first),
            "last": lambda: self.go(state.last),
            "enter": lambda: self.go(state.commit_preview) if state.previewing else None,
            "show_from_start": lambda: self.start_show(from_current=False),
            "show_from_current": lambda: self.start_show(from_current=True),
        }

    def go(self, move: Callable[[], None]) -> None:
        """Moving the audience starts the talk clock the first time."""
        move()
        if not self.timer.started:
            self.timer.start()

    def next_or_finish(self) -> None:
        """Next; past the last slide with the clock running, the talk is over: show the timing."""
        state = self.state
        at_end = state.current == state.count - 1 and state.step == state.slide.steps - 1
        if at_end and state.blank is None and not state.previewing and self.timer.running:
            self.timer.pause()
            self._talk_over()
            return
        self.go(state.next)

    def start_show(self, *, from_current: bool) -> None:
        """F5 / Shift+F5 (and clickers' "start show" button): the audience full screen, as PowerPoint.

        F5 starts from the first slide; Shift+F5 from the slide the audience is on.
        A preview is dropped and a black or white screen lifted, so the show starts on a slide.
        """
        state = self.state
        state.cancel_preview()
        state.set_blank(None)
        self.go(lambda: None if from_current else state.first())
        if not self._audience_full_screen():
            self._toggle_full_screen()
