"""``briefing check``'s accessibility findings: titles, links, contrast, located ``path:line:col``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from briefing.commands.check import check_file
from briefing.errors import Diagnostic
from briefing.layout import layout_slide
from briefing.layout.accessibility import accessibility_findings, is_bare_url
from briefing.layout.contrast import contrast_ratio
from briefing.layout.theme import resolve_theme
from briefing.storyboard.load import analyze

HEAD = """\
title: T
sources:
  report: {title: The hub report, url: "https://example.org/hub"}
  bare: {title: "https://example.com/survey", url: "https://example.com/survey"}
sections:
  - title: Part one
    slides:
"""
A11Y = {"no-title", "duplicate-title", "bare-url-link", "low-contrast", "template-text-colour"}


def findings(path: Path) -> list[tuple[int, int, str]]:
    return [(d.line, d.col, d.code) for d in check_file(path) if d.code in A11Y]


def messages(path: Path, code: str) -> list[Diagnostic]:
    return [d for d in check_file(path) if d.code == code]


def test_a_slide_without_a_title_is_located(write_storyboard) -> None:
    path = write_storyboard(HEAD + '      - {title: "", notes: n, bullets: [x]}\n')
    assert findings(path) == [(8, 9, "no-title")]
    shown = messages(path, "no-title")[0].format()
    assert shown.startswith(f"{path}:8:9: warning: bullets slide has no title")


def test_duplicate_titles_ignore_case_and_spacing_and_point_at_the_first(write_storyboard) -> None:
    body = (
        "      - {title: Growth, notes: n, bullets: [x]}\n"
        "      - {title: '  growth ', notes: n, bullets: [y]}\n"
        "      - {title: Part One, notes: n, bullets: [z]}\n"
    )
    path = write_storyboard(HEAD + body)
    assert findings(path) == [(9, 9, "duplicate-title"), (10, 9, "duplicate-title")]
    first, section = messages(path, "duplicate-title")
    assert "the same as the title on line 8" in first.message
    assert "line 6" in section.message, "a section's divider slide is a slide of the deck too"


def test_a_slide_titled_like_the_closing_sources_slide_is_a_duplicate(write_storyboard) -> None:
    body = "      - {title: Sources, notes: n, bullets: [x], sources: [{ref: report}]}\n"
    path = write_storyboard(HEAD + body)
    assert findings(path) == [(8, 9, "duplicate-title")]
    off = write_storyboard(HEAD.replace("title: T\n", "title: T\nsources_slide: false\n") + body, "off.yaml")
    assert findings(off) == []


def test_a_source_whose_link_text_would_be_its_address(write_storyboard) -> None:
    body = "      - {title: A, notes: n, bullets: [x], sources: [{ref: report}, {ref: bare}]}\n"
    path = write_storyboard(HEAD + body)
    found = messages(path, "bare-url-link")
    assert [(d.line, d.col) for d in found] == [(4, 18)], "at the source's title in the YAML"
    assert "source 'bare' links to https://example.com/survey" in found[0].message


def test_bare_url_detection() -> None:
    assert is_bare_url("https://example.com/a?b=1") and is_bare_url(" www.example.org ")
    assert not is_bare_url("The hub report (https://example.org)") and not is_bare_url("Example Press")


def test_the_bundled_themes_have_no_text_below_its_ratio(write_storyboard) -> None:
    for base in ("dark", "light"):
        body = (
            "      - {title: A, notes: n, bullets: [x], sources: [{ref: report}]}\n"
            "      - {title: B, notes: n, chart: {type: donut, categories: [a, b, c],"
            " series: [{name: s, values: [1, 2, 3]}]}}\n"
        )
        path = write_storyboard(f"theme: {{base: {base}}}\n" + HEAD + body, f"{base}.yaml")
        assert findings(path) == []


def test_text_below_its_ratio_is_reported_once_per_role_and_slide(write_storyboard) -> None:
    """A theme whose muted grey is close to the background: footers, slide numbers, axes fail."""
    path = write_storyboard(
        HEAD
        + "      - {title: A, notes: n, bullets: [x], sources: [{ref: report}]}\n"
        + "      - {title: B, notes: n, chart: {type: bar, categories: [a],"
        + " series: [{name: s, values: [1]}]}}\n"
    )
    result = analyze(path)
    storyboard = result.storyboard
    assert storyboard is not None
    theme = replace(resolve_theme(storyboard.theme), muted="#2A3442")
    layouts = [(slide, layout_slide(storyboard, i, theme)) for i, slide in enumerate(storyboard.slides)]
    found = accessibility_findings(storyboard, layouts, theme, result.slide_cols)
    low = [(d.line, d.message.split(" text of")[0]) for d in found if d.code == "low-contrast"]
    assert (8, "the footer") in low and (8, "the slide-number") in low and (9, "the chart-axis") in low
    assert len(low) == len(set(low)), "one finding per text role per slide"
    message = next(d.message for d in found if d.code == "low-contrast")
    assert "#2A3442 on #0F1722" in message and "below 4.5:1" in message


def test_a_custom_theme_with_a_dark_accent_and_palette_still_reads(write_storyboard) -> None:
    """A custom accent close to the dark background: accent text (stat numbers, quote mark) is
    blended until it reads, labels on a near-black palette turn white."""
    body = (
        "      - {title: A, notes: n, sources: [{ref: report}], stats: [{value: 25, label: km}]}\n"
        "      - {title: B, notes: n, sources: [{ref: report}], chart: {type: stacked, categories: [a, b],"
        " series: [{name: s, values: [1, 2]}, {name: t, values: [2, 1]}]}}\n"
    )
    theme = "theme: {base: dark, accent: '#1A1F2A', palette: ['#101520', '#202530']}\n"
    path = write_storyboard(theme + HEAD + body)
    assert findings(path) == []
    result = analyze(path)
    assert result.storyboard is not None
    layout = layout_slide(result.storyboard, 2, resolve_theme(result.storyboard.theme))
    value = layout.text("stat-value")[0]
    assert contrast_ratio(value.color, layout.background) >= 3.0
