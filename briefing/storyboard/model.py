"""The storyboard model: what a briefing *is*, independent of how it is shown.

Everything here is plain, frozen data. The presenter app, the PNG renderer and
the PowerPoint exporter all read these objects and nothing else; none of them
ever looks at YAML. Keep this module free of Qt and python-pptx imports.

A :class:`Storyboard` holds :class:`Section` objects, each holding content
:class:`Slide` objects. :attr:`Storyboard.slides` is the *deck*: the title
slide, then for each section its divider slide followed by its slides. Views
index slides in that deck order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal

if TYPE_CHECKING:
    from briefing.storyboard.images import Picture

from briefing.i18n import strings_for
from briefing.storyboard.numbers import (
    auto_decimals,
    excel_number_format,
    format_number,
    nice_step,
    tick_decimals,
    tick_unit,
)

ChartType = Literal["bar", "hbar", "stacked", "line", "area", "pie", "donut", "scatter"]
CHART_TYPES: tuple[ChartType, ...] = ("bar", "hbar", "stacked", "line", "area", "pie", "donut", "scatter")
BODY_KINDS: tuple[str, ...] = ("bullets", "chart", "stats", "quote", "compare", "image")
SlideKind = Literal["title", "section", "bullets", "chart", "stats", "quote", "compare", "image", "sources"]
# The closing Sources slide's title and notes in English (generated, like the title slide);
# a storyboard's own are in its language (briefing/i18n/strings.py)
SOURCES_TITLE = strings_for("en").sources_title
SOURCES_NOTES = strings_for("en").sources_notes


# --------------------------------------------------------------------------- sources
@dataclass(frozen=True)
class Source:
    """A document the briefing draws on, declared once at the top level."""

    id: str
    title: str
    publisher: str = ""
    url: str = ""
    date: str = ""
    file: str = ""  # the source document, relative to the storyboard (``check`` proves phrases against it)


@dataclass(frozen=True)
class SourceRef:
    """A slide's citation: which source backs its figures, and the words in it.

    ``note`` says how a derived figure was derived (e.g. "index: 2020 = 100,
    +300% gives 400"), so no number on a slide is unexplained.
    """

    ref: str
    phrase: str = ""
    note: str = ""


# --------------------------------------------------------------------------- bodies
@dataclass(frozen=True)
class Bullet:
    """A top-level bullet and its (at most one level of) sub-bullets."""

    text: str
    children: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bullets:
    kind: ClassVar[str] = "bullets"
    items: tuple[Bullet, ...]
    build: bool = False  # reveal one top-level bullet per step


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    color: str | None = None  # "#RRGGBB"; None: next colour of the theme palette


@dataclass(frozen=True)
class Chart:
    """A chart as data. Renderers turn it into pyqtgraph items or a native chart.

    For ``scatter`` the categories are the x values (numbers, as strings
    parse). For ``pie``/``donut`` only the first series is drawn.
    """

    kind: ClassVar[str] = "chart"
    type: ChartType
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = ""  # written after each number: "%", "bn", " km²"
    prefix: str = ""  # written before each number: "$"
    decimals: int | None = None
    x_title: str = ""
    y_title: str = ""
    labels: bool = True  # value labels on bars / points / slices
    legend: bool | None = None  # None: shown when there is more than one series, or pie/donut
    caption: str = ""  # one line under the chart (e.g. how a figure was derived)
    csv: Path | None = None  # data file the categories/series came from, if any
    decimal: str = "."  # the CSV file's decimal mark: "." or "," (see numbers.parse_csv_number)

    def format_value(self, value: float) -> str:
        """``value`` as the chart's labels show it, in the app, the PDF and the deck."""
        return format_number(value, prefix=self.prefix, unit=self.unit, decimals=self.value_decimals)

    @cached_property
    def value_decimals(self) -> int:
        """The decimals of every value label: ``decimals``, else one rule for the whole chart."""
        if self.decimals is not None:
            return self.decimals
        return auto_decimals(v for s in self.series for v in s.values)

    @property
    def number_format(self) -> str:
        """Excel number format for the same display (used by the PPTX writer)."""
        return excel_number_format(prefix=self.prefix, unit=self.unit, decimals=self.value_decimals)

    @property
    def axis_number_format(self) -> str:
        """Excel number format for the value axis: the app's tick format (``ValueAxis``) for this data."""
        low, high = self.value_range
        decimals = tick_decimals(nice_step(high - low))
        return excel_number_format(prefix=self.prefix, unit=tick_unit(self.unit), decimals=decimals)

    @property
    def value_range(self) -> tuple[float, float]:
        """Lowest and highest value the value axis shows, zero included (stacks: their totals)."""
        if self.type == "stacked":
            columns = list(zip(*(s.values for s in self.series), strict=False))
            values = [sum(v for v in c if v > 0) for c in columns] + [
                sum(v for v in c if v < 0) for c in columns
            ]
        else:
            values = [v for s in self.series for v in s.values]
        return min([0.0, *values]), max([0.0, *values])

    @property
    def stack_totals(self) -> tuple[float, ...]:
        """Each stack's net total (gains minus losses): what its total label says, in every output."""
        return tuple(
            sum(s.values[i] for s in self.series if i < len(s.values)) for i in range(len(self.categories))
        )

    @property
    def show_stack_totals(self) -> bool:
        """Stacked charts with value labels and more than one series label each stack's total."""
        return self.type == "stacked" and self.labels and len(self.series) > 1

    @property
    def show_legend(self) -> bool:
        if self.legend is not None:
            return self.legend
        return len(self.series) > 1 or self.type in ("pie", "donut")

    @property
    def x_values(self) -> tuple[float, ...]:
        """Categories as numbers (scatter charts)."""
        return tuple(float(c) for c in self.categories)


@dataclass(frozen=True)
class Stat:
    """One big number: ``prefix`` + value + ``unit``, with a label under it."""

    value: float
    label: str
    unit: str = ""
    prefix: str = ""
    decimals: int | None = None

    def display(self, value: float | None = None) -> str:
        """The number as shown; pass ``value`` for count-up animation frames."""
        shown = self.value if value is None else value
        decimals = auto_decimals((self.value,)) if self.decimals is None else self.decimals
        return format_number(shown, prefix=self.prefix, unit=self.unit, decimals=decimals)


@dataclass(frozen=True)
class Stats:
    kind: ClassVar[str] = "stats"
    items: tuple[Stat, ...]


@dataclass(frozen=True)
class Quote:
    kind: ClassVar[str] = "quote"
    text: str
    who: str
    role: str = ""


@dataclass(frozen=True)
class Column:
    title: str
    bullets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Compare:
    kind: ClassVar[str] = "compare"
    left: Column
    right: Column


@dataclass(frozen=True)
class Image:
    kind: ClassVar[str] = "image"
    path: Path  # absolute, resolved by the loader (inside the storyboard's folder)
    alt: str
    caption: str = ""
    # decoded and judged by the loader (storyboard/images.py): upright size, bytes every output shows
    picture: Picture | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class TitleBody:
    """Body of the generated title slide."""

    kind: ClassVar[str] = "title"
    subtitle: str = ""
    author: str = ""
    date: str = ""


@dataclass(frozen=True)
class SectionBody:
    """Body of a generated section divider."""

    kind: ClassVar[str] = "section"
    number: int  # 1-based
    total: int
    slide_titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourcesBody:
    """Body of the generated closing slide: every source the slides cite, once, in citation order."""

    kind: ClassVar[str] = "sources"
    sources: tuple[Source, ...] = ()


Body = Bullets | Chart | Stats | Quote | Compare | Image | TitleBody | SectionBody | SourcesBody


# --------------------------------------------------------------------------- slides
@dataclass(frozen=True)
class Slide:
    """One slide of the deck.

    ``id`` is a stable identity (the ``id`` key, or derived from the title) so
    a reload can follow the slide the presenter is on even when slides were
    inserted before it. ``line`` is the 1-based line where the slide starts in
    the storyboard (0 for generated slides with no line of their own).
    """

    title: str
    body: Body
    notes: str = ""
    duration: float | None = None  # planned seconds
    sources: tuple[SourceRef, ...] = ()
    section: int = -1  # index into Storyboard.sections; -1 for the title slide
    line: int = 0
    id: str = ""

    @property
    def kind(self) -> str:
        return self.body.kind

    @property
    def steps(self) -> int:
        """Number of build steps (1 when the slide shows everything at once)."""
        body = self.body
        if isinstance(body, Bullets) and body.build and body.items:
            return len(body.items)
        return 1


@dataclass(frozen=True)
class Section:
    title: str
    slides: tuple[Slide, ...]
    notes: str = ""
    duration: float | None = None
    line: int = 0
    id: str = ""


# --------------------------------------------------------------------------- theme
@dataclass(frozen=True)
class ThemeSpec:
    """The storyboard's theme request; ``briefing.layout.theme`` resolves it to colours."""

    base: Literal["dark", "light"] = "dark"
    accent: str | None = None
    palette: tuple[str, ...] = ()
    heading_font: str | None = None
    body_font: str | None = None


# --------------------------------------------------------------------------- storyboard
@dataclass(frozen=True)
class Storyboard:
    title: str
    sections: tuple[Section, ...]
    subtitle: str = ""
    author: str = ""
    date: str = ""
    language: str = "en"
    duration: float | None = None  # planned talk length, seconds
    notes: str = ""
    theme: ThemeSpec = field(default_factory=ThemeSpec)
    sources: tuple[Source, ...] = ()
    sources_slide: bool = True  # the deck ends with a slide listing every cited source
    path: Path | None = None  # the YAML file, absolute; None when built in code
    files: tuple[Path, ...] = ()  # every file the storyboard uses (CSV, images)

    @cached_property
    def slides(self) -> tuple[Slide, ...]:
        """The deck: title slide, then each section's divider and slides, then the Sources slide.

        Every output shows these same slides: the app, the overview, ``render``, the PDF
        handout and the exported deck. The Sources slide lists every cited source; it is
        left out when nothing is cited or ``sources_slide: false``, and belongs to the last
        section (as slides after the last divider do).
        """
        deck: list[Slide] = [
            Slide(
                title=self.title,
                body=TitleBody(subtitle=self.subtitle, author=self.author, date=self.date),
                notes=self.notes,
                line=1,
                id="title",
            )
        ]
        total = len(self.sections)
        for number, section in enumerate(self.sections, start=1):
            deck.append(
                Slide(
                    title=section.title,
                    body=SectionBody(
                        number=number,
                        total=total,
                        slide_titles=tuple(s.title for s in section.slides),
                    ),
                    notes=section.notes,
                    section=number - 1,
                    line=section.line,
                    id=f"section:{section.id or slugify(section.title)}",
                )
            )
            deck.extend(section.slides)
        cited = self.cited_sources
        if self.sources_slide and cited:
            body = SourcesBody(sources=cited)
            strings = strings_for(self.language)
            deck.append(
                Slide(
                    title=strings.sources_title,
                    body=body,
                    notes=strings.sources_notes,
                    section=total - 1,
                    id="sources",
                )
            )
        return tuple(deck)

    @cached_property
    def cited_sources(self) -> tuple[Source, ...]:
        """Every source a slide cites, once, in order of first citation (unknown ids by name)."""
        seen: dict[str, Source] = {}
        for section in self.sections:
            for slide in section.slides:
                for ref in slide.sources:
                    if ref.ref not in seen:
                        seen[ref.ref] = self.source(ref.ref) or Source(id=ref.ref, title=ref.ref)
        return tuple(seen.values())

    def source(self, ref: str) -> Source | None:
        for source in self.sources:
            if source.id == ref:
                return source
        return None

    def section_of(self, slide: Slide) -> Section | None:
        return self.sections[slide.section] if slide.section >= 0 else None

    @property
    def base_dir(self) -> Path:
        return self.path.parent if self.path else Path.cwd()


def slugify(text: str) -> str:
    """A stable, readable identity from a title ("Series A: Shanghai" -> "series-a-shanghai")."""
    slug = re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-")
    return slug or "slide"
