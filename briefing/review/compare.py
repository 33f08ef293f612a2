"""``briefing diff``: two storyboards or decks, in any mix, compared slide by slide.

Each side becomes a list of (identity, :class:`SlideView`): a storyboard's
slides with their ids, a deck's slides with the ids the exporter recorded (or,
where a client dropped them, their position). Slides pair by identity, then
by title; what is left is added or removed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from briefing.review.changes import BODY_FIELDS
from briefing.review.match import SIMILAR, is_sources
from briefing.review.roles import Layout
from briefing.review.views import ChartView, SlideView, slide_view

Side = list[tuple[str, SlideView]]
#: Said of a chart one side shows as a picture (Google Slides turns charts into pictures).
CHART_PICTURE = (
    "the chart is a picture in the {side} deck: its values cannot be read, so they are not compared"
)


@dataclass
class SlideDiff:
    key: str
    title: str
    status: str  # "changed", "moved", "added", "removed", "unchanged" (only notes: what was not compared)
    old_position: int | None = None  # 1-based
    new_position: int | None = None
    changes: list[tuple[str, object, object]] = field(default_factory=list)  # (field, old, new)
    notes: list[str] = field(default_factory=list)  # what could not be compared, and why


def load_side(path: Path, other: Path | None = None) -> tuple[Side, set[str]]:
    """A storyboard (.yaml/.yml) or a deck (.pptx), as (identity, view) per slide, and the identities
    of the slides whose chart came back as a picture.

    A deck whose client renamed its text boxes has their roles found by place in ``other`` (the
    storyboard's export, or the other deck where it still has the exporter's names).
    """
    if path.suffix.lower() == ".pptx":
        from briefing.i18n.strings import source_prefixes
        from briefing.review.deck import read_deck

        deck = read_deck(path, _layouts(other) if other is not None else None)
        side = []
        pictures = set()
        for slide in deck.slides:
            if is_sources(deck, slide):
                continue
            notes = tuple(p for p in slide.view.notes if not p.startswith(source_prefixes()))
            view = SlideView(**{**slide.view.__dict__, "notes": notes})
            key = slide.key or f"#{slide.number}"
            side.append((key, view))
            if slide.picture and slide.view.chart is None:
                pictures.add(key)
        return [s for s in side if s[0] != "sources"], pictures
    from briefing.storyboard.load import load_storyboard

    slides = load_storyboard(path).slides
    return [(slide.id, slide_view(slide)) for slide in slides if slide.kind != "sources"], set()


def _layouts(other: Path) -> Callable[[], list[Layout]]:
    from briefing.review.roles import storyboard_layouts

    if other.suffix.lower() == ".pptx":
        return lambda: _deck_layouts(other)
    from briefing.storyboard.load import load_storyboard

    return storyboard_layouts(load_storyboard(other))


def _deck_layouts(path: Path) -> list[Layout]:
    """The other deck's places, if it can be read (if not, reading it says so, not this side)."""
    from briefing.review.package import DeckUnreadable, open_presentation
    from briefing.review.roles import reference_layouts

    try:
        return reference_layouts(open_presentation(path))
    except DeckUnreadable:
        return []


def compare(old: Side, new: Side, pictures: tuple[set[str], set[str]] = (set(), set())) -> list[SlideDiff]:
    """Slide by slide; ``pictures``: the keys of each side's charts that came back as pictures."""
    old_at = {key: n for n, (key, _) in enumerate(old)}
    paired: dict[int, int] = {}  # new index -> old index
    for n, (key, _) in enumerate(new):
        if key in old_at and old_at[key] not in paired.values():
            paired[n] = old_at[key]
    titles = {view.title: n for n, (_, view) in enumerate(old) if n not in paired.values()}
    for n, (_, view) in enumerate(new):
        if n not in paired and view.title in titles:
            paired[n] = titles.pop(view.title)
    _pair_by_words(old, new, paired)
    diffs = []
    stayed = _longest_increasing([paired[n] for n in sorted(paired)])
    for n, (key, view) in enumerate(new):
        if n not in paired:
            diffs.append(SlideDiff(key, view.title, "added", None, n + 1))
            continue
        o = paired[n]
        notes: list[str] = []
        changes = _fields(old[o][1], view, (old[o][0] in pictures[0], key in pictures[1]), notes)
        moved = o not in stayed
        if changes or moved or notes:
            status = "changed" if changes else "moved" if moved else "unchanged"
            diffs.append(SlideDiff(old[o][0], view.title, status, o + 1, n + 1, changes, notes))
    for o, (key, view) in enumerate(old):
        if o not in paired.values():
            diffs.append(SlideDiff(key, view.title, "removed", o + 1, None))
    return diffs


def _longest_increasing(values: list[int]) -> set[int]:
    """The largest set of values already in increasing order: the slides that did not move."""
    best: list[list[int]] = []
    for value in values:
        chains = [chain for chain in best if chain[-1] < value]
        longest: list[int] = max(chains, key=len) if chains else []
        best.append([*longest, value])
    winner: list[int] = max(best, key=len) if best else []
    return set(winner)


