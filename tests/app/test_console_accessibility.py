"""The presenter console with a screen reader: every control and panel has a name, and the
timer, the slide counter and the slide views say what they show (read through Qt's
accessibility interfaces, as AT-SPI or UI Automation would)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

NAME = QAccessible.Text.Name


def spoken(widget: QWidget) -> str:
    """What a screen reader announces as the widget's name."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.isValid()
    return interface.text(NAME)


def test_every_control_and_panel_has_an_accessible_name(controller) -> None:  # type: ignore[no-untyped-def]
    console = controller.console
    panels = {
        console: "Presenter console",
        console.notes: "Speaker notes",
        console.timer_panel: "Timer and pacing",
        console.overview: "Slide overview",
        console.problems: "Storyboard problems",
        console.timer_panel.reset_button: "Reset timer",
        console.timer_panel.pause_button: "Start timer",
    }
    assert {spoken(w): w.accessibleDescription() != "" for w in panels} == {n: True for n in panels.values()}
    nameless = [
        f"{type(w).__name__} {w.objectName()}"
        for w in console.findChildren(QWidget)
        if w.isVisibleTo(console)
        and isinstance(w, (QAbstractButton, QLabel))
        and not spoken(w).strip()
        and not (isinstance(w, QLabel) and not w.text())
    ]
    assert nameless == []


def test_timer_and_counter_announce_their_values(controller, clock) -> None:  # type: ignore[no-untyped-def]
    console = controller.console
    panel = console.timer_panel
    assert spoken(panel.elapsed) == "Elapsed time 0:00, not started"
    assert spoken(panel.counter) == "Slide 1 of 8"
    controller.perform("pause")  # P starts the timer
    clock.advance(75)
    panel.refresh()
    assert spoken(panel.elapsed) == "Elapsed time 1:15, running"
    assert spoken(panel.pause_button) == "Pause timer"
    controller.state.goto(3)  # the slide with three build steps
    assert spoken(panel.counter) == "Slide 4 of 8, build step 1 of 3"
    controller.perform("pause")


def test_slide_views_say_which_slide_they_show(controller) -> None:  # type: ignore[no-untyped-def]
    console = controller.console
    assert spoken(console.current_view) == "Current slide: slide 1 of 8, Test talk"
    assert spoken(console.next_view) == "Next: slide 2, Alpha"
    controller.state.preview_goto(4)
    assert spoken(console.current_view) == "Preview: slide 5 of 8, Chart"
    controller.state.goto(7)
    assert spoken(console.next_view) == "Next slide: none, this is the end of the talk"


def test_audience_window_says_which_slide_or_blank_it_shows(controller) -> None:  # type: ignore[no-untyped-def]
    audience = controller.audience
    assert spoken(audience) == "Audience window"
    assert spoken(audience.view) == "Audience view: slide 1 of 8, Test talk"
    controller.state.goto(4)
    assert spoken(audience.view) == "Audience view: slide 5 of 8, Chart"
    controller.perform("black")
    assert spoken(audience.view) == "Audience view: black screen (the talk is at slide 5 of 8, Chart)"
    controller.perform("black")
