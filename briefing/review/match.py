"""Which storyboard slide each slide of an edited deck came from.

The identity marker the exporter put on each slide (``[briefing:<id>]`` in a
shape's name) decides first. A slide without one (a client dropped it, or a
stakeholder added the slide) is matched by its content: the same title, else
words similar enough (:data:`SIMILAR`). Every match made by content is said
in a note, and so is every slide that matched nothing (a new slide), so no
pairing is ever guessed silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from briefing.export.pptx.identity import SOURCES_KEY
from briefing.layout.citations import SOURCES_TITLE
from briefing.review.deck import Deck, DeckSlide
from briefing.review.views import SlideView, slide_view
from briefing.storyboard.model import Slide, Storyboard

SIMILAR = 0.6  # SequenceMatcher ratio of the slides' words above which content decides a match
AKIN = 0.3  # the least ratio for a slide matched by its place (a new slide shares fewer words)


@dataclass(frozen=True)
class Matching:
    pairs: tuple[tuple[DeckSlide, Slide], ...]  # deck order
    new: tuple[DeckSlide, ...]  # slides the storyboard does not have (added in the deck)
    removed: tuple[Slide, ...]  # storyboard slides the deck no longer has (deck order of the storyboard)
    notes: tuple[tuple[int, str], ...]  # (deck slide number, what was decided)
    by_marker: int  # how many pairs came from identity markers


def match_slides(deck: Deck, storyboard: Storyboard) -> Matching:
    slides = {slide.id: slide for slide in storyboard.slides}
    paired: dict[int, Slide] = {}
    notes: list[tuple[int, str]] = []
    unmarked: list[DeckSlide] = []
    new: list[DeckSlide] = []
    for deck_slide in deck.slides:
        slide = slides.get(deck_slide.key)
        if slide is not None and slide not in paired.values():
            paired[deck_slide.number] = slide
        elif slide is not None:  # a duplicated slide carries the original's marker
            notes.append((deck_slide.number, f"a copy of slide '{slide.title}': taken as a new slide"))
            new.append(deck_slide)
        elif deck_slide.key != SOURCES_KEY and not is_sources(deck, deck_slide):
            unmarked.append(deck_slide)
    by_marker = len(paired)
    views = {s.id: slide_view(s) for s in storyboard.slides if s not in paired.values()}
    unmatched = _match_by_content(unmarked, views, slides, paired, notes)
    if by_marker == 0:  # no marker survived anywhere (Google Slides): a retitled, reworded slide
        unmatched = _match_by_place(deck, storyboard, unmatched, views, paired, notes)
    new += unmatched
    pairs = tuple((d, paired[d.number]) for d in deck.slides if d.number in paired)
    removed = tuple(s for s in storyboard.slides if s.id in views)
    new.sort(key=lambda d: d.number)
    return Matching(pairs, tuple(new), removed, tuple(notes), by_marker)


def _match_by_content(
    unmarked: list[DeckSlide],
    views: dict[str, SlideView],
    slides: dict[str, Slide],
    paired: dict[int, Slide],
    notes: list[tuple[int, str]],
) -> list[DeckSlide]:
    """Pair slides without a marker by title, then by words; returns those that matched nothing."""
    new = []
    by_title = 0
    for deck_slide in unmarked:
        found = _by_content(deck_slide, views)
        if found is None:
            new.append(deck_slide)
            continue
        slide = slides[found]
        del views[found]
        paired[deck_slide.number] = slide
        if slide.title == deck_slide.view.title:
            by_title += 1
        else:
            message = f"matched to '{slide.title}' by its words (it carries no identity marker)"
            notes.append((deck_slide.number, message))
    if by_title:
        notes.append((0, f"{by_title} slides carry no identity marker: matched by their titles"))
    return new


def _match_by_place(
    deck: Deck,
    storyboard: Storyboard,
    unmatched: list[DeckSlide],
    views: dict[str, SlideView],
    paired: dict[int, Slide],
    notes: list[tuple[int, str]],
) -> list[DeckSlide]:
    """A deck slide alone between two matched slides, where the storyboard has one slide left between
    the same two, of the same kind and sharing some words (:data:`AKIN`; a section divider, whose
    only words are its title, by its kind alone), is that slide retitled and reworded; said in a
    note. Anything else stays new (and the storyboard's slide deleted)."""
    order = {slide.id: n for n, slide in enumerate(storyboard.slides)}
    left = []
    for deck_slide in unmatched:
        before = [order[paired[n].id] for n in paired if n < deck_slide.number]
        after = [order[paired[n].id] for n in paired if n > deck_slide.number]
        low, high = max(before, default=-1), min(after, default=len(order))
        gap = [
            d for d in unmatched if d.number not in paired and _between(d.number, deck_slide.number, paired)
        ]
        candidates = [key for key in views if low < order[key] < high and views[key].kind != "sources"]
        if len(gap) == 1 and len(candidates) == 1:
            key = candidates[0]
            ratio = SequenceMatcher(None, deck_slide.view.words(), views[key].words(), autojunk=False).ratio()
            akin = ratio >= AKIN or views[key].kind == "section"  # a divider's only words are its title
            if views[key].kind == _kind(deck_slide, views[key]) and akin:
                slide = storyboard.slides[order[key]]
                paired[deck_slide.number] = slide
                del views[key]
                message = f"matched to '{slide.title}' by its place (it carries no identity marker)"
                notes.append((deck_slide.number, message))
                continue
        left.append(deck_slide)
    return left


def _between(number: int, other: int, paired: dict[int, Slide]) -> bool:
    """Whether no matched slide lies between deck slides ``number`` and ``other``."""
    low, high = sorted((number, other))
    return not any(low < n < high for n in paired)


def is_sources(deck: Deck, deck_slide: DeckSlide) -> bool:
    """The closing Sources slide, generated from the citations (its marker gone with the names)."""
    return (
        deck_slide.key == ""
        and deck_slide.number == len(deck.slides)
        and deck_slide.view.title == SOURCES_TITLE
    )


def _by_content(deck_slide: DeckSlide, candidates: dict[str, SlideView]) -> str | None:
    view = deck_slide.view
    same_title = [
        key for key, c in candidates.items() if c.title == view.title and c.kind == _kind(deck_slide, c)
    ]
    if len(same_title) == 1:
        return same_title[0]
    best, score = None, SIMILAR
    words = view.words()
    for key, candidate in candidates.items():
        matcher = SequenceMatcher(None, words, candidate.words(), autojunk=False)
        if matcher.real_quick_ratio() <= score or matcher.quick_ratio() <= score:
            continue
        ratio = matcher.ratio()
        if ratio > score:
            best, score = key, ratio
    return best


def _kind(deck_slide: DeckSlide, candidate: SlideView) -> str:
    """The deck cannot tell a title slide from a bullet slide by its boxes: trust the candidate for those;
    a chart may come back as a picture (Google Slides draws charts as pictures)."""
    view = deck_slide.view
    if candidate.kind in ("title", "sources") or view.kind == candidate.kind:
        return candidate.kind
    if candidate.kind == "chart" and deck_slide.picture and view.chart is None:
        return candidate.kind
    return view.kind
