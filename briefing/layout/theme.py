"""Palettes and fonts, resolved once from the storyboard's :class:`ThemeSpec`.

Both renderers (Qt scene and PPTX writer) read colours from a :class:`Theme`
and never invent their own, so the deck looks like the talk.

Fonts: the app draws Latin text in the bundled Liberation Sans (see
``briefing.resources.font_file``); the deck names ``deck_font`` (Arial by
default), which has the same metrics, so text measured once fits in both.
Other scripts take their Noto font in both (``briefing.i18n.fonts``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from briefing.layout.contrast import contrast_ratio, hex_to_rgb, label_on, relative_luminance
from briefing.storyboard.model import ThemeSpec

__all__ = ["Theme", "contrast_ratio", "hex_to_rgb", "relative_luminance", "resolve_theme"]

# Colour-blind-friendly defaults (Okabe–Ito inspired, tuned for each background).
_DARK_PALETTE = ("#4EA8DE", "#F2A541", "#7BD389", "#E86A92", "#B39DDB", "#F6E27F", "#5FC9C3")
_LIGHT_PALETTE = ("#1F6FB2", "#D9822B", "#2E8B57", "#C2185B", "#6A4C93", "#8C6D1F", "#00838F")


@dataclass(frozen=True)
class Theme:
    name: str  # "dark" | "light"
    background: str  # slide background
    surface: str  # panels, cards, quote marks
    text: str  # body text
    heading: str  # titles
    muted: str  # footers, labels, axis text
    grid: str  # chart grid lines and axes
    accent: str  # rules, highlights, stat numbers
    palette: tuple[str, ...]  # chart series colours, in order
    deck_font: str = "Arial"  # font name written into the PPTX
    deck_heading_font: str = "Arial"

    def series_color(self, index: int, override: str | None = None) -> str:
        """Colour of the ``index``-th series (or slice): its own colour or the palette's."""
        if override:
            return override
        return self.palette[index % len(self.palette)]

    def on_color(self, fill: str) -> str:
        """Readable text colour on top of ``fill``: near black or white, whichever contrasts more."""
        return label_on(fill)


_BASES: dict[str, Theme] = {
    "dark": Theme(
        name="dark",
        background="#0F1722",
        surface="#1B2636",
        text="#E6EDF5",
        heading="#FFFFFF",
        muted="#8FA1B8",
        grid="#34465E",
        accent="#F2A541",
        palette=_DARK_PALETTE,
    ),
    "light": Theme(
        name="light",
        background="#FFFFFF",
        surface="#F1F4F8",
        text="#1E2733",
        heading="#0B1320",
        muted="#5B6B7F",
        grid="#C9D2DD",
        accent="#C2410C",
        palette=_LIGHT_PALETTE,
    ),
}


def resolve_theme(spec: ThemeSpec | None = None) -> Theme:
    """The storyboard's theme request merged over the built-in base."""
    spec = spec or ThemeSpec()
    base = _BASES[spec.base]
    return replace(
        base,
        accent=spec.accent.upper() if spec.accent else base.accent,
        palette=tuple(c.upper() for c in spec.palette) if spec.palette else base.palette,
        deck_font=spec.body_font or "Arial",
        deck_heading_font=spec.heading_font or spec.body_font or "Arial",
    )
