"""``briefing import EDITED.pptx --into STORYBOARD.yaml [--write] [--force]``.

Takes a stakeholder's edits to an exported deck back into the storyboard.
Without ``--write`` nothing is written: the unified diff of the storyboard (and
of any chart CSV) goes to stdout, each comment and each decision the import
made goes to stderr as ``talk.yaml:120:9: note: ...``, and figures that no
longer match the declared sources as errors. With ``--write`` the same edit
is written atomically. Exit status: 0 done (or nothing to do), 1 the import
was refused (a deck from another storyboard, an older storyboard text without
``--force``, an unreadable deck: nothing written), 2 usage errors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("deck", metavar="EDITED.pptx", help="the deck as the stakeholders sent it back")
    parser.add_argument(
        "--into", required=True, metavar="STORYBOARD", help="the storyboard the deck was exported from"
    )
    parser.add_argument(
        "--write", action="store_true", help="write the edits into the storyboard (default: only show them)"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="the storyboard was edited since the export: take the deck's edits where they do not overlap",
    )


def run(args: argparse.Namespace) -> int:
    from briefing.storyboard.paths import file_problem

    deck, into = Path(args.deck), Path(args.into)
    for path, what in ((deck, "deck"), (into, "storyboard")):
        problem = file_problem(path)
        if problem:
            print(f"briefing import: error: {what} {path} {problem}", file=sys.stderr)
            return 2
    from briefing.errors import BriefingError
    from briefing.review.importer import prepare_import, write_import
    from briefing.review.report import unified_diff

    try:
        result = prepare_import(deck, into, force=args.force)
        if args.write and result.changed:
            write_import(result)
    except BriefingError as error:
        print(f"briefing import: error: {error}", file=sys.stderr)
        return 1
    if not args.write:
        sys.stdout.write(unified_diff(result))
    from briefing.review.report import review_items

    items = review_items(result, written=args.write)
    for item in [*items, *result.problems]:
        print(item.format(), file=sys.stderr)
    changes = len(result.review.changes) + len(result.review.removed) + len(result.review.new)
    verb = "imported" if args.write else "would import"
    state = "" if result.changed else " (the storyboard already says this: nothing to change)"
    comments = len(result.deck.comments)
    print(
        f"briefing import: {verb} {_count(changes, 'edit')}, {_count(comments, 'comment')} "
        f"from {deck.name}{state}",
        file=sys.stderr,
    )
    return 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
