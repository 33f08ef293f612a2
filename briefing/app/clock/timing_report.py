"""After the talk: planned against spent time, per slide and per section (pure).

Rows come from a :class:`PacingPlan` and the seconds a :class:`TalkTimer`
recorded per slide id; :func:`write_csv` saves them for the next rehearsal.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from briefing.app.clock.pacing import PacingPlan
from briefing.storyboard.durations import format_duration
from briefing.storyboard.model import Storyboard

CSV_HEADER = ("level", "number", "section", "title", "planned_s", "spent_s", "delta_s", "planned", "spent")


@dataclass(frozen=True)
class TimingRow:
    level: str  # "slide" | "section" | "talk"
    number: int  # 1-based slide number in the deck, or section number; 0 for the talk
    section: str
    title: str
    planned: float
    spent: float

    @property
    def delta(self) -> float:
        """Seconds over plan (negative: under)."""
        return self.spent - self.planned

    def csv_row(self) -> list[str]:
        return [
            self.level,
            str(self.number),
            self.section,
            self.title,
            f"{self.planned:.0f}",
            f"{self.spent:.0f}",
            f"{self.delta:+.0f}",
            format_duration(self.planned),
            format_duration(self.spent),
        ]


@dataclass(frozen=True)
class TimingReport:
    slides: tuple[TimingRow, ...]
    sections: tuple[TimingRow, ...]
    total: TimingRow

    @property
    def rows(self) -> tuple[TimingRow, ...]:
        return (*self.slides, *self.sections, self.total)


def build_report(storyboard: Storyboard, spent_by_id: Mapping[str, float]) -> TimingReport:
    plan = PacingPlan(storyboard)
    slides = []
    for index, slide in enumerate(storyboard.slides):
        section = storyboard.section_of(slide)
        slides.append(
            TimingRow(
                "slide",
                index + 1,
                section.title if section else "",
                slide.title,
                plan.durations[index],
                spent_by_id.get(slide.id, 0.0),
            )
        )
    sections = []
    for number, section in enumerate(storyboard.sections, start=1):
        members = [row for row, s in zip(slides, storyboard.slides, strict=True) if s.section == number - 1]
        sections.append(
            TimingRow(
                "section",
                number,
                section.title,
                section.title,
                sum(r.planned for r in members),
                sum(r.spent for r in members),
            )
        )
    total = TimingRow(
        "talk", 0, "", storyboard.title, sum(r.planned for r in slides), sum(r.spent for r in slides)
    )
    return TimingReport(tuple(slides), tuple(sections), total)


def write_csv(report: TimingReport, path: Path | str) -> Path:
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        for row in report.rows:
            writer.writerow(row.csv_row())
    return path
