"""The ``?`` help: every key row readable on a small (1280x720) console, not clipped."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from briefing.app.console.help_overlay import SMALLEST_FONT_PX
from briefing.app.presenting.keymap import KEY_HELP


def _rect_in(overlay: QWidget, label: QLabel) -> QRect:
    return QRect(label.mapTo(overlay, QPoint(0, 0)), label.size())


def _open_help_at(qtbot: Any, controller: Any, width: int, height: int) -> QWidget:
    console = controller.console
    console.resize(width, height)
    qtbot.waitUntil(lambda: console.size().width() == width and console.size().height() == height)
    controller.perform("help")
    help_overlay = console.help
    QApplication.processEvents()  # the layout settles after the font follows the new height
    assert help_overlay.isVisible()
    assert help_overlay.geometry() == console.rect()
    return help_overlay


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_every_key_row_is_inside_the_visible_help(
    qtbot: Any, controller: Any, width: int, height: int
) -> None:
    help_overlay = _open_help_at(qtbot, controller, width, height)
    assert [(keys.text(), what.text()) for keys, what in help_overlay.rows] == list(KEY_HELP)
    assert help_overlay.font_px() >= SMALLEST_FONT_PX
    visible = help_overlay.rect()
    for keys, what in help_overlay.rows:
        for label in (keys, what):
            assert label.isVisible(), label.text()
            assert visible.contains(_rect_in(help_overlay, label)), label.text()
            assert label.fontInfo().pixelSize() >= SMALLEST_FONT_PX, label.text()
        # neither squeezed: the keys in one line, the meaning with room for all its wrapped lines
        assert keys.width() >= keys.sizeHint().width(), keys.text()
        assert keys.height() >= keys.sizeHint().height(), keys.text()
        assert what.height() >= what.heightForWidth(what.width()), what.text()


def test_help_font_grows_with_a_bigger_console(qtbot: Any, controller: Any) -> None:
    small = _open_help_at(qtbot, controller, 1280, 720).font_px()
    controller.console.close_help()
    large = _open_help_at(qtbot, controller, 1920, 1200).font_px()
    assert large > small
