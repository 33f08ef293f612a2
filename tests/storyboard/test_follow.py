"""Matching old and new decks on reload: follow the slide, rebuild only what changed."""

from __future__ import annotations

from pathlib import Path

from briefing.storyboard.follow import classify, diff_decks, follow_index, match_slides
from briefing.storyboard.model import (
    Bullet,
    Bullets,
    Chart,
    Image,
    Section,
    Series,
    Slide,
    Source,
    SourceRef,
    Storyboard,
    ThemeSpec,
)


def bullets(title: str, *items: str, line: int = 0, notes: str = "") -> Slide:
    body = Bullets(tuple(Bullet(i) for i in items or ("x",)))
    return Slide(title=title, body=body, section=0, line=line, id=title.lower(), notes=notes)


def chart_slide(values: tuple[float, ...], categories: tuple[str, ...] = ("a", "b"),
                *, kind: str = "bar", name: str = "s") -> Slide:
    chart = Chart(type=kind, categories=categories, series=(Series(name, values),))  # type: ignore[arg-type]
    return Slide(title="Chart", body=chart, section=0, id="chart")


def deck(*slides: Slide, theme: ThemeSpec | None = None, sources: tuple[Source, ...] = ()) -> Storyboard:
    return Storyboard(
        title="T",
        sections=(Section(title="S", slides=tuple(slides), id="s"),),
        theme=theme or ThemeSpec(),
        sources=sources,
    )


A, B, C, D = (bullets(t) for t in ("A", "B", "C", "D"))
# deck.slides = title, section divider, then the section's slides: A is index 2


def test_match_pairs_slides_by_id_not_position() -> None:
    old, new = deck(A, B, C), deck(D, A, B, C)
    assert match_slides(old, new) == (0, 1, None, 2, 3, 4)


def test_follow_keeps_slide_when_one_is_inserted_before_it() -> None:
    old, new = deck(A, B, C), deck(D, A, B, C)
    assert follow_index(old, new, 3) == 4  # B moves from 3 to 4


def test_follow_moves_to_the_slide_that_took_the_place_of_a_deleted_one() -> None:
    old, new = deck(A, B, C), deck(A, C)
    assert follow_index(old, new, 3) == 3  # B deleted -> C, now at 3


def test_follow_falls_back_to_previous_slide_when_last_was_deleted() -> None:
    old, new = deck(A, B, C), deck(A, B)
    assert follow_index(old, new, 4) == 3  # C deleted, no later slide -> B


def test_follow_clamps_a_stale_index() -> None:
    old, new = deck(A, B), deck(A)
    assert follow_index(old, new, 99) == 2


def test_moved_line_is_not_a_change() -> None:
    old, new = deck(A, bullets("B", line=10)), deck(A, bullets("B", line=14))
    diff = diff_decks(old, new)
    assert diff.changes[3] == "same"
    assert diff.rebuild == ()


def test_insertion_rebuilds_only_the_new_slide_and_its_divider() -> None:
    diff = diff_decks(deck(A, B, C), deck(A, D, B, C))
    assert diff.changes[3] == "added"
    assert diff.rebuild == (1, 3)  # the divider lists the section's slide titles
    assert diff.kept()[4] == 3
    assert diff.reordered


def test_deleted_slide_is_reported_removed() -> None:
    diff = diff_decks(deck(A, B, C), deck(A, C))
    assert diff.removed == (3,)


def test_text_edit_rebuilds_that_slide_only() -> None:
    diff = diff_decks(deck(A, B), deck(A, bullets("B", "changed")))
    assert diff.rebuild == (3,)
    assert diff.changes[2] == "same"


def test_notes_only_edit_needs_no_rebuild() -> None:
    assert classify(bullets("B"), bullets("B", notes="say this")) == "notes"


def test_chart_values_only_is_a_data_change() -> None:
    assert classify(chart_slide((1, 2)), chart_slide((3, 4))) == "data"


def test_chart_categories_added_is_still_a_data_change() -> None:
    assert classify(chart_slide((1, 2)), chart_slide((1, 2, 3), ("a", "b", "c"))) == "data"


def test_chart_type_change_is_a_rebuild() -> None:
    assert classify(chart_slide((1, 2)), chart_slide((1, 2), kind="line")) == "changed"


def test_renamed_series_is_a_rebuild() -> None:
    assert classify(chart_slide((1, 2)), chart_slide((1, 2), name="other")) == "changed"


def test_theme_change_rebuilds_every_slide() -> None:
    diff = diff_decks(deck(A, B), deck(A, B, theme=ThemeSpec(base="light")))
    assert set(diff.changes) == {"changed"}


def test_changed_source_title_rebuilds_citing_slide() -> None:
    cited = Slide(title="C", body=A.body, section=0, id="c", sources=(SourceRef("r"),))
    old = deck(A, cited, sources=(Source("r", "Old title"),))
    new = deck(A, cited, sources=(Source("r", "New title"),))
    assert diff_decks(old, new).rebuild == (3, 4)  # the citing slide and the Sources slide that lists it


def test_replaced_image_file_rebuilds_slide_showing_it(tmp_path: Path) -> None:
    picture = tmp_path / "map.png"
    slide = Slide(title="Map", body=Image(picture, "a map"), section=0, id="map")
    diff = diff_decks(deck(A, slide), deck(A, slide), changed_files=[picture])
    assert diff.rebuild == (3,)


def test_identical_decks_are_unchanged() -> None:
    assert diff_decks(deck(A, B), deck(A, B)).unchanged
