"""Which colour each piece of slide text is drawn in, on what, and whether it reads.

The answer depends on where the slide is shown. With our own theme the text has
the layout's colour on the theme's background (or on a card). On a company
template the deck leaves colours to the template, so our text boxes inherit its
text colour (``tx1``) and sit on its background fill and artwork, which the
exporter describes as a :class:`Surface` per slide role. Where the inherited
colour does not reach its WCAG ratio there (:mod:`briefing.layout.contrast`), the
text takes a readable colour instead, preferably one of the template's own.

``briefing check`` reports what does not read; the deck writer draws what is chosen
here, so both always agree. Pure Python: no Qt, no python-pptx.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from briefing.layout.boxes import CANVAS_H, CANVAS_W, Rect, SlideLayout, TextBox
from briefing.layout.contrast import readable, required_ratio, worst_ratio
from briefing.layout.textfit import ASCENT, DESCENT, text_width
from briefing.layout.theme import Theme

#: Sizes of chart text as both renderers draw it, in points: (role, size, bold).
CHART_TEXT = (("chart-axis", 13.0, False), ("chart-legend", 13.0, False), ("chart-label", 14.0, True))


@dataclass(frozen=True)
class Artwork:
    """What a template shows behind the slide, as a coarse grid of colours over the canvas."""

    columns: int
    rows: int
    pixels: tuple[str, ...]  # row-major, "#RRGGBB"

    def under(self, rect: Rect) -> tuple[str, ...]:
        """The colours of every cell ``rect`` touches (the whole grid's edge cells when outside it)."""
        cell_w, cell_h = CANVAS_W / self.columns, CANVAS_H / self.rows
        left = _clamp(int(rect.x // cell_w), self.columns)
        right = _clamp(int(max(rect.x, rect.right - 1) // cell_w), self.columns)
        top = _clamp(int(rect.y // cell_h), self.rows)
        bottom = _clamp(int(max(rect.y, rect.bottom - 1) // cell_h), self.rows)
        return tuple(
            {
                self.pixels[r * self.columns + c]: None
                for r in range(top, bottom + 1)
                for c in range(left, right + 1)
            }
        )


def _clamp(value: int, count: int) -> int:
    return max(0, min(count - 1, value))


@dataclass(frozen=True)
class Surface:
    """One template layout as our text meets it: its background and the colours it gives text."""

    layout: str  # the layout's name, for messages
    fill: str  # the background colour (the mean of a gradient or picture)
    text: str  # what a text box of ours inherits (tx1 as the layout maps it)
    title: str  # what the title placeholder draws
    accent: str  # accent1: our accent text and bullets on a template
    card: str  # bg2: the fill of our cards on a template
    artwork: Artwork | None = None  # the background picture and the master's or layout's shapes
    choices: tuple[tuple[str, str], ...] = ()  # (scheme name, colour) a readable text may take
    accents: tuple[str, ...] = ()  # accent1..accent6: chart series on a template

    def backgrounds(self, rect: Rect) -> tuple[str, ...]:
        return self.artwork.under(rect) if self.artwork is not None else (self.fill,)


@dataclass(frozen=True)
class Backdrop:
    """A template's surfaces by slide role ("title", "section", "content")."""

    template: str
    surfaces: dict[str, Surface] = field(default_factory=dict)

    def surface(self, kind: str) -> Surface | None:
        role = kind if kind in ("title", "section") else "content"
        return self.surfaces.get(role)


@dataclass(frozen=True)
class TextColor:
    """One text's colours: what it would get, what it lands on, what it is drawn in."""

    role: str
    rect: Rect
    inherited: str
    backgrounds: tuple[str, ...]
    need: float  # the ratio WCAG asks for its size and weight
    chosen: str
    scheme: str = ""  # the template colour ``chosen`` is ("lt1"...), "" for a colour of our own

    @property
    def ratio(self) -> float:
        return worst_ratio(self.chosen, self.backgrounds)

    @property
    def inherited_ratio(self) -> float:
        return worst_ratio(self.inherited, self.backgrounds)

    @property
    def changed(self) -> bool:
        return self.chosen != self.inherited


def surface_color(color: str, theme: Theme, surface: Surface | None) -> str:
    """A fill of ours as it is shown: on a template, accent -> accent1 and others -> bg2 (see DeckStyle)."""
    if surface is None:
        return color
    return surface.accent if color == theme.accent else surface.card


def backgrounds_under(
    rect: Rect,
    layout: SlideLayout,
    theme: Theme,
    surface: Surface | None,
    ink: Sequence[Rect] = (),
) -> tuple[str, ...]:
    """What ``rect``'s text lands on: the topmost card holding its centre, else the slide itself
    (on template artwork: under ``ink``, the rectangles its lines of text take, when given)."""
    cx, cy = rect.x + rect.w / 2, rect.y + rect.h / 2
    for shape in reversed(layout.shapes):
        r = shape.rect
        if r.w >= 64 and r.h >= 64 and r.x <= cx <= r.right and r.y <= cy <= r.bottom:
            return (surface_color(shape.fill, theme, surface),)
    if surface is None:
        return (layout.background,)
    if ink and surface.artwork is not None:
        return tuple(dict.fromkeys(c for line in ink for c in surface.backgrounds(line)))
    return surface.backgrounds(rect)


def ink_rects(box: TextBox) -> tuple[Rect, ...]:
    """Where a box's text is drawn: one rectangle per wrapped line, as wide as the line's text."""
    return tuple(
        Rect(line.x, line.baseline - ASCENT * line.size, max(1.0, width), (ASCENT + DESCENT) * line.size)
        for line in box.lines()
        if line.text.strip()
        for width in (text_width(line.text, line.size, box.bold, box.italic),)
    )


def inherited_color(role: str, color: str, theme: Theme, surface: Surface | None) -> str:
    """The colour text of ``role`` gets before any correction."""
    if surface is None:
        return color
    if color == theme.accent:
        return surface.accent
    return surface.title if role == "title" else surface.text


def text_color(
    role: str,
    color: str,
    rect: Rect,
    size_pt: float,
    bold: bool,
    layout: SlideLayout,
    theme: Theme,
    surface: Surface | None,
    ink: Sequence[Rect] = (),
) -> TextColor:
    """Colours of one text. Without a template the layout's colour is kept (``check`` reports it);
    on a template an unreadable inherited colour is replaced by a readable one."""
    backgrounds = backgrounds_under(rect, layout, theme, surface, ink)
    need = required_ratio(size_pt, bold)
    inherited = inherited_color(role, color, theme, surface)
    if surface is None or worst_ratio(inherited, backgrounds) >= need:
        return TextColor(role, rect, inherited, backgrounds, need, inherited)
    names = dict((c, n) for n, c in reversed(surface.choices))
    chosen = readable(inherited, backgrounds, need, [c for _, c in surface.choices])
    return TextColor(role, rect, inherited, backgrounds, need, chosen, names.get(chosen, ""))


def box_color(box: TextBox, layout: SlideLayout, theme: Theme, surface: Surface | None) -> TextColor:
    """:func:`text_color` of a text box, judged at its smallest paragraph's size."""
    size_pt = min((box.paragraph_size(p) for p in box.paragraphs), default=box.size) / 2
    ink = ink_rects(box) if surface is not None and surface.artwork is not None else ()
    return text_color(box.role, box.color, box.rect, size_pt, box.bold, layout, theme, surface, ink)


def slide_colors(
    layout: SlideLayout, theme: Theme, surface: Surface | None, *, chart_label_fills: Iterable[str] = ()
) -> list[TextColor]:
    """Every text of a slide: its boxes, and on a chart slide the chart's axis, legend and labels."""
    found = [box_color(box, layout, theme, surface) for box in layout.texts if box.text.strip()]
    if layout.chart is not None:
        colors = {"chart-axis": theme.muted, "chart-legend": theme.text, "chart-label": theme.text}
        found.extend(
            text_color(role, colors[role], layout.chart, size, bold, layout, theme, surface)
            for role, size, bold in CHART_TEXT
        )
        found.extend(fill_labels(chart_label_fills, layout.chart, theme))
    return found


def fill_labels(fills: Iterable[str], rect: Rect, theme: Theme) -> list[TextColor]:
    """Value labels drawn on slices and stacked bars: the label colour each fill gets."""
    return [
        TextColor("chart-label", rect, theme.on_color(fill), (fill,), 3.0, theme.on_color(fill))
        for fill in dict.fromkeys(fills)
    ]
