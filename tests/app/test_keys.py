"""Every presenter key, sent to the console and to the audience window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

K = Qt.Key


@pytest.fixture(params=["console", "audience"])
def window(request, controller):  # type: ignore[no-untyped-def]
    return getattr(controller, request.param)


@pytest.mark.parametrize("key", [K.Key_Right, K.Key_Down, K.Key_Space, K.Key_PageDown])
def test_next_keys_advance(qtbot, controller, window, key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, key)
    assert controller.state.current == 1
    assert controller.audience.scene.index == 1


@pytest.mark.parametrize("key", [K.Key_Left, K.Key_Up, K.Key_PageUp, K.Key_Backspace])
def test_previous_keys_go_back(qtbot, controller, window, key) -> None:  # type: ignore[no-untyped-def]
    controller.state.goto(2)
    qtbot.keyClick(window, key)
    assert controller.state.current == 1


def test_next_and_prev_walk_build_steps(qtbot, controller, window) -> None:  # type: ignore[no-untyped-def]
    controller.state.goto(3)  # "Build": three bullets, one per step
    qtbot.keyClick(window, K.Key_Right)
    assert (controller.state.current, controller.state.step) == (3, 1)
    assert controller.audience.scene.step == 1
    qtbot.keyClick(window, K.Key_Right)
    qtbot.keyClick(window, K.Key_Right)
    assert (controller.state.current, controller.state.step) == (4, 0)
    qtbot.keyClick(window, K.Key_Left)
    assert (controller.state.current, controller.state.step) == (3, 2)


def test_console_next_panel_shows_the_next_build_step(controller) -> None:  # type: ignore[no-untyped-def]
    controller.state.goto(3)
    assert controller.console.next_scene.index == 3
    assert controller.console.next_scene.step == 1
    assert "build step 2" in controller.console.next_caption.text()


def test_home_and_end(qtbot, controller, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, K.Key_End)
    assert controller.state.current == controller.state.count - 1
    qtbot.keyClick(window, K.Key_Home)
    assert controller.state.current == 0


def test_number_then_enter_jumps(qtbot, controller, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, K.Key_6)
    assert controller.console.jump_banner.isVisibleTo(controller.console)
    assert controller.state.current == 0
    qtbot.keyClick(window, K.Key_Return)
    assert controller.state.current == 5
    assert controller.typed.digits == ""


def test_two_digit_number_and_escape_cancels(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(controller.console, K.Key_1)
    qtbot.keyClick(controller.console, K.Key_0)
    assert controller.typed.digits == "10"
    qtbot.keyClick(controller.console, K.Key_Escape)
    assert controller.typed.digits == ""
    qtbot.keyClick(controller.console, K.Key_Enter)
    assert controller.state.current == 0


@pytest.mark.parametrize(("key", "mode"), [(K.Key_B, "black"), (K.Key_Period, "black"), (K.Key_W, "white")])
def test_blank_screen_and_back(qtbot, controller, window, key, mode) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, key)
    assert controller.state.blank == mode
    assert controller.audience.blank_shown == mode
    assert controller.audience.blank_cover.isVisible()
    assert controller.console.blank_banner.isVisibleTo(controller.console)
    qtbot.keyClick(window, key)
    assert controller.state.blank is None
    assert not controller.audience.blank_cover.isVisible()


def test_next_on_a_blank_screen_only_unblanks(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(controller.audience, K.Key_B)
    qtbot.keyClick(controller.audience, K.Key_Right)
    assert controller.state.blank is None and controller.state.current == 0


def test_f_toggles_audience_full_screen_and_escape_leaves(qtbot, controller, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, K.Key_F)
    assert controller.audience.isFullScreen()
    assert controller.audience.view.viewport().cursor().shape() == Qt.CursorShape.BlankCursor
    qtbot.keyClick(window, K.Key_Escape)
    assert not controller.audience.isFullScreen()


@pytest.mark.parametrize("key", [K.Key_O, K.Key_Tab])
def test_overview_arrow_enter_jumps(qtbot, controller, window, key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, key)
    console = controller.console
    assert console.overview_open
    assert console.overview.currentRow() == 0
    qtbot.keyClick(window, K.Key_Right)
    qtbot.keyClick(window, K.Key_Right)
    assert console.overview.currentRow() == 2
    assert controller.state.current == 0  # moving in the overview does not move the audience
    qtbot.keyClick(window, K.Key_Return)
    assert controller.state.current == 2
    assert not console.overview_open


def test_escape_leaves_the_overview(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(controller.console, K.Key_Tab)
    qtbot.keyClick(controller.console, K.Key_Escape)
    assert not controller.console.overview_open
    assert controller.state.current == 0


def test_question_mark_shows_help_and_any_key_hides_it(qtbot, controller, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, K.Key_Question, Qt.KeyboardModifier.ShiftModifier)
    assert controller.console.help_open
    assert "overview" in controller.console.help.shown_text()
    qtbot.keyClick(window, K.Key_Right)
    assert not controller.console.help_open
    assert controller.state.current == 0  # the key only closed the help


def test_z_resets_chart_zoom_on_the_console(qtbot, controller, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    controller.state.goto(4)  # the chart slide
    chart = controller.console.current_scene.chart_item()
    assert chart is not None
    calls: list[bool] = []
    monkeypatch.setattr(chart, "reset_view", lambda: calls.append(True))
    qtbot.keyClick(controller.console, K.Key_Z)
    assert calls == [True]


def test_console_chart_is_interactive_and_audience_chart_is_not(controller) -> None:  # type: ignore[no-untyped-def]
    controller.state.goto(4)
    assert controller.console.current_view.is_interactive()
    assert not controller.audience.view.is_interactive()
    assert controller.console.current_scene is not controller.audience.scene


def test_e_opens_the_editor_at_the_slide_line(qtbot, make_controller, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from app_storyboards import make_storyboard

    import briefing.app.files.editor as editor

    opened: list[tuple[object, int]] = []
    monkeypatch.setattr(editor, "open_in_editor", lambda path, line=1: opened.append((path, line)))
    controller = make_controller(replace(make_storyboard(), path=tmp_path / "deck.yaml"))
    controller.state.goto(4)
    qtbot.keyClick(controller.audience, K.Key_E)
    assert opened == [(tmp_path / "deck.yaml", 30)]


def test_p_pauses_and_r_resets_the_timer(qtbot, controller, clock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(controller.console, K.Key_P)
    assert controller.timer.running
    clock.advance(65)
    controller.console.timer_panel.refresh()
    assert controller.console.timer_panel.elapsed.text() == "1:05"
    qtbot.keyClick(controller.console, K.Key_P)
    assert not controller.timer.running
    assert "Resume" in controller.console.timer_panel.pause_button.text()
    qtbot.keyClick(controller.audience, K.Key_R)
    assert controller.timer.elapsed == 0
    assert controller.console.timer_panel.elapsed.text() == "0:00"


def test_first_navigation_starts_the_talk_clock(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    assert not controller.timer.started
    qtbot.keyClick(controller.audience, K.Key_Space)
    assert controller.timer.running


def test_audience_plays_entrance_animations_console_does_not(qtbot, make_controller) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(animate=True)
    controller.state.goto(7)  # stats slide: the number counts up on the projector
    assert controller.audience.scene.is_animating()
    assert not controller.console.current_scene.is_animating()
    controller.audience.scene.finish()
    assert not controller.audience.scene.is_animating()


def test_number_and_enter_jump_from_the_overview_too(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(controller.console, K.Key_O)
    qtbot.keyClick(controller.console, K.Key_7)
    qtbot.keyClick(controller.console, K.Key_Return)
    assert controller.state.current == 6
    assert not controller.console.overview_open


def test_overview_marks_the_audience_slide(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    controller.state.goto(3)
    qtbot.keyClick(controller.console, K.Key_O)
    assert controller.console.overview.item(3).text().startswith("▶ 4")
    assert not controller.console.overview.item(2).text().startswith("▶")


def test_next_past_the_last_slide_ends_the_talk_with_the_timing_report(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(controller.console, K.Key_End)  # starts the clock
    assert controller.timer.running
    qtbot.keyClick(controller.audience, K.Key_Space)
    assert not controller.timer.running
    assert controller.timing_dialog is not None and controller.timing_dialog.isVisible()
    assert controller.state.current == controller.state.count - 1
