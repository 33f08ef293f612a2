"""Where the talk is: plain-Python state both windows observe (no Qt here).

``current``/``step`` is what the audience sees; ``preview`` is what the
presenter browses on the console without moving the projector (``None``
means the console follows ``current``). Every change is announced on
``changed`` with the set of names that changed, e.g. ``{"current", "step"}``.
State never calls a window.
"""

from __future__ import annotations

from typing import Literal

from briefing.app.presenting.observer import Signal
from briefing.storyboard.model import Slide, Storyboard

Blank = Literal["black", "white"] | None
FIELDS = ("storyboard", "current", "step", "preview", "blank")


class DeckState:
    def __init__(self, storyboard: Storyboard) -> None:
        self.changed = Signal()
        self._storyboard = storyboard
        self._current = 0
        self._step = 0
        self._preview: int | None = None
        self._blank: Blank = None

    # ------------------------------------------------------------------ reading
    @property
    def storyboard(self) -> Storyboard:
        return self._storyboard

    @property
    def current(self) -> int:
        return self._current

    @property
    def step(self) -> int:
        return self._step

    @property
    def preview(self) -> int | None:
        return self._preview

    @property
    def blank(self) -> Blank:
        return self._blank

    @property
    def count(self) -> int:
        return len(self._storyboard.slides)

    @property
    def slide(self) -> Slide:
        """The slide the audience sees."""
        return self._storyboard.slides[self._current]

    @property
    def previewing(self) -> bool:
        return self._preview is not None

    @property
    def shown(self) -> int:
        """The slide the console shows big: the preview, else the current one."""
        return self._current if self._preview is None else self._preview

    def upcoming(self) -> tuple[int, int] | None:
        """(slide, step) the console shows as "next"; None at the end of the deck.

        Following the talk it is the next build step of the current slide, then
        the next slide; while previewing it is the slide after the preview.
        """
        if self._preview is not None:
            following = self._preview + 1
            return (following, 0) if following < self.count else None
        if self._step + 1 < self.slide.steps:
            return (self._current, self._step + 1)
        if self._current + 1 < self.count:
            return (self._current + 1, 0)
        return None

    # ------------------------------------------------------------------ audience navigation
    def next(self) -> None:
        """Next build step, else the next slide. On a blank screen: show the slide again."""
        if self._blank is not None:
            self._set(blank=None)
        elif self._step + 1 < self.slide.steps:
            self._set(step=self._step + 1, preview=None)
        elif self._current + 1 < self.count:
            self._set(current=self._current + 1, step=0, preview=None)
        else:
            self._set(preview=None)

    def prev(self) -> None:
        """Previous build step, else the previous slide fully built."""
        if self._blank is not None:
            self._set(blank=None)
        elif self._step > 0:
            self._set(step=self._step - 1, preview=None)
        elif self._current > 0:
            before = self._storyboard.slides[self._current - 1]
            self._set(current=self._current - 1, step=before.steps - 1, preview=None)
        else:
            self._set(preview=None)

    def goto(self, index: int, step: int = 0) -> None:
        index = self._clamp(index)
        steps = self._storyboard.slides[index].steps
        self._set(current=index, step=max(0, min(step, steps - 1)), preview=None)

    def first(self) -> None:
        self.goto(0)

    def last(self) -> None:
        self.goto(self.count - 1)

    # ------------------------------------------------------------------ blank screen
    def set_blank(self, mode: Blank) -> None:
        self._set(blank=mode)

    def toggle_blank(self, mode: Literal["black", "white"]) -> None:
        self._set(blank=None if self._blank == mode else mode)

    # ------------------------------------------------------------------ console preview
    def preview_goto(self, index: int) -> None:
        index = self._clamp(index)
        self._set(preview=None if index == self._current else index)

    def preview_next(self) -> None:
        self.preview_goto(self.shown + 1)

    def preview_prev(self) -> None:
        self.preview_goto(self.shown - 1)

    def commit_preview(self) -> None:
        """The audience jumps to the slide the presenter is previewing."""
        if self._preview is not None:
            self.goto(self._preview)

    def cancel_preview(self) -> None:
        self._set(preview=None)

    # ------------------------------------------------------------------ reload
    def set_storyboard(self, storyboard: Storyboard) -> None:
        """A different talk: start again at its first slide."""
        self._storyboard = storyboard
        self._current, self._step, self._preview, self._blank = 0, 0, None, None
        self.changed.emit(set(FIELDS))

    def apply_storyboard(self, storyboard: Storyboard) -> None:
        """The same talk, edited: stay on the same slide (by id), not the same index."""
        old_deck = self._storyboard.slides
        current = self._follow(old_deck, self._current, storyboard)
        preview = None
        if self._preview is not None:
            preview = self._follow(old_deck, self._preview, storyboard)
            if preview == current:
                preview = None
        self._storyboard = storyboard
        steps = storyboard.slides[current].steps
        self._current, self._step, self._preview = current, min(self._step, steps - 1), preview
        self.changed.emit(set(FIELDS))

    @staticmethod
    def _follow(old_deck: tuple[Slide, ...], index: int, new: Storyboard) -> int:
        wanted = old_deck[index].id
        for position, slide in enumerate(new.slides):
            if slide.id == wanted:
                return position
        return max(0, min(index, len(new.slides) - 1))

    # ------------------------------------------------------------------ helpers
    def _clamp(self, index: int) -> int:
        return max(0, min(index, self.count - 1))

    def _set(self, **values: object) -> None:
        changed = {name for name, value in values.items() if getattr(self, "_" + name) != value}
        for name in changed:
            setattr(self, "_" + name, values[name])
        if changed:
            self.changed.emit(changed)
