"""Which screen shows what: the audience gets the second screen, full screen.

With one screen (a laptop rehearsal, a test run) both windows are ordinary
windows; nothing here may fail for want of a projector.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from briefing.app import settings

if TYPE_CHECKING:
    from briefing.app.audience import AudienceWindow


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


def show_windows(console: QWidget, audience: AudienceWindow, wanted_screen: int | None) -> None:
    """Both windows; the audience full screen on the second screen if there is one."""
    screens = all_screens()
    target = choose_audience_screen(screens, primary_screen(), wanted_screen)
    settings.restore_geometry("console", console)
    console_screen = console_screen_for(screens, target)
    if target is not None and console_screen is not None:
        place_on(console, console_screen, full_screen=False)
    console.show()
    if target is not None and len(screens) > 1:
        place_on(audience, target, full_screen=True)
        audience.set_full_screen(True)
    else:
        if not settings.restore_geometry("audience", audience):
            beside(console, audience)
        audience.show()
    console.activateWindow()


def swap_screens(console: QWidget, audience: QWidget) -> bool:
    """Console and audience trade screens (the audience stays full screen); False on one screen."""
    console_screen, audience_screen = console.screen(), audience.screen()
    if console_screen is audience_screen:
        return False
    full = audience.isFullScreen()
    audience.showNormal()
    place_on(console, audience_screen, full_screen=False)
    place_on(audience, console_screen, full_screen=full)
    return True
