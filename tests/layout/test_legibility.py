"""Text colours on a template surface: kept where they read, replaced where they do not."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefing.layout import Rect, SlideLayout
from briefing.layout.contrast import LIGHT_LABEL, worst_ratio
from briefing.layout.legibility import Artwork, Surface, text_color
from briefing.layout.theme import resolve_theme

colors = st.tuples(*[st.integers(0, 255)] * 3).map(lambda c: "#{:02X}{:02X}{:02X}".format(*c))
THEME = resolve_theme()
LAYOUT = SlideLayout(index=0, kind="bullets", background=THEME.background, shapes=(), texts=())


def _surface(fill: str, text: str, cells: list[str] | None = None) -> Surface:
    artwork = Artwork(2, 1, tuple(cells)) if cells else None
    return Surface(
        "Title Only",
        fill,
        text,
        text,
        "#4F81BD",
        "#EEECE1",
        artwork,
        choices=(("bg1", "#FFFFFF"), ("tx1", text)),
    )


def test_black_text_on_a_near_black_template_becomes_its_light_colour() -> None:
    found = text_color(
        "body", THEME.text, Rect(96, 288, 1600, 600), 20, False, LAYOUT, THEME, _surface("#101216", "#000000")
    )
    assert found.inherited == "#000000" and found.inherited_ratio < 1.2
    assert (found.chosen, found.scheme) == ("#FFFFFF", "bg1") and found.ratio >= 4.5


def test_a_colour_that_reads_is_kept() -> None:
    found = text_color(
        "body", THEME.text, Rect(0, 0, 100, 100), 20, False, LAYOUT, THEME, _surface("#FFFFFF", "#1F1F1F")
    )
    assert not found.changed and found.chosen == "#1F1F1F"


@given(colors, colors, st.lists(colors, min_size=2, max_size=2), st.floats(8, 60), st.booleans())
def test_chosen_colour_reads_whenever_any_colour_could(fill, text, cells, size, bold) -> None:
    surface = _surface(fill, text, cells)
    found = text_color("body", THEME.text, Rect(0, 0, 1920, 100), size, bold, LAYOUT, THEME, surface)
    backgrounds = found.backgrounds
    best = max(worst_ratio(c, backgrounds) for c in ("#000000", LIGHT_LABEL, "#111111"))
    assert found.ratio >= min(found.need, best) - 1e-9
    if found.changed:
        assert found.chosen not in backgrounds, "never text in its background's colour"
