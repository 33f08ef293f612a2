"""Live chart items: what they plot, label, animate and show on hover, for every chart type."""

from __future__ import annotations

import pytest
from chart_samples import sample_chart
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

from briefing.layout import Rect
from briefing.render.charts import make_chart_item
from briefing.storyboard.model import CHART_TYPES, Chart, Series
from briefing.theme import resolve_theme

RECT = Rect(120, 200, 1680, 780)
THEME = resolve_theme()


@pytest.fixture
def show(qtbot):
    """Put a chart item in a scene shown by a view; returns (item, view)."""
    alive = []  # views (and their scenes) live until the end of the test

    def show(chart: Chart, *, animate: bool = False, rect: Rect = RECT):
        scene = QGraphicsScene(0, 0, 1920, 1080)
        item = make_chart_item(chart, THEME, rect, animate=animate)
        scene.addItem(item)
        view = QGraphicsView(scene)
        scene.setParent(view)  # the view keeps the scene (and so the item) alive
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        qtbot.addWidget(view)
        view.resize(960, 540)
        view.show()
        view.fitInView(scene.sceneRect())
        alive.append(view)
        return item, view

    return show


def expected_values(chart: Chart) -> dict[str, tuple[float, ...]]:
    series = chart.series[:1] if chart.type in ("pie", "donut") else chart.series
    return {s.name: tuple(float(v) for v in s.values) for s in series}


def bar_point(item, series: int, point: int) -> QPointF:
    """Middle of a bar, in item coordinates."""
    values = item.current()
    centers, bases, _ = item._geometry(values)
    mid = bases[series, point] + values[series, point] / 2
    center = centers[series, point]
    return item.to_item(mid, center) if item.HORIZONTAL else item.to_item(center, mid)


# ------------------------------------------------------------------ values
@pytest.mark.parametrize("chart_type", CHART_TYPES)
def test_values_read_back_from_the_plot_equal_the_storyboard(show, chart_type):
    chart = sample_chart(chart_type)
    item, _ = show(chart, animate=True)
    item.play_intro()
    item.finish_intro()
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


def test_line_labels_show_every_point_when_they_fit(show):
    chart = Chart(
        type="line",
        categories=("2022", "2023", "2024"),
        series=(Series("Rounds", (1200, 1500.5, 2100)),),
        unit=" deals",
    )
    item, _ = show(chart)
    assert item.label_texts() == ["1,200 deals", "1,500.5 deals", "2,100 deals"]


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


# ------------------------------------------------------------------ hover
def test_hover_text_names_category_series_and_value_with_unit(show):
    item, _ = show(sample_chart("bar"))
    assert item.hover_text(0, 0) == "Shanghai — Average Series A: $25M"
    assert item.hover_text(1, 1) == "Berlin — Median seed: $3.5M"


@pytest.mark.parametrize("chart_type", ["bar", "hbar", "stacked"])
def test_hovering_a_bar_shows_its_value(show, chart_type):
    item, _ = show(sample_chart(chart_type))
    text = item.hover_at(bar_point(item, 1, 2))
    assert text == "London — Median seed: $5M"
    assert item.tip.isVisible() and item.tip.text() == text
    assert item.hover_at(QPointF(5, 5)) is None
    assert not item.tip.isVisible()


def test_hovering_a_line_point_shows_its_value(show):
    item, _ = show(sample_chart("line"))
    point = item.to_item(8, 48) + QPointF(6, 4)
    assert item.hover_at(point) == "2024 — Shanghai: $48bn"


def test_hovering_a_scatter_point_shows_x_and_value(show):
    item, _ = show(sample_chart("scatter"))
    point = item.to_item(12, 30)
    assert item.hover_at(point) == "Patents — Years since founding 12: 30"


def test_hovering_a_wedge_shows_value_and_share(show):
    item, _ = show(sample_chart("pie"))
    # the first wedge starts at twelve o'clock and runs clockwise: a point right of the centre
    center = item._center
    text = item.hover_at(center + QPointF(item._radius * 0.5, 0))
    assert text == "Semiconductors — Share of VC: 38%"  # percentages already: no share added
    assert item.hover_at(center + QPointF(item._radius * 2, 0)) is None


