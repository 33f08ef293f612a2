"""The Chinese, Japanese and Arabic example storyboards (slides/languages/) and what they show."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from briefing.layout import TextBox, layout_slide
from briefing.layout.theme import resolve_theme
from briefing.resources import slides_dir
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Chart, Storyboard

LANGUAGES = ("zh-CN", "ja", "ar")


def deck_path(language: str) -> Path:
    return slides_dir() / "languages" / f"{language}.yaml"


def load(language: str) -> Storyboard:
    return load_storyboard(deck_path(language))


def text_boxes(storyboard: Storyboard) -> Iterator[TextBox]:
    """Every text box of every slide, the closing Sources slide included."""
    theme = resolve_theme(storyboard.theme)
    for index in range(len(storyboard.slides)):
        yield from layout_slide(storyboard, index, theme).texts


def chart_words(storyboard: Storyboard) -> Iterator[str]:
    """The text a chart draws: categories, series names, axis titles, number prefixes and units."""
    for slide in storyboard.slides:
        if isinstance(slide.body, Chart):
            chart = slide.body
            yield from chart.categories
            yield from (series.name for series in chart.series)
            yield from (chart.x_title, chart.y_title, chart.prefix, chart.unit)


def sources_index(storyboard: Storyboard) -> int:
    """The closing Sources slide's index (the last slide)."""
    assert storyboard.slides[-1].id == "sources"
    return len(storyboard.slides) - 1
