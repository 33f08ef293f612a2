"""What a screen reader meets in the deck: title first, the body in visual order, alt text on
every chart and picture, ornaments marked decorative (PowerPoint's ``adec:decorative``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from briefing.export.pptx import export_deck
from briefing.export.pptx.alt_text import alt_text
from briefing.storyboard.model import Storyboard

DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"


def _decorative(shape) -> bool:
    marks = shape._element.xpath(
        f"./*[1]/p:cNvPr/a:extLst/a:ext[@uri='{DECORATIVE_URI}']/*[local-name()='decorative']"
    )
    return bool(marks) and marks[0].get("val") == "1" and marks[0].nsmap.get(marks[0].prefix) == DECORATIVE_NS


@pytest.fixture
def deck(rich_storyboard: Storyboard, tmp_path: Path):
    out = export_deck(rich_storyboard, tmp_path / "deck.pptx").path
    return rich_storyboard, Presentation(str(out))


def _readable(deck_slide) -> list[str]:
    return [s.name.rsplit(" ", 1)[0] for s in deck_slide.shapes if not _decorative(s)]


def test_stats_and_columns_are_read_card_by_card(deck) -> None:
    storyboard, prs = deck
    titles = [s.title for s in storyboard.slides]
    stats = prs.slides[titles.index("Numbers")]
    assert _readable(stats) == [
        "Title",
        "Stat Value",
        "Stat Label",
        "Stat Value",
        "Stat Label",
        "Slide Number",
    ]
    values = [s.text_frame.text for s in stats.shapes if s.name.startswith(("Stat Value", "Stat Label"))]
    assert values == ["25 km²", "Zhangjiang High-Tech Park", "$48bn", "VC deployed in 2024"]
    compare = prs.slides[titles.index("Then and now")]
    assert _readable(compare) == ["Title", "Column Title", "Body", "Column Title", "Body", "Slide Number"]


def test_decorations_come_first_and_are_marked_decorative(deck) -> None:
    _, prs = deck
    ornaments = ("Rule", "Band", "Card", "Divider", "Column Rule")
    for deck_slide in prs.slides:
        names = [s.name.rsplit(" ", 1)[0] for s in deck_slide.shapes]
        shapes = list(deck_slide.shapes)
        first_text = next(i for i, s in enumerate(shapes) if s._element.xpath("./p:txBody"))
        assert all(i < first_text for i, n in enumerate(names) if n in ornaments), "behind the text"
        for name, shape in zip(names, shapes, strict=True):
            if name in (*ornaments, "Quote Mark"):
                assert _decorative(shape), shape.name
            elif shape._element.xpath("./p:txBody"):
                assert not _decorative(shape), f"{shape.name} is content, a reader must reach it"


def test_every_chart_and_picture_has_alt_text_from_its_data(deck) -> None:
    _, prs = deck
    charts = [s for slide in prs.slides for s in slide.shapes if s.has_chart]
    assert len(charts) == 8
    for frame in charts:
        text = alt_text(frame)
        chart = frame.chart
        categories = list(chart.plots[0].categories)
        assert text.split(" ", 1)[0] in (
            "Bar",
            "Horizontal",
            "Stacked",
            "Line",
            "Area",
            "Pie",
            "Donut",
            "Scatter",
        )
        assert all(str(c) in text for c in categories), (text, categories)
    pictures = [s for slide in prs.slides for s in slide.shapes if s.shape_type == 13]
    assert [alt_text(p) for p in pictures] == ["Map of Zhangjiang High-Tech Park in Pudong"]
