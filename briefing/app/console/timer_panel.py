"""Elapsed time, wall clock and pacing, colour-coded, plus pause and reset.

The panel only *shows* a :class:`TalkTimer` and a :class:`PacingPlan`; the
controller owns both. While the panel is on screen its own ``tick`` redraws
the running seconds and the wall clock twice a second.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from briefing.app.clock.pacing import Pace, PacingPlan
from briefing.app.clock.talk_timer import TalkTimer
from briefing.app.console.accessible import name
from briefing.app.presenting.deck_state import DeckState
from briefing.storyboard.durations import format_duration


class TimerPanel(QWidget):
    def __init__(
        self,
        state: DeckState,
        timer: TalkTimer,
        plan: PacingPlan,
        *,
        on_pause: Callable[[], None],
        on_reset: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state, self.timer, self.plan = state, timer, plan
        self.tick = QTimer(self)
        self.tick.setInterval(500)
        self.tick.timeout.connect(self.refresh)
        self.setObjectName("timerPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.elapsed = QLabel("0:00")
        self.elapsed.setObjectName("elapsed")
        self.planned = QLabel()
        self.planned.setObjectName("muted")
        self.clock = QLabel()
        self.clock.setObjectName("clock")
        self.on_slide = QLabel()
        self.on_slide.setObjectName("onSlide")
        self.slide_pace = QLabel()
        self.section_pace = QLabel()
        for label in (self.slide_pace, self.section_pace):
            label.setObjectName("pace")
        self.section = QLabel()
        self.section.setObjectName("section")
        self.section.setWordWrap(True)
        self.counter = QLabel()
        self.counter.setObjectName("counter")
        self.pause_button = QPushButton("Start  (P)")
        self.reset_button = QPushButton("Reset  (R)")
        for button in (self.pause_button, self.reset_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pause_button.clicked.connect(on_pause)
        self.reset_button.clicked.connect(on_reset)
        name(self, "Timer and pacing", "Elapsed time, time left, pacing per slide and section")
        name(self.reset_button, "Reset timer", "Sets the talk's elapsed time back to zero. Key: R")

        grid = QGridLayout()
        grid.addWidget(self.elapsed, 0, 0)
        grid.addWidget(self.clock, 0, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.planned, 1, 0, 1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(grid)
        layout.addWidget(self.on_slide)
        layout.addWidget(self.slide_pace)
        layout.addWidget(self.section_pace)
        layout.addWidget(self.section)
        layout.addWidget(self.counter)
        layout.addStretch(1)
        hint = QLabel("?  all keys    ·    O  overview    ·    B  black screen    ·    Ctrl+→  preview")
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self.tick.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.tick.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        state, timer, plan = self.state, self.timer, self.plan
        elapsed = timer.elapsed
        self.elapsed.setText(format_duration(elapsed))
        self.elapsed.setProperty("paused", timer.started and not timer.running)
        talk = state.storyboard.duration or plan.total  # the slot the talk must fit
        left = talk - elapsed
        remaining = f"{format_duration(left)} left" if left >= 0 else f"{format_duration(-left)} over"
        self.planned.setText(f"of {format_duration(talk)}  ·  {remaining}")
        self.clock.setText(datetime.now().strftime("%H:%M"))
        self.pause_button.setText(
            "Pause  (P)" if timer.running else ("Resume  (P)" if timer.started else "Start  (P)")
        )
        self._name_timer(timer.running, timer.started, format_duration(elapsed), self.planned.text())
        index = state.current
        slide = state.slide
        section = state.storyboard.section_of(slide)
        self.on_slide.setText(
            f"On this slide {format_duration(timer.spent(slide.id))}"
            f"  of {format_duration(plan.durations[index])} planned"
        )
        self._show_pace(self.slide_pace, "Slide", plan.slide_pace(index, elapsed), timer.started)
        section_pace = plan.section_pace(index, elapsed)
        self.section_pace.setVisible(section_pace is not None)
        if section_pace is not None:
            self._show_pace(self.section_pace, "Section", section_pace, timer.started)
        if section is None:
            self.section.setText("Title slide")
        else:
            total = len(state.storyboard.sections)
            self.section.setText(f"Section {slide.section + 1} of {total}: {section.title}")
        steps = f"  ·  build {state.step + 1}/{slide.steps}" if slide.steps > 1 else ""
        self.counter.setText(f"{index + 1} / {state.count}{steps}")
        build = f", build step {state.step + 1} of {slide.steps}" if slide.steps > 1 else ""
        name(self.counter, f"Slide {index + 1} of {state.count}{build}", "The slide the audience sees")
        for label in (self.on_slide, self.slide_pace, self.section_pace, self.section):
            name(label, label.text())  # a QLabel's own text, kept as the name when it changes

    def _name_timer(self, running: bool, started: bool, elapsed: str, planned: str) -> None:
        """The timer's text for a screen reader: "Elapsed time 3:12 of 20:00 · 16:48 left, running"."""
        status = "running" if running else ("paused" if started else "not started")
        name(self.elapsed, f"Elapsed time {elapsed}, {status}", "Time since the talk started")
        name(self.planned, f"Planned {planned}")
        name(self.clock, f"Clock {self.clock.text()}", "The time of day")
        action = "Pause timer" if running else ("Resume timer" if started else "Start timer")
        name(self.pause_button, action, "Starts, pauses or resumes the talk timer. Key: P")

    @staticmethod
    def _show_pace(label: QLabel, what: str, pace: Pace, started: bool) -> None:
        text, sheet = (
            (f"{what}: not started", "color: #8FA1B8;")
            if not started
            else (f"{what}: {pace.text}", f"color: {pace.color};")
        )
        label.setText(text)
        if label.styleSheet() != sheet:  # a new style sheet re-polishes the label: 0.1 ms a switch, twice
            label.setStyleSheet(sheet)