def test_hovering_a_wedge_of_amounts_adds_its_share(show):
    chart = Chart(
        type="pie", categories=("VC", "State funds"), series=(Series("Funding", (30, 10)),), unit="bn"
    )
    item, _ = show(chart)
    text = item.hover_at(item._center + QPointF(0, item._radius * 0.5))  # below the centre: first wedge
    assert text == "VC — Funding: 30bn (75%)"


def test_real_mouse_hover_over_a_bar_shows_the_tip(show, qtbot):
    item, view = show(sample_chart("bar"))
    target = view.mapFromScene(item.mapToScene(bar_point(item, 0, 0)))
    qtbot.mouseMove(view.viewport(), QPoint(5, 5))
    qtbot.mouseMove(view.viewport(), target)
    qtbot.waitUntil(lambda: item.tip.isVisible(), timeout=1000)
    assert item.tip.text() == "Shanghai — Average Series A: $25M"


# ------------------------------------------------------------------ zoom, pan, reset
def flat(view_range) -> tuple[float, ...]:
    (x0, x1), (y0, y1) = view_range
    return x0, x1, y0, y1


def wheel(view: QGraphicsView, item, steps: int = 3) -> None:
    pos = QPointF(view.mapFromScene(item.mapToScene(item.plot_rect().center())))
    for _ in range(steps):
        event = QWheelEvent(
            pos,
            QPointF(view.viewport().mapToGlobal(pos.toPoint())),
            QPoint(0, 0),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view.viewport(), event)


@pytest.mark.parametrize("chart_type", ["bar", "line", "scatter"])
def test_audience_chart_ignores_the_wheel(show, chart_type):
    item, view = show(sample_chart(chart_type))
    item.set_interactive(False)
    before = item.view_range()
    wheel(view, item)
    assert item.view_range() == before


@pytest.mark.parametrize("chart_type", ["bar", "line", "scatter"])
def test_console_chart_zooms_with_the_wheel_and_reset_restores(show, chart_type):
    item, view = show(sample_chart(chart_type))
    item.set_interactive(True)
    before = item.view_range()
    wheel(view, item)
    (x0, x1), _ = item.view_range()
    assert x1 - x0 < before[0][1] - before[0][0]
    item.reset_view()
    assert flat(item.view_range()) == pytest.approx(flat(before))


def test_console_chart_pans_with_a_drag(show, qtbot):
    item, view = show(sample_chart("line"))
    item.set_interactive(True)
    home = item.view_range()
    item.zoom_at(item.plot_rect().center(), 3)
    before = item.view_range()
    start = view.mapFromScene(item.mapToScene(item.plot_rect().center()))
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), start + QPoint(100, 0))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(100, 0))
    (x0, _), _ = item.view_range()
    assert x0 < before[0][0]
    item.reset_view()
    assert flat(item.view_range()) == pytest.approx(flat(home))


def test_zoom_and_pan_stay_inside_the_full_view(show):
    item, _ = show(sample_chart("bar"))
    item.set_interactive(True)
    home = flat(item.view_range())
    item.zoom_at(item.plot_rect().center(), -5)  # zoom out
    item.pan_by(QPointF(-3000, 0))
    x0, x1, _, _ = flat(item.view_range())
    assert home[0] - 1e-9 <= x0 and x1 <= home[1] + 1e-9


def test_data_moves_with_the_axes_in_a_plain_scene(show):
    """pyqtgraph updates its data transform lazily; the chart must not leave it stale."""
    n = 80  # no markers, no labels: nothing else maps through the view
    chart = Chart(type="line", categories=tuple(map(str, range(n))), series=(Series("s", tuple(range(n))),))
    item, _ = show(chart)
    item.set_interactive(True)
    item.zoom_at(item.plot_rect().center(), 3)
    item.pan_by(QPointF(-120, 0))
    (x0, x1), (y0, y1) = item.view.viewRange()
    box = item.view.sceneBoundingRect()
    drawn = item.curves[0].mapToScene(QPointF(40, 24))  # Qt mapping only: no pyqtgraph update
    assert drawn.x() == pytest.approx(box.left() + (40 - x0) / (x1 - x0) * box.width(), abs=0.5)
    assert drawn.y() == pytest.approx(box.bottom() - (24 - y0) / (y1 - y0) * box.height(), abs=0.5)


