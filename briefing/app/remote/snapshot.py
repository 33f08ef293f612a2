"""What the phone shows, read from the talk's state: counter, title, notes, clock and pacing.

Plain Python, so it is the same words the console shows (the timer panel's
counter and pacing) without a window to read them from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from briefing.app.clock.pacing import PacingPlan
from briefing.app.clock.talk_timer import TalkTimer
from briefing.app.presenting.deck_state import DeckState
from briefing.app.presenting.scenes import SceneCache
from briefing.app.tools.state import ToolState
from briefing.storyboard.durations import format_duration
from briefing.storyboard.text import note_paragraphs


@dataclass(frozen=True)
class Talk:
    """What the remote reads and does: the talk's state, clock and plan, the scenes it draws
    pictures from, the pointer, and ``perform`` (a key-map action by name, as a key press does)."""

    state: DeckState
    timer: TalkTimer
    plan: PacingPlan
    scenes: SceneCache
    tools: ToolState
    perform: Callable[[str], None]


def snapshot(state: DeckState, timer: TalkTimer, plan: PacingPlan) -> dict[str, Any]:
    """The phone's view of the talk, as JSON-ready values."""
    index, slide = state.current, state.slide
    steps = f"  ·  build {state.step + 1}/{slide.steps}" if slide.steps > 1 else ""
    pace = plan.slide_pace(index, timer.elapsed)
    return {
        "slide": index,
        "count": state.count,
        "counter": f"{index + 1} / {state.count}{steps}",
        "title": slide.title,
        "notes": note_paragraphs(slide.notes) or ["No notes for this slide."],
        "elapsed": format_duration(timer.elapsed),
        "pace": f"Slide: {pace.text}" if timer.started else "not started",
        "pace_color": pace.color if timer.started else "#8FA1B8",
        "black": state.blank == "black",
        "has_next": state.upcoming() is not None,
    }
