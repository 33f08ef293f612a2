"""Series told apart without colour: which get a hatch, dash or marker shape, and why."""

from __future__ import annotations

from briefing.layout.contrast import contrast_ratio
from briefing.layout.series_marks import SeriesMark, hatch_color, series_marks
from briefing.layout.theme import resolve_theme

OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442")


def test_series_closer_than_3_to_1_get_distinct_marks_and_the_first_stays_plain() -> None:
    marks = series_marks("bar", OKABE_ITO[:3])
    assert marks[0].plain
    assert [m.pattern for m in marks[1:]] == ["wdUpDiag", "wdDnDiag"]
    assert len(set(marks)) == 3


def test_well_separated_colours_need_no_mark() -> None:
    assert contrast_ratio("#111111", "#F0F0F0") > 3
    assert series_marks("bar", ("#111111", "#F0F0F0")) == (SeriesMark(), SeriesMark())


def test_lines_get_dashes_scatters_marker_shapes_slices_hatches() -> None:
    palette = resolve_theme().palette[:3]
    assert [m.dash for m in series_marks("line", palette)] == ["solid", "dash", "sysDot"]
    assert [m.dash for m in series_marks("area", palette)][1] == "dash"
    assert [m.marker for m in series_marks("scatter", palette)] == ["circle", "square", "triangle"]
    assert [m.pattern for m in series_marks("donut", OKABE_ITO[:2])] == ["", "wdUpDiag"]


def test_many_slices_cycling_the_palette_are_decided_quickly() -> None:
    """A 5,000-slice pie repeats its palette: each repeat is marked, in well under a second."""
    import time

    palette = resolve_theme().palette
    started = time.perf_counter()
    marks = series_marks("pie", [palette[i % len(palette)] for i in range(5000)])
    assert time.perf_counter() - started < 0.5
    assert sum(1 for m in marks if not m.plain) >= 5000 - len(palette)


def test_a_hatch_keeps_a_value_label_readable() -> None:
    theme = resolve_theme()
    for fill in (*OKABE_ITO, *theme.palette):
        label = theme.on_color(fill)
        assert contrast_ratio(label, hatch_color(fill)) >= 3.0, fill
        assert hatch_color(fill) != fill
