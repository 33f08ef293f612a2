"""Every file of a folder as ``--template``: a good deck or a clear error, never a traceback.

``python -m tests.export.template_corpus FOLDER [--validate]`` exports a small storyboard
(every slide kind, a chart, a source with a ``url``) on each ``.pptx``/``.pptm``/``.potx``/
``.potm`` in FOLDER through the CLI, and runs ``briefing check --template`` on it too. Each
template ends as one line:

* ``good``: exit 0, and the deck holds no macro, ActiveX or OLE part, no external relationship
  but the source's ``url``, the plain presentation content type, and passes the package checks
  (with ``--validate``: Microsoft's Open XML SDK too);
* ``error``: exit 1 with a one-line message naming the template, and check says the same;
* ``BAD``: a traceback, an error that only names a Python exception, a forbidden part, a failed
  check, or check and export disagreeing.

Used on python-pptx's own test files (``features/steps/test_files``, ``tests/test_files``),
which are not kept in this repository. Exit status 1 if any template is BAD.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
import tempfile
import textwrap
import traceback
from pathlib import Path

from briefing.cli import main as briefing
from tests.export.package_checks import package_problems
from tests.export.template_hazards import deck_hazards

STORYBOARD = """
title: Templates from elsewhere
sources:
  report: {title: A report, url: "https://example.org/report"}
sections:
  - title: One section
    slides:
      - title: Bullets
        notes: Notes.
        sources: [{ref: report}]
        bullets: [One, Two]
      - title: A chart
        chart: {type: bar, categories: [a, b], series: [{name: S, values: [1, 2]}]}
"""
SOURCE_URLS = {"https://example.org/report"}
#: An error that only repeats a Python exception: a case the product did not foresee.
PYTHON_ERROR = re.compile(r"\b[A-Z][A-Za-z]*(Error|Exception): ")
SUFFIXES = (".pptx", ".pptm", ".potx", ".potm")


def run(argv: list[str]) -> tuple[int, str]:
    """``briefing ARGV``: exit status and stderr; a traceback is returned as the stderr text."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()) as out:
        try:
            status = briefing(argv)
        except Exception:
            return -1, traceback.format_exc()
    return status, err.getvalue() + out.getvalue()


def try_template(template: Path, story: Path, work: Path) -> tuple[str, str, Path | None]:
    """(verdict, detail, deck) for one template."""
    deck = work / f"{template.stem}-deck.pptx"
    status, said = run(["export", str(story), "-o", str(deck), "--template", str(template), "-q"])
    checked, check_said = run(["check", str(story), "--template", str(template)])
    if status < 0 or checked < 0:
        return "BAD", "traceback:\n" + (said if status < 0 else check_said), None
    if status != checked:
        return "BAD", f"export exit {status} but check exit {checked}: {said} / {check_said}", None
    if status != 0:
        first = said.strip().splitlines()[0] if said.strip() else ""
        clear = status == 1 and template.name in first and "Traceback" not in said
        clear = clear and not PYTHON_ERROR.search(first)  # "(KeyError: ...)" is no reason to act on
        return ("error" if clear else "BAD"), first, None
    problems = deck_hazards(deck, SOURCE_URLS) + package_problems(deck)
    if problems:
        return "BAD", "; ".join(problems), deck
    return "good", said.strip().replace("\n", " | "), deck


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--validate", action="store_true", help="also run the Open XML SDK on good decks")
    args = parser.parse_args(argv)
    templates = sorted(p for p in args.folder.iterdir() if p.suffix.lower() in SUFFIXES)
    counts = {"good": 0, "error": 0, "BAD": 0}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        story = work / "story.yaml"
        story.write_text(textwrap.dedent(STORYBOARD).lstrip(), encoding="utf-8")
        decks: dict[str, Path] = {}
        for template in templates:
            verdict, detail, deck = try_template(template, story, work)
            counts[verdict] += 1
            print(f"{verdict:5} {template.name}: {detail}")
            if deck is not None and verdict == "good":
                decks[template.name] = deck
        if args.validate and decks:
            from tests.export.ooxml_sdk import validate

            found = validate(*decks.values())
            for name, deck in decks.items():
                if found[str(deck)]:
                    counts["good"] -= 1
                    counts["BAD"] += 1
                    print(f"BAD   {name}: Open XML SDK: {found[str(deck)][:3]}")
    print(
        f"{len(templates)} templates: {counts['good']} good decks, {counts['error']} clear errors, "
        f"{counts['BAD']} bad",
        file=sys.stderr,
    )
    return 1 if counts["BAD"] else 0


if __name__ == "__main__":
    sys.exit(main())
