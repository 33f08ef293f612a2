"""The storyboard: the model, its loader and its checks. Pure Python (no Qt, no pptx).

Public API::

    load_storyboard(path=None) -> Storyboard     raises StoryboardInvalid (every error, in file order)
    load_text(text, path=None) -> Storyboard     the same, from a string
    check(path=None) -> (Storyboard | None, [Diagnostic])   errors and warnings, never raises for content
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

#: Where each public name lives: imported on first use, so that importing ``briefing.storyboard.model``
#: (the app does, on its way to the first slide) does not import the loader, YAML and CSV readers.
_HOMES = {
    "Diagnostic": "briefing.errors",
    "StoryboardInvalid": "briefing.errors",
    **dict.fromkeys(
        ("LoadResult", "analyze", "analyze_text", "check", "load_storyboard", "load_text"),
        "briefing.storyboard.load",
    ),
}


def __getattr__(name: str) -> Any:
    import importlib

    if name in __all__:
        value = getattr(importlib.import_module(_HOMES.get(name, "briefing.storyboard.model")), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
