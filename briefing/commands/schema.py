"""``briefing schema``: print the storyboard JSON Schema (draft 2020-12) for YAML editors."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--output", "-o", metavar="FILE", help="write the schema to FILE instead of printing it"
    )


def run(args: argparse.Namespace) -> int:
    from briefing.storyboard.schema import storyboard_schema

    text = json.dumps(storyboard_schema(), indent=2, ensure_ascii=False) + "\n"
    if not args.output:
        sys.stdout.write(text)
        return 0
    target = Path(args.output)
    if not target.parent.is_dir():
        print(f"briefing schema: error: folder {target.parent} does not exist", file=sys.stderr)
        return 2
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"briefing schema: error: cannot write {target}: {error.strerror}", file=sys.stderr)
        return 1
    print(f"briefing schema: wrote {target}", file=sys.stderr)
    return 0