def test_adding_to_a_scene_already_on_screen_raises_nothing(qtbot, capfd):
    scene = QGraphicsScene(0, 0, 1920, 1080)
    view = QGraphicsView(scene)
    scene.setParent(view)
    qtbot.addWidget(view)
    view.show()
    items = [make_chart_item(sample_chart(t), THEME, RECT) for t in ("bar", "line", "pie")]
    for item in items:
        scene.addItem(item)
        item.play_intro(50)
    qtbot.wait(100)
    scene.removeItem(items[0])
    scene.addItem(items[0])
    assert "Error calling Python override" not in capfd.readouterr().err


def test_labels_follow_a_zoom(show):
    item, _ = show(sample_chart("bar"))
    item.set_interactive(True)
    first = item._labels[0].pos()
    item.zoom_at(item.plot_rect().center(), 2)
    assert item._labels[0].pos() != first


# ------------------------------------------------------------------ live data
def test_set_data_morphs_to_new_values_with_added_and_removed_categories(show, qtbot):
    old = sample_chart("bar")
    item, _ = show(old)
    new = Chart(
        type="bar",
        categories=("Shanghai", "London", "Singapore", "Paris"),  # Berlin removed, Paris added
        series=(
            Series("Average Series A", (30, 15, 20, 9)),
            Series("Median seed", (5, 5, 4.5, 2)),
        ),
        prefix="$",
        unit="M",
    )
    item.set_data(new, animate=True)
    qtbot.wait(150)
    assert item.is_animating()
    shown = item.values()["Average Series A"]
    assert 25 < shown[0] < 30  # Shanghai morphs from 25 to 30
    assert 0 < shown[3] < 9  # Paris grows from 0
    qtbot.waitUntil(lambda: not item.is_animating(), timeout=3000)
    assert item.values() == expected_values(new)
    assert item.cat_axis.names == ["Shanghai", "London", "Singapore", "Paris"]
    assert item.label_texts() == [new.format_value(v) for s in new.series for v in s.values]


def test_a_point_added_to_a_line_starts_level_with_its_neighbour(show, qtbot):
    old = Chart(type="line", categories=("2022", "2023"), series=(Series("s", (10, 20)),))
    new = Chart(type="line", categories=("2022", "2023", "2024"), series=(Series("s", (10, 20, 30)),))
    item, _ = show(old)
    item.set_data(new)
    assert item._start.tolist() == [[10, 20, 20]]
    qtbot.waitUntil(lambda: not item.is_animating(), timeout=3000)
    assert item.values() == {"s": (10.0, 20.0, 30.0)}


@pytest.mark.parametrize("chart_type", ["line", "area", "scatter", "pie", "donut", "hbar", "stacked"])
def test_set_data_without_animation_shows_new_values_at_once(show, chart_type):
    chart = sample_chart(chart_type)
    item, _ = show(chart)
    bumped = Chart(
        type=chart.type,
        categories=chart.categories[:-1],
        series=tuple(Series(s.name, tuple(v + 1 for v in s.values[:-1])) for s in chart.series),
        unit=chart.unit,
        prefix=chart.prefix,
    )
    item.set_data(bumped, animate=False)
    assert item.values() == expected_values(bumped)


def test_set_data_switches_between_bar_and_stacked_but_not_to_pie(show):
    item, _ = show(sample_chart("bar"))
    item.set_data(sample_chart("stacked"), animate=False)
    assert item.values() == expected_values(sample_chart("stacked"))
    with pytest.raises(ValueError, match="cannot show a pie chart"):
        item.set_data(sample_chart("pie"))


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
