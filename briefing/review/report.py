"""An import in words: the unified diff of the storyboard, and each comment and decision at its
slide's line."""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import Diagnostic
from briefing.storyboard.model import Slide, Storyboard

if TYPE_CHECKING:
    from briefing.review.importer import ImportResult


def unified_diff(result: ImportResult) -> str:
    """``--- a/talk.yaml`` / ``+++ b/talk.yaml`` for the storyboard and every CSV it changes."""
    parts = [_diff(result.path, result.old_text, result.new_text)]
    parts += [_diff(path, old, new) for path, (old, new) in result.files.items()]
    return "".join(parts)


def _diff(path: Path, old: str, new: str) -> str:
    name = _shown(path)
    before, after = (f"a/{name}", f"b/{name}") if not Path(name).is_absolute() else (name, name)
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), before, after)
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _shown(path: Path) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def slide_place(storyboard: Storyboard, text: str, slide: Slide | None) -> tuple[int, int]:
    """1-based line and column of a slide's first key (the storyboard's first line for none)."""
    if slide is None or not slide.line:
        return 1, 1
    lines = text.splitlines()
    line = lines[slide.line - 1] if slide.line <= len(lines) else ""
    stripped = line.lstrip(" -")
    return slide.line, len(line) - len(stripped) + 1


def review_items(result: ImportResult, *, written: bool = False) -> list[Diagnostic]:
    """Comments and the import's decisions as ``note`` diagnostics at the line of their slide
    (in the storyboard as it is on disk: the new text once ``written``)."""
    path = Path(_shown(result.path))
    by_number: dict[int, Slide] = {d.number: s for d, s in result.review.pairs}
    text = result.old_text
    if written and result.new_text != result.old_text:
        by_number, text = _in_new_text(result, by_number), result.new_text
    items = []
    for comment in result.deck.comments:
        line, col = slide_place(result.storyboard, text, by_number.get(comment.slide))
        who = "reply" if comment.reply else "comment"
        done = " (resolved)" if comment.resolved else ""
        message = f'{who} by {comment.author} on slide {comment.slide}{done}: "{comment.text}"'
        items.append(Diagnostic(path, line, col, message, severity="note", code="review-comment"))
    for number, message in result.review.notes:
        line, col = slide_place(result.storyboard, text, by_number.get(number))
        where = f"slide {number}: " if number else ""
        items.append(Diagnostic(path, line, col, where + message, severity="note", code="review-decision"))
    for slide in result.review.removed:
        line, col = slide_place(result.storyboard, result.old_text, slide)
        message = f"slide '{slide.title}' was deleted in the deck: removed"
        if text is not result.old_text:  # its lines are gone: say where it was
            message, line, col = (
                f"slide '{slide.title}' (line {line} before the import) was deleted in the deck: removed",
                1,
                1,
            )
        items.append(Diagnostic(path, line, col, message, severity="note", code="review-removed"))
    for deck_slide in result.review.new:
        line, col = slide_place(result.storyboard, text, by_number.get(deck_slide.number))
        items.append(
            Diagnostic(
                path,
                line,
                col,
                f"slide {deck_slide.number} '{deck_slide.view.title}' was added in the deck: "
                "added as a bullet slide",
                severity="note",
                code="review-added",
            )
        )
    return sorted(items, key=lambda d: (d.line, d.col))


def _in_new_text(result: ImportResult, by_number: dict[int, Slide]) -> dict[int, Slide]:
    """The same slides, as the new text places them (matched by id; new slides by their title)."""
    from briefing.errors import BriefingError
    from briefing.storyboard.load import load_text

    try:
        new = load_text(result.new_text, result.path)
    except BriefingError:
        return {}
    by_id = {s.id: s for s in new.slides}
    by_title = {s.title: s for s in new.slides}
    placed = {n: by_id[s.id] for n, s in by_number.items() if s.id in by_id}
    for deck_slide in result.review.new:
        if deck_slide.view.title in by_title:
            placed[deck_slide.number] = by_title[deck_slide.view.title]
    return placed
