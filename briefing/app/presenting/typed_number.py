"""The slide number the presenter is typing (digits, then Enter), as plain observable state.

Typing ``1`` ``2`` Enter jumps to slide 12, as in PowerPoint's slide show.
The console shows the digits in a banner while they are typed; any key other
than a digit or Enter forgets them. Changes are announced on ``changed``.
"""

from __future__ import annotations

from briefing.app.presenting.observer import Signal

MAX_DIGITS = 4  # no talk has 10,000 slides; older digits scroll out


class TypedSlideNumber:
    def __init__(self) -> None:
        self.changed = Signal()  # emitted with no arguments whenever ``digits`` changes
        self._digits = ""

    @property
    def digits(self) -> str:
        """The digits typed so far; empty when nothing is being typed."""
        return self._digits

    def type(self, digit: str) -> None:
        self._set((self._digits + digit)[-MAX_DIGITS:])

    def take(self) -> int | None:
        """The typed number (1-based, as the presenter said it), forgetting it; None if none."""
        number = int(self._digits) if self._digits else None
        self._set("")
        return number

    def _set(self, digits: str) -> None:
        if digits != self._digits:
            self._digits = digits
            self.changed.emit()
