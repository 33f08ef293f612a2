"""``briefing diff OLD NEW [--format json]``: storyboards or exported decks, in any mix, slide by slide.

What changed (titles, text, figures with old and new value, notes, order,
added and removed slides) as readable text for a review mail, or one JSON
document for tools. Exit status: 0 (whether or not anything differs), 1 a side
cannot be read (an invalid storyboard, an unreadable deck), 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", metavar="OLD", help="storyboard (.yaml) or deck (.pptx)")
    parser.add_argument("new", metavar="NEW", help="storyboard (.yaml) or deck (.pptx)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or JSON")


def run(args: argparse.Namespace) -> int:
    from briefing.storyboard.paths import file_problem

    old, new = Path(args.old), Path(args.new)
    for path in (old, new):
        problem = file_problem(path)
        if problem:
            print(f"briefing diff: error: {path} {problem}", file=sys.stderr)
            return 2
    from briefing.errors import BriefingError
    from briefing.review.compare import as_json, as_text, compare, load_side

    try:
        old_side, old_pictures = load_side(old, new)
        new_side, new_pictures = load_side(new, old)
        diffs = compare(old_side, new_side, (old_pictures, new_pictures))
    except BriefingError as error:
        print(f"briefing diff: error: {error}", file=sys.stderr)
        return 1
    if args.format == "json":
        document = {"old": str(old), "new": str(new), "slides": as_json(diffs)}
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(as_text(diffs, str(old), str(new)))
    return 0
