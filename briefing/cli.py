"""The ``briefing`` command: ``show`` (default), ``check``, ``export``, ``render``, ``schema``, ``draft``,
``import``, ``diff``.

Each sub-command lives in ``briefing.commands.<name>`` with ``add_arguments``
and ``run``; those modules import Qt or python-pptx only inside ``run`` so
``briefing check`` starts fast and works without a display.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from briefing import __version__
from briefing.errors import BriefingError

COMMANDS: dict[str, str] = {
    "show": "open the presenter console and the audience window (default)",
    "check": "validate storyboards and report every problem as path:line:col",
    "export": "write an editable PowerPoint deck with native charts and notes",
    "render": "write one PNG per slide (or a PDF handout), headless",
    "schema": "print the storyboard JSON Schema (draft 2020-12) for YAML editors",
    "draft": "draft a storyboard from a report (.txt, .md, .docx, .pdf, .html), citing its words",
    "import": "take a stakeholder's edits to an exported deck back into the storyboard",
    "diff": "what changed between two storyboards or decks, slide by slide",
}
#: Sub-commands whose module name differs from the command ("import" is a Python keyword).
MODULES: dict[str, str] = {"import": "import_review"}


def command_module(name: str) -> str:
    return f"briefing.commands.{MODULES.get(name, name)}"


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with ``only``, just that sub-command (its module alone is imported:
    ``briefing show`` does not compile the exporter's, drafter's and checker's option code to start)."""
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Present a YAML storyboard live and export it as PowerPoint.",
        epilog="With no command, 'briefing [FILE]' opens the presenter (the bundled briefing if no FILE).",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        if only is not None and name != only:
            continue
        module = importlib.import_module(command_module(name))
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(command_parser)
    return parser


def _with_default_command(argv: list[str]) -> list[str]:
    """``briefing`` and ``briefing deck.yaml`` mean ``briefing show ...``."""
    if not argv:
        return ["show"]
    first = argv[0]
    if first in COMMANDS or first in ("-h", "--help", "--version"):
        return argv
    return ["show", *argv]


def main(argv: Sequence[str] | None = None) -> int:
    args_list = _with_default_command(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser(args_list[0] if args_list[0] in COMMANDS else None)
    args = parser.parse_args(args_list)
    module = importlib.import_module(command_module(args.command))
    try:
        return int(module.run(args) or 0)
    except BriefingError as error:
        print(str(error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
