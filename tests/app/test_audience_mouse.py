"""The mouse on the audience window navigates (as PowerPoint's slide show); clickers' F5 / Shift+F5."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

K = Qt.Key
B = Qt.MouseButton


def _wheel(widget, degrees_times_8: int) -> None:  # type: ignore[no-untyped-def]
    """A wheel turn over ``widget``; negative is towards the user (down)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(0, 0),
        QPoint(0, degrees_times_8),
        B.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_a_left_click_on_the_audience_goes_to_the_next_step(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    viewport = controller.audience.view.viewport()
    qtbot.mouseClick(viewport, B.LeftButton)
    assert controller.state.current == 1
    controller.state.goto(3)  # builds: a click reveals the next bullet
    qtbot.mouseClick(viewport, B.LeftButton)
    assert (controller.state.current, controller.state.step) == (3, 1)
    assert controller.audience.scene.step == 1


def test_a_right_click_on_the_audience_goes_back(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    controller.state.goto(2)
    qtbot.mouseClick(controller.audience.view.viewport(), B.RightButton)
    assert controller.state.current == 1


def test_mouse_back_and_forward_buttons(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    viewport = controller.audience.view.viewport()
    qtbot.mouseClick(viewport, B.ForwardButton)
    qtbot.mouseClick(viewport, B.ForwardButton)
    qtbot.mouseClick(viewport, B.BackButton)
    assert controller.state.current == 1


def test_the_wheel_steps_one_slide_per_notch(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    viewport = controller.audience.view.viewport()
    _wheel(viewport, -120)
    _wheel(viewport, -120)
    assert controller.state.current == 2
    _wheel(viewport, 120)
    assert controller.state.current == 1


def test_a_touchpad_needs_a_whole_notch_of_small_turns(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    viewport = controller.audience.view.viewport()
    for _ in range(3):
        _wheel(viewport, -30)
    assert controller.state.current == 0
    _wheel(viewport, -30)
    assert controller.state.current == 1


def test_a_click_on_the_console_slide_does_not_turn_it(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    viewport = controller.console.current_view.viewport()
    qtbot.mouseClick(viewport, B.LeftButton)
    qtbot.mouseClick(viewport, B.RightButton)
    _wheel(viewport, -120)
    assert controller.state.current == 0


def test_a_click_on_a_black_screen_shows_the_slide_again(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(controller.audience, K.Key_B)
    qtbot.mouseClick(controller.audience.blank_cover, B.LeftButton)
    assert (controller.audience.blank_shown, controller.state.current) == (None, 0)


def test_f5_starts_the_show_from_the_first_slide_full_screen(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    controller.state.goto(4)
    qtbot.keyClick(controller.console, K.Key_F5)
    assert controller.state.current == 0
    assert controller.audience.isFullScreen()
    assert controller.timer.running


def test_shift_f5_starts_from_the_current_slide(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    controller.state.goto(4)
    qtbot.keyClick(controller.audience, K.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert controller.state.current == 4
    assert controller.audience.isFullScreen()
    qtbot.keyClick(controller.audience, K.Key_Escape)  # a clicker's "end show"
    assert not controller.audience.isFullScreen()


def test_f5_drops_a_preview_and_lifts_a_black_screen(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    controller.state.goto(2)
    controller.state.preview_goto(5)
    controller.state.set_blank("black")
    qtbot.keyClick(controller.console, K.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert (controller.state.current, controller.state.previewing, controller.state.blank) == (2, False, None)


def test_comma_whitens_the_screen_as_in_powerpoint(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(controller.audience, K.Key_Comma)
    assert controller.audience.blank_shown == "white"
    qtbot.keyClick(controller.audience, K.Key_Comma)
    assert controller.audience.blank_shown is None


def test_with_the_pen_a_drag_on_the_audience_draws_and_does_not_turn_the_slide(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    viewport = controller.audience.view.viewport()
    qtbot.keyClick(controller.audience, K.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.mousePress(viewport, B.LeftButton, pos=QPoint(100, 100))
    qtbot.mouseMove(viewport, pos=QPoint(200, 150))
    qtbot.mouseRelease(viewport, B.LeftButton, pos=QPoint(300, 200))
    assert controller.state.current == 0
    assert len(controller.tools.state.ink.strokes(0)) == 1
    qtbot.mouseClick(viewport, B.RightButton)  # the right button still goes back (nothing before 0)
    qtbot.keyClick(controller.audience, K.Key_Escape)  # pen down: a click advances again
    qtbot.mouseClick(viewport, B.LeftButton, pos=QPoint(100, 100))
    assert controller.state.current == 1


def test_with_the_pointer_a_click_still_advances(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(controller.audience, K.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.tools.state.tool == "pointer"
    qtbot.mouseClick(controller.audience.view.viewport(), B.LeftButton, pos=QPoint(100, 100))
    assert controller.state.current == 1
