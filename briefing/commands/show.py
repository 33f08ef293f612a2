"""`briefing show` (placeholder: being built)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", help="storyboard YAML (default: the bundled briefing)")


def run(args: argparse.Namespace) -> int:
    raise SystemExit("briefing show: not built yet")
