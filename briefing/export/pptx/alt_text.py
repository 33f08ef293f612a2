"""Accessibility: alt text on charts and pictures.

python-pptx has no alt-text API (python-pptx issue #508), so we set the
``descr`` attribute of the shape's ``cNvPr`` ourselves. A chart's alt text is
generated from its data so a screen-reader user hears the figures.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from briefing.export.pptx import xml
from briefing.i18n import strings_for
from briefing.storyboard.model import Chart


def chart_alt_text(chart: Chart, title: str = "", language: str = "en") -> str:
    """E.g. "Bar chart: Average Series A round — Shanghai $25M, Berlin $12M" (the chart type
    named in the talk's ``language``: "柱形图", "مخطط أعمدة" ...)."""
    kind = strings_for(language).chart_kind(chart.type)
    head = f"{kind} ({title})" if title else kind
    series = chart.series[:1] if chart.type in ("pie", "donut") else chart.series
    parts = [_series_text(chart, s.name, s.values) for s in series]
    text = f"{head}: " + "; ".join(parts)
    if chart.caption:
        text += f". {chart.caption}"
    return text


def _series_text(chart: Chart, name: str, values: tuple[float, ...]) -> str:
    points = ", ".join(
        f"{category} {chart.format_value(value)}"
        for category, value in zip(chart.categories, values, strict=False)
    )
    if chart.type == "scatter":
        points = ", ".join(
            f"({category}, {chart.format_value(value)})"
            for category, value in zip(chart.categories, values, strict=False)
        )
    return f"{name} — {points}" if name else points


def _c_nv_pr(shape: Any) -> etree._Element:
    found = shape.element.xpath("./*[1]/p:cNvPr")
    if not found:
        raise ValueError(f"shape {shape.name!r} has no cNvPr")
    return found[0]


def set_alt_text(shape: Any, text: str) -> None:
    """Alternative text as PowerPoint's "Alt Text" pane shows it."""
    _c_nv_pr(shape).set("descr", " ".join(xml.lines(text)))


def alt_text(shape: Any) -> str:
    return _c_nv_pr(shape).get("descr", "")
