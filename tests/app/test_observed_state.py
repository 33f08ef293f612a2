"""The talk timer and the typed slide number are observable state, like DeckState;
the console draws them from what it is given, without a controller behind it."""

from __future__ import annotations

from app_storyboards import make_storyboard
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from briefing.app.clock.pacing import PacingPlan
from briefing.app.clock.talk_timer import TalkTimer
from briefing.app.console.window import ConsoleWindow
from briefing.app.presenting.deck_state import DeckState
from briefing.app.presenting.scenes import QtRenderBackend, SceneCache
from briefing.app.presenting.typed_number import TypedSlideNumber


def test_typed_number_keeps_the_last_four_digits_and_is_taken_once() -> None:
    typed = TypedSlideNumber()
    changes: list[str] = []
    typed.changed.connect(lambda: changes.append(typed.digits))
    for digit in "12345":
        typed.type(digit)
    assert typed.digits == "2345"
    assert typed.take() == 2345
    assert typed.take() is None  # nothing typed: no change announced either
    assert changes == ["1", "12", "123", "1234", "2345", ""]


def test_timer_announces_start_pause_and_reset(clock) -> None:  # type: ignore[no-untyped-def]
    timer = TalkTimer(clock)
    changes: list[tuple[bool, bool]] = []
    timer.changed.connect(lambda: changes.append((timer.started, timer.running)))
    timer.start()
    timer.start()  # already running: nothing to say
    clock.advance(5)
    timer.toggle()
    timer.reset()
    assert changes == [(True, True), (True, False), (False, False)]


def test_the_console_draws_given_state_and_hands_keys_to_its_callback(qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    storyboard = make_storyboard()
    state, timer, typed = DeckState(storyboard), TalkTimer(clock), TypedSlideNumber()
    keys: list[int] = []

    def on_key(event: QKeyEvent) -> bool:
        keys.append(event.key())
        return True

    console = ConsoleWindow(
        state, SceneCache(QtRenderBackend(), storyboard, animate=False), timer, PacingPlan(storyboard), typed,
        on_key=on_key, on_drop=lambda path: None, on_close=lambda: True, on_jump=lambda index: None,
        on_pause=timer.toggle, on_reset=timer.reset, on_open_source=lambda path, line: None,
    )
    qtbot.addWidget(console)
    console.show()
    state.goto(3)
    typed.type("7")
    timer.start()
    assert console.current_caption.text() == "NOW  ·  slide 4"
    assert console.jump_banner.isVisibleTo(console) and "Go to slide 7" in console.jump_banner.text()
    assert console.timer_panel.pause_button.text() == "Pause  (P)"
    assert console.timer_panel.tick.isActive()  # the running seconds redraw while shown
    qtbot.keyClick(console, Qt.Key.Key_Right)
    assert keys == [Qt.Key.Key_Right]
    console.timer_panel.pause_button.click()
    assert not timer.running and console.timer_panel.pause_button.text() == "Resume  (P)"
    console.close()
    assert not console.timer_panel.tick.isActive()
    console.let_go_of_scenes()
