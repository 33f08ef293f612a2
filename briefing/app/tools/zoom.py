"""Zoom into part of the slide on the audience (PowerPoint's magnifier): the state, no Qt.

``picking`` means the next click or dragged rectangle, on the console's
current-slide preview or on the audience, picks a region; ``region`` is what
the audience shows (None: the whole slide). Windows observe ``changed`` (the
names that changed) like they observe :class:`DeckState`; the state follows
the deck itself, so going to another slide, or another talk, always shows it
whole.
"""

from __future__ import annotations

from briefing.app.presenting.deck_state import DeckState
from briefing.app.presenting.observer import Signal
from briefing.app.tools.zoom_region import Region


class ZoomState:
    def __init__(self, deck: DeckState) -> None:
        self.changed = Signal()
        self.deck = deck
        self._picking = False
        self._region: Region | None = None
        self._slide = deck.current
        deck.changed.connect(self._on_deck)

    @property
    def picking(self) -> bool:
        return self._picking

    @property
    def region(self) -> Region | None:
        return self._region

    @property
    def active(self) -> bool:
        """Zoom mode is on: waiting for a region, or showing one."""
        return self._picking or self._region is not None

    def toggle(self) -> None:
        """The zoom key: start picking a region; pressed again (picking or zoomed), back to the slide."""
        if self.active:
            self.reset()
        else:
            self._set(picking=True, region=None)

    def pick(self, region: Region) -> None:
        """The region the presenter framed; picking ends (the zoom key picks another)."""
        self._set(picking=False, region=region)

    def escape(self) -> bool:
        """Esc leaves zoom first; False when zoom was off, so Esc means the next thing."""
        if not self.active:
            return False
        self.reset()
        return True

    def reset(self) -> None:
        self._set(picking=False, region=None)

    def _set(self, *, picking: bool, region: Region | None) -> None:
        changed = set()
        if picking != self._picking:
            changed.add("picking")
        if region != self._region:
            changed.add("region")
        self._picking, self._region = picking, region
        if changed:
            self.changed.emit(changed)

    def _on_deck(self, changed: set[str]) -> None:
        moved = self.deck.current != self._slide
        self._slide = self.deck.current
        if moved or "storyboard" in changed:
            self.reset()

    def dispose(self) -> None:
        self.deck.changed.disconnect(self._on_deck)
