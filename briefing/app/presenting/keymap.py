"""Which key does what, in both windows (clickers send these keys).

:func:`action_for` turns a key press into an action name; the controller
performs it. :data:`KEY_HELP` is what the ``?`` overlay lists, so the help
can never drift from the keys.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

K = Qt.Key

_PLAIN: dict[int, str] = {
    K.Key_Right: "next",
    K.Key_Down: "next",
    K.Key_Space: "next",
    K.Key_PageDown: "next",
    K.Key_Left: "prev",
    K.Key_Up: "prev",
    K.Key_PageUp: "prev",
    K.Key_Backspace: "prev",
    K.Key_Home: "first",
    K.Key_End: "last",
    K.Key_Return: "enter",
    K.Key_Enter: "enter",
    K.Key_Escape: "escape",
    K.Key_B: "black",
    K.Key_Period: "black",
    K.Key_W: "white",
    K.Key_Comma: "white",
    K.Key_F: "fullscreen",
    K.Key_M: "zoom",
    K.Key_O: "overview",
    K.Key_Tab: "overview",
    K.Key_Question: "help",
    K.Key_F1: "help",
    K.Key_Z: "reset_zoom",
    K.Key_E: "editor",
    K.Key_P: "pause",
    K.Key_R: "reset_timer",
    K.Key_S: "swap_screens",
    K.Key_T: "timing_report",
    K.Key_Plus: "notes_larger",
    K.Key_Equal: "notes_larger",
    K.Key_Minus: "notes_smaller",
}

_CTRL: dict[int, str] = {
    K.Key_Right: "preview_next",
    K.Key_Down: "preview_next",
    K.Key_Left: "preview_prev",
    K.Key_Up: "preview_prev",
    K.Key_Plus: "notes_larger",
    K.Key_Equal: "notes_larger",
    K.Key_Minus: "notes_smaller",
}

_CTRL_TOOLS: dict[int, str] = {  # presenter tools (app.tools); Ctrl+Shift+E stays the export menu's
    K.Key_L: "pointer",
    K.Key_P: "pen",
    K.Key_I: "highlighter",
    K.Key_E: "erase_ink",
    K.Key_M: "toggle_ink",
}

KEY_HELP: tuple[tuple[str, str], ...] = (
    ("→ ↓ Space PgDn", "next build step / next slide"),
    ("← ↑ Backspace PgUp", "previous"),
    ("Home / End", "first / last slide"),
    ("12 Enter", "jump to slide 12"),
    ("B or .  /  W or ,", "black / white screen (again: back)"),
    ("F", "audience full screen"),
    ("F5 / Shift+F5", "full screen from the first / the current slide"),
    ("S", "swap screens"),
    ("O or Tab", "overview: arrows + Enter or click to jump"),
    ("Ctrl+← / Ctrl+→, click Next", "preview on the console only"),
    ("Enter / Esc", "show the preview to the audience / back"),
    ("Esc", "put the pointer or pen down, leave zoom; leave overview, preview or full screen"),
    ("Ctrl+L", "laser pointer on / off (Ctrl + left button held: for a moment)"),
    ("Ctrl+P / Ctrl+I", "pen / highlighter on / off: drag on either slide to draw"),
    ("Ctrl+E / Ctrl+M", "erase this slide's ink / hide or show all ink"),
    ("M, then click or drag", "zoom the audience into that part of the slide (M or Esc: back)"),
    ("click / right click, wheel", "on the audience: next / previous (a pen drag draws)"),
    ("P / R", "pause or start / reset the talk timer"),
    ("+ / −  (Ctrl too)", "larger / smaller notes"),
    ("Z", "reset chart zoom on the console"),
    ("E", "open the storyboard at this slide in your editor"),
    ("T", "timing report (Save as CSV, Keep timings)"),
    ("?", "this help"),
)

_KEYPAD = Qt.KeyboardModifier.KeypadModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_CTRL_MOD = Qt.KeyboardModifier.ControlModifier
_META = Qt.KeyboardModifier.MetaModifier
_ALT = Qt.KeyboardModifier.AltModifier


def action_for(key: int, modifiers: Qt.KeyboardModifier, text: str = "") -> str | None:
    """The action for a key press, or None. Digits give ``"digit:N"``."""
    mods = modifiers & ~(_KEYPAD | _SHIFT)
    if mods & _ALT:
        return None
    if mods & (_CTRL_MOD | _META):
        if key in _CTRL_TOOLS:
            return None if modifiers & _SHIFT else _CTRL_TOOLS[key]
        return _CTRL.get(key)
    if key == K.Key_F5:  # PowerPoint: from the beginning; Shift: from the current slide
        return "show_from_current" if modifiers & _SHIFT else "show_from_start"
    if K.Key_0 <= key <= K.Key_9:
        return f"digit:{key - K.Key_0}"
    if key == K.Key_Backtab:
        return "overview"
    if text == "?":
        return "help"
    if text == "+":
        return "notes_larger"
    return _PLAIN.get(key)


def claims_tab(event: QEvent, handler: Callable[[QKeyEvent], bool]) -> bool:
    """Give Tab to the key map (it opens the overview) before Qt uses it to move the focus.

    Call from a widget's ``event()``: True means ``handler`` took the key.
    """
    return (
        event.type() == QEvent.Type.KeyPress
        and isinstance(event, QKeyEvent)
        and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        and handler(event)
    )
