"""The presenter's tools put together: state, scene overlays, mouse input, actions.

The controller makes one :class:`PresenterTools` before the windows (so every
scene they fetch gets its overlay), hands it the two views once they exist,
and merges :meth:`PresenterTools.actions` into its key-map action table.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGraphicsView, QWidget

from briefing.app.presenting.deck_state import DeckState
from briefing.app.presenting.scenes import SceneCache
from briefing.app.tools.input import ToolInput, tool_cursor
from briefing.app.tools.overlay import ToolOverlays
from briefing.app.tools.state import PEN_COLORS, ToolState
from briefing.layout.theme import resolve_theme
from briefing.storyboard.follow import DeckDiff, match_slides
from briefing.storyboard.model import Storyboard

_TOOL_NAMES = {"pointer": "Laser pointer", "pen": "Pen", "highlighter": "Highlighter"}
_TOOL_KEYS = {"pointer": "Ctrl+L", "pen": "Ctrl+P", "highlighter": "Ctrl+I"}


class PresenterTools:
    """Pointer, pen and highlighter on the audience and the console's current slide."""

    def __init__(self, deck: DeckState, scenes: SceneCache, *, notify: Callable[[str], None]) -> None:
        self.deck = deck
        self.state = ToolState(resolve_theme(deck.storyboard.theme).name)
        self.overlays = ToolOverlays(self.state, deck)
        self.notify = notify
        self.inputs: list[ToolInput] = []
        self.menu: dict[str, QAction] = {}
        self._audience: QWidget | None = None
        self._audience_view: QGraphicsView | None = None
        scenes.decorate = self.overlays.decorate
        self.state.changed.connect(self._on_tools)

    def attach(self, audience: QWidget, audience_view: QGraphicsView, console_view: QGraphicsView) -> None:
        """Follow the mouse on the audience's slide and on the console's current-slide preview."""
        deck = self.deck
        self._audience, self._audience_view = audience, audience_view
        self.inputs = [
            ToolInput(audience_view, self.state, lambda: deck.current),
            ToolInput(console_view, self.state, lambda: None if deck.previewing else deck.current),
        ]

    def bind_menu(self, made: dict[str, QAction]) -> None:
        """Tick the View menu's tool, pen colour and ink entries as they change."""
        names = ["pointer", "pen", "highlighter", "toggle_ink"]
        names += [f"pen_color:{index}" for index in range(len(PEN_COLORS))]
        self.menu = {name: made[name] for name in names if name in made}
        for action in self.menu.values():
            action.setCheckable(True)
        self._tick_menu()

    def _tick_menu(self) -> None:
        state = self.state
        for name, action in self.menu.items():
            if name.startswith("pen_color:"):
                action.setChecked(int(name.split(":")[1]) == state.color_index)
            elif name == "toggle_ink":
                action.setChecked(state.ink_visible)
            else:
                action.setChecked(state.tool == name)

    def actions(self) -> dict[str, Callable[[], object]]:
        """Key-map actions (see ``presenting.keymap``) and the menu's pen colours."""
        state = self.state
        table: dict[str, Callable[[], object]] = {
            "pointer": partial(state.toggle, "pointer"),
            "pen": partial(state.toggle, "pen"),
            "highlighter": partial(state.toggle, "highlighter"),
            "erase_ink": lambda: state.erase(self.deck.current),
            "toggle_ink": self.toggle_ink,
        }
        for index in range(len(PEN_COLORS)):
            table[f"pen_color:{index}"] = partial(self.pick_color, index)
        return table

    # ------------------------------------------------------------------ actions
    def escape(self) -> bool:
        """Esc puts a tool down first; False when no tool was in hand."""
        return self.state.put_down()

    def pick_color(self, index: int) -> None:
        """A pen colour from the console's menu; picking one takes the pen up."""
        self.state.set_color(index)
        if self.state.tool != "pen":
            self.state.set_tool("pen")
        self.notify(f"Pen colour: {self.state.pen_colors()[index][0]}")

    def toggle_ink(self) -> None:
        self.state.toggle_visible()
        self.notify("Ink shown" if self.state.ink_visible else "Ink hidden (Ctrl+M shows it again)")

    def refresh_cursor(self) -> None:
        """The audience's cursor for the tool in hand (call again after full screen changes)."""
        if self._audience is None or self._audience_view is None:
            return
        shape = tool_cursor(self.state, self._audience.isFullScreen())
        viewport = self._audience_view.viewport()
        if shape is None:
            viewport.unsetCursor()
        else:
            viewport.setCursor(shape)

    def _on_tools(self, changed: set[str], slide: int | None = None) -> None:
        if changed & {"tool", "color", "visible"}:
            self._tick_menu()
        if "tool" not in changed:
            return
        self.refresh_cursor()
        tool = self.state.tool
        if tool is None:
            self.notify("Tool put down")
        else:
            self.notify(f"{_TOOL_NAMES[tool]} on: {_TOOL_KEYS[tool]} or Esc puts it down")

    # ------------------------------------------------------------------ talks
    def follow_reload(self, old: Storyboard, new: Storyboard, diff: DeckDiff | None) -> None:
        """An edited talk: ink stays on its slides, matched by id as the reload matches them."""
        old_index = diff.old_index if diff is not None else match_slides(old, new)
        self.state.set_theme(resolve_theme(new.theme).name)
        self.state.follow(list(old_index))

    def new_talk(self, storyboard: Storyboard) -> None:
        self.state.set_theme(resolve_theme(storyboard.theme).name)
        self.state.forget_ink()

    def dispose(self) -> None:
        self.state.changed.disconnect(self._on_tools)
        self.overlays.disconnect()
