"""Laser pointer, pen and highlighter: on the console preview and the audience, kept per slide."""

from __future__ import annotations

from typing import Any

import pytest
from app_storyboards import bullets_slide, make_storyboard
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
NO_BUTTON = Qt.MouseButton.NoButton


def send_mouse(
    view: QGraphicsView,
    kind: QEvent.Type,
    pixel: QPointF,
    *,
    button: Qt.MouseButton = NO_BUTTON,
    held: Qt.MouseButton = NO_BUTTON,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> bool:
    """A mouse event on the view's viewport, as the window system delivers it; True if taken."""
    viewport = view.viewport()
    event = QMouseEvent(kind, pixel, viewport.mapToGlobal(pixel), button, held, modifiers)
    QApplication.sendEvent(viewport, event)
    return event.isAccepted()


def pixel_of(view: QGraphicsView, x: float, y: float) -> QPointF:
    """Where canvas point (x, y) is on the view's viewport."""
    return QPointF(view.mapFromScene(QPointF(x, y)))


def drag(view: QGraphicsView, points: list[tuple[float, float]]) -> None:
    """Press at the first canvas point, move through the others, release at the last."""
    pixels = [pixel_of(view, x, y) for x, y in points]
    send_mouse(view, QEvent.Type.MouseButtonPress, pixels[0], button=LEFT, held=LEFT)
    for pixel in pixels[1:]:
        send_mouse(view, QEvent.Type.MouseMove, pixel, held=LEFT)
    send_mouse(view, QEvent.Type.MouseButtonRelease, pixels[-1], button=LEFT)


def color_at(view: QGraphicsView, x: float, y: float) -> QColor:
    """The colour the view shows at canvas point (x, y), as a viewer would see it."""
    image = view.viewport().grab().toImage()
    pixel = view.mapFromScene(QPointF(x, y))
    return image.pixelColor(pixel)


def is_reddish(color: QColor) -> bool:
    return color.red() > 200 and color.green() < 150 and color.blue() < 150


def laser_seen(view: QGraphicsView, x: float, y: float) -> bool:
    """A bright core at (x, y) in a red glow: the laser dot.

    The core is a pixel or two wide on a small audience window, so it is looked for in the
    pixels touching the point (the dot's position is asserted to 1.5 pixels separately)."""
    image = view.viewport().grab().toImage()
    centre = view.mapFromScene(QPointF(x, y))
    around = [image.pixelColor(centre.x() + dx, centre.y() + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    core = max(around, key=lambda c: c.green())
    return core.red() > 240 and core.green() > 120 and is_reddish(color_at(view, x + 7, y))


def expected_pixel(view: QGraphicsView, x: float, y: float) -> tuple[float, float]:
    """Letterboxed 16:9 fit, computed independently of Qt's transform."""
    width, height = view.viewport().width(), view.viewport().height()
    scale = min(width / 1920, height / 1080)
    return ((width - 1920 * scale) / 2 + x * scale, (height - 1080 * scale) / 2 + y * scale)


@pytest.mark.parametrize(
    ("console_size", "audience_size"),
    [
        ((1440, 900), (960, 540)),
        ((1000, 700), (1280, 720)),
        ((1600, 1000), (600, 600)),
        ((900, 900), (1000, 400)),
    ],
)
def test_pointer_on_the_console_preview_shows_at_the_same_canvas_point_on_the_audience(
    qtbot: Any, controller: Any, console_size: tuple[int, int], audience_size: tuple[int, int]
) -> None:
    controller.console.resize(*console_size)
    controller.audience.resize(*audience_size)
    qtbot.keyClick(controller.console, K.Key_L, CTRL)
    console_view, audience_view = controller.console.current_view, controller.audience.view
    qtbot.waitUntil(lambda: expected_pixel(audience_view, 0, 0)[0] == pytest.approx(
        audience_view.mapFromScene(QPointF(0, 0)).x(), abs=1))
    for canvas in ((480.0, 270.0), (1700.0, 950.0), (60.0, 1000.0)):
        send_mouse(console_view, QEvent.Type.MouseMove, pixel_of(console_view, *canvas))
        x, y = controller.tools.state.pointer_at
        tolerance = 1920 / console_view.viewport().width() + 1  # one console pixel, in canvas units
        assert (x, y) == (pytest.approx(canvas[0], abs=tolerance), pytest.approx(canvas[1], abs=tolerance))
        pointer = controller.tools.overlays.overlay(controller.audience.scene).pointer
        assert pointer.isVisible()
        shown = audience_view.mapFromScene(pointer.pos())
        want_x, want_y = expected_pixel(audience_view, x, y)
        assert (shown.x(), shown.y()) == (pytest.approx(want_x, abs=1.5), pytest.approx(want_y, abs=1.5))
        assert laser_seen(audience_view, x, y)


def test_pointing_at_the_audience_window_works_the_same(qtbot: Any, controller: Any) -> None:
    qtbot.keyClick(controller.audience, K.Key_L, CTRL)
    audience_view = controller.audience.view
    send_mouse(audience_view, QEvent.Type.MouseMove, pixel_of(audience_view, 1000, 500))
    x, y = controller.tools.state.pointer_at
    assert (x, y) == (pytest.approx(1000, abs=3), pytest.approx(500, abs=3))
    assert laser_seen(audience_view, x, y)
    assert audience_view.viewport().cursor().shape() == Qt.CursorShape.BlankCursor


def test_turning_the_pointer_off_leaves_no_trace(qtbot: Any, controller: Any) -> None:
    audience_view = controller.audience.view
    before = color_at(audience_view, 1000, 500)
    qtbot.keyClick(controller.console, K.Key_L, CTRL)
    send_mouse(audience_view, QEvent.Type.MouseMove, pixel_of(audience_view, 1000, 500))
    assert laser_seen(audience_view, 1000, 500)
    qtbot.keyClick(controller.console, K.Key_L, CTRL)
    assert color_at(audience_view, 1000, 500) == before
    assert audience_view.viewport().cursor().shape() != Qt.CursorShape.BlankCursor


def test_ctrl_and_left_button_held_show_the_pointer_briefly(qtbot: Any, controller: Any) -> None:
    view = controller.audience.view
    spot = pixel_of(view, 700, 400)
    taken = send_mouse(view, QEvent.Type.MouseButtonPress, spot, button=LEFT, held=LEFT, modifiers=CTRL)
    assert taken and controller.state.current == 0  # it points, it does not advance
    assert laser_seen(view, 700, 400)
    send_mouse(view, QEvent.Type.MouseButtonRelease, spot, button=LEFT)
    assert not controller.tools.overlays.overlay(controller.audience.scene).pointer.isVisible()
    assert controller.tools.state.tool is None


def test_with_the_pointer_on_a_click_is_left_for_navigation(qtbot: Any, controller: Any) -> None:
    qtbot.keyClick(controller.console, K.Key_L, CTRL)
    view = controller.audience.view
    tools_input = controller.tools.inputs[0]
    press = QMouseEvent(QEvent.Type.MouseButtonPress, pixel_of(view, 500, 500), QPointF(), LEFT, LEFT,
                        Qt.KeyboardModifier.NoModifier)
    assert tools_input.eventFilter(view.viewport(), press) is False
    assert controller.tools.state.ink.slides() == []


@pytest.mark.parametrize("window", ["audience", "console"])
def test_a_pen_drag_draws_ink_on_the_audience_live(qtbot: Any, controller: Any, window: str) -> None:
    controller.state.goto(2)
    qtbot.keyClick(getattr(controller, window), K.Key_P, CTRL)
    view = controller.audience.view if window == "audience" else controller.console.current_view
    drag(view, [(400, 700), (600, 705), (800, 710), (1000, 700)])
    assert controller.state.current == 2  # drawing never navigates
    (stroke,) = controller.tools.state.ink.strokes(2)
    assert stroke.pen.kind == "pen" and len(stroke.points) >= 4
    assert color_at(controller.audience.view, 700, 707) == QColor(stroke.pen.color)
    assert color_at(controller.console.current_view, 700, 707) == QColor(stroke.pen.color)


def test_pen_colours_follow_the_theme_and_the_menu(qtbot: Any, controller: Any) -> None:
    controller.menus["pen_color:3"].trigger()
    assert controller.tools.state.tool == "pen"
    drag(controller.audience.view, [(400, 400), (900, 400)])
    (stroke,) = controller.tools.state.ink.strokes(0)
    assert stroke.pen.color == "#4FC3F7"  # blue for a dark slide
    controller.tools.state.set_theme("light")
    assert controller.tools.state.current_pen().color == "#1565C0"  # deeper blue on a light one


def test_the_highlighter_is_wide_and_translucent(qtbot: Any, controller: Any) -> None:
    audience_view = controller.audience.view
    background = color_at(audience_view, 700, 500)
    qtbot.keyClick(controller.console, K.Key_I, CTRL)
    drag(audience_view, [(400, 500), (1000, 500)])
    (stroke,) = controller.tools.state.ink.strokes(0)
    assert stroke.pen.kind == "highlighter" and stroke.pen.width >= 4 * 6 and stroke.pen.opacity < 1
    seen = color_at(audience_view, 700, 500)
    assert seen != background and seen != QColor(stroke.pen.color)  # yellow, with the slide through it
    assert seen.red() > background.red() and seen.green() > background.green()


def test_ink_belongs_to_its_slide_and_survives_navigation(qtbot: Any, controller: Any) -> None:
    qtbot.keyClick(controller.console, K.Key_P, CTRL)
    controller.state.goto(2)
    drag(controller.audience.view, [(300, 300), (900, 320)])
    qtbot.keyClick(controller.console, K.Key_Right)
    assert controller.tools.state.ink.strokes(3) == ()
    assert color_at(controller.audience.view, 600, 310) != QColor(controller.tools.state.current_pen().color)
    qtbot.keyClick(controller.console, K.Key_End)
    qtbot.keyClick(controller.console, K.Key_Home)
    controller.state.goto(2)
    assert len(controller.tools.state.ink.strokes(2)) == 1
    assert color_at(controller.audience.view, 600, 310) == QColor(controller.tools.state.current_pen().color)
    controller.state.goto(1)  # the console's next panel shows slide 2 with its ink
    assert controller.console.next_scene.index == 2
    thin_ink = color_at(controller.console.next_view, 600, 310)  # a small view: 6 px blend to ~1
    assert thin_ink.red() > 2 * thin_ink.green() and thin_ink.red() > 2 * thin_ink.blue()


def test_ink_survives_a_live_reload_that_keeps_the_slide(qtbot: Any, controller: Any) -> None:
    controller.state.goto(4)  # "chart"
    qtbot.keyClick(controller.console, K.Key_P, CTRL)
    drag(controller.audience.view, [(300, 200), (900, 200)])
    pen_color = QColor(controller.tools.state.current_pen().color)
    edited = make_storyboard(extra_first=bullets_slide("Inserted", section=0, line=8))
    controller.apply_storyboard(edited)
    assert controller.state.slide.id == "chart" and controller.state.current == 5
    assert len(controller.tools.state.ink.strokes(5)) == 1
    assert controller.tools.state.ink.strokes(4) == ()
    qtbot.waitUntil(lambda: color_at(controller.audience.view, 600, 200) == pen_color)


def test_a_different_talk_starts_without_ink(qtbot: Any, controller: Any) -> None:
    qtbot.keyClick(controller.console, K.Key_P, CTRL)
    drag(controller.audience.view, [(300, 200), (900, 200)])
    controller.load(make_storyboard(duration=None))
    assert not controller.tools.state.ink


def test_ctrl_e_erases_this_slides_ink_only(qtbot: Any, controller: Any) -> None:
    qtbot.keyClick(controller.console, K.Key_P, CTRL)
    drag(controller.audience.view, [(300, 200), (900, 200)])
    controller.state.goto(1)
    drag(controller.audience.view, [(300, 200), (900, 200)])
    qtbot.keyClick(controller.audience, K.Key_E, CTRL)
    assert controller.tools.state.ink.slides() == [0]
    assert color_at(controller.audience.view, 600, 200) != QColor(controller.tools.state.current_pen().color)
    assert controller.console.current_scene is not None  # E alone still means the editor; Ctrl+E did not


def test_ctrl_m_hides_and_shows_all_ink(qtbot: Any, controller: Any) -> None:
    qtbot.keyClick(controller.console, K.Key_P, CTRL)
    drag(controller.audience.view, [(300, 200), (900, 200)])
    pen_color = QColor(controller.tools.state.current_pen().color)
    qtbot.keyClick(controller.console, K.Key_M, CTRL)
    assert color_at(controller.audience.view, 600, 200) != pen_color
    assert color_at(controller.console.current_view, 600, 200) != pen_color
    assert controller.tools.state.ink.slides() == [0]  # hidden, not gone
    qtbot.keyClick(controller.audience, K.Key_M, CTRL)
    assert color_at(controller.audience.view, 600, 200) == pen_color


def test_escape_puts_the_tool_down_before_leaving_full_screen(qtbot: Any, controller: Any) -> None:
    controller.audience.set_full_screen(True)
    qtbot.waitUntil(controller.audience.isFullScreen)
    for key in (K.Key_P, K.Key_L, K.Key_I):
        qtbot.keyClick(controller.console, key, CTRL)
        assert controller.tools.state.tool is not None
        qtbot.keyClick(controller.audience, K.Key_Escape)
        assert controller.tools.state.tool is None
        assert controller.audience.isFullScreen()
    qtbot.keyClick(controller.audience, K.Key_Escape)
    qtbot.waitUntil(lambda: not controller.audience.isFullScreen())


def test_blank_screen_preview_overview_and_builds_work_with_a_tool_on(qtbot: Any, controller: Any) -> None:
    console = controller.console
    qtbot.keyClick(console, K.Key_P, CTRL)
    controller.state.goto(3)  # three build steps
    drag(controller.audience.view, [(300, 900), (900, 900)])
    qtbot.keyClick(console, K.Key_Right)
    assert (controller.state.current, controller.state.step) == (3, 1)
    assert len(controller.tools.state.ink.strokes(3)) == 1  # builds keep the slide's ink
    qtbot.keyClick(console, K.Key_B)
    assert controller.audience.blank_cover.isVisible()
    qtbot.keyClick(console, K.Key_B)
    qtbot.keyClick(console, K.Key_Right, CTRL)  # preview the next slide on the console only
    assert controller.state.previewing
    drag(console.current_view, [(300, 300), (900, 300)])
    assert controller.tools.state.ink.slides() == [3]  # the preview is not drawn on
    qtbot.keyClick(console, K.Key_Escape)  # the pen first
    assert controller.tools.state.tool is None and controller.state.previewing
    qtbot.keyClick(console, K.Key_Escape)
    assert not controller.state.previewing
    qtbot.keyClick(console, K.Key_L, CTRL)
    qtbot.keyClick(console, K.Key_O)
    assert console.overview_open
    qtbot.keyClick(console, K.Key_Escape)  # the overview closes first: it is what the presenter looks at
    assert not console.overview_open and controller.tools.state.tool == "pointer"


def test_every_tool_key_is_in_the_help_the_view_menu_and_the_readme() -> None:
    from pathlib import Path

    from briefing.app.presenting.keymap import KEY_HELP

    help_text = " ".join(keys for keys, _ in KEY_HELP)
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for key in ("Ctrl+L", "Ctrl+P", "Ctrl+I", "Ctrl+E", "Ctrl+M"):
        assert key in help_text
        assert key in readme


def test_the_view_menu_lists_and_ticks_the_tools(qtbot: Any, controller: Any) -> None:
    texts = {action.text() for action in controller.menus.values()}
    for name, key in (("Laser pointer", "Ctrl+L"), ("Pen", "Ctrl+P"), ("Highlighter", "Ctrl+I")):
        assert f"{name}\t{key}" in texts
    controller.menus["pointer"].trigger()
    assert controller.tools.state.tool == "pointer"
    assert controller.menus["pointer"].isChecked() and not controller.menus["pen"].isChecked()
    qtbot.keyClick(controller.console, K.Key_P, CTRL)
    assert controller.menus["pen"].isChecked() and not controller.menus["pointer"].isChecked()
    assert controller.menus["pen_color:0"].isChecked() and controller.menus["toggle_ink"].isChecked()
    qtbot.keyClick(controller.console, K.Key_M, CTRL)
    assert not controller.menus["toggle_ink"].isChecked()


def test_export_offers_the_ink_and_writes_it(
    qtbot: Any, controller: Any, monkeypatch: Any, tmp_path: Any
) -> None:
    from pptx import Presentation

    from briefing.export.pptx.ink import ink_shapes

    asked: list[int] = []
    monkeypatch.setattr(
        "briefing.app.files.export_job.ask_include_ink", lambda _parent, slides: asked.append(slides) or True
    )
    monkeypatch.setattr("briefing.app.files.export_job.report_export", lambda *_args: None)
    qtbot.keyClick(controller.console, K.Key_P, CTRL)
    controller.state.goto(2)
    drag(controller.audience.view, [(300, 200), (900, 200)])
    out = tmp_path / "talk.pptx"
    controller.export_to(out)
    with qtbot.waitSignal(controller.export_job.finished, timeout=30000):
        pass
    assert asked == [1]
    deck = Presentation(str(out))
    assert [index for index, slide in enumerate(deck.slides) if ink_shapes(slide)] == [2]


def test_export_without_ink_asks_nothing(
    qtbot: Any, controller: Any, monkeypatch: Any, tmp_path: Any
) -> None:
    monkeypatch.setattr("briefing.app.files.export_job.ask_include_ink", lambda *_args: pytest.fail("asked"))
    monkeypatch.setattr("briefing.app.files.export_job.report_export", lambda *_args: None)
    controller.export_to(tmp_path / "talk.pptx")
    with qtbot.waitSignal(controller.export_job.finished, timeout=30000):
        pass


def test_tools_keys_ignore_shift_so_the_export_shortcut_stays_free() -> None:
    from briefing.app.presenting.keymap import action_for

    assert action_for(K.Key_E, CTRL) == "erase_ink"
    assert action_for(K.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier) is None
    assert action_for(K.Key_L, CTRL) == "pointer"
    assert action_for(K.Key_P, CTRL) == "pen"
    assert action_for(K.Key_I, CTRL) == "highlighter"
    assert action_for(K.Key_M, CTRL) == "toggle_ink"
    assert action_for(K.Key_P, Qt.KeyboardModifier.NoModifier) == "pause"


def test_the_console_shows_which_tool_is_in_hand(qtbot: Any, controller: Any) -> None:
    qtbot.keyClick(controller.console, K.Key_L, CTRL)
    assert "Laser pointer" in controller.console.statusBar().currentMessage()
    qtbot.keyClick(controller.console, K.Key_Escape)
    assert "put down" in controller.console.statusBar().currentMessage()

