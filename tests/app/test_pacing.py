from __future__ import annotations

import csv

import pytest
from app_storyboards import make_storyboard

from briefing.app.clock.pacing import DIVIDER_BEAT, TITLE_BEAT, PaceStatus, PacingPlan, planned_durations
from briefing.app.clock.talk_timer import TalkTimer
from briefing.app.clock.timing_report import build_report, write_csv


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_planned_durations_spread_section_and_talk_budgets() -> None:
    plan = planned_durations(make_storyboard(duration=600))
    # title beat; Alpha (240 s): divider beat, One 60 s, Build and Chart share the rest
    share_a = (240 - DIVIDER_BEAT - 60) / 2
    assert plan[:5] == [TITLE_BEAT, DIVIDER_BEAT, 60, share_a, share_a]
    # Beta has no duration: the talk's remaining time is spread over its two slides
    rest = (600 - TITLE_BEAT - 240 - DIVIDER_BEAT) / 2
    assert plan[5:] == [DIVIDER_BEAT, rest, rest]
    assert sum(plan) == pytest.approx(600)


def test_unplanned_slides_get_a_default_when_the_talk_has_no_duration() -> None:
    plan = planned_durations(make_storyboard(duration=None))
    assert plan[6] == plan[7] == 60


def test_pacing_ahead_on_time_behind_and_way_behind() -> None:
    plan = PacingPlan(make_storyboard(), way_behind=60)
    start, end = plan.starts[2], plan.ends[2]  # slide "One": 28 s .. 88 s
    assert (start, end) == (28, 88)
    ahead = plan.slide_pace(2, 10)
    assert ahead.status is PaceStatus.AHEAD and ahead.text == "ahead by 0:18"
    assert plan.slide_pace(2, 50).status is PaceStatus.ON_TIME
    behind = plan.slide_pace(2, 118)
    assert behind.status is PaceStatus.BEHIND and behind.text == "behind by 0:30"
    assert plan.slide_pace(2, 200).status is PaceStatus.WAY_BEHIND
    assert len({p.color for p in (ahead, behind, plan.slide_pace(2, 50), plan.slide_pace(2, 200))}) == 4


def test_section_pace_uses_the_section_window() -> None:
    plan = PacingPlan(make_storyboard())
    assert plan.section_window(0) == (TITLE_BEAT, TITLE_BEAT + 240)
    assert plan.section_pace(2, 300).text == "behind by 0:40"
    assert plan.section_pace(0, 5) is None  # title slide belongs to no section


def test_timer_pauses_resumes_and_resets_with_a_fake_clock() -> None:
    clock = FakeClock()
    timer = TalkTimer(clock)
    timer.start()
    clock.advance(30)
    timer.pause()
    clock.advance(100)  # paused: not counted
    assert timer.elapsed == 30 and not timer.running and timer.started
    timer.resume()
    clock.advance(5)
    assert timer.elapsed == 35
    timer.reset()
    assert timer.elapsed == 0 and not timer.started


def test_timer_charges_time_to_the_slide_on_screen() -> None:
    clock = FakeClock()
    timer = TalkTimer(clock)
    timer.enter_slide("title")
    clock.advance(10)  # not started: not counted
    timer.start()
    clock.advance(20)
    timer.enter_slide("one")
    clock.advance(45)
    timer.enter_slide("title")
    clock.advance(5)
    assert timer.spent("title") == 25
    assert timer.spent("one") == 45
    assert timer.spent_by_slide() == {"title": 25, "one": 45}


def test_timing_report_csv_on_disk(tmp_path) -> None:
    storyboard = make_storyboard()
    report = build_report(storyboard, {"title": 30, "one": 90, "chart": 40})
    path = write_csv(report, tmp_path / "timing.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:6] == ["level", "number", "section", "title", "planned_s", "spent_s"]
    one = next(r for r in rows if r[3] == "One")
    assert one[:7] == ["slide", "3", "Alpha", "One", "60", "90", "+30"]
    alpha = next(r for r in rows if r[0] == "section" and r[2] == "Alpha")
    assert alpha[4:6] == ["240", "130"]
    assert rows[-1][0] == "talk" and rows[-1][5] == "160"
