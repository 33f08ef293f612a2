"""Zoom region maths: a click or a dragged rectangle on the canvas -> the region the audience shows."""

from __future__ import annotations

import pytest

from briefing.app.tools.zoom_region import (
    WHOLE_SLIDE,
    Region,
    is_drag,
    pick_region,
    region_around,
    region_from_drag,
)

ASPECT = 1920 / 1080


def _inside(region: Region) -> bool:
    return (
        region.x >= 0
        and region.y >= 0
        and region.x + region.width <= 1920 + 1e-9
        and region.y + region.height <= 1080 + 1e-9
    )


def test_a_click_in_the_middle_shows_the_quarter_around_it() -> None:
    assert region_around((960, 540)) == Region(480, 270, 960, 540)


@pytest.mark.parametrize("point", [(0, 0), (1920, 1080), (1900, 20), (5, 1070), (960, 0)])
def test_a_click_near_an_edge_slides_the_region_back_inside(point: tuple[float, float]) -> None:
    region = region_around(point)
    assert _inside(region)
    assert region.width == pytest.approx(960) and region.height == pytest.approx(540)


def test_a_click_near_a_corner_keeps_that_corner_in_view() -> None:
    assert region_around((1910, 1075)) == Region(960, 540, 960, 540)


@pytest.mark.parametrize(
    "start, end",
    [((100, 100), (900, 300)), ((900, 300), (100, 100)), ((500, 100), (560, 900)), ((0, 0), (1920, 1080))],
)
def test_a_dragged_rectangle_grows_to_the_slide_shape_and_keeps_all_it_framed(start, end) -> None:  # type: ignore[no-untyped-def]
    region = region_from_drag(start, end)
    assert region.width / region.height == pytest.approx(ASPECT)
    assert _inside(region)
    left, right = sorted((start[0], end[0]))
    top, bottom = sorted((start[1], end[1]))
    assert region.x <= left and region.x + region.width >= right
    assert region.y <= top and region.y + region.height >= bottom


def test_a_wide_drag_is_centred_where_it_was_drawn() -> None:
    region = region_from_drag((200, 400), (1160, 500))
    assert region.width == pytest.approx(960)
    assert region.center == pytest.approx((680, 450))


def test_a_drag_past_the_slide_is_clipped_to_it() -> None:
    assert region_from_drag((-500, -500), (3000, 2000)) == WHOLE_SLIDE


def test_a_tiny_drag_zooms_at_most_eight_times() -> None:
    region = region_from_drag((1000, 500), (1013, 505))
    assert region.magnification == pytest.approx(8)
    assert _inside(region)


def test_a_short_wobble_is_a_click_not_a_rectangle() -> None:
    assert not is_drag((500, 500), (505, 503))
    assert pick_region((500, 500), (505, 503)) == region_around((505, 503))
    assert pick_region((100, 100), (900, 300)) == region_from_drag((100, 100), (900, 300))


def test_the_animation_goes_from_one_region_to_the_other() -> None:
    target = Region(480, 270, 960, 540)
    assert WHOLE_SLIDE.lerp(target, 0) == WHOLE_SLIDE
    assert WHOLE_SLIDE.lerp(target, 1) == target
    assert WHOLE_SLIDE.lerp(target, 0.5) == Region(240, 135, 1440, 810)
