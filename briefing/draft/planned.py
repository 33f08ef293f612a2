"""What the planner makes: sections of slides, each slide with its body, notes and citations."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PlannedSlide:
    title: str
    body: dict[str, object]  # the body key and its value, ready to emit ("stats": [...])
    notes: str
    phrases: list[str]
    seconds: int
    line: int  # report line it came from (a comment in the draft)


@dataclass
class PlannedSection:
    title: str
    line: int
    notes: str
    slides: list[PlannedSlide] = field(default_factory=list)
