"""``briefing export [FILE] [-o deck.pptx] [--template corporate.pptx]``.

Writes an editable PowerPoint deck: real text, native charts with their data,
speaker notes, alt text. Exit status: 0 written, 1 the storyboard is invalid
(the same ``path:line:col`` errors as ``check``; nothing is written) or the
deck cannot be written, 2 usage errors (a FILE or template that does not
exist). python-pptx is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", nargs="?", metavar="FILE", help="storyboard YAML (default: the bundled briefing)"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="DECK",
        help="the .pptx to write, or a folder for it (an existing folder, or one ending in '/', created "
        "if needed); never the storyboard, its CSVs, images or the template (default: <storyboard "
        "name>.pptx in the current folder)",
    )
    parser.add_argument(
        "--template",
        metavar="PPTX",
        type=Path,
        help="build on a company template: its masters, fonts and colours, its sample slides removed",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print warnings only")


def default_output(storyboard_path: Path) -> Path:
    return Path.cwd() / f"{storyboard_path.stem}.pptx"


def _refuse(message: str) -> int:
    print(f"briefing export: error: {message}", file=sys.stderr)
    return 1


def run(args: argparse.Namespace) -> int:
    from briefing.resources import default_storyboard

    source = Path(args.file) if args.file else default_storyboard()
    from briefing.storyboard.paths import file_problem

    for path, what in ((source, "storyboard"), (args.template, "template")):
        problem = file_problem(path) if path is not None else None
        if problem:
            print(f"briefing export: error: {what} {path} {problem}", file=sys.stderr)
            return 2
    from briefing.outputs import OutputRefused, output_file, storyboard_inputs

    default_name = default_output(source).name
    try:  # before loading: `-o deck.yaml` is refused even when the storyboard has errors
        inputs = storyboard_inputs(None, args.template)
        inputs.append((source, "the storyboard"))
        output_file(args.output, default_name=default_name, inputs=inputs, dry_run=True)
    except OutputRefused as refused:
        return _refuse(str(refused))

    from briefing.export.pptx import export_deck
    from briefing.progress import terminal_progress
    from briefing.storyboard.load import load_storyboard

    started = time.perf_counter()
    storyboard = load_storyboard(source)  # StoryboardInvalid: printed by the CLI, exit 1, nothing written
    try:
        output = output_file(
            args.output, default_name=default_name, inputs=storyboard_inputs(storyboard, args.template)
        )
    except OutputRefused as refused:
        return _refuse(str(refused))
    from briefing.errors import ExportError

    try:
        with terminal_progress("export", "slides") as progress:
            report = export_deck(storyboard, output, template=args.template, progress=progress)
    except ExportError as error:  # a template, a disk: said the way export says its other refusals
        return _refuse(str(error))
    for warning in report.warnings:
        print(f"briefing export: warning: {warning}", file=sys.stderr)
    if not args.quiet:
        seconds = time.perf_counter() - started
        print(f"wrote {report.path} ({report.slides} slides, {seconds:.1f} s)", file=sys.stderr)
    return 0
