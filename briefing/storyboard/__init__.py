"""The storyboard: the model, its loader and its checks. Pure Python (no Qt, no pptx).

Public API::

    load_storyboard(path=None) -> Storyboard     raises StoryboardInvalid (every error, in file order)
    load_text(text, path=None) -> Storyboard     the same, from a string
    check(path=None) -> (Storyboard | None, [Diagnostic])   errors and warnings, never raises for content
"""

from __future__ import annotations

from briefing.errors import Diagnostic, StoryboardInvalid
from briefing.storyboard.load import LoadResult, analyze, analyze_text, check, load_storyboard, load_text
from briefing.storyboard.model import (
    BODY_KINDS,
    CHART_TYPES,
    Bullet,
    Bullets,
    Chart,
    Column,
    Compare,
    Image,
    Quote,
    Section,
    SectionBody,
    Series,
    Slide,
    Source,
    SourceRef,
    Stat,
    Stats,
    Storyboard,
    ThemeSpec,
    TitleBody,
    slugify,
)

__all__ = [
    "BODY_KINDS",
    "CHART_TYPES",
    "Bullet",
    "Bullets",
    "Chart",
    "Column",
    "Compare",
    "Diagnostic",
    "Image",
    "LoadResult",
    "Quote",
    "Section",
    "SectionBody",
    "Series",
    "Slide",
    "Source",
    "SourceRef",
    "Stat",
    "Stats",
    "Storyboard",
    "StoryboardInvalid",
    "ThemeSpec",
    "TitleBody",
    "analyze",
    "analyze_text",
    "check",
    "load_storyboard",
    "load_text",
    "slugify",
]
