"""Zoom (the magnifier): M, then a click or drag on the console preview or the audience; Esc returns."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from briefing.app.tools.zoom_region import WHOLE_SLIDE, Region, region_around, region_from_drag

K = Qt.Key
LEFT = Qt.MouseButton.LeftButton


def _pos(view, x: float, y: float) -> QPoint:  # type: ignore[no-untyped-def]
    """Viewport pixels of canvas point (x, y) in ``view``."""
    return view.mapFromScene(QPointF(x, y))


def _click(qtbot, view, x: float, y: float) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.viewport(), LEFT, pos=_pos(view, x, y))


def _drag(qtbot, view, start, end) -> None:  # type: ignore[no-untyped-def]
    viewport = view.viewport()
    qtbot.mousePress(viewport, LEFT, pos=_pos(view, *start))
    qtbot.mouseMove(viewport, pos=_pos(view, (start[0] + end[0]) / 2, (start[1] + end[1]) / 2))
    qtbot.mouseMove(viewport, pos=_pos(view, *end))
    qtbot.mouseRelease(viewport, LEFT, pos=_pos(view, *end))


def _close(a: Region | None, b: Region, tolerance: float) -> bool:
    assert a is not None
    pairs = zip((a.x, a.y, a.width, a.height), (b.x, b.y, b.width, b.height), strict=True)
    return all(abs(p - q) <= tolerance for p, q in pairs)


def _frames(view, region: Region) -> bool:  # type: ignore[no-untyped-def]
    """The audience's camera shows all of ``region``, filling the viewport's width or height.

    When the window's shape is not 16:9 the camera shows more of the slide
    around the region (never what lies past the slide's edge).
    """
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    scale = view.transform().m11()
    fits = min(view.viewport().width() / region.width, view.viewport().height() / region.height)
    slack = 2 / scale
    return (
        abs(scale - fits) < 1e-6
        and shown.left() <= region.x + slack
        and shown.top() <= region.y + slack
        and shown.right() >= region.x + region.width - slack
        and shown.bottom() >= region.y + region.height - slack
    )


SIZES = [(960, 540), (800, 600), (1280, 1024), (1600, 600), (640, 360)]


@pytest.mark.parametrize("audience_size", SIZES)
@pytest.mark.parametrize("console_size", [(1440, 900), (1000, 1000)])
def test_a_click_on_the_console_or_the_audience_zooms_the_same_region(  # type: ignore[no-untyped-def]
    qtbot, controller, audience_size, console_size
) -> None:
    controller.state.goto(4)  # the chart
    controller.audience.resize(*audience_size)
    controller.console.resize(*console_size)
    qtbot.wait(10)
    picked = []
    for view in (controller.audience.view, controller.console.current_view):
        qtbot.keyClick(controller.console, K.Key_M)
        assert controller.zoom.state.picking
        _click(qtbot, view, 1500, 300)
        picked.append(controller.zoom.state.region)
        tolerance = 2 * 1920 / view.viewport().width()  # one or two pixels of the view
        assert _close(controller.zoom.state.region, region_around((1500, 300)), tolerance)
        assert _frames(controller.audience.view, controller.zoom.state.region)
        qtbot.keyClick(controller.console, K.Key_Escape)
    assert _close(picked[0], picked[1], 2 * 1920 / 640)


@pytest.mark.parametrize("audience_size", SIZES)
def test_a_dragged_rectangle_on_either_view_picks_the_same_region(qtbot, controller, audience_size) -> None:  # type: ignore[no-untyped-def]
    controller.audience.resize(*audience_size)
    qtbot.wait(10)
    expected = region_from_drag((200, 600), (900, 800))
    for view in (controller.audience.view, controller.console.current_view):
        qtbot.keyClick(controller.audience, K.Key_M)
        _drag(qtbot, view, (200, 600), (900, 800))
        assert _close(controller.zoom.state.region, expected, 2 * 1920 / view.viewport().width())
        assert controller.state.current == 0  # picking never turns the slide
        qtbot.keyClick(controller.audience, K.Key_M)  # M again: back
        assert controller.zoom.state.region is None


def test_the_audience_camera_zooms_the_vector_scene_not_a_picture(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    view = controller.audience.view
    whole_scale = view.transform().m11()
    qtbot.keyClick(controller.console, K.Key_M)
    _click(qtbot, controller.console.current_view, 960, 540)
    assert view.scene() is controller.audience.scene  # still the slide's own scene
    assert view.transform().m11() == pytest.approx(2 * whole_scale)
    assert _frames(view, Region(480, 270, 960, 540))


def test_the_console_outlines_what_the_audience_sees(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    console_view = controller.console.current_view
    qtbot.keyClick(controller.console, K.Key_M)
    _click(qtbot, console_view, 960, 540)
    outline = controller.zoom.inputs[1].frame
    assert outline.isVisibleTo(controller.console)
    assert outline.geometry().center().x() == pytest.approx(_pos(console_view, 960, 540).x(), abs=2)
    controller.console.resize(1000, 700)  # the frame follows the preview's new size
    qtbot.waitUntil(lambda: abs(outline.geometry().center().x() - _pos(console_view, 960, 540).x()) <= 2)
    width = _pos(console_view, 1440, 0).x() - _pos(console_view, 480, 0).x()
    assert outline.geometry().width() == pytest.approx(width, abs=3)
    qtbot.keyClick(controller.console, K.Key_Escape)
    assert not outline.isVisibleTo(controller.console)


def test_esc_returns_to_the_whole_slide_before_leaving_full_screen(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    controller.audience.set_full_screen(True)
    qtbot.keyClick(controller.audience, K.Key_M)
    _click(qtbot, controller.audience.view, 300, 300)
    assert controller.zoom.state.region is not None
    qtbot.keyClick(controller.audience, K.Key_Escape)
    assert controller.zoom.state.region is None
    assert controller.audience.view.shown_region() == controller.audience.view.sceneRect()
    assert controller.audience.isFullScreen()
    qtbot.keyClick(controller.audience, K.Key_Escape)
    assert not controller.audience.isFullScreen()


def test_esc_while_picking_stops_picking_and_a_click_then_advances(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(controller.audience, K.Key_M)
    qtbot.keyClick(controller.audience, K.Key_Escape)
    assert not controller.zoom.state.active
    _click(qtbot, controller.audience.view, 300, 300)
    assert controller.state.current == 1


def test_another_slide_shows_whole(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(controller.console, K.Key_M)
    _click(qtbot, controller.audience.view, 300, 300)
    qtbot.keyClick(controller.console, K.Key_Right)
    assert controller.state.current == 1
    assert controller.zoom.state.region is None
    assert _frames(controller.audience.view, WHOLE_SLIDE)


def test_builds_black_screen_and_preview_keep_the_zoom(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    controller.state.goto(3)  # three build steps
    qtbot.keyClick(controller.console, K.Key_M)
    _click(qtbot, controller.console.current_view, 600, 500)
    region = controller.zoom.state.region
    qtbot.keyClick(controller.console, K.Key_Right)
    assert (controller.state.step, controller.zoom.state.region) == (1, region)
    assert controller.audience.scene.step == 1
    qtbot.keyClick(controller.console, K.Key_B)
    assert controller.audience.blank_shown == "black"
    qtbot.keyClick(controller.console, K.Key_B)
    assert controller.zoom.state.region == region
    qtbot.keyClick(controller.console, K.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert controller.state.previewing
    assert controller.zoom.state.region == region  # the audience did not move
    assert not controller.zoom.inputs[1].frame.isVisibleTo(controller.console)  # not on another slide
    assert _frames(controller.audience.view, region)


def test_picking_on_the_console_waits_while_it_previews_another_slide(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(controller.console, K.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(controller.console, K.Key_M)
    _click(qtbot, controller.console.current_view, 600, 500)
    assert controller.zoom.state.picking and controller.zoom.state.region is None


def test_the_overview_opens_and_closes_with_zoom_on(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(controller.console, K.Key_M)
    _click(qtbot, controller.audience.view, 600, 500)
    qtbot.keyClick(controller.console, K.Key_O)
    assert controller.console.overview_open
    qtbot.keyClick(controller.console, K.Key_Escape)
    assert not controller.console.overview_open
    assert controller.zoom.state.region is not None


def test_the_zoom_glides_there_when_animated(qtbot, make_controller) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(animate=True)
    view = controller.audience.view
    qtbot.keyClick(controller.console, K.Key_M)
    _click(qtbot, view, 960, 540)
    assert controller.zoom.camera.animation.state() == controller.zoom.camera.animation.State.Running
    qtbot.waitUntil(lambda: _frames(view, Region(480, 270, 960, 540)), timeout=2000)
    qtbot.keyClick(controller.console, K.Key_Escape)
    qtbot.waitUntil(lambda: _frames(view, WHOLE_SLIDE), timeout=2000)


def test_with_the_pen_in_hand_m_then_a_click_picks_a_region_and_the_pen_then_draws(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(controller.audience, K.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(controller.audience, K.Key_M)
    _click(qtbot, controller.audience.view, 960, 540)
    assert controller.zoom.state.region == Region(480, 270, 960, 540)
    assert controller.tools.state.ink.strokes(0) == ()
    _drag(qtbot, controller.audience.view, (700, 400), (900, 500))
    stroke = controller.tools.state.ink.strokes(0)[0]  # drawn in canvas units on the zoomed slide
    assert stroke.points[0] == pytest.approx((700, 400), abs=2)
    qtbot.keyClick(controller.audience, K.Key_Escape)  # pen down first
    assert controller.zoom.state.region is not None
    qtbot.keyClick(controller.audience, K.Key_Escape)  # then zoom
    assert controller.zoom.state.region is None
