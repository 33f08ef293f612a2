"""Every tool on a slide wired to both windows: pointer, ink, audience mouse and zoom.

The controller makes one :class:`SlideTools` before the windows (so every scene
they fetch gets its tool overlay), hands it the views once they exist, merges
:meth:`SlideTools.actions` into its action table and asks it first on Esc. The
order of attaching matters and lives here, in one place.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from briefing.app.presenting.deck_state import DeckState
from briefing.app.presenting.scenes import SceneCache
from briefing.app.tools.kit import PresenterTools
from briefing.app.tools.zoom_view import PresenterZoom
from briefing.ink import InkBook
from briefing.render.view import SlideView
from briefing.storyboard.follow import DeckDiff
from briefing.storyboard.model import Storyboard


class SlideTools:
    """The presenter's tools (:class:`PresenterTools`) and zoom (:class:`PresenterZoom`) together."""

    def __init__(
        self, deck: DeckState, scenes: SceneCache, *, notify: Callable[[str], None], animate: bool = True
    ) -> None:
        self.kit = PresenterTools(deck, scenes, notify=notify)
        self.zoom = PresenterZoom(deck, animate=animate)

    def attach(self, audience: QWidget, audience_view: SlideView, console_view: SlideView) -> None:
        """Follow the mouse on the audience's slide and the console's current-slide preview."""
        self.kit.attach(audience, audience_view, console_view)
        # after the tools: the last event filter installed sees the mouse first, so
        # while zoom waits for a region a click picks it even with the pen in hand
        self.zoom.attach(audience_view, console_view)

    def bind_menu(self, made: dict[str, QAction]) -> None:
        self.kit.bind_menu(made)

    def actions(self) -> dict[str, Callable[[], object]]:
        """Key-map actions of the tools, the pen colours and zoom (see ``presenting.keymap``)."""
        return {"zoom": self.zoom.toggle, **self.kit.actions()}

    def escape(self) -> bool:
        """Esc puts the tool in hand down, else leaves zoom; False when neither was in use."""
        return self.kit.escape() or self.zoom.escape()

    def refresh_cursor(self) -> None:
        """The audience's cursor for the tool in hand (call after full screen changes)."""
        self.kit.refresh_cursor()

    def ink(self) -> InkBook:
        """The ink drawn during the talk (the export may take it along)."""
        return self.kit.state.ink

    def follow_reload(self, old: Storyboard, new: Storyboard, diff: DeckDiff | None) -> None:
        self.kit.follow_reload(old, new, diff)

    def new_talk(self, storyboard: Storyboard) -> None:
        self.kit.new_talk(storyboard)

    def dispose(self) -> None:
        """Disconnect from the deck (zoom first, as the controller always did)."""
        self.zoom.dispose()
        self.kit.dispose()
