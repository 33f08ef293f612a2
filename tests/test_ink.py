"""The Qt-free ink model: strokes per slide that move with their slides."""

from __future__ import annotations

from briefing.ink import InkBook, InkPen

PEN = InkPen("pen", "#FF4D4D", 6.0)


def test_points_closer_than_a_visible_step_are_dropped() -> None:
    book = InkBook()
    stroke = book.begin(0, PEN, (10.0, 10.0))
    assert not stroke.add((10.5, 10.5))
    assert stroke.add((20.0, 10.0))
    assert stroke.points == [(10.0, 10.0), (20.0, 10.0)]


def test_ink_follows_moved_slides_and_leaves_with_deleted_ones() -> None:
    book = InkBook()
    book.begin(1, PEN, (1.0, 1.0))
    book.begin(2, PEN, (2.0, 2.0))
    book.begin(3, PEN, (3.0, 3.0))
    # new deck: a slide inserted at 0, old slide 2 deleted
    book.follow([None, 0, 1, 3])
    assert book.slides() == [2, 3]
    assert book.strokes(2)[0].points == [(1.0, 1.0)]
    assert book.strokes(3)[0].points == [(3.0, 3.0)]


def test_erase_and_snapshot() -> None:
    book = InkBook()
    stroke = book.begin(4, PEN, (1.0, 1.0))
    copy = book.snapshot()
    stroke.add((50.0, 50.0))
    assert copy[4][0].points == [(1.0, 1.0)]  # the exporter's copy does not change under it
    assert book.erase(4) and not book.erase(4)
    assert not book and book.slides() == []
