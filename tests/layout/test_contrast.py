"""WCAG 2.1 contrast: luminance, ratios, the large-text rule, and the colours chosen with them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.layout.contrast import (
    DARK_LABEL,
    LIGHT_LABEL,
    contrast_ratio,
    is_large_text,
    label_on,
    readable,
    relative_luminance,
    required_ratio,
    worst_ratio,
)
from briefing.layout.theme import resolve_theme
from briefing.storyboard.model import ThemeSpec

colors = st.tuples(*[st.integers(0, 255)] * 3).map(lambda c: "#{:02X}{:02X}{:02X}".format(*c))


def test_black_on_white_is_21_to_1_and_white_on_white_1_to_1() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert relative_luminance("#808080") == pytest.approx(0.2158605, abs=1e-6)


def test_the_issues_doughnut_labels_measure_as_reported() -> None:
    """White 14 pt bold on the Okabe-Ito orange and sky blue: 2.25:1 and 2.31:1 (3:1 needed)."""
    assert contrast_ratio("#FFFFFF", "#E69F00") == pytest.approx(2.25, abs=0.01)
    assert contrast_ratio("#FFFFFF", "#56B4E9") == pytest.approx(2.31, abs=0.01)
    assert required_ratio(14, bold=True) == 3.0


@pytest.mark.parametrize(
    ("size", "bold", "large"), [(18, False, True), (17.5, False, False), (14, True, True), (13, True, False)]
)
def test_large_text_is_18pt_or_14pt_bold(size: float, bold: bool, large: bool) -> None:
    assert is_large_text(size, bold) is large
    assert required_ratio(size, bold) == (3.0 if large else 4.5)


@given(colors)
def test_a_label_on_any_fill_reaches_4_5_to_1(fill: str) -> None:
    assert label_on(fill) in (DARK_LABEL, LIGHT_LABEL, "#000000")
    assert contrast_ratio(label_on(fill), fill) >= 4.5


@given(colors, st.lists(colors, min_size=1, max_size=4))
def test_readable_never_picks_a_background_colour(preferred: str, backgrounds: list[str]) -> None:
    chosen = readable(preferred, backgrounds, 4.5)
    assert chosen not in backgrounds or worst_ratio(chosen, backgrounds) >= 4.5
    assert worst_ratio(chosen, backgrounds) >= min(4.5, worst_ratio(preferred, backgrounds))


def test_readable_keeps_a_colour_that_reads_and_prefers_the_given_candidates() -> None:
    assert readable("#FFFFFF", ["#101010"], 4.5) == "#FFFFFF"
    assert readable("#000000", ["#101010"], 4.5, ["#EEEEEE"]) == "#EEEEEE"


@pytest.mark.parametrize("base", ["dark", "light"])
def test_bundled_palette_slice_labels_read_in_both_themes(base: str) -> None:
    palette = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#CC79A7", "#D55E00")
    theme = resolve_theme(ThemeSpec(base=base, palette=palette))  # type: ignore[arg-type]
    for fill in palette:
        assert contrast_ratio(theme.on_color(fill), fill) >= 3.0, fill
