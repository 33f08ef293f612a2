"""A figure ready for a stat, and two figures compared (a chart): what ``figures`` hands the planner."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.storyboard.numbers import format_number


@dataclass(frozen=True)
class Fact:
    """A figure the report states, ready for a stat."""

    value: float
    prefix: str
    unit: str
    label: str  # the drafter's words for what it measures
    phrase: str  # verbatim from the report
    start: int  # offset of the number in the paragraph
    qualifier: str = ""  # "up to", "nearly": said with the number, kept with it

    @property
    def shown(self) -> str:
        return format_number(self.value, prefix=self.prefix, unit=self.unit)


@dataclass(frozen=True)
class Comparison:
    """Like compared with like ("$25 million versus $12 million in Berlin"): a chart."""

    series: str
    categories: tuple[str, str]
    values: tuple[float, float]
    prefix: str
    unit: str
    phrase: str
    starts: tuple[int, int]
