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


def test_lines_get_dashes_scatters_marker_shapes_pies_nothing() -> None:
    palette = resolve_theme().palette[:3]
    assert [m.dash for m in series_marks("line", palette)] == ["solid", "dash", "sysDot"]
    assert [m.dash for m in series_marks("area", palette)][1] == "dash"
    assert [m.marker for m in series_marks("scatter", palette)] == ["circle", "square", "triangle"]
    assert all(m.plain for m in series_marks("pie", palette))


def test_a_hatch_keeps_a_value_label_readable() -> None:
    theme = resolve_theme()
    for fill in (*OKABE_ITO, *theme.palette):
        label = theme.on_color(fill)
        assert contrast_ratio(label, hatch_color(fill)) >= 3.0, fill
        assert hatch_color(fill) != fill
