"""What a stakeholder sees of a slide, as text: the common ground of a storyboard and an edited deck.

A storyboard slide and a slide read back from a deck both become a
:class:`SlideView`: the title, the body's words and figures *as shown* (a stat
is ``"16,000+"``, not ``16000``), the speaker notes as paragraphs (without the
citations the exporter appends). Two views compare field by field, so an
unedited deck gives no change however the storyboard spells its text, and an
edit is exactly what differs.

The exporter records a short fingerprint of each slide's view in the deck
(:func:`fingerprints`), so an import can later tell an edit made in the deck
from one made in the storyboard since the export (``--force``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields

from briefing.storyboard.model import (
    Bullets,
    Chart,
    Compare,
    Image,
    Quote,
    SectionBody,
    Slide,
    SourcesBody,
    Stats,
    TitleBody,
)
from briefing.storyboard.numbers import x_value_text
from briefing.storyboard.text import note_paragraphs

#: The fields a fingerprint covers, each judged on its own when merging.
PARTS = ("title", "body", "notes")


@dataclass(frozen=True)
class ChartView:
    """A chart's data as the deck holds it: category labels and (name, values) per series."""

    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]


@dataclass(frozen=True)
class SlideView:
    """One slide's editable words and figures (empty fields: the slide kind has none)."""

    kind: str
    title: str
    notes: tuple[str, ...] = ()
    subtitle: str = ""
    byline: str = ""  # the title slide's "author  ·  date"
    bullets: tuple[tuple[int, str], ...] = ()  # (level, text): 0 top, 1 sub-bullet
    stats: tuple[tuple[str, str], ...] = ()  # (value as shown, label)
    quote: str = ""
    attribution: str = ""
    columns: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (title, bullets), left then right
    chart: ChartView | None = None
    alt: str = ""
    caption: str = ""

    def body_fields(self) -> dict[str, object]:
        return {
            f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("kind", "title", "notes")
        }

    def words(self) -> str:
        """Every word on the slide in one string (content matching)."""
        parts = [self.title, self.subtitle, self.quote, self.attribution, self.alt, self.caption]
        parts += [text for _, text in self.bullets] + [f"{v} {label}" for v, label in self.stats]
        parts += [t for title, items in self.columns for t in (title, *items)]
        if self.chart is not None:
            parts += [*self.chart.categories, *(name for name, _ in self.chart.series)]
        return " ".join(p for p in parts if p)


def norm(text: str) -> str:
    """Text as a deck gives it back: a line break inside a paragraph and runs of spaces are one space."""
    return " ".join(text.split())


def notes_paragraphs(notes: str) -> tuple[str, ...]:
    """Notes as every output shows them: paragraphs, a line break inside one kept as ``\n``."""
    return tuple(note_paragraphs(notes))


BYLINE_SEPARATOR = "  ·  "


def byline_text(author: str, date: str) -> str:
    """The title slide's byline, as the layout writes it."""
    return BYLINE_SEPARATOR.join(part for part in (author, date) if part)


def attribution_text(who: str, role: str) -> str:
    return norm(f"— {who}" + (f", {role}" if role else ""))


def chart_view(chart: Chart) -> ChartView:
    drawn = chart.series[:1] if chart.type in ("pie", "donut") else chart.series
    categories = chart.categories
    if chart.type == "scatter":
        categories = tuple(x_value_text(x) for x in chart.x_values)
    series = tuple((norm(s.name), tuple(float(v) for v in s.values)) for s in drawn)
    return ChartView(tuple(norm(c) for c in categories), series)


def slide_view(slide: Slide) -> SlideView:
    """What the exporter puts on the deck slide for ``slide``."""
    body = slide.body
    base = SlideView(kind=body.kind, title=norm(slide.title), notes=notes_paragraphs(slide.notes))
    extra: dict[str, object] = {}
    if isinstance(body, TitleBody):
        extra = {"subtitle": norm(body.subtitle), "byline": norm(byline_text(body.author, body.date))}
    elif isinstance(body, Bullets):
        extra = {
            "bullets": tuple(
                p
                for item in body.items
                for p in ((0, norm(item.text)), *((1, norm(c)) for c in item.children))
            )
        }
    elif isinstance(body, Stats):
        extra = {"stats": tuple((stat.display(), norm(stat.label)) for stat in body.items)}
    elif isinstance(body, Quote):
        extra = {"quote": norm(body.text), "attribution": attribution_text(body.who, body.role)}
    elif isinstance(body, Compare):
        extra = {
            "columns": tuple((norm(c.title), tuple(map(norm, c.bullets))) for c in (body.left, body.right))
        }
    elif isinstance(body, Chart):
        extra = {"chart": chart_view(body), "caption": norm(body.caption)}
    elif isinstance(body, Image):
        extra = {"alt": norm(body.alt), "caption": norm(body.caption)}
    elif not isinstance(
        body, SectionBody | SourcesBody
    ):  # generated: nothing a stakeholder edits  # pragma: no cover - every body kind is listed above
        raise TypeError(f"no view for {body.kind}")
    return SlideView(**{**base.__dict__, **extra})  # type: ignore[arg-type]


def _digest(value: object) -> str:
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()[:8]


def fingerprints(view: SlideView) -> tuple[str, str, str]:
    """Short hashes of the title, the body and the notes (see :data:`PARTS`)."""
    return _digest(view.title), _digest(sorted(view.body_fields().items())), _digest(view.notes)
