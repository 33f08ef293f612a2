"""What a reload changed, slide by slide, and where the presenter goes next.

A live reload replaces one :class:`Storyboard` with another. The views must
not rebuild every scene (too slow, and a chart would lose its animation) and
the presenter must stay on *the same slide*, not the same index: a slide
inserted before the current one shifts every index after it.

Slides are matched by :attr:`Slide.id` (the k-th slide with an id in the old
deck matches the k-th with that id in the new one, so accidental duplicates
still pair up in order). A matched pair is then compared by value — the model
is frozen dataclasses, so ``==`` is a deep comparison — ignoring what does not
show on the slide itself:

``same``     nothing visible changed (the slide may have moved, or its line did)
``notes``    only notes or planned duration changed: scenes stay, the console updates
``data``     a chart whose categories/series changed and nothing else: the chart
             item morphs to the new values (``set_data``) instead of a rebuild
``changed``  anything else: rebuild this slide's scene
``added``    a slide with no match in the old deck

Pure Python (no Qt): the app layer decides what each kind means for a view.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from briefing.storyboard.model import Chart, Image, Slide, Storyboard

Change = Literal["same", "notes", "data", "changed", "added"]
REBUILD: frozenset[str] = frozenset({"changed", "added"})


@dataclass(frozen=True)
class DeckDiff:
    """How the new deck relates to the old one, indexed by *new* slide index."""

    old_index: tuple[int | None, ...]  # matching old index per new slide (None: added)
    changes: tuple[Change, ...]  # per new slide
    removed: tuple[int, ...]  # old indices with no match in the new deck

    @property
    def unchanged(self) -> bool:
        """True when no view needs to do anything but maybe renumber."""
        return (
            not self.removed
            and all(c == "same" for c in self.changes)
            and (self.old_index == tuple(range(len(self.changes))))
        )

    @property
    def rebuild(self) -> tuple[int, ...]:
        """New indices whose scene must be built anew."""
        return tuple(i for i, c in enumerate(self.changes) if c in REBUILD)

    @property
    def data_only(self) -> tuple[int, ...]:
        """New indices whose chart only needs new values (``set_data``)."""
        return tuple(i for i, c in enumerate(self.changes) if c == "data")

    @property
    def reordered(self) -> bool:
        """True when slides were inserted, removed or moved."""
        return bool(self.removed) or self.old_index != tuple(range(len(self.changes)))

    def kept(self) -> dict[int, int]:
        """new index -> old index for slides whose existing scene can be reused."""
        return {
            new: old
            for new, (old, change) in enumerate(zip(self.old_index, self.changes, strict=True))
            if old is not None and change not in REBUILD
        }


def match_slides(old: Storyboard, new: Storyboard) -> tuple[int | None, ...]:
    """For each new slide, the index of the old slide with the same id (or None)."""
    pending: dict[str, list[int]] = defaultdict(list)
    for index, slide in enumerate(old.slides):
        pending[slide.id].append(index)
    matched: list[int | None] = []
    for slide in new.slides:
        queue = pending.get(slide.id)
        matched.append(queue.pop(0) if queue else None)
    return tuple(matched)


def diff_decks(old: Storyboard, new: Storyboard, *, changed_files: Iterable[Path] = ()) -> DeckDiff:
    """Classify every new slide against the old deck.

    ``changed_files`` are files whose *content* changed on disk while the
    model may still compare equal (an image replaced under the same name):
    slides showing them are rebuilt. CSV changes need no help, the loader has
    already read the new values into the model.
    """
    touched = {Path(p).resolve() for p in changed_files}
    old_index = match_slides(old, new)
    global_change = _deck_level_key(old) != _deck_level_key(new)
    changes: list[Change] = []
    for slide, index in zip(new.slides, old_index, strict=True):
        if index is None:
            changes.append("added")
        elif global_change or _shows_file(slide, touched):
            changes.append("changed")
        else:
            changes.append(classify(old.slides[index], slide, old, new))
    used = {i for i in old_index if i is not None}
    removed = tuple(i for i in range(len(old.slides)) if i not in used)
    return DeckDiff(tuple(old_index), tuple(changes), removed)


def classify(
    before: Slide, after: Slide, old: Storyboard | None = None, new: Storyboard | None = None
) -> Change:
    """How ``after`` differs from ``before`` (two versions of one slide)."""
    if old is not None and new is not None and after.sources and _cited(before, old) != _cited(after, new):
        return "changed"
    if before == after:
        return "same"
    a, b = _visible(before), _visible(after)
    if a == b:
        return "same" if (before.notes, before.duration) == (after.notes, after.duration) else "notes"
    if _chart_data_only(a.body, b.body) and replace(a, body=b.body) == b:
        return "data"
    return "changed"


def follow_index(
    old: Storyboard, new: Storyboard, index: int, matched: tuple[int | None, ...] | None = None
) -> int:
    """Where the presenter on old slide ``index`` should be in the new deck.

    The same slide if it survived; if it was deleted, the next surviving
    slide after it (the one that took its place), else the nearest one before
    it; else the same index clamped to the new deck.
    """
    count = len(new.slides)
    if count == 0:
        return 0
    if matched is None:
        matched = match_slides(old, new)
    new_of_old = {o: n for n, o in enumerate(matched) if o is not None}
    if not old.slides:
        return min(max(index, 0), count - 1)
    index = min(max(index, 0), len(old.slides) - 1)
    for candidate in range(index, len(old.slides)):
        if candidate in new_of_old:
            return new_of_old[candidate]
    for candidate in range(index - 1, -1, -1):
        if candidate in new_of_old:
            return new_of_old[candidate]
    return min(index, count - 1)


# --------------------------------------------------------------------------- helpers
def _visible(slide: Slide) -> Slide:
    """The slide minus what never shows on it (its source line, notes, timing)."""
    return replace(slide, line=0, notes="", duration=None)


def _chart_data_only(a: object, b: object) -> bool:
    if not (isinstance(a, Chart) and isinstance(b, Chart)) or a.type != b.type:
        return False
    if a == b:
        return False
    same_frame = replace(b, categories=a.categories, series=a.series, csv=a.csv)
    if same_frame != a:
        return False
    # Series identity (names, colours) must stay: only values and categories move.
    return [(s.name, s.color) for s in a.series] == [(s.name, s.color) for s in b.series]


def _cited(slide: Slide, storyboard: Storyboard) -> tuple[object, ...]:
    """The sources a slide cites, resolved (a changed source title changes its footer)."""
    return tuple(storyboard.source(ref.ref) for ref in slide.sources)


def _deck_level_key(storyboard: Storyboard) -> tuple[object, ...]:
    """What every slide's look depends on (the theme: colours and fonts)."""
    return (storyboard.theme,)


def _shows_file(slide: Slide, touched: set[Path]) -> bool:
    if not touched:
        return False
    body = slide.body
    if isinstance(body, Image):
        return Path(body.path).resolve() in touched
    return False
