"""``briefing check``'s accessibility findings: where PowerPoint's Accessibility Checker and
WCAG 2.1 AA would complain about the deck (and the talk) this storyboard makes.

- ``no-title``: a slide whose title is empty (screen readers navigate by titles);
- ``duplicate-title``: two slides of the exported deck, its closing Sources slide included,
  with the same title (compared ignoring case and spacing);
- ``bare-url-link``: a hyperlink whose text is a web address (a Sources-slide entry or footer
  whose source's title is its address);
- ``low-contrast``: text below 4.5:1 (3:1 for large text) on what it lands on: the theme's
  background, a card, a chart fill or, with ``--template``, the template's fill and artwork;
- ``template-text-colour``: on a template, text whose inherited colour would not read and
  which the deck therefore draws in another colour (see :mod:`briefing.layout.legibility`).

An image without alt text is already a loader error. All are warnings (``--strict`` fails).
Pure Python: the layouts come from ``briefing.layout``, a template as a :class:`Backdrop`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from briefing.errors import Diagnostic, quoted_title
from briefing.layout.boxes import SlideLayout
from briefing.layout.citations import cited_sources
from briefing.layout.legibility import Backdrop, Surface, TextColor, slide_colors
from briefing.layout.theme import Theme
from briefing.storyboard.model import Chart, Slide, SourcesBody, Storyboard
from briefing.storyboard.text import is_blank, line_and_column

_URL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)\S*\s*$", re.IGNORECASE)


def is_bare_url(text: str) -> bool:
    """Link text that is an address rather than words (``https://...``, ``www....``)."""
    return bool(_URL.match(text))


def _title_key(title: str) -> str:
    return " ".join(title.split()).casefold()


class _Locator:
    def __init__(self, storyboard: Storyboard, columns: Mapping[int, int], source: str) -> None:
        self.path, self.columns, self.source = storyboard.path, columns, source

    def slide(self, slide: Slide, message: str, hint: str, code: str) -> Diagnostic:
        col = self.columns.get(slide.line, 1)
        line = slide.line or 1  # generated slides (the Sources slide) have no line of their own
        return Diagnostic(self.path, line, col, message, hint, (), "warning", code)

    def text(self, needle: str, fallback: int, message: str, hint: str, code: str) -> Diagnostic:
        """At ``needle``'s first place in the storyboard's text (a source's title), else ``fallback``."""
        index = self.source.find(needle) if needle and self.source else -1
        line, col = fallback, 1
        if index >= 0:
            line, col = line_and_column(self.source, index)
        return Diagnostic(self.path, line, col, message, hint, (), "warning", code)


def title_findings(storyboard: Storyboard, columns: Mapping[int, int]) -> list[Diagnostic]:
    """Slides without a title; titles the deck holds twice (the generated Sources slide counts)."""
    where = _Locator(storyboard, columns, "")
    found: list[Diagnostic] = []
    first: dict[str, Slide] = {}
    for slide in storyboard.slides:
        if isinstance(slide.body, SourcesBody):
            continue  # generated after every other slide: compared below, found at the clashing slide
        key = _title_key(slide.title)
        if is_blank(slide.title):  # "", spaces, or only a zero-width space: nothing to read out
            hint = "give every slide a title: screen readers list and navigate slides by them"
            found.append(where.slide(slide, f"{slide.kind} slide has no title", hint, "no-title"))
        elif key in first:
            found.append(_duplicate(where, slide, slide.title, first[key].line))
        else:
            first[key] = slide
    closing = next((s for s in storyboard.slides if isinstance(s.body, SourcesBody)), None)
    if closing is not None and _title_key(closing.title) in first:
        clash = first[_title_key(closing.title)]
        found.append(
            where.slide(
                clash,
                f"slide title '{clash.title}' is also the title of the deck's closing Sources slide",
                "reword the title, or set 'sources_slide: false'",
                "duplicate-title",
            )
        )
    return found


def _duplicate(where: _Locator, slide: Slide, title: str, first_line: int) -> Diagnostic:
    hint = "give each slide its own title: a screen reader's list of slides cannot tell them apart"
    message = f"slide title '{quoted_title(title)}' is the same as the title on line {first_line}"
    if slide.line == first_line:  # `- *slide` or `- *section` shows the same lines again; or a flow list
        message = (
            f"slide title '{quoted_title(title)}' is on line {first_line} twice "
            "(two slides on one line, or an alias such as *name repeating one)"
        )
        hint += "; give an alias's copy its own title with a merge key: {<<: *name, title: ...}"
    return where.slide(slide, message, hint, "duplicate-title")


def link_findings(storyboard: Storyboard, source_text: str) -> list[Diagnostic]:
    """Hyperlinks whose text would be a bare address: a cited source whose title is its url."""
    where = _Locator(storyboard, {}, source_text)
    return [
        where.text(
            source.title,
            1,
            f"source '{source.id}' links to {source.url} with the address as its text",
            "give the source a 'title' that says what it is: the link's text is the title",
            "bare-url-link",
        )
        for source in cited_sources(storyboard)
        if source.url and is_bare_url(source.title)
    ]


def contrast_findings(
    storyboard: Storyboard,
    layouts: Sequence[tuple[Slide, SlideLayout]],
    theme: Theme,
    columns: Mapping[int, int],
    backdrop: Backdrop | None = None,
) -> list[Diagnostic]:
    """Text below its ratio; on a template, also where the deck had to change a text's colour."""
    where = _Locator(storyboard, columns, "")
    found: list[Diagnostic] = []
    changed: set[tuple[str, str, str]] = set()
    for slide, layout in layouts:
        surface = backdrop.surface(slide.kind) if backdrop else None
        fills = label_fills(slide, theme, surface)
        low: set[str] = set()
        for color in slide_colors(layout, theme, surface, chart_label_fills=fills):
            if color.ratio < color.need and color.role not in low:
                low.add(color.role)
                message = _low_message(slide, color, backdrop)
                found.append(where.slide(slide, message, _LOW_HINT, "low-contrast"))
            elif color.changed and surface is not None:
                key = (surface.layout, color.inherited, color.chosen)
                if key not in changed:
                    changed.add(key)
                    message = recolour_message(backdrop, surface, color)
                    found.append(where.slide(slide, message, "", "template-text-colour"))
    return found


_LOW_HINT = "WCAG 2.1 AA asks 4.5:1 for text, 3:1 for large text (18 pt, or 14 pt bold): change the colours"


def _low_message(slide: Slide, color: TextColor, backdrop: Backdrop | None) -> str:
    on = f" of template {backdrop.template}" if backdrop else ""
    under = ", ".join(color.backgrounds[:3])
    return (
        f"the {color.role} text of slide '{quoted_title(slide.title)}' ({color.chosen} on {under}{on}) "
        f"has a contrast of {color.ratio:.2f}:1, below {color.need:g}:1"
    )


def recolour_message(backdrop: Backdrop | None, surface: Surface, color: TextColor) -> str:
    """What the deck does where a template's text colour would not read (check and export say the same)."""
    name = f" {backdrop.template}" if backdrop else ""
    instead = f"{color.scheme} {color.chosen}" if color.scheme else color.chosen
    return (
        f"template{name}: its text colour {color.inherited} has a contrast of {color.inherited_ratio:.1f}:1 "
        f"on the background of its '{surface.layout}' layout; our text there is drawn in "
        f"{instead} instead ({color.ratio:.1f}:1)"
    )


def is_recolour_notice(message: str) -> bool:
    """Whether ``message`` is :func:`recolour_message`'s (export's warning, repeated by check)."""
    return message.startswith("template ") and ": its text colour #" in message and " instead (" in message


def label_fills(slide: Slide, theme: Theme, surface: Surface | None) -> Iterable[str]:
    """The fills value labels sit on: pie and donut slices, stacked bar segments."""
    chart = slide.body
    if not isinstance(chart, Chart) or not chart.labels:
        return ()
    if chart.type in ("pie", "donut"):
        return [_fill(theme, surface, i, None) for i in range(len(chart.categories))]
    if chart.type == "stacked":
        return [_fill(theme, surface, i, s.color) for i, s in enumerate(chart.series)]
    return ()


def _fill(theme: Theme, surface: Surface | None, index: int, override: str | None) -> str:
    if override or surface is None or not surface.accents:
        return theme.series_color(index, override)
    return surface.accents[index % len(surface.accents)]


def accessibility_findings(
    storyboard: Storyboard,
    layouts: Sequence[tuple[Slide, SlideLayout]],
    theme: Theme,
    columns: Mapping[int, int],
    *,
    source_text: str = "",
    backdrop: Backdrop | None = None,
) -> list[Diagnostic]:
    """Every accessibility finding for one storyboard (``layouts``: each slide's, Sources slide too)."""
    return [
        *title_findings(storyboard, columns),
        *link_findings(storyboard, source_text),
        *contrast_findings(storyboard, layouts, theme, columns, backdrop),
    ]


__all__ = ["accessibility_findings", "is_bare_url", "is_recolour_notice", "label_fills", "recolour_message"]
