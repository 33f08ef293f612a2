"""``briefing check [FILE ...]``: every problem in each storyboard, as ``path:line:col``.

Exit status: 0 clean (warnings allowed), 1 errors (or warnings with
``--strict``), 2 usage errors (bad options, a FILE that does not exist).
The "text does not fit its box" lint lives here, and the accessibility
findings in ``briefing.layout.accessibility``, not in ``briefing.storyboard``,
because both need the layout and the storyboard package must not depend on
layout. ``--template PPTX`` builds the deck on the template in memory (what
export would say) and reads the template's colours and artwork
(``briefing.export.pptx.template_colors``) so contrast is judged on it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import Diagnostic, quoted_title

if TYPE_CHECKING:
    from briefing.layout import SlideLayout
    from briefing.layout.legibility import Backdrop
    from briefing.storyboard.model import Slide, Storyboard


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="storyboard YAML (default: the bundled briefing)"
    )
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 1)")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="output: text lines (default) or one JSON document",
    )
    parser.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="[REF=]PATH",
        help="prove every cited phrase and figure against this source document "
        "(REF=PATH when the storyboard declares several sources; sources with 'file:' are checked anyway)",
    )
    parser.add_argument(
        "--template",
        metavar="PPTX",
        type=Path,
        help="also build the deck on this company template in memory, as `export --template` would, "
        "report its errors and warnings, and check text contrast on its background and artwork",
    )


def run(args: argparse.Namespace) -> int:
    from briefing.resources import default_storyboard

    files = [Path(f) for f in args.files] or [default_storyboard()]
    from briefing.storyboard.paths import file_problem

    problems = [(f, file_problem(f)) for f in files]
    template_problem = file_problem(args.template) if args.template is not None else None
    if template_problem:
        print(f"briefing check: error: template {args.template} {template_problem}", file=sys.stderr)
        return 2
    if any(problem for _, problem in problems):
        for path, problem in problems:
            if problem:
                problem = problem.replace("a folder, not a file", "a folder, not a storyboard file")
                print(f"briefing check: error: {path} {problem}", file=sys.stderr)
        return 2
    given = source_arguments(args.source)
    unreadable = [p for p in given.values() if not p.is_file()]
    if unreadable:
        for path in unreadable:
            print(f"briefing check: error: source {path} does not exist", file=sys.stderr)
        return 2
    diagnostics: list[Diagnostic] = []
    for path in files:
        diagnostics.extend(check_file(path, given, args.template))
    diagnostics = _once(diagnostics, "template")  # the template's own, said once for several files
    errors = sum(1 for d in diagnostics if d.severity == "error")
    warnings = len(diagnostics) - errors
    try:
        if args.format == "json":
            _print_json(files, diagnostics, errors, warnings)
        else:
            for diagnostic in diagnostics:
                print(diagnostic.format())
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        sys.stdout = open(os.devnull, "w")  # keeps the interpreter's final flush quiet
    print(_summary(len(files), errors, warnings), file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


def source_arguments(values: list[str]) -> dict[str | None, Path]:
    """``--source PATH`` (key None: the storyboard's only source) and ``--source REF=PATH``."""
    given: dict[str | None, Path] = {}
    for value in values:
        ref, sep, rest = value.partition("=")
        if sep and ref and ref.replace("-", "_").isidentifier() and not Path(value).exists():
            given[ref] = Path(rest)
        else:
            given[None] = Path(value)
    return given


def check_file(
    path: Path, sources: dict[str | None, Path] | None = None, template: Path | None = None
) -> list[Diagnostic]:
    """Loader errors, every lint (text overflow, accessibility: they need the layout), provenance,
    and with ``template`` what export would say about building on it."""
    from briefing.storyboard.lint import lint
    from briefing.storyboard.load import analyze, sort_diagnostics
    from briefing.storyboard.provenance import check_provenance, source_texts

    result = analyze(path)
    found = [*result.diagnostics, *lint(result)]
    if result.storyboard is not None:
        backdrop = _backdrop(template) if template is not None else None
        found.extend(layout_warnings(result.storyboard, result.slide_cols, result.source, backdrop))
        texts, problems = source_texts(result.storyboard, sources or {}, result.root)
        found.extend(problems)
        found.extend(check_provenance(result.source, result.path, texts, result.root))
    if template is not None:
        from briefing.export.pptx.template_check import template_diagnostics  # python-pptx: only now
        from briefing.layout.accessibility import is_recolour_notice

        errors = any(d.severity == "error" for d in found)
        found.extend(
            d  # export's recolouring notes are said once more, at the slide (template-text-colour)
            for d in template_diagnostics(None if errors else result.storyboard, template)
            if not is_recolour_notice(d.message)
        )
    return sort_diagnostics(found, result.path)


def _backdrop(template: Path) -> Backdrop | None:
    """The template's surfaces (None when it cannot be used: ``template_diagnostics`` says why)."""
    from briefing.errors import ExportError
    from briefing.export.pptx.template_colors import template_backdrop

    try:
        return template_backdrop(template)
    except ExportError:
        return None


def layout_warnings(
    storyboard: Storyboard,
    columns: dict[int, int] | None = None,
    source_text: str = "",
    backdrop: Backdrop | None = None,
) -> list[Diagnostic]:
    """Text that does not fit, and the accessibility findings, from one layout of every slide."""
    from briefing.layout.accessibility import accessibility_findings
    from briefing.layout.theme import resolve_theme

    columns = columns or {}
    theme = resolve_theme(storyboard.theme)
    layouts, found = _layouts(storyboard, columns)
    found.extend(_overflow(storyboard, layouts, columns, source_text))
    found.extend(
        accessibility_findings(
            storyboard, layouts, theme, columns, source_text=source_text, backdrop=backdrop
        )
    )
    return found


def _layouts(
    storyboard: Storyboard, columns: dict[int, int]
) -> tuple[list[tuple[Slide, SlideLayout]], list[Diagnostic]]:
    """Each slide's layout; a slide that cannot be laid out is reported (a bug) and skipped."""
    from briefing.layout import layout_slide  # on first use: other commands skip it
    from briefing.layout.theme import resolve_theme

    theme = resolve_theme(storyboard.theme)
    layouts: list[tuple[Slide, SlideLayout]] = []
    found: list[Diagnostic] = []
    for index, slide in enumerate(storyboard.slides):
        try:
            layouts.append((slide, layout_slide(storyboard, index, theme)))
        except Exception as error:  # a layout bug must not hide the loader's findings; report it
            found.append(
                Diagnostic(
                    storyboard.path,
                    slide.line or 1,  # generated slides (the Sources slide) have no line of their own
                    columns.get(slide.line, 1),
                    f"could not lay out slide '{quoted_title(slide.title)}' to check text fit: {error!r}",
                    "this is a bug in briefing's layout; please report it",
                    (),
                    "warning",
                    "layout-error",
                )
            )
    return layouts, found


def _overflow(
    storyboard: Storyboard,
    layouts: list[tuple[Slide, SlideLayout]],
    columns: dict[int, int],
    source_text: str = "",
) -> list[Diagnostic]:
    """One warning per slide and text role that does not fit (the Sources slide's two columns: one)."""
    found: dict[tuple[int, str], Diagnostic] = {}
    for number, (slide, slide_layout) in enumerate(layouts):
        for box in slide_layout.texts:
            if box.overflow and (number, box.role) not in found:
                found[number, box.role] = _overflow_warning(storyboard, slide, box.role, columns, source_text)
    return list(found.values())


_TOP_LEVEL_SOURCES = re.compile("(?:^|(?<=[\r\n\x85\u2028\u2029]))sources:")


def _overflow_warning(
    storyboard: Storyboard, slide: Slide, role: str, columns: dict[int, int], source_text: str
) -> Diagnostic:
    from briefing.storyboard.model import SourcesBody
    from briefing.storyboard.text import line_and_column

    line, col = slide.line or 1, columns.get(slide.line, 1)
    message = f"the {role} text of slide '{quoted_title(slide.title)}' is too long to fit its box"
    hint = "shorten the text, or move detail into the notes"
    if isinstance(slide.body, SourcesBody):  # generated: the fix is in the sources it lists
        sources = _TOP_LEVEL_SOURCES.search(source_text)
        if sources is not None:
            line, col = line_and_column(source_text, sources.start())
        message = f"the Sources slide cannot show all {len(slide.body.sources)} cited sources"
        hint = (
            "shorten the sources' titles, or leave the slide out with 'sources_slide: false' "
            "(every slide's footer and notes still cite its sources)"
        )
    return Diagnostic(storyboard.path, line, col, message, hint, (), "warning", "text-overflow")


def _once(diagnostics: list[Diagnostic], code: str) -> list[Diagnostic]:
    """``diagnostics`` with repeats of those with ``code`` left out."""
    seen: set[Diagnostic] = set()
    kept = []
    for diagnostic in diagnostics:
        if diagnostic.code == code and diagnostic in seen:
            continue
        seen.add(diagnostic)
        kept.append(diagnostic)
    return kept


def _print_json(files: list[Path], diagnostics: list[Diagnostic], errors: int, warnings: int) -> None:
    document = {
        "files": [str(f.absolute()) for f in files],
        "diagnostics": [d.as_dict() for d in diagnostics],
        "errors": errors,
        "warnings": warnings,
    }
    print(json.dumps(document, indent=2, ensure_ascii=False))


def _summary(files: int, errors: int, warnings: int) -> str:
    def plural(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    checked = plural(files, "file")
    if not errors and not warnings:
        return f"briefing check: {checked} checked, no problems"
    return f"briefing check: {checked} checked, {plural(errors, 'error')}, {plural(warnings, 'warning')}"
