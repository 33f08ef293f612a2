"""What a user sees in the exported deck and in the app, as plain data to compare.

The deck is re-opened with python-pptx; the app's side comes from the slide
scenes the presenter shows (``briefing.render.scene.SlideScene`` in its final
state). Both sides are reduced to the same shapes: per slide, the text boxes
by role in reading order (paragraph texts), the chart's categories, series
and value labels as a reader sees them, and the notes.

PowerPoint shows a chart's numbers by applying the number format code to the
stored value; :func:`excel_display` does what PowerPoint and Excel do (15
significant digits, halves rounded away from zero, ``#,##0`` grouping,
quoted literals) so the deck's labels can be compared with the app's text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation

# --------------------------------------------------------------------------- number formats


class BadFormatCode(AssertionError):
    pass


_FORMAT_TOKEN = re.compile(r'"(?P<quoted>[^"]*)"|\\(?P<escaped>.)|(?P<digits>[#0,]+(?:\.0+)?)', re.DOTALL)


def _parse_format(code: str) -> tuple[str, str, int, bool]:
    """(literal before, literal after, decimals, grouping) of a one-section number format code."""
    before, after, number = [], [], None
    position = 0
    while position < len(code):
        match = _FORMAT_TOKEN.match(code, position)
        if match is None:
            char = code[position]
            if char in '";%@*_?/Ee':  # characters with a meaning of their own in a format code
                raise BadFormatCode(f"number format {code!r}: bare {char!r} at {position}")
            (before if number is None else after).append(char)
            position += 1
            continue
        position = match.end()
        if match.group("digits") is not None:
            if number is not None:
                raise BadFormatCode(f"number format {code!r}: two number parts")
            number = match.group("digits")
            continue
        literal = match.group("quoted") if match.group("quoted") is not None else match.group("escaped")
        (before if number is None else after).append(literal)
    if number is None:
        raise BadFormatCode(f"number format {code!r}: no number part")
    decimals = len(number.split(".")[1]) if "." in number else 0
    return "".join(before), "".join(after), decimals, "," in number


def excel_display(code: str, value: float) -> str:
    """``value`` as PowerPoint shows it under number format ``code``."""
    before, after, decimals, grouping = _parse_format(code)
    shown = Decimal(f"{abs(value):.15g}").quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    body = f"{shown:,.{decimals}f}" if grouping else f"{shown:.{decimals}f}"
    sign = "-" if value < 0 else ""
    return f"{sign}{before}{body}{after}"


# --------------------------------------------------------------------------- one slide, either side


@dataclass
class ChartView:
    categories: list[str] | list[float]  # scatter: the x values
    series: list[tuple[str, tuple[float, ...]]]
    labels: list[str] = field(default_factory=list)  # every value label a reader can see
    legend: list[str] | None = None  # None: no legend


@dataclass
class SlideView:
    texts: list[tuple[str, list[str]]]  # (role, paragraph texts) in reading order
    chart: ChartView | None = None
    notes: str = ""


def _role_of(shape_name: str) -> str:
    """``"Stat Value 7"`` -> ``"stat-value"``: the layout role the writer named the shape after."""
    name = shape_name.rsplit(" ", 1)[0] if shape_name[-1:].isdigit() else shape_name
    return name.strip().lower().replace(" ", "-")


A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _paragraph_text(paragraph: Any) -> str:
    """A paragraph's text with ``<a:br/>`` read back as a line break."""
    parts = []
    for child in paragraph._p:
        tag = etree.QName(child).localname
        if tag in ("r", "fld"):
            parts.append("".join(t.text or "" for t in child.iter(f"{{{A_NS}}}t")))
        elif tag == "br":
            parts.append("\n")
    return "".join(parts)


