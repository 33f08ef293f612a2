"""``briefing draft REPORT [-o storyboard.yaml] [--force]``: a first-draft storyboard from a report.

The draft checks clean (``briefing check``) and cites the report's own words
for every figure and quotation; injected text found in the report is left
out and reported as ``report:line:col: warning: ...`` on stderr. Exit status:
0 written, 1 not written (the target exists, is the report, or cannot be
written), 2 usage (the report does not exist).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "report",
        metavar="REPORT",
        help="the report: .txt (any encoding), .md, .docx, a text-based .pdf, or a web page saved as .html",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the storyboard to write (default: REPORT's name with .yaml, in the current folder)",
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run(args: argparse.Namespace) -> int:
    from briefing.draft import ReportError, draft_report
    from briefing.errors import ExportError
    from briefing.outputs import OutputRefused, output_file, write_atomically
    from briefing.progress import terminal_progress

    report = Path(args.report)
    if not report.is_file():
        what = "is a folder, not a report" if report.is_dir() else "does not exist"
        print(f"briefing draft: error: {report} {what}", file=sys.stderr)
        return 2
    try:
        target = output_file(args.output, default_name=f"{report.stem}.yaml", inputs=[(report, "the report")])
        if target.exists() and not args.force:
            raise OutputRefused(f"{target} exists; pass --force to replace it")
        with terminal_progress("draft", "parts") as progress:
            draft = draft_report(report, target, progress)
    except (ExportError, ReportError) as error:
        print(f"briefing draft: error: {error}", file=sys.stderr)
        return 1
    for place, message in draft.warnings:
        print(f"{place.prefix(report)}: warning: {message}", file=sys.stderr)
    try:
        write_atomically(target, lambda handle: handle.write(draft.yaml.encode("utf-8")))
    except ExportError as error:
        print(f"briefing draft: error: {error}", file=sys.stderr)
        return 1
    print(f"briefing draft: wrote {target}; next: briefing check {target}", file=sys.stderr)
    return 0
