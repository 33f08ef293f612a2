"""The console's menus: File, View, Help.

Single-key actions show their key in the menu but are handled by the key map
(so clickers work in both windows); only Ctrl shortcuts are real shortcuts.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QMessageBox

from briefing import __version__
from briefing.app import settings
from briefing.app.files.export_job import ExportJob, report_export
from briefing.errors import BriefingError

if TYPE_CHECKING:
    from briefing.app.controller import PresenterController


def _action(menu: QMenu, text: str, slot: object, *, key: str = "", shortcut: str = "") -> QAction:
    action = QAction(f"{text}\t{key}" if key else text, menu)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
    menu.addAction(action)
    return action


def build_menus(window: QMainWindow, controller: PresenterController) -> dict[str, QAction]:
    bar = window.menuBar()
    actions: dict[str, QAction] = {}
    file_menu = bar.addMenu("&File")
    actions["open"] = _action(file_menu, "Open…", lambda: open_dialog(controller), shortcut="Ctrl+O")
    recent = file_menu.addMenu("Open Recent")
    recent.aboutToShow.connect(lambda: fill_recent(recent, controller))
    file_menu.addSeparator()
    actions["export"] = _action(
        file_menu, "Export PowerPoint…", lambda: export_dialog(controller), shortcut="Ctrl+Shift+E"
    )
    actions["render"] = _action(file_menu, "Render PNG…", lambda: render_dialog(controller))
    file_menu.addSeparator()
    actions["quit"] = _action(file_menu, "Quit", window.close, shortcut="Ctrl+Q")

    view = bar.addMenu("&View")
    for name, text, key in (
        ("overview", "Overview", "O"),
        ("fullscreen", "Audience full screen", "F"),
        ("black", "Black screen", "B"),
        ("white", "White screen", "W"),
        ("swap_screens", "Swap screens", "S"),
        ("notes_larger", "Larger notes", "+"),
        ("notes_smaller", "Smaller notes", "−"),
        ("reset_zoom", "Reset chart zoom", "Z"),
        ("timing_report", "Timing report", "T"),
    ):
        actions[name] = _action(view, text, lambda n=name: controller.perform(n), key=key)

    help_menu = bar.addMenu("&Help")
    actions["help"] = _action(help_menu, "Keys", lambda: controller.perform("help"), key="?")
    actions["about"] = _action(help_menu, "About briefing", lambda: about(window))
    return actions


def open_dialog(controller: PresenterController) -> None:
    storyboard = controller.state.storyboard
    start = str(storyboard.base_dir)
    path, _ = QFileDialog.getOpenFileName(
        controller.console, "Open storyboard", start, "Storyboard (*.yaml *.yml)"
    )
    if path:
        controller.open_path(Path(path))


def fill_recent(menu: QMenu, controller: PresenterController) -> None:
    menu.clear()
    files = [p for p in settings.recent_files() if p.exists()]
    if not files:
        menu.addAction("(none)").setEnabled(False)
        return
    for path in files:
        menu.addAction(path.name, functools.partial(controller.open_path, path)).setToolTip(str(path))


def export_dialog(controller: PresenterController) -> None:
    storyboard = controller.state.storyboard
    stem = storyboard.path.stem if storyboard.path else "briefing"
    default = str(storyboard.base_dir / f"{stem}.pptx")
    path, _ = QFileDialog.getSaveFileName(
        controller.console, "Export PowerPoint", default, "PowerPoint (*.pptx)"
    )
    if not path:
        return
    job = ExportJob(storyboard, Path(path), controller.console)
    job.finished.connect(lambda ok, message: report_export(controller.console, ok, message))
    controller.export_job = job
    job.start()


def render_dialog(controller: PresenterController) -> None:
    from briefing.export.images import render_pngs

    storyboard = controller.state.storyboard
    folder = QFileDialog.getExistingDirectory(
        controller.console, "Render PNG into folder", str(storyboard.base_dir)
    )
    if not folder:
        return
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        written = render_pngs(storyboard, Path(folder))
    except BriefingError as error:
        QMessageBox.warning(controller.console, "Render PNG failed", str(error))
        return
    finally:
        QApplication.restoreOverrideCursor()
    controller.console.statusBar().showMessage(f"Rendered {len(written)} slides into {folder}", 5000)


def about(window: QMainWindow) -> None:
    QMessageBox.about(
        window,
        "About briefing",
        f"<b>briefing {__version__}</b><br>Present a YAML storyboard live; "
        "export it as an editable PowerPoint deck.",
    )
