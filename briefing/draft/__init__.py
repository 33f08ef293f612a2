"""``briefing draft``: a report (.txt, .md, .docx) -> a first-draft storyboard that checks clean.

Pure Python, no Qt, no pptx, no network, no model: the same report always
gives the same draft, byte for byte. The steps, one module each::

    report     bytes -> numbered clean lines (any encoding, Word too)
    injected   foreign-script and promotional fragments cut out, each reported
    headings   lines -> title, intro and one part per heading
    figures    numbers with their meaning and the verbatim words around them
    quotes     quotations, speakers and their roles
    points     prose -> short bullet points; titles in the drafter's words
    plan       parts -> sections of stats, chart, quote and bullet slides
    emit       the plan as readable, deterministic YAML
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from briefing.draft.emit import storyboard_yaml
from briefing.draft.headings import Outline, outline
from briefing.draft.injected import Fragment, allowed_scripts, clean_line, report_script
from briefing.draft.plan import plan_sections
from briefing.draft.points import title_from_sentence
from briefing.draft.report import Line, ReportError, ReportText, read_report
from briefing.draft.sentences import sentence_spans


@dataclass(frozen=True)
class Draft:
    yaml: str
    warnings: tuple[tuple[int, int, str], ...]  # (line, col, message) in the report


def draft_report(report: Path, output: Path) -> Draft:
    """The draft storyboard for ``report``, to be written at ``output`` (its ``file:`` is relative)."""
    text = read_report(report)
    return draft_text(text, report, output)


def draft_text(text: ReportText, report: Path, output: Path) -> Draft:
    lines, fragments = _clean(text.lines)
    structure = outline(lines, markdown=report.suffix.lower() in (".md", ".markdown", ".docx"))
    _ensure_parts(structure)
    title = structure.title or _title(structure)
    intro = " ".join(p.text for p in structure.intro) or f"A briefing drafted from {report.name}."
    relative = os.path.relpath(report.absolute(), output.absolute().parent)
    yaml_text = storyboard_yaml(
        title=title,
        notes=intro,
        report_title=title,
        report_file=Path(relative).as_posix(),
        report_name=report.name,
        sections=plan_sections(structure),
    )
    warnings = [*text.notices, *(_warning(f) for f in fragments)]
    return Draft(yaml_text, tuple(sorted(warnings)))


def _clean(lines: tuple[Line, ...]) -> tuple[list[Line], list[Fragment]]:
    allowed = allowed_scripts(report_script(lines))
    kept: list[Line] = []
    fragments: list[Fragment] = []
    for line in lines:
        pieces, dropped = clean_line(line, allowed)
        fragments += dropped
        kept += pieces if pieces else [Line(line.number, 1, "")]
    return kept, fragments


def _warning(fragment: Fragment) -> tuple[int, int, str]:
    return fragment.line, fragment.col, f'left out injected {fragment.reason}: "{fragment.text}"'


def _title(structure: Outline) -> str:
    first = structure.intro[0].text if structure.intro else ""
    if not first and structure.parts and structure.parts[0].paragraphs:
        first = structure.parts[0].paragraphs[0].text
    spans = sentence_spans(first)
    return title_from_sentence(first[spans[0][0] : spans[0][1]]) if spans else "Briefing"


def _ensure_parts(structure: Outline) -> None:
    """A report without headings still drafts: its paragraphs become one section."""
    from briefing.draft.headings import Part

    if not structure.parts and structure.intro:
        structure.parts.append(Part(structure.title or "Overview", structure.intro[0].line, structure.intro))
        structure.intro = []


__all__ = ["Draft", "ReportError", "draft_report", "draft_text"]
