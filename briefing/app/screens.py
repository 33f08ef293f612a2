"""Which screen shows what: the audience gets the second screen, full screen.

With one screen (a laptop rehearsal, a test run) both windows are ordinary
windows; nothing here may fail for want of a projector.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


def choose_audience_screen(
    screens: Sequence[QScreen], primary: QScreen | None, wanted: int | None
) -> QScreen | None:
    """``--screen N`` (0-based) if it exists, else the first screen that is not the primary."""
    if wanted is not None:
        return screens[wanted] if 0 <= wanted < len(screens) else None
    if len(screens) < 2:
        return None
    for screen in screens:
        if screen is not primary:
            return screen
    return None


def console_screen_for(screens: Sequence[QScreen], audience: QScreen | None) -> QScreen | None:
    for screen in screens:
        if screen is not audience:
            return screen
    return None


def place_on(widget: QWidget, screen: QScreen, *, full_screen: bool) -> None:
    widget.setScreen(screen)
    geometry = screen.availableGeometry()
    if full_screen:
        widget.setGeometry(screen.geometry())
        widget.showFullScreen()
    else:
        widget.move(geometry.topLeft())
        widget.resize(min(widget.width(), geometry.width()), min(widget.height(), geometry.height()))


def beside(console: QWidget, audience: QWidget) -> None:
    """One screen: a small audience window top right, the console filling the rest."""
    screen = console.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    width = min(audience.width(), area.width() // 3)
    audience.resize(width, width * 9 // 16)
    audience.move(area.right() - audience.width() + 1, area.top())
    console.move(area.topLeft())
    console_width = area.width() - audience.width() - 8
    if console_width < 960:  # too narrow to share: let them overlap
        console_width = min(console.width(), area.width())
    console.resize(console_width, area.height())


def all_screens() -> list[QScreen]:
    return list(QGuiApplication.screens())


def primary_screen() -> QScreen | None:
    return QGuiApplication.primaryScreen()
