from __future__ import annotations

from app_storyboards import bullets_slide, make_storyboard

from briefing.app.presenting.deck_state import DeckState


def recorder(state: DeckState) -> list[set[str]]:
    seen: list[set[str]] = []
    state.changed.connect(seen.append)
    return seen


def test_next_walks_build_steps_then_slides() -> None:
    state = DeckState(make_storyboard())
    state.goto(3)
    assert (state.current, state.step) == (3, 0)
    state.next()
    state.next()
    assert (state.current, state.step) == (3, 2)
    state.next()
    assert (state.current, state.step) == (4, 0)


def test_prev_lands_on_previous_slide_fully_built() -> None:
    state = DeckState(make_storyboard())
    state.goto(4)
    state.prev()
    assert (state.current, state.step) == (3, 2)
    state.prev()
    assert (state.current, state.step) == (3, 1)


def test_navigation_stops_at_both_ends() -> None:
    state = DeckState(make_storyboard())
    state.prev()
    assert state.current == 0
    state.last()
    state.next()
    assert state.current == state.count - 1


def test_changed_reports_what_changed() -> None:
    state = DeckState(make_storyboard())
    seen = recorder(state)
    state.next()
    assert seen == [{"current"}]
    state.goto(1)
    assert len(seen) == 1  # nothing changed, nothing announced


def test_preview_leaves_the_audience_slide_alone_until_committed() -> None:
    state = DeckState(make_storyboard())
    state.goto(2)
    state.preview_next()
    state.preview_next()
    assert (state.current, state.preview, state.shown) == (2, 4, 4)
    state.commit_preview()
    assert (state.current, state.preview) == (4, None)


def test_cancel_preview_returns_to_following() -> None:
    state = DeckState(make_storyboard())
    state.preview_goto(5)
    state.cancel_preview()
    assert state.preview is None and state.shown == 0


def test_upcoming_is_next_build_step_then_next_slide() -> None:
    state = DeckState(make_storyboard())
    state.goto(3)
    assert state.upcoming() == (3, 1)
    state.goto(3, step=2)
    assert state.upcoming() == (4, 0)
    state.last()
    assert state.upcoming() is None


def test_blank_toggles_and_next_unblanks_without_moving() -> None:
    state = DeckState(make_storyboard())
    state.toggle_blank("black")
    assert state.blank == "black"
    state.toggle_blank("white")
    assert state.blank == "white"
    state.next()
    assert state.blank is None and state.current == 0


def test_apply_storyboard_follows_the_slide_when_one_is_inserted_before_it() -> None:
    state = DeckState(make_storyboard())
    state.goto(4)  # "Chart"
    edited = make_storyboard(extra_first=bullets_slide("Inserted", section=0))
    state.apply_storyboard(edited)
    assert state.current == 5
    assert state.slide.id == "chart"


def test_apply_storyboard_falls_back_to_nearest_index_and_clamps_step() -> None:
    state = DeckState(make_storyboard())
    state.goto(3, step=2)
    tiny = make_storyboard()
    # same deck but the build slide renamed -> its id is gone
    sections = list(tiny.sections)
    slides = list(sections[0].slides)
    slides[1] = bullets_slide("Renamed", items=1, section=0)
    from dataclasses import replace

    sections[0] = replace(sections[0], slides=tuple(slides))
    state.apply_storyboard(replace(tiny, sections=tuple(sections)))
    assert state.current == 3
    assert state.step == 0


def test_set_storyboard_starts_over() -> None:
    state = DeckState(make_storyboard())
    state.goto(5)
    state.set_storyboard(make_storyboard())
    assert (state.current, state.step, state.preview) == (0, 0, None)