def deck_views(path: Path) -> list[SlideView]:
    prs = Presentation(str(path))
    views = []
    for deck_slide in prs.slides:
        texts = []
        chart = None
        for shape in deck_slide.shapes:
            if shape.has_text_frame:
                paragraphs = [_paragraph_text(p) for p in shape.text_frame.paragraphs]
                if any(paragraphs):
                    texts.append((_role_of(shape.name), paragraphs))
            if getattr(shape, "has_chart", False) and shape.has_chart:
                chart = _deck_chart(shape.chart)
        notes = ""
        if deck_slide.has_notes_slide:
            frame = deck_slide.notes_slide.notes_text_frame
            notes = "\n\n".join(_paragraph_text(p) for p in frame.paragraphs) if frame is not None else ""
        views.append(SlideView(texts, chart, notes))
    return views


def _deck_chart(chart: Any) -> ChartView:
    plot = chart.plots[0]
    space = chart._chartSpace
    xy = bool(space.xpath(".//c:scatterChart"))
    if xy:
        first = plot.series[0]._element if len(plot.series) else None
        categories = [float(v) for v in first.xpath("./c:xVal//c:v/text()")] if first is not None else []
    else:
        categories = [str(c) for c in plot.categories]
    series = [(s.name, tuple(float("nan") if v is None else float(v) for v in s.values)) for s in plot.series]
    labels: list[str] = []
    plot_labels = space.xpath(".//c:plotArea/*/c:dLbls")
    for index, ser in enumerate(plot.series):
        series_labels = ser._element.xpath("./c:dLbls")
        levels = [*series_labels[:1], *plot_labels[:1]]  # the nearest setting wins
        points = {int(d.xpath("./c:idx/@val")[0]): d for d in ser._element.xpath("./c:dLbls/c:dLbl")}
        for point, value in enumerate(series[index][1]):
            own = [points[point]] if point in points else []
            shown = _first(own + levels, "./c:showVal/@val")
            code = _first(own + levels, "./c:numFmt/@formatCode")
            deleted = _first(own, "./c:delete/@val") in ("1", "true")
            if shown in ("1", "true") and code is not None and not deleted:
                labels.append(excel_display(code, value))
    legend = None
    if chart.has_legend:
        legend = categories if space.xpath(".//c:pieChart|.//c:doughnutChart") else [n for n, _ in series]
    return ChartView(categories, series, labels, legend)


def _first(elements: list[Any], path: str) -> str | None:
    """The first of ``elements`` that sets ``path``: a label's own, then its series', then the plot's."""
    for element in elements:
        found = element.xpath(path)
        if found:
            return str(found[0])
    return None


def app_views(storyboard: Any, theme: Any) -> list[SlideView]:
    """Every slide as the presenter shows it once its builds and animations are done."""
    from briefing.layout.citations import speaker_notes
    from briefing.render.scene import SlideScene

    views = []
    for index, slide in enumerate(storyboard.slides):
        scene = SlideScene(storyboard, index, theme, animate=False)
        scene.set_step(scene.steps - 1)
        scene.finish()
        texts = [
            (item.role, [p.text for p in item.box.paragraphs])
            for item in scene.texts()
            if any(p.text for p in item.box.paragraphs)
        ]
        chart_item = scene.chart_item()
        chart = _app_chart(chart_item) if chart_item is not None and hasattr(chart_item, "values") else None
        views.append(SlideView(texts, chart, speaker_notes(storyboard, slide)))
        scene.clear()
        scene.deleteLater()
    return views


def _app_chart(item: Any) -> ChartView:
    spec = item.chart
    drawn = spec.series[:1] if spec.type in ("pie", "donut") else spec.series
    matrix = item.current()
    series = [(s.name, tuple(float(v) for v in matrix[k])) for k, s in enumerate(drawn)]
    legend = item.legend_entries() if item.legend.isVisible() else None
    categories = list(spec.x_values) if spec.type == "scatter" else list(spec.categories)
    return ChartView(categories, series, item.label_texts(), legend)


def labels_shown_in_deck(app: list[str], deck: list[str]) -> list[str]:
    """App labels with no equal label in the deck (an empty list when they agree)."""
    missing = Counter(app) - Counter(deck)
    return sorted(missing.elements())
