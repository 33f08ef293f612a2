"""Sample charts (built in code, no loader) and a stage that shows them, for the chart tests."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

from briefing.layout import Rect
from briefing.layout.theme import resolve_theme
from briefing.render.charts import make_chart_item
from briefing.storyboard.model import Chart, Series

CITIES = ("Shanghai", "Berlin", "London", "Singapore", "San Francisco Bay Area")


def sample_chart(chart_type: str, **options: object) -> Chart:
    if chart_type in ("pie", "donut"):
        return Chart(
            type=chart_type,
            categories=("Semiconductors", "AI", "Biotech", "Fintech", "Other"),
            series=(Series("Share of VC", (38, 27, 18, 12, 5)),),
            unit="%",
            **options,
        )
    if chart_type == "scatter":
        return Chart(
            type="scatter",
            categories=("1", "3", "4.5", "7", "9", "12"),
            series=(Series("Firms", (3, 8, 11, 14, 22, 25)), Series("Patents", (5, 6, 9, 18, 17, 30))),
            x_title="Years since founding",
            y_title="Count",
            **options,
        )
    if chart_type in ("line", "area"):
        years = tuple(str(y) for y in range(2016, 2025))
        return Chart(
            type=chart_type,
            categories=years,
            series=(
                Series("Shanghai", (12, 15, 19, 24, 22, 30, 38, 41, 48)),
                Series("Shenzhen", (10, 11, 14, 16, 18, 21, 25, 26, 30)),
            ),
            prefix="$",
            unit="bn",
            y_title="VC deployed, US$ bn",
            **options,
        )
    return Chart(
        type=chart_type,
        categories=CITIES[:4],
        series=(
            Series("Average Series A", (25, 12, 15, 18)),
            Series("Median seed", (4, 3.5, 5, 4.2)),
        ),
        prefix="$",
        unit="M",
        y_title="US$ million",
        **options,
    )


RECT = Rect(120, 200, 1680, 780)
THEME = resolve_theme()


class Stage:
    """Shows chart items in scenes with (scaled) views and keeps them alive for the test."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.views: list[QGraphicsView] = []

    def __call__(self, chart: Chart, *, animate: bool = False, rect: Rect = RECT):
        scene = QGraphicsScene(0, 0, 1920, 1080)
        item = make_chart_item(chart, THEME, rect, animate=animate)
        scene.addItem(item)
        view = QGraphicsView(scene)
        scene.setParent(view)  # the view keeps the scene (and so the item) alive
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.qtbot.addWidget(view)
        view.resize(960, 540)
        view.show()
        view.fitInView(scene.sceneRect())
        self.views.append(view)
        return item, view


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
