"""The bundled Shanghai briefing is a talk a presenter could give tomorrow.

These tests guard its content, not the loader: every section of the report is
covered, every figure the report states is on a slide with its source, derived
figures say so, notes are speakable, and nothing from the spam injected into
the source report (or its typos) leaks into the storyboard.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import (
    Bullets,
    Chart,
    Compare,
    Quote,
    Slide,
    Stats,
    Storyboard,
)

CJK = re.compile(
    "[\u2e80-\u2fff\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]"
)

# section of the report -> words its section title must contain (any of them)
REPORT_SECTIONS = {
    "the rise of Zhangjiang": ("zhangjiang",),
    "the academia-industry-government trinity": ("trinity", "academia"),
    "venture capital": ("venture capital",),
    "the technology exchange": ("exchange",),
    "talent": ("talent",),
    "challenges": ("challenges",),
    "the road ahead": ("road ahead",),
    "the human element": ("human element",),
    "the closing": ("closing",),
}

# figure the report states -> pattern it must match in some slide's visible text
REPORT_FIGURES = {
    "park area 25 km²": r"\b25 ?km²",
    "over 16,000 firms": r"\b16,000\b",
    "35% of China's IC production": r"\b35%",
    "40% of AI patent applications": r"\b40%",
    "4 universities in the global top 100": r"\b4\b[^\n]*universit",
    "over 300 multinational R&D centres": r"\b300\+?[^\n]*multinational|multinational[^\n]*\b300\b",
    "50 billion yuan research funding": r"¥50bn|\b50 billion yuan",
    "AI+ subsidy of 30% of cloud costs": r"\b30%[^\n]*cloud",
    "$48 billion VC in 2024": r"\$48(bn| billion)",
    "surpassing Boston": r"Boston",
    "Series A $25M in Shanghai": r"\$25M\b",
    "Series A $12M in Berlin": r"\$12M\b",
    "1,200 patent transactions": r"\b1,200\b",
    "$800 million of patent trades": r"\$800(M| million)",
    "housing subsidies up to 2 million yuan": r"\b2 million yuan|¥2M\b",
    "over 180,000 returnees": r"\b180,000\b",
    "58% chose Shanghai": r"\b58%",
    "office rents up 300% since 2020": r"\b300%[^\n]*2020",
    "$15 billion for quantum and biotech": r"\$15(bn| billion)",
    "2025 World AI Conference": r"\b2025 World (AI|Artificial Intelligence) Conference",
}


@pytest.fixture(scope="module")
def storyboard() -> Storyboard:
    from briefing.resources import default_storyboard

    return load_storyboard(default_storyboard())


@pytest.fixture(scope="module")
def content_slides(storyboard: Storyboard) -> list[Slide]:
    return [slide for section in storyboard.sections for slide in section.slides]


def visible_lines(slide: Slide) -> list[str]:
    """Everything the audience can read on a slide, one item per line."""
    body = slide.body
    lines = [slide.title]
    if isinstance(body, Bullets):
        for item in body.items:
            lines += [item.text, *item.children]
    elif isinstance(body, Stats):
        lines += [f"{stat.display()} {stat.label}" for stat in body.items]
    elif isinstance(body, Chart):
        lines += [*body.categories, body.caption, body.x_title, body.y_title]
        for series in body.series:
            lines.append(series.name)
            lines += [body.format_value(value) for value in series.values]
    elif isinstance(body, Quote):
        lines += [body.text, body.who, body.role]
    elif isinstance(body, Compare):
        for column in (body.left, body.right):
            lines += [column.title, *column.bullets]
    return lines


def sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?])\s+", text.strip()) if part]


def test_has_15_to_30_content_slides(content_slides: list[Slide]) -> None:
    assert 15 <= len(content_slides) <= 30


@pytest.mark.parametrize("report_section", list(REPORT_SECTIONS))
def test_every_report_section_is_covered(storyboard: Storyboard, report_section: str) -> None:
    titles = [section.title.lower() for section in storyboard.sections]
    words = REPORT_SECTIONS[report_section]
    assert any(word in title for title in titles for word in words), titles


def test_every_slide_has_speakable_notes(storyboard: Storyboard) -> None:
    written = [slide for slide in storyboard.slides if slide.kind != "sources"]  # generated: lists sources
    too_short = [slide.title for slide in written if len(sentences(slide.notes)) < 3]
    too_long = [slide.title for slide in written if len(sentences(slide.notes)) > 6]
    assert too_short == [] and too_long == []


def test_at_least_five_charts(content_slides: list[Slide]) -> None:
    assert sum(isinstance(slide.body, Chart) for slide in content_slides) >= 5


def test_uses_a_mix_of_body_kinds(content_slides: list[Slide]) -> None:
    kinds = {slide.kind for slide in content_slides}
    assert {"stats", "chart", "quote", "compare", "bullets"} <= kinds
    assert any(slide.steps > 1 for slide in content_slides), "one bullets slide should build"


@pytest.mark.parametrize("figure", list(REPORT_FIGURES))
def test_every_report_figure_is_on_a_slide(content_slides: list[Slide], figure: str) -> None:
    pattern = re.compile(REPORT_FIGURES[figure])
    lines = [line for slide in content_slides for line in visible_lines(slide)]
    assert any(pattern.search(line) for line in lines), figure


def test_every_stats_and_chart_slide_cites_the_report(
    storyboard: Storyboard, content_slides: list[Slide]
) -> None:
    for slide in content_slides:
        if isinstance(slide.body, (Stats, Chart)):
            assert slide.sources, slide.title
            for source in slide.sources:
                assert storyboard.source(source.ref) is not None, slide.title
                assert source.phrase, slide.title


def test_derived_chart_data_is_labelled_as_derived(content_slides: list[Slide]) -> None:
    for slide in content_slides:
        derived = any("derived" in source.note.lower() for source in slide.sources)
        if isinstance(slide.body, Chart) and derived:
            assert "derived" in slide.body.caption.lower(), slide.title


def test_pie_and_donut_shares_add_up_to_100(content_slides: list[Slide]) -> None:
    for slide in content_slides:
        body = slide.body
        if isinstance(body, Chart) and body.type in ("pie", "donut") and body.unit == "%":
            assert sum(body.series[0].values) == pytest.approx(100), slide.title


def test_at_least_one_chart_reads_a_csv_file(content_slides: list[Slide]) -> None:
    csv_charts = [s for s in content_slides if isinstance(s.body, Chart) and s.body.csv is not None]
    assert csv_charts
    for slide in csv_charts:
        assert slide.body.csv.is_file()


def test_text_fits_on_its_slide(content_slides: list[Slide]) -> None:
    for slide in content_slides:
        body = slide.body
        assert len(slide.title) <= 60, slide.title
        if isinstance(body, Bullets):
            assert len(body.items) <= 5, slide.title
            for item in body.items:
                assert all(len(text) < 90 for text in (item.text, *item.children)), slide.title
        elif isinstance(body, Stats):
            assert all(len(stat.label) <= 40 for stat in body.items), slide.title
        elif isinstance(body, Quote):
            assert len(body.text) <= 200, slide.title


def test_durations_add_up(storyboard: Storyboard) -> None:
    assert storyboard.duration is not None
    assert sum(section.duration or 0 for section in storyboard.sections) <= storyboard.duration
    for section in storyboard.sections:
        planned = sum(slide.duration or 0 for slide in section.slides)
        assert section.duration is not None and planned <= section.duration, section.title


def test_language_and_dark_theme(storyboard: Storyboard) -> None:
    assert storyboard.language == "en"
    assert storyboard.theme.base == "dark"
    assert storyboard.theme.accent and len(storyboard.theme.palette) >= 3


def _bundled_files() -> list[Path]:
    from briefing.resources import default_storyboard

    path = default_storyboard()
    return [path, *sorted((path.parent / "data").glob("*.csv"))]


@pytest.mark.parametrize("path", _bundled_files(), ids=lambda path: path.name)
def test_no_injected_spam_or_source_typos(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert CJK.findall(text) == [], "Chinese text in the source report is injected spam"
    assert "migartn" not in text.lower(), "the report's typo: write 'migrant workers'"
