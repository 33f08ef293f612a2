"""The bundled briefing passes the accessibility check in the dark and the light theme
(the dark template case is in tests/export/test_pptx_template_contrast.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefing.commands.check import check_file, layout_warnings
from briefing.resources import default_storyboard
from briefing.storyboard.load import analyze

A11Y = {"no-title", "duplicate-title", "bare-url-link", "low-contrast"}


@pytest.mark.parametrize("base", ["dark", "light"])
def test_bundled_briefing_has_titles_all_different_and_readable(base: str) -> None:
    result = analyze(default_storyboard())
    assert result.storyboard is not None
    storyboard = result.storyboard
    assert storyboard.theme is not None and storyboard.theme.base == "dark"
    themed = replace(storyboard, theme=replace(storyboard.theme, base=base))
    found = layout_warnings(themed, result.slide_cols, result.source)
    assert [d.format() for d in found if d.code in A11Y] == []


def test_bundled_briefing_checks_clean_with_the_accessibility_findings() -> None:
    assert [d.format() for d in check_file(default_storyboard())] == []
