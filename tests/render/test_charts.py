"""Live chart items: what they plot, label and animate, for every chart type."""

from __future__ import annotations

import pytest
from chart_samples import RECT, THEME, Stage, expected_values, sample_chart
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from briefing.render.charts import make_chart_item
from briefing.storyboard.model import CHART_TYPES, Chart, Series


@pytest.fixture
def show(qtbot) -> Stage:
    """``show(chart)`` puts a chart item in a scene shown by a view; returns (item, view)."""
    return Stage(qtbot)


# ------------------------------------------------------------------ values
@pytest.mark.parametrize("chart_type", CHART_TYPES)
def test_values_read_back_from_the_plot_equal_the_storyboard(show, chart_type):
    chart = sample_chart(chart_type)
    item, _ = show(chart, animate=True)
    item.play_intro()
    item.finish_intro()
    assert item.values() == expected_values(chart)


@pytest.mark.parametrize("chart_type", CHART_TYPES)
def test_a_finished_chart_shown_again_is_not_drawn_again_and_keeps_its_values(show, chart_type, monkeypatch):
    chart = sample_chart(chart_type)
    item, _ = show(chart, animate=True)
    item.play_intro()
    item.finish_intro()  # the slide shown: final frame drawn
    frames: list[float] = []
    real = type(item)._render_frame
    monkeypatch.setattr(type(item), "_render_frame", lambda self: (frames.append(self.progress), real(self)))
    item.finish_intro()  # shown again (the console does this on every switch)
    assert frames == []
    assert item.values() == expected_values(chart)
    item.play_intro()  # a replayed intro still ends on the final frame
    item.finish_intro()
    assert frames[0] == 0.0 and frames[-1] == 1.0
    assert item.values() == expected_values(chart)


@pytest.mark.parametrize("chart_type", CHART_TYPES)
def test_item_sits_at_its_box_on_the_canvas(show, chart_type):
    item, _ = show(sample_chart(chart_type))
    assert (item.pos().x(), item.pos().y()) == (RECT.x, RECT.y)
    assert (item.size().width(), item.size().height()) == (RECT.w, RECT.h)


def test_unknown_chart_type_is_refused():
    with pytest.raises(ValueError, match="unknown chart type"):
        make_chart_item(Chart(type="radar", categories=(), series=()), THEME, RECT)  # type: ignore[arg-type]


# ------------------------------------------------------------------ intro
@pytest.mark.parametrize("chart_type", ["bar", "hbar", "stacked"])
def test_bars_grow_from_zero_during_the_intro(show, qtbot, chart_type):
    chart = sample_chart(chart_type)
    item, _ = show(chart, animate=True)
    assert all(v == 0 for values in item.values().values() for v in values)
    item.play_intro(600)
    qtbot.wait(250)
    assert item.is_animating()
    for name, final in expected_values(chart).items():
        for shown, target in zip(item.values()[name], final, strict=True):
            assert 0 < shown < target
    qtbot.waitUntil(lambda: not item.is_animating(), timeout=3000)
    assert item.values() == expected_values(chart)


def test_lines_draw_in_from_left_to_right(show, qtbot):
    item, _ = show(sample_chart("line"), animate=True)
    item.play_intro(600)
    qtbot.wait(250)
    xs, _ = item.curves[0].getData()
    assert 0 < xs.max() < len(item.chart.categories) - 1
    item.finish_intro()
    xs, _ = item.curves[0].getData()
    assert xs.max() == len(item.chart.categories) - 1


def test_pie_sweeps_round_during_the_intro(show, qtbot):
    item, _ = show(sample_chart("pie"), animate=True)
    assert sum(item.wedge_angles()) == 0
    item.play_intro(600)
    qtbot.wait(250)
    assert 0 < sum(item.wedge_angles()) < 360
    item.finish_intro()
    assert sum(item.wedge_angles()) == pytest.approx(360)


def test_pie_wedge_angles_are_proportional_to_values(show):
    chart = sample_chart("donut")
    item, _ = show(chart)
    values = chart.series[0].values
    for angle, value in zip(item.wedge_angles(), values, strict=True):
        assert angle == pytest.approx(360 * value / sum(values))


# ------------------------------------------------------------------ labels and legend
@pytest.mark.parametrize("chart_type", ["bar", "hbar", "stacked", "pie", "donut"])
def test_value_labels_show_the_formatted_values(show, chart_type):
    chart = sample_chart(chart_type)
    item, _ = show(chart)
    series = chart.series[:1] if chart_type in ("pie", "donut") else chart.series
    assert item.label_texts() == [chart.format_value(v) for s in series for v in s.values]


def test_stacks_show_their_totals_above_them(show):
    chart = sample_chart("stacked")
    item, _ = show(chart)
    totals = [sum(col) for col in zip(*(s.values for s in chart.series), strict=True)]
    assert item.total_texts() == [chart.format_value(t) for t in totals]


def test_stacks_of_gains_and_losses_show_their_net_totals(show):
    chart = Chart(
        type="stacked",
        categories=("2022", "2023", "2024"),
        series=(Series("Gains", (30, 50, 20)), Series("Losses", (-17, -12, -9))),
    )
    assert chart.stack_totals == (13, 38, 11)
    item, _ = show(chart)
    assert item.total_texts() == ["13", "38", "11"]


