"""The console's menus: File, View, Help.

Single-key actions show their key in the menu but are handled by the key map
(so clickers work in both windows); only Ctrl shortcuts are real shortcuts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from briefing import __version__
from briefing.app import settings
from briefing.app.tools.state import PEN_COLORS
from briefing.storyboard.model import Storyboard


@dataclass(frozen=True)
class MenuActions:
    """What the menus can make happen; the dialogs asking for a path are the menus' own."""

    perform: Callable[[str], None]  # a key-map action by name ("overview", "black" ...)
    open_path: Callable[[Path], object]
    export_to: Callable[[Path], None]  # PowerPoint, in the background
    render_to: Callable[[Path], None]  # one PNG per slide into the folder
    storyboard: Callable[[], Storyboard]  # the talk on screen (dialogs start in its folder)


def _action(
    menu: QMenu, text: str, slot: Callable[[], object], *, key: str = "", shortcut: str = ""
) -> QAction:
    action = QAction(f"{text}\t{key}" if key else text, menu)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(window: QMainWindow, actions: MenuActions) -> dict[str, QAction]:
    bar = window.menuBar()
    made: dict[str, QAction] = {}
    file_menu = bar.addMenu("&File")
    made["open"] = _action(file_menu, "Open…", lambda: open_dialog(window, actions), shortcut="Ctrl+O")
    recent = file_menu.addMenu("Open Recent")
    recent.aboutToShow.connect(lambda: fill_recent(recent, actions))
    file_menu.addSeparator()
    made["export"] = _action(
        file_menu, "Export PowerPoint…", lambda: export_dialog(window, actions), shortcut="Ctrl+Shift+E"
    )
    made["render"] = _action(file_menu, "Render PNG…", lambda: render_dialog(window, actions))
    file_menu.addSeparator()
    made["quit"] = _action(file_menu, "Quit", window.close, shortcut="Ctrl+Q")

    view = bar.addMenu("&View")
    for name, text, key in (
        ("overview", "Overview", "O"),
        ("fullscreen", "Audience full screen", "F"),
        ("show_from_start", "Show from the beginning", "F5"),
        ("show_from_current", "Show from the current slide", "Shift+F5"),
        ("zoom", "Zoom into part of the slide", "M"),
        ("black", "Black screen", "B"),
        ("white", "White screen", "W"),
        ("swap_screens", "Swap screens", "S"),
        ("notes_larger", "Larger notes", "+"),
        ("notes_smaller", "Smaller notes", "−"),
        ("reset_zoom", "Reset chart zoom", "Z"),
        ("timing_report", "Timing report", "T"),
        ("phone_remote", "Phone remote…", ""),
    ):
        made[name] = _action(view, text, partial(actions.perform, name), key=key)
    _tool_menu(view, actions, made)

    help_menu = bar.addMenu("&Help")
    made["help"] = _action(help_menu, "Keys", lambda: actions.perform("help"), key="?")
    made["about"] = _action(help_menu, "About briefing", lambda: about(window))
    return made


def _tool_menu(view: QMenu, actions: MenuActions, made: dict[str, QAction]) -> None:
    """Pointer, pen, highlighter and ink (keys handled by the key map, so both windows take them)."""
    view.addSeparator()
    for name, text, key in (
        ("pointer", "Laser pointer", "Ctrl+L"),
        ("pen", "Pen", "Ctrl+P"),
        ("highlighter", "Highlighter", "Ctrl+I"),
        ("erase_ink", "Erase ink on this slide", "Ctrl+E"),
        ("toggle_ink", "Show ink", "Ctrl+M"),
    ):
        made[name] = _action(view, text, partial(actions.perform, name), key=key)
    colors = view.addMenu("Pen colour")
    for index, (color_name, _on_dark, _on_light) in enumerate(PEN_COLORS):
        name = f"pen_color:{index}"
        made[name] = _action(colors, color_name, partial(actions.perform, name))


def open_dialog(window: QMainWindow, actions: MenuActions) -> None:
    start = str(actions.storyboard().base_dir)
    path, _ = QFileDialog.getOpenFileName(window, "Open storyboard", start, "Storyboard (*.yaml *.yml)")
    if path:
        actions.open_path(Path(path))


def fill_recent(menu: QMenu, actions: MenuActions) -> None:
    menu.clear()
    files = [p for p in settings.recent_files() if p.exists()]
    if not files:
        menu.addAction("(none)").setEnabled(False)
        return
    for path in files:
        menu.addAction(path.name, partial(actions.open_path, path)).setToolTip(str(path))


def export_dialog(window: QMainWindow, actions: MenuActions) -> None:
    storyboard = actions.storyboard()
    stem = storyboard.path.stem if storyboard.path else "briefing"
    default = str(storyboard.base_dir / f"{stem}.pptx")
    path, _ = QFileDialog.getSaveFileName(window, "Export PowerPoint", default, "PowerPoint (*.pptx)")
    if path:
        actions.export_to(Path(path))


def render_dialog(window: QMainWindow, actions: MenuActions) -> None:
    folder = QFileDialog.getExistingDirectory(
        window, "Render PNG into folder", str(actions.storyboard().base_dir)
    )
    if folder:
        actions.render_to(Path(folder))


def about(window: QMainWindow) -> None:
    QMessageBox.about(
        window,
        "About briefing",
        f"<b>briefing {__version__}</b><br>Present a YAML storyboard live; "
        "export it as an editable PowerPoint deck.",
    )
