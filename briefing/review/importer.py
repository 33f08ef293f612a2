"""``briefing import``'s work, for the CLI and the app alike: prepare (nothing written), then write.

:func:`prepare_import` reads the edited deck and the storyboard, refuses a
deck from another storyboard (or from an older text of this one, unless
``force``), works out the changes, makes the new text and proves it: it must
load without errors, and its figures are checked against the declared sources
(so a "fixed" number that no longer matches the report shows as an error).
:func:`write_import` then writes the storyboard (and any chart CSV) atomically,
after checking that nothing changed on disk since.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from briefing.errors import BriefingError, Diagnostic, StoryboardInvalid
from briefing.export.pptx.identity import storyboard_digest
from briefing.review.apply import apply_changes
from briefing.review.changes import GENERATED_KINDS, Review, review
from briefing.review.deck import Deck, read_deck
from briefing.review.match import Matching, match_slides
from briefing.review.package import ReviewError
from briefing.review.restructure import restructure
from briefing.review.roles import storyboard_layouts
from briefing.storyboard.model import Storyboard
from briefing.storyboard.text_edits import TextNotEdited, with_line_feeds


class StoryboardChanged(ReviewError):
    """The storyboard was edited since the deck was exported (``--force`` merges)."""


class NotFromStoryboard(ReviewError):
    """The deck was not exported from this storyboard."""


@dataclass
class ImportResult:
    path: Path
    old_text: str
    new_text: str
    deck: Deck
    review: Review
    storyboard: Storyboard
    files: dict[Path, tuple[str, str]] = field(default_factory=dict)  # CSV path -> (old, new text)
    items: list[Diagnostic] = field(default_factory=list)  # comments and decisions, as notes at their slide
    problems: list[Diagnostic] = field(default_factory=list)  # provenance errors in the new text

    @property
    def changed(self) -> bool:
        return self.new_text != self.old_text or any(old != new for old, new in self.files.values())


def read_text(path: Path) -> str:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeError) as error:
        raise ReviewError(f"cannot read the storyboard {path}: {error}") from error


def prepare_import(deck_path: Path, storyboard_path: Path, *, force: bool = False) -> ImportResult:
    """Everything an import would do, nothing written. Raises :class:`ReviewError` subclasses."""
    from briefing.storyboard.load import load_text

    storyboard_path = Path(storyboard_path).absolute()
    text = read_text(storyboard_path)
    storyboard = load_text(text, storyboard_path)  # StoryboardInvalid: fix the storyboard first
    deck = read_deck(Path(deck_path), storyboard_layouts(storyboard))
    merge = _identity(deck, storyboard, storyboard_digest(storyboard_path), force)
    matching = match_slides(deck, storyboard)
    _check_matched(deck, storyboard, matching)
    found = review(deck, storyboard, matching, merge=merge)
    if deck.renamed:
        found.notes.append(
            (
                0,
                f"a client renamed the text boxes of {len(deck.renamed)} slides (as Google Slides does): "
                "each box was read as the field the export had placed there",
            )
        )
    if not deck.digest:
        found.notes.append(
            (
                0,
                "the deck does not say which storyboard text it came from (a client dropped its custom "
                "properties): every difference is taken as the deck's edit",
            )
        )
    editable, own_line_breaks = with_line_feeds(text)
    try:
        new_text, csv_texts, notes = apply_changes(editable, storyboard, found)
        if found.order is not None or found.removed or found.new:
            new_text, more = restructure(new_text, storyboard, found)
            notes += more
        new_text = own_line_breaks(new_text)
    except TextNotEdited as error:
        raise ReviewError(
            f"{storyboard_path}: the edits cannot be written into this storyboard: {error}"
        ) from error
    found.notes.extend(notes)
    result = ImportResult(storyboard_path, text, new_text, deck, found, storyboard)
    result.files = {p: (p.read_text(encoding="utf-8-sig"), t) for p, t in csv_texts.items()}
    _prove(result)
    from briefing.review.report import review_items

    result.items = review_items(result)
    return result


def _identity(deck: Deck, storyboard: Storyboard, digest: str, force: bool) -> bool:
    """Whether to merge (the storyboard changed since the export and ``force`` is given)."""
    if not deck.digest or deck.digest == digest:
        return False
    ids = {s.id for s in storyboard.slides if s.kind != "title"}  # every deck has a "title" slide
    if not ids & (set(deck.fingerprints) | {s.key for s in deck.slides}):
        raise NotFromStoryboard(
            f"{deck.path} was not exported from {storyboard.path} (no slide of it is in the deck)"
        )
    if not force:
        raise StoryboardChanged(
            f"{storyboard.path} was edited since {deck.path.name} was exported from it: "
            "nothing was imported\n"
            "  hint: export the storyboard again and send that deck for review, or import with --force "
            "to take the deck's edits where they do not overlap the storyboard's"
        )
    return True


def _check_matched(deck: Deck, storyboard: Storyboard, matching: Matching) -> None:
    content = [s for s in storyboard.slides if s.kind not in GENERATED_KINDS]
    matched = [s for _, s in matching.pairs if s.kind not in GENERATED_KINDS]
    if not matching.pairs or (matching.by_marker == 0 and len(matched) * 2 < len(content)):
        raise NotFromStoryboard(
            f"{deck.path} does not look like a deck exported from {storyboard.path} "
            f"({len(matched)} of its {len(content)} slides found in it): nothing was imported"
        )


def _prove(result: ImportResult) -> None:
    """The new text must load; its figures are checked against the sources it declares."""
    from briefing.storyboard.load import load_text

    if result.new_text == result.old_text:
        return
    try:
        new = load_text(result.new_text, result.path)
    except StoryboardInvalid as invalid:
        messages = "; ".join(d.message for d in invalid.errors[:3])
        raise ReviewError(
            f"the imported edits would make {result.path.name} invalid ({messages}): nothing was imported"
        ) from invalid
    result.problems = provenance_problems(new, result.new_text)


def provenance_problems(storyboard: Storyboard, text: str) -> list[Diagnostic]:
    """Provenance of ``text`` (the storyboard as it would be) against every source with a ``file:``."""
    from briefing.storyboard import provenance

    if storyboard.path is None or not any(source.file for source in storyboard.sources):
        return []
    try:
        texts, found = provenance.source_texts(storyboard, {})
        return [*found, *provenance.check_provenance(text, Path(storyboard.path), texts)]
    except (OSError, ValueError, BriefingError) as error:
        return [
            Diagnostic(
                storyboard.path, 1, 1, f"the sources could not be checked: {error}", severity="warning"
            )
        ]


def write_import(result: ImportResult) -> None:
    """Write the new storyboard (and CSVs), atomically, unless a file changed on disk since it was read.

    A read-only storyboard or CSV is refused, not replaced; a symlinked one is written where it points.
    """
    from briefing.outputs import check_target, write_atomically

    if read_text(result.path) != result.old_text:
        raise StoryboardChanged(
            f"{result.path} changed on disk while importing: nothing was written; import again"
        )
    writes = [(p.resolve(), new) for p, (old, new) in result.files.items() if old != new]
    for csv_path, (old, _) in result.files.items():
        if csv_path.read_text(encoding="utf-8-sig") != old:
            raise StoryboardChanged(f"{csv_path} changed on disk while importing: nothing was written")
    if result.new_text != result.old_text:
        writes.append((result.path.resolve(), result.new_text))
    for target, _ in writes:
        check_target(target)
    for target, text in writes:
        write_atomically(target, _writer(text.encode("utf-8")))


def _writer(data: bytes) -> Callable[[IO[bytes]], object]:
    return lambda out: out.write(data)