def test_a_stack_that_nets_below_zero_has_its_total_under_it(show):
    chart = Chart(
        type="stacked",
        categories=("up", "down"),
        series=(Series("Gains", (30, 5)), Series("Losses", (-10, -20))),
    )
    item, _ = show(chart)
    assert item.total_texts() == ["20", "-15"]
    up, down = (label.sceneBoundingRect() for label in item._totals)
    assert up.bottom() < item.mapToScene(item.to_item(0.0, 30.0)).y()  # above the gains
    assert down.top() > item.mapToScene(item.to_item(1.0, -20.0)).y()  # below the losses


def test_line_labels_show_every_point_when_they_fit(show):
    chart = Chart(
        type="line",
        categories=("2022", "2023", "2024"),
        series=(Series("Rounds", (1200, 1500.5, 2100)),),
        unit=" deals",
    )
    item, _ = show(chart)
    # one number of decimals for the whole chart, as the deck's number format shows it
    assert item.label_texts() == ["1,200.0 deals", "1,500.5 deals", "2,100.0 deals"]


def test_labels_can_be_switched_off(show):
    item, _ = show(sample_chart("bar", labels=False))
    assert item.label_texts() == []


def test_legend_lists_the_series_names(show):
    chart = sample_chart("bar")
    item, _ = show(chart)
    assert item.legend_entries() == [s.name for s in chart.series]


def test_pie_legend_lists_the_categories(show):
    chart = sample_chart("pie")
    item, _ = show(chart)
    assert item.legend_entries() == list(chart.categories)


def test_single_series_bar_has_no_legend_unless_asked(show):
    one = Chart(type="bar", categories=("A", "B"), series=(Series("Only", (1, 2)),))
    item, _view = show(one)
    assert item.legend_entries() == []
    forced = Chart(type="bar", categories=("A", "B"), series=(Series("Only", (1, 2)),), legend=True)
    item, _view = show(forced)
    assert item.legend_entries() == ["Only"]


def test_category_names_are_the_axis_ticks(show):
    chart = sample_chart("bar")
    item, _ = show(chart)
    ticks = item.cat_axis.tickValues(-0.5, 3.5, 1500)
    assert item.cat_axis.tickStrings(ticks[0][1], 1, 1) == list(chart.categories)


def test_axis_titles_come_from_the_chart(show):
    item, _ = show(sample_chart("scatter"))
    assert item.cat_axis.labelText == "Years since founding"
    assert item.value_axis.labelText == "Count"


@pytest.mark.parametrize("chart_type", ["bar", "stacked", "area"])
def test_value_axis_starts_at_zero_with_room_for_labels(show, chart_type):
    chart = sample_chart(chart_type)
    item, _ = show(chart)
    (_, _), (y0, y1) = item.view_range()
    top = max(sum(col) for col in zip(*(s.values for s in chart.series), strict=True))
    tallest = top if chart_type == "stacked" else max(max(s.values) for s in chart.series)
    assert y0 == 0
    assert y1 > tallest * 1.04


def test_hbar_value_axis_starts_at_zero_and_first_category_is_on_top(show):
    item, _ = show(sample_chart("hbar"))
    (x0, _), _ = item.view_range()
    assert x0 == 0
    assert item.to_item(0, 0).y() < item.to_item(0, 3).y()


# ------------------------------------------------------------------ pictures
@pytest.mark.parametrize("chart_type", ["bar", "line", "pie"])
def test_scene_renders_to_an_image_without_a_view(chart_type, qapp):
    scene = QGraphicsScene(0, 0, 1920, 1080)
    scene.addItem(make_chart_item(sample_chart(chart_type), THEME, RECT, animate=False))
    image = QImage(1920, 1080, QImage.Format.Format_ARGB32)
    image.fill(QColor(THEME.background))
    painter = QPainter(image)
    scene.render(painter)
    painter.end()
    palette = {QColor(c).rgb() for c in THEME.palette[:2]}
    colours = {image.pixel(x, y) for x in range(RECT_X0, RECT_X1, 7) for y in range(300, 950, 7)}
    assert palette & colours  # series colours were painted
    muted = QColor(THEME.muted)
    assert any(_near(QColor(c), muted) for c in colours) or chart_type == "pie"  # axis text


RECT_X0, RECT_X1 = 130, 1790


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 12


def test_line_width_stays_in_canvas_units_in_a_small_render(qapp):
    scene = QGraphicsScene(0, 0, 1920, 1080)
    item = make_chart_item(sample_chart("line"), THEME, RECT, animate=False)
    scene.addItem(item)
    widths = {}
    for width in (480, 1920):
        image = QImage(width, width * 9 // 16, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        scene.render(painter, QRectF(0, 0, width, width * 9 / 16), scene.sceneRect())
        painter.end()
        widths[width] = item.curves[0].curve.opts["pen"].widthF()
    assert widths[480] == pytest.approx(widths[1920] / 4)