def _pair_by_words(old: Side, new: Side, paired: dict[int, int]) -> None:
    """Slides left over (a title edited where the ids are gone) pair by their words, as import does."""
    for n, (_, view) in enumerate(new):
        if n in paired:
            continue
        best, score = None, SIMILAR
        for o, (_, candidate) in enumerate(old):
            if o in paired.values():
                continue
            ratio = SequenceMatcher(None, view.words(), candidate.words(), autojunk=False).ratio()
            if ratio > score:
                best, score = o, ratio
        if best is not None:
            paired[n] = best


def _fields(
    old: SlideView, new: SlideView, pictures: tuple[bool, bool], notes: list[str]
) -> list[tuple[str, object, object]]:
    kind = old.kind
    if kind != new.kind and "chart" in (old.kind, new.kind) and any(pictures):
        kind = "chart"  # one side's chart came back as a picture: still a chart slide
    names = ("title", "notes", *BODY_FIELDS.get(kind, ()))
    found = []
    for name in names:
        before, after = getattr(old, name), getattr(new, name)
        if name == "chart" and ((before is None and pictures[0]) or (after is None and pictures[1])):
            notes.append(CHART_PICTURE.format(side="old" if before is None else "new"))
        elif before != after:
            found.append((name, before, after))
    return found


def as_text(diffs: list[SlideDiff], old_name: str, new_name: str) -> str:
    if not diffs:
        return f"{old_name} and {new_name}: no slide changed\n"
    count = "1 slide differs" if len(diffs) == 1 else f"{len(diffs)} slides differ"
    lines = [f"{old_name} -> {new_name}: {count}", ""]
    for diff in diffs:
        where = f"slide {diff.new_position or diff.old_position}"
        if diff.status == "added":
            lines.append(f"{where} '{diff.title}': added")
        elif diff.status == "removed":
            lines.append(f"'{diff.title}' (slide {diff.old_position} before): removed")
        else:
            moved = f" (was slide {diff.old_position})" if diff.old_position != diff.new_position else ""
            lines.append(f"{where} '{diff.title}'{moved}:" + (" moved" if diff.status == "moved" else ""))
            for name, before, after in diff.changes:
                lines.extend(field_lines(name, before, after))
            lines.extend(f"  ({note})" for note in diff.notes)
        lines.append("")
    return "\n".join(lines)


def field_lines(name: str, before: object, after: object) -> list[str]:
    """``  name: old -> new``, or ``- old`` / ``+ new`` lines for lists (indented for a review mail)."""
    if isinstance(before, ChartView) and isinstance(after, ChartView):
        return [f"  {name}: {_chart_text(before)} -> {_chart_text(after)}"]
    if isinstance(before, tuple) and isinstance(after, tuple):
        old_items, new_items = _items(before), _items(after)
        out = [f"  {name}:"]
        old_flat, new_flat = set(map(_flat, old_items)), set(map(_flat, new_items))
        out += [f"    - {_one_line(x)}" for x in old_items if _flat(x) not in new_flat]
        out += [f"    + {_one_line(x)}" for x in new_items if _flat(x) not in old_flat]
        if len(out) == 1 and old_items != new_items:
            same_words = sorted(map(_flat, old_items)) == sorted(map(_flat, new_items))
            reordered = sorted(old_items) == sorted(new_items) or not same_words
            out.append("    (reordered)" if reordered else "    (only line breaks changed)")
        return out
    return [f"  {name}: {before!r} -> {after!r}"]


def _items(values: tuple[object, ...]) -> list[str]:
    found = []
    for value in values:
        if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], tuple):  # a compare column
            found += [f"{value[0]}", *(f"{value[0]}: {text}" for text in value[1])]
        else:
            found.append(_item(value))
    return found


def _one_line(text: str) -> str:
    """A notes paragraph's line breaks shown as " / " (one line per item in a mail)."""
    return text.replace("\n", " / ")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _item(value: object) -> str:
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], int):
        return ("  " * value[0]) + str(value[1])
    if isinstance(value, tuple) and len(value) == 2:
        return f"{value[0]}: {value[1]}"
    return str(value)


def _chart_text(chart: ChartView) -> str:
    series = "; ".join(
        f"{name}: "
        + ", ".join(
            f"{c} {v:g}" if v == v else f"{c} (blank)" for c, v in zip(chart.categories, values, strict=False)
        )
        for name, values in chart.series
    )
    return series or "(no data)"


def as_json(diffs: list[SlideDiff]) -> list[dict[str, object]]:
    out = []
    for diff in diffs:
        record = asdict(diff)
        record["changes"] = [{"field": n, "old": _plain(a), "new": _plain(b)} for n, a, b in diff.changes]
        out.append(record)
    return out


def _plain(value: object) -> object:
    if isinstance(value, ChartView):
        return {
            "categories": list(value.categories),
            "series": [{"name": n, "values": [x if x == x else None for x in v]} for n, v in value.series],
        }
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value
