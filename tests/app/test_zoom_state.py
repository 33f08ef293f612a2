"""The zoom state is plain Python: the zoom key, a picked region, Esc, and another slide."""

from __future__ import annotations

from app_storyboards import make_storyboard

from briefing.app.presenting.deck_state import DeckState
from briefing.app.tools.zoom import ZoomState
from briefing.app.tools.zoom_region import Region

REGION = Region(480, 270, 960, 540)


def _zoom() -> tuple[DeckState, ZoomState, list[set[str]]]:
    deck = DeckState(make_storyboard())
    zoom = ZoomState(deck)
    heard: list[set[str]] = []
    zoom.changed.connect(heard.append)
    return deck, zoom, heard


def test_the_zoom_key_waits_for_a_region_then_goes_back() -> None:
    _deck, zoom, heard = _zoom()
    zoom.toggle()
    assert zoom.picking and zoom.region is None
    zoom.pick(REGION)
    assert (zoom.picking, zoom.region) == (False, REGION)
    zoom.toggle()
    assert not zoom.active
    assert heard == [{"picking"}, {"picking", "region"}, {"region"}]


def test_esc_leaves_zoom_once_then_means_something_else() -> None:
    _deck, zoom, _heard = _zoom()
    zoom.toggle()
    zoom.pick(REGION)
    assert zoom.escape() is True
    assert zoom.escape() is False


def test_another_slide_or_talk_shows_the_whole_slide_but_a_build_step_keeps_the_zoom() -> None:
    deck, zoom, _heard = _zoom()
    deck.goto(3)
    zoom.pick(REGION)
    deck.next()  # a build step on the same slide
    assert zoom.region == REGION
    deck.set_blank("black")
    deck.set_blank(None)
    assert zoom.region == REGION
    deck.goto(4)
    assert zoom.region is None
    zoom.pick(REGION)
    deck.set_storyboard(make_storyboard())
    assert zoom.region is None
