"""Live charts: every chart type of the storyboard as a graphics item in a slide scene.

``make_chart_item`` is the one entry point the slide renderer needs. The item
it returns is a ``QGraphicsWidget`` placed at the chart's box on the
1920x1080 canvas, with this API (see :class:`ChartItem`)::

    play_intro(duration_ms=500)   bars grow, lines draw in, the pie sweeps
    finish_intro()                final state now
    values()                      series name -> values as plotted (read back)
    hover_text(series, point)     "Shanghai — Average Series A: $25M"
    hover_at(pos)                 hover at a point in item coordinates -> tip text or None
    set_interactive(on)           console: wheel zoom + drag pan; audience: off
    reset_view()                  back to the full view
    set_data(chart, animate=True) morph to new data (a CSV changed during the talk)
    is_animating()                an intro or morph is running
    label_texts(), legend_entries()  what the value labels and the legend show (tests)

With ``animate=True`` the item starts in its pre-intro state (bars at 0,
nothing drawn) and waits for ``play_intro()``; with ``animate=False`` it shows
the final chart at once (previews, PNG export).

The items work in a plain ``QGraphicsScene`` shown by plain ``QGraphicsView``
objects (no pyqtgraph ``GraphicsView`` needed), and ``scene.render()`` draws
them without any view (``pg_compat`` holds what that takes from pyqtgraph).

Modules: ``chart_base`` (animation, hover, labels), ``chart_plot`` (pyqtgraph
PlotItem styling, axes, zoom/pan), ``chart_bars``, ``chart_lines``,
``pie_item``, ``chart_parts`` (labels, legend), ``chart_hover`` (tip, overlay),
``chart_style`` (fonts and sizes in canvas units), ``pg_compat`` (every use of
pyqtgraph internals, each with its test in ``tests/render/test_pg_compat.py``).
"""

from __future__ import annotations

from briefing.layout import Rect
from briefing.layout.theme import Theme
from briefing.render.chart_bars import BarChart, HBarChart
from briefing.render.chart_base import ChartItem
from briefing.render.chart_lines import LineChart, ScatterChart
from briefing.render.pie_item import PieChart
from briefing.storyboard.model import Chart

__all__ = ["ChartItem", "chart_class", "make_chart_item"]

_CLASSES: tuple[type[ChartItem], ...] = (BarChart, HBarChart, LineChart, ScatterChart, PieChart)
_BY_TYPE: dict[str, type[ChartItem]] = {t: cls for cls in _CLASSES for t in cls.TYPES}


def chart_class(chart_type: str) -> type[ChartItem]:
    """The item class drawing ``chart_type``; ``set_data`` can switch among its ``TYPES``."""
    try:
        return _BY_TYPE[chart_type]
    except KeyError:
        raise ValueError(f"unknown chart type {chart_type!r}") from None


def make_chart_item(chart: Chart, theme: Theme, rect: Rect, *, animate: bool = True) -> ChartItem:
    """A live chart item for ``chart`` at ``rect`` (canvas units) of a slide scene."""
    return chart_class(chart.type)(chart, theme, rect, animate=animate)
