"""``briefing render [FILE] -o DIR [--size WxH] [--slides 1-3,7] [--pdf FILE [--notes]]``.

Writes one PNG per slide (and/or a vector PDF handout) from the same Qt scenes
the presenter shows, headless. Exit status: 0 written, 1 the storyboard is
invalid or a file cannot be written, 2 usage errors.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import ExportError

if TYPE_CHECKING:
    from briefing.export.png_record import Cleanup
    from briefing.storyboard.model import Storyboard

_SIZE = re.compile(r"^\s*(\d{1,5})\s*[xX×]\s*(\d{1,5})\s*$")
MAX_SIDE = 8192


def parse_size(text: str) -> tuple[int, int]:
    """``"1280x720"`` -> (1280, 720)."""
    match = _SIZE.match(text)
    if not match:
        raise argparse.ArgumentTypeError(f"invalid size {text!r}: use WIDTHxHEIGHT, e.g. 1280x720")
    width, height = int(match[1]), int(match[2])
    if not (16 <= width <= MAX_SIDE and 16 <= height <= MAX_SIDE):
        raise argparse.ArgumentTypeError(f"invalid size {text!r}: each side must be 16..{MAX_SIDE} pixels")
    return width, height


def parse_slides(text: str) -> list[tuple[int, int | None]]:
    """``"1-3,7,10-"`` -> [(1, 3), (7, 7), (10, None)]: 1-based, inclusive ranges."""
    ranges: list[tuple[int, int | None]] = []
    for part in text.split(","):
        part = part.strip()
        match = re.fullmatch(r"(\d+)(?:\s*-\s*(\d*))?", part)
        if not match:
            raise argparse.ArgumentTypeError(
                f"invalid slide list {text!r}: use numbers and ranges, e.g. 1-3,7"
            )
        start = int(match[1])
        if match[2] is None:
            end: int | None = start
        else:
            end = int(match[2]) if match[2] else None
        if start < 1 or (end is not None and end < start):
            raise argparse.ArgumentTypeError(f"invalid slide range {part!r} in {text!r}")
        ranges.append((start, end))
    return ranges


def select_slides(ranges: list[tuple[int, int | None]], count: int) -> list[int]:
    """0-based deck indices for 1-based ``ranges``, in order, without repeats.

    Raises ValueError naming the first slide number the deck does not have.
    """
    chosen: list[int] = []
    for start, end in ranges:
        last = count if end is None else end
        if start > count or last > count:
            raise ValueError(
                f"no slide {max(start, last) if last > count else start}: the briefing has {count}"
            )
        for number in range(start, last + 1):
            if number - 1 not in chosen:
                chosen.append(number - 1)
    return chosen


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", nargs="?", metavar="FILE", help="storyboard YAML (default: the bundled briefing)"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="folder for slide-001.png ... (created if needed; a full render removes slide-NNN.png "
        "that an earlier render wrote for a longer deck and that nobody changed since)",
    )
    parser.add_argument(
        "--size", type=parse_size, default=(1920, 1080), metavar="WxH", help="PNG size (default 1920x1080)"
    )
    parser.add_argument(
        "--slides",
        type=parse_slides,
        metavar="LIST",
        help="slides to render, 1-based: e.g. 1-3,7 (default: all)",
    )
    parser.add_argument(
        "--pdf",
        metavar="FILE",
        help="also write a vector PDF, one slide per page (a folder: <storyboard name>.pdf in it)",
    )
    parser.add_argument(
        "--notes",
        action="store_true",
        help="PDF handout on A4 portrait pages: each slide with its speaker notes below",
    )
    parser.set_defaults(render_parser=parser)


def run(args: argparse.Namespace) -> int:
    parser: argparse.ArgumentParser = args.render_parser
    if args.output is None and args.pdf is None:
        parser.error("nothing to write: give -o DIR for PNGs and/or --pdf FILE")
    if args.notes and args.pdf is None:
        parser.error("--notes needs --pdf FILE")
    from briefing.resources import default_storyboard
    from briefing.storyboard.load import load_storyboard
    from briefing.storyboard.paths import file_problem

    path = Path(args.file) if args.file else default_storyboard()
    problem = file_problem(path)
    if problem:
        parser.error(f"{path} {problem}")
    storyboard = load_storyboard(path)  # StoryboardInvalid -> printed by cli.main, exit 1
    indices = None
    if args.slides is not None:
        try:
            indices = select_slides(args.slides, len(storyboard.slides))
        except ValueError as error:
            parser.error(str(error))
    try:
        folder, pdf = _targets(args, storyboard, indices)
    except ExportError as refused:
        print(f"briefing render: error: {refused}", file=sys.stderr)
        return 1
    _write(args, storyboard, indices, folder, pdf)
    return 0


def _targets(
    args: argparse.Namespace, storyboard: Storyboard, indices: list[int] | None
) -> tuple[Path | None, Path | None]:
    """The PNG folder and the PDF file, checked against the storyboard's inputs (briefing.outputs)."""
    from briefing.export.images import png_name
    from briefing.outputs import output_file, output_folder, storyboard_inputs

    inputs = storyboard_inputs(storyboard)
    folder = pdf = None
    if args.output is not None:
        numbers = range(len(storyboard.slides)) if indices is None else indices
        folder = output_folder(args.output, file_names=[png_name(i) for i in numbers], inputs=inputs)
    if args.pdf is not None:
        stem = storyboard.path.stem if storyboard.path else "briefing"
        pdf = output_file(args.pdf, default_name=f"{stem}.pdf", inputs=inputs)
    return folder, pdf


def _report_cleanup(cleanup: Cleanup) -> None:
    def files(names: list[str]) -> str:
        return f"{len(names)} PNG{'s' if len(names) != 1 else ''} ({', '.join(names)})"

    if cleanup.removed:
        print(f"removed {files(cleanup.removed)} that an earlier render wrote for a longer deck",
              file=sys.stderr)
    if cleanup.changed:
        print(f"kept {files(cleanup.changed)} beyond the deck: changed since briefing render wrote them",
              file=sys.stderr)
    if cleanup.unknown:
        print(f"kept {files(cleanup.unknown)} beyond the deck: not written by briefing render",
              file=sys.stderr)


def _write(
    args: argparse.Namespace,
    storyboard: Storyboard,
    indices: list[int] | None,
    folder: Path | None,
    pdf: Path | None,
) -> None:
    from briefing.export.images import remove_stale_pngs, render_pdf, render_pngs
    from briefing.progress import terminal_progress

    if folder is not None:
        with terminal_progress("render", "PNGs") as progress:
            written = render_pngs(storyboard, folder, size=args.size, slides=indices, progress=progress)
        print(f"wrote {len(written)} PNG{'s' if len(written) != 1 else ''} to {folder}", file=sys.stderr)
        if indices is None:  # a full render: remove what an earlier, longer render of ours left
            _report_cleanup(remove_stale_pngs(storyboard, folder))
    if pdf is not None:
        with terminal_progress("render", "pages") as progress:
            render_pdf(storyboard, pdf, notes=args.notes, slides=indices, progress=progress)
        print(f"wrote {pdf}", file=sys.stderr)
