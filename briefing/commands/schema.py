"""``briefing schema``: print the storyboard JSON Schema (draft 2020-12) for YAML editors."""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write the schema to FILE (or into a folder) instead of printing it",
    )


def run(args: argparse.Namespace) -> int:
    from briefing.storyboard.schema import storyboard_schema

    text = json.dumps(storyboard_schema(), indent=2, ensure_ascii=False) + "\n"
    if not args.output:
        sys.stdout.write(text)
        return 0
    from briefing.errors import ExportError
    from briefing.outputs import output_file, write_atomically

    try:  # the usual rules (briefing.outputs): a folder gets the file inside, read-only is refused
        target = output_file(args.output, default_name="briefing.schema.json")
        write_atomically(target, lambda handle: handle.write(text.encode("utf-8")))
    except ExportError as error:
        print(f"briefing schema: error: {error}", file=sys.stderr)
        return 1
    print(f"briefing schema: wrote {target}", file=sys.stderr)
    return 0
