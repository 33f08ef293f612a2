"""What a stakeholder changed: the edited deck against the storyboard, field by field and in order.

A field changed when the deck shows something else than the storyboard would
export. When the storyboard was edited since the export (``--force``), the
fingerprints the exporter recorded tell whose edit a difference is: a part of
a slide (title, body, notes) the deck still shows as exported is the
editor's newer text and stays; a part both changed is a conflict, reported and
left as the storyboard has it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from briefing.i18n.strings import source_prefixes
from briefing.layout.citations import citation_notes
from briefing.review.charts import chart_edit
from briefing.review.deck import Deck, DeckSlide
from briefing.review.match import Matching
from briefing.review.views import PARTS, ChartView, SlideView, fingerprints, norm, slide_view
from briefing.storyboard.model import Section, Slide, Storyboard

#: Slide kind -> the view fields its body has.
BODY_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("subtitle", "byline"),
    "section": (),
    "bullets": ("bullets",),
    "stats": ("stats",),
    "quote": ("quote", "attribution"),
    "compare": ("columns",),
    "chart": ("chart", "caption"),
    "image": ("alt", "caption"),
    "sources": (),  # generated from the citations: never imported
}
#: Slides the storyboard generates, with no lines of their own to move or delete.
GENERATED_KINDS = ("title", "section", "sources")


@dataclass(frozen=True)
class FieldChange:
    slide: Slide
    deck_number: int
    field: str  # a SlideView field: title, notes, subtitle, bullets, stats, quote, ...
    old: object
    new: object


Entry = Slide | DeckSlide  # a storyboard slide kept, or a new slide from the deck


@dataclass(frozen=True)
class Order:
    """The sections in their new order, each with its slides (kept or new) in deck order."""

    sections: tuple[tuple[Section, tuple[Entry, ...]], ...]


@dataclass
class Review:
    """Everything an import found: edits per field, the new order, and what to tell the editor."""

    changes: list[FieldChange] = field(default_factory=list)
    order: Order | None = None  # None: the order did not change
    removed: list[Slide] = field(default_factory=list)
    new: list[DeckSlide] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)  # (deck slide number, message)
    pairs: list[tuple[DeckSlide, Slide]] = field(default_factory=list)  # matched slides, deck order


def deck_view(deck_slide: DeckSlide, slide: Slide, storyboard: Storyboard) -> SlideView:
    """The deck slide's view in the storyboard slide's terms: its kind's fields, notes without citations."""
    exported = slide_view(slide)
    view = deck_slide.view
    notes, _ = split_citations(view.notes, citation_notes(storyboard, slide))
    if not deck_slide.has_notes_page or _words(notes) == _words(exported.notes):
        notes = exported.notes  # no notes page, or the same words: line breaks alone are no edit
    chart = chart_edit(exported.chart, view.chart, deck_slide.workbook) if exported.chart else None
    wanted = BODY_FIELDS.get(exported.kind, ())
    values = {name: getattr(view, name) for name in wanted}
    if "chart" in values:
        values["chart"] = chart
    blank = SlideView(kind=exported.kind, title=view.title, notes=notes)
    return replace(blank, **values)


def _words(paragraphs: tuple[str, ...]) -> str:
    """The notes' words: how a client breaks lines and paragraphs is not an edit of its own."""
    return " ".join(" ".join(paragraphs).split())


