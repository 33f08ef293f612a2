"""Planned time per slide and whether the talk is ahead of or behind it (pure).

Planning: a slide's own ``duration`` wins. A section's ``duration`` covers its
divider (a short beat) and its slides; what is left after slides with their
own duration is spread evenly over the others. The talk's ``duration`` is
spread the same way over slides still unplanned (after the title slide's
beat). Anything still unplanned gets :data:`DEFAULT_SLIDE`.

Pacing compares the elapsed time with the *planned window* of where the
presenter is: before the window starts you are ahead, past its end behind,
inside it on time. The same rule applies to the current slide and to its
section.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from itertools import accumulate

from briefing.storyboard.durations import format_duration
from briefing.storyboard.model import Storyboard

TITLE_BEAT = 20.0  # seconds planned for the generated title slide
DIVIDER_BEAT = 8.0  # seconds planned for a section divider
DEFAULT_SLIDE = 60.0  # seconds for a content slide nothing else plans
WAY_BEHIND = 60.0  # behind by more than this is "way behind"


class PaceStatus(Enum):
    ON_TIME = "on time"
    AHEAD = "ahead"
    BEHIND = "behind"
    WAY_BEHIND = "way behind"


PACE_COLORS: dict[PaceStatus, str] = {
    PaceStatus.ON_TIME: "#3FB950",
    PaceStatus.AHEAD: "#58A6FF",
    PaceStatus.BEHIND: "#F2A541",
    PaceStatus.WAY_BEHIND: "#F85149",
}


@dataclass(frozen=True)
class Pace:
    """How far from plan: ``delta`` > 0 behind by that many seconds, < 0 ahead.

    Less than a second either way counts as on time, so the display never says
    "behind by 0:00".
    """

    delta: float
    way_behind: float = WAY_BEHIND

    @property
    def status(self) -> PaceStatus:
        if self.delta > self.way_behind:
            return PaceStatus.WAY_BEHIND
        if self.delta >= 1:
            return PaceStatus.BEHIND
        if self.delta <= -1:
            return PaceStatus.AHEAD
        return PaceStatus.ON_TIME

    @property
    def color(self) -> str:
        return PACE_COLORS[self.status]

    @property
    def text(self) -> str:
        if self.status is PaceStatus.ON_TIME:
            return "on time"
        word = "ahead" if self.status is PaceStatus.AHEAD else "behind"
        return f"{word} by {format_duration(abs(self.delta))}"


def planned_durations(storyboard: Storyboard) -> list[float]:
    """Planned seconds for every slide of the deck, in deck order."""
    deck = storyboard.slides
    plan: list[float | None] = [slide.duration for slide in deck]
    if plan[0] is None:
        plan[0] = TITLE_BEAT
    for section_index, section in enumerate(storyboard.sections):
        members = [i for i, s in enumerate(deck) if s.section == section_index]
        divider = members[0]  # the generated divider comes first
        if plan[divider] is None:
            plan[divider] = DIVIDER_BEAT
        if section.duration is not None:
            _spread(plan, members, section.duration)
    if storyboard.duration is not None:
        _spread(plan, list(range(len(deck))), storyboard.duration)
    return [DEFAULT_SLIDE if value is None else value for value in plan]


def _spread(plan: list[float | None], members: list[int], budget: float) -> None:
    """Share what is left of ``budget`` among the members not yet planned."""
    open_slots = [i for i in members if plan[i] is None]
    if not open_slots:
        return
    used = sum(plan[i] or 0.0 for i in members)
    share = max(0.0, budget - used) / len(open_slots)
    for i in open_slots:
        plan[i] = share


class PacingPlan:
    """Planned windows for slides and sections of one storyboard."""

    def __init__(self, storyboard: Storyboard, *, way_behind: float = WAY_BEHIND) -> None:
        self.way_behind = way_behind
        self.replan(storyboard)

    def replan(self, storyboard: Storyboard) -> None:
        """An edited or different talk: the same plan object (the console holds it), new windows."""
        self.storyboard = storyboard
        self.durations = planned_durations(storyboard)
        self.ends = list(accumulate(self.durations))
        self.starts = [end - d for end, d in zip(self.ends, self.durations, strict=True)]

    @property
    def total(self) -> float:
        return self.ends[-1] if self.ends else 0.0

    def section_window(self, section: int) -> tuple[float, float] | None:
        if section < 0:
            return None
        members = [i for i, s in enumerate(self.storyboard.slides) if s.section == section]
        if not members:
            return None
        return self.starts[members[0]], self.ends[members[-1]]

    def section_duration(self, section: int) -> float:
        window = self.section_window(section)
        return window[1] - window[0] if window else 0.0

    def slide_pace(self, index: int, elapsed: float) -> Pace:
        return self._pace(self.starts[index], self.ends[index], elapsed)

    def section_pace(self, index: int, elapsed: float) -> Pace | None:
        """Pace against the window of the section the slide belongs to (None: title slide)."""
        window = self.section_window(self.storyboard.slides[index].section)
        if window is None:
            return None
        return self._pace(window[0], window[1], elapsed)

    def _pace(self, start: float, end: float, elapsed: float) -> Pace:
        if elapsed < start:
            return Pace(elapsed - start, self.way_behind)
        if elapsed > end:
            return Pace(elapsed - end, self.way_behind)
        return Pace(0.0, self.way_behind)
