"""Live chart items in use: hover, zoom and pan, live data updates."""

from __future__ import annotations

import pytest
from chart_samples import RECT, THEME, Stage, bar_point, expected_values, sample_chart
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

from briefing.render.charts import make_chart_item
from briefing.storyboard.model import Chart, Series


@pytest.fixture
def show(qtbot) -> Stage:
    """``show(chart)`` puts a chart item in a scene shown by a view; returns (item, view)."""
    return Stage(qtbot)


# ------------------------------------------------------------------ hover
def test_hover_text_names_category_series_and_value_with_unit(show):
    item, _ = show(sample_chart("bar"))
    assert item.hover_text(0, 0) == "Shanghai — Average Series A: $25.0M"
    assert item.hover_text(1, 1) == "Berlin — Median seed: $3.5M"


@pytest.mark.parametrize("chart_type", ["bar", "hbar", "stacked"])
def test_hovering_a_bar_shows_its_value(show, chart_type):
    item, _ = show(sample_chart(chart_type))
    text = item.hover_at(bar_point(item, 1, 2))
    assert text == "London — Median seed: $5.0M"
    assert item.tip.isVisible() and item.tip.text() == text
    assert item.hover_at(QPointF(5, 5)) is None
    assert not item.tip.isVisible()


def test_hovered_bar_is_highlighted_until_the_pointer_leaves(show):
    item, _ = show(sample_chart("bar"))
    item.hover_at(bar_point(item, 0, 2))
    brushes = item.bars[0].opts["brushes"]
    assert brushes[2] != brushes[0] == brushes[1]
    item.clear_hover()
    assert item.bars[0].opts["brushes"] is None


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
    assert item.tip.text() == "Shanghai — Average Series A: $25.0M"


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