def split_citations(notes: tuple[str, ...], citations: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """The notes without the citations the exporter appended, and whether those were edited.

    Citations come from the slide's ``sources:``; edited ones (trailing "Source: ..." paragraphs
    that are not the exported ones) are left out too and reported, never imported as notes.
    """
    citations = tuple(norm(c) for c in citations)
    if not citations:
        return notes, False
    if notes[-len(citations) :] == citations:
        return notes[: -len(citations)], False
    cut = len(notes)
    while cut and notes[cut - 1].startswith(source_prefixes()):
        cut -= 1
    return notes[:cut], cut < len(notes)


def review(deck: Deck, storyboard: Storyboard, matching: Matching, *, merge: bool) -> Review:
    """Field changes of the matched slides, the new order, removed and new slides."""
    result = Review(notes=list(matching.notes), new=list(matching.new), pairs=list(matching.pairs))
    for deck_slide, slide in matching.pairs:
        if slide.kind == "sources":  # generated from the citations: edit `sources:` instead
            continue
        _compare(result, deck_slide, slide, storyboard, deck.fingerprints.get(slide.id) if merge else None)
    for deck_slide in result.new:
        _say_unread(result, deck_slide, "bullets")
    exported_ids = set(deck.fingerprints) if merge else None
    if exported_ids is not None:  # a slide the editor deleted since the export is not added back
        for deck_slide in [d for d in result.new if d.key in exported_ids]:
            result.new.remove(deck_slide)
            message = "its slide was deleted from the storyboard since the export: not added back"
            result.notes.append((deck_slide.number, message))
    content = [s for s in matching.removed if s.kind not in GENERATED_KINDS]  # dividers: see _order
    result.removed = [s for s in content if exported_ids is None or s.id in exported_ids]
    if any(s.kind == "title" for s in matching.removed):
        result.notes.append((0, "the title slide was deleted in the deck: the storyboard keeps its title"))
    for slide in content:
        if slide not in result.removed:
            result.notes.append(
                (0, f"slide '{slide.title}' was added to the storyboard after the export: kept")
            )
    _sections_added(result, deck, matching, storyboard)
    result.order = _order(storyboard, matching, result)
    return result


def _sections_added(result: Review, deck: Deck, matching: Matching, storyboard: Storyboard) -> None:
    """A section of PowerPoint's section list with no divider slide is the deck's own: said, not added."""
    dividers = {d.number for d, s in matching.pairs if s.kind == "section"}
    titles = {section.title for section in storyboard.sections}
    for name, numbers in deck.sections:
        if numbers and not dividers & set(numbers) and name not in titles:
            message = (
                f"section '{name}' was added in the deck's section list: not imported (a storyboard "
                "section starts at its divider slide), its slides stay in the section before it"
            )
            result.notes.append((numbers[0], message))


def _compare(
    result: Review, deck_slide: DeckSlide, slide: Slide, storyboard: Storyboard, base: tuple[str, ...] | None
) -> None:
    exported = slide_view(slide)
    now = _readable(result, deck_slide, exported, deck_view(deck_slide, slide, storyboard))
    if slide.kind == "section" and deck_slide.section not in (None, exported.title):
        now = _section_renamed(result, deck_slide, exported, now)
    if now.chart is not None and exported.chart is not None:
        now = replace(now, chart=_blanks_kept(result, deck_slide, exported.chart, now.chart))
    _say_unread(result, deck_slide, exported.kind, getattr(slide.body, "type", ""))
    if (
        deck_slide.has_notes_page
        and split_citations(deck_slide.view.notes, citation_notes(storyboard, slide))[1]
    ):
        message = (
            "the sources at the end of its notes were edited: they come from 'sources:' and are not imported"
        )
        result.notes.append((deck_slide.number, message))
    changed = {
        name: (getattr(exported, name), getattr(now, name))
        for name in ("title", "notes", *BODY_FIELDS.get(exported.kind, ()))
        if getattr(exported, name) != getattr(now, name)
    }
    if base is not None and changed:
        changed = _merge(result, deck_slide, slide, changed, exported, now, base)
    for name, (old, new) in changed.items():
        result.changes.append(FieldChange(slide, deck_slide.number, name, old, new))


def _say_unread(result: Review, deck_slide: DeckSlide, kind: str, stated_type: str = "") -> None:
    """What the slide shows that no field of its storyboard slide can hold: said, never dropped silently."""
    things = list(deck_slide.unread)
    if deck_slide.picture and kind not in ("image", "chart"):
        things.insert(0, "a picture")
    if deck_slide.view.chart is not None and kind != "chart":
        things.insert(0, "a chart")
    shown = deck_slide.chart_type
    if kind == "chart" and shown and stated_type and shown != stated_type:
        message = (
            f"its chart is a {shown} chart in the deck and a {stated_type} chart in the storyboard: "
            "a chart type is not taken back"
        )
        result.notes.append((deck_slide.number, message))
    if deck_slide.hidden:
        message = (
            "it is hidden in the deck: a storyboard has no hidden slides, so it stays (delete it to cut it)"
        )
        result.notes.append((deck_slide.number, message))
    for thing in things:
        result.notes.append(
            (deck_slide.number, f"{thing} on the slide is not imported (the storyboard slide cannot hold it)")
        )


def _blanks_kept(result: Review, deck_slide: DeckSlide, exported: ChartView, chart: ChartView) -> ChartView:
    """A chart value left blank (or not a number) in the deck keeps the storyboard's value, and says so;
    where the storyboard has none there (a category added), the chart is not changed."""
    if not any(math.isnan(v) for _, values in chart.series for v in values):
        return chart
    old = {
        (name, category): v
        for name, values in exported.series
        for category, v in zip(exported.categories, values, strict=False)
    }
    series = []
    for name, values in chart.series:
        kept = []
        for category, value in zip(chart.categories, values, strict=False):
            if math.isnan(value):
                if (name, category) not in old:
                    message = f"{_point(name, category)}: chart not changed"
                    result.notes.append((deck_slide.number, message))
                    return exported
                value = old[(name, category)]
                message = f"{_point(name, category)}: kept {value:g}"
                result.notes.append((deck_slide.number, message))
            kept.append(value)
        series.append((name, tuple(kept)))
    return ChartView(chart.categories, tuple(series))


def _point(series: str, category: str) -> str:
    return f"the chart's value for '{series}', '{category}' is blank or not a number in the deck"


def _section_renamed(result: Review, deck_slide: DeckSlide, exported: SlideView, now: SlideView) -> SlideView:
    """A section renamed in PowerPoint's section list is the section's new title, unless its divider's
    title was edited to something else (then the divider's words are taken, and both are said)."""
    name = str(deck_slide.section)
    if now.title == name:
        return now
    if now.title == exported.title and name:
        result.notes.append(
            (deck_slide.number, f"section '{exported.title}' was renamed '{name}' in the deck's section list")
        )
        return replace(now, title=name)
    message = (
        f"section '{exported.title}' was renamed '{name}' in the deck's section list and its divider "
        f"'{now.title}': the divider's title is taken"
    )
    result.notes.append((deck_slide.number, message))
    return now


#: Slide kind -> the text box role (as the exporter names the box) its body is read from.
BODY_ROLE = {"bullets": "body", "stats": "stat value", "quote": "quote", "compare": "column title"}


def _readable(result: Review, deck_slide: DeckSlide, exported: SlideView, now: SlideView) -> SlideView:
    """``now``, with the body as exported where the deck no longer shows it (never read as deleted)."""
    kind = exported.kind
    missing = ""
    if kind == "chart" and now.chart is None and deck_slide.picture:
        missing = (
            "its chart is a picture in this deck (Google Slides turns charts into pictures): the chart's "
            "values cannot be read back, the storyboard keeps its data"
        )
    elif kind in ("chart", "image") and getattr(now, "chart" if kind == "chart" else "alt") in (None, ""):
        missing = f"the {kind} was removed in the deck: not applied"
    elif kind in BODY_ROLE and BODY_ROLE[kind] not in deck_slide.roles:
        missing = "its text boxes were deleted or renamed in the deck: only its title and notes are imported"
    if not deck_slide.has_title and now.title != exported.title:
        result.notes.append((deck_slide.number, "its title box was deleted in the deck: the title stays"))
        now = replace(now, title=exported.title)
    if not missing:
        return now
    result.notes.append((deck_slide.number, missing))
    return replace(exported, title=now.title, notes=now.notes)


def _part(name: str) -> int:
    return 0 if name == "title" else 2 if name == "notes" else 1


def _merge(
    result: Review,
    deck_slide: DeckSlide,
    slide: Slide,
    changed: dict[str, tuple[object, object]],
    exported: SlideView,
    now: SlideView,
    base: tuple[str, ...],
) -> dict[str, tuple[object, object]]:
    """Keep the differences the stakeholder made; drop the editor's own later edits; report overlaps."""
    in_deck, in_storyboard = fingerprints(now), fingerprints(exported)
    kept = {}
    for name, values in changed.items():
        part = _part(name)
        if len(base) <= part or in_deck[part] == base[part]:
            continue  # the deck shows this part as exported: the difference is the editor's
        if in_storyboard[part] != base[part]:
            result.notes.append(
                (
                    deck_slide.number,
                    f"the {PARTS[part]} of '{slide.title}' was edited in both the deck and the "
                    "storyboard: the storyboard's is kept",
                )
            )
            continue
        kept[name] = values
    return kept


def _order(storyboard: Storyboard, matching: Matching, result: Review) -> Order | None:
    """Sections by their dividers' deck order, slides by deck order; None when nothing moved."""
    removed = {s.id for s in result.removed}
    sections: dict[int, list[Entry]] = {n: [] for n in range(len(storyboard.sections))}
    divider_order: list[int] = []
    current = 0
    new_ids = {d.number for d in result.new}
    by_number = {d.number: s for d, s in matching.pairs}
    for deck_slide in sorted([*(d for d, _ in matching.pairs), *result.new], key=lambda d: d.number):
        slide = by_number.get(deck_slide.number)
        if slide is None and deck_slide.number in new_ids:
            sections[current].append(deck_slide)
        elif slide is not None and slide.kind == "section":
            current = slide.section
            divider_order.append(current)
        elif slide is not None and slide.section >= 0 and slide.kind not in GENERATED_KINDS:
            sections[current].append(slide)
    for slide in storyboard.slides:  # kept because added after the export
        if (
            slide.section >= 0
            and slide.kind not in GENERATED_KINDS
            and slide in matching.removed
            and slide.id not in removed
        ):
            sections[slide.section].append(slide)
    for number in range(len(storyboard.sections)):
        if number not in divider_order:
            result.notes.append(
                (
                    0,
                    f"the divider of section '{storyboard.sections[number].title}' was deleted in the "
                    "deck: its slides join the section before it",
                )
            )
            divider_order.insert(min(number, len(divider_order)), number)
    order = Order(tuple((storyboard.sections[n], tuple(sections[n])) for n in divider_order))
    same = Order(tuple((s, tuple(x for x in s.slides if x.id not in removed)) for s in storyboard.sections))
    return None if order == same else order
