"""``briefing draft``: a report (.txt, .md, .docx) -> a first-draft storyboard that checks clean.

Pure Python, no Qt, no pptx, no network, no model: the same report always
gives the same draft, byte for byte. The steps, one module each::

    (sources)  bytes -> numbered clean lines with places (briefing.sources, shared with check)
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
from briefing.draft.figures import facts_in
from briefing.draft.headings import Outline, Part, outline
from briefing.draft.injected import Fragment, allowed_scripts, clean_line, report_script
from briefing.draft.plan import pieces, plan_sections
from briefing.draft.points import clipped, title_from_sentence
from briefing.draft.quotes import quotes_in
from briefing.draft.sentences import sentence_spans
from briefing.sources import Line, Place, SourceDocument, read_source
from briefing.sources import SourceError as ReportError

OVERVIEW = "Overview"
# The storyboard's language from the script most of the report is written in.
LANGUAGES = {"Latin": "en", "Han": "zh", "Japanese kana": "ja", "Hangul": "ko", "Cyrillic": "ru",
             "Arabic": "ar", "Hebrew": "he", "Greek": "el", "Thai": "th", "Devanagari": "hi"}


@dataclass(frozen=True)
class Draft:
    yaml: str
    warnings: tuple[tuple[Place, str], ...]  # (where in the report, message), in report order


def draft_report(report: Path, output: Path) -> Draft:
    """The draft storyboard for ``report``, to be written at ``output`` (its ``file:`` is relative)."""
    return draft_text(read_source(report), report, output)


def draft_text(document: SourceDocument, report: Path, output: Path) -> Draft:
    lines, fragments, script = _clean(document.lines)
    structure = outline(lines, markdown=report.suffix.lower() in (".md", ".markdown", ".docx"))
    _ensure_parts(structure)
    title = clipped(structure.title or _title(structure), 90)
    intro = " ".join(p.text for p in structure.intro) or f"A briefing drafted from {report.name}."
    relative = os.path.relpath(report.absolute(), output.absolute().parent)
    sections, stopped = plan_sections(structure)
    if not sections and _ensure_parts(structure, always=True):
        sections, stopped = plan_sections(structure)
    if not sections:
        raise ReportError(f"{report}: no paragraphs to draft from (the report is empty, or only headings)")
    yaml_text = storyboard_yaml(
        title=title,
        language=LANGUAGES.get(script, "en"),
        notes=intro,
        report_title=title,
        report_file=Path(relative).as_posix(),
        report_name=report.name,
        sections=sections,
    )
    found = [(n.place.line, n.place.col, n.message) for n in document.notices]
    found += [_warning(f) for f in fragments]
    if stopped:
        slides = sum(len(section.slides) for section in sections)
        message = f"the report is too long for one talk: drafted {slides} slides, up to here"
        found.append((stopped, 1, message))
    warnings = tuple((document.place(line, col), message) for line, col, message in sorted(found))
    return Draft(yaml_text, warnings)


def _clean(lines: tuple[Line, ...]) -> tuple[list[Line], list[Fragment], str]:
    script = report_script(lines)
    allowed = allowed_scripts(script)
    kept: list[Line] = []
    fragments: list[Fragment] = []
    for line in lines:
        pieces, dropped = clean_line(line, allowed)
        fragments += dropped
        kept += pieces if pieces else [Line(line.number, 1, "", line.place)]
    return kept, fragments, script


def _warning(fragment: Fragment) -> tuple[int, int, str]:
    return fragment.line, fragment.col, f'left out injected {fragment.reason}: "{fragment.text}"'


def _title(structure: Outline) -> str:
    first = structure.intro[0].text if structure.intro else ""
    if not first and structure.parts and structure.parts[0].paragraphs:
        first = structure.parts[0].paragraphs[0].text
    spans = sentence_spans(first)
    return title_from_sentence(first[spans[0][0] : spans[0][1]]) if spans else "Briefing"


def _ensure_parts(structure: Outline, *, always: bool = False) -> bool:
    """Paragraphs before the first heading become an "Overview" section when they state
    figures or quotations (each must reach a slide), or when nothing else would make one."""
    if not structure.intro or (structure.parts and structure.parts[0].title == OVERVIEW):
        return False
    stated = any(facts_in(run)[0] or quotes_in(run) for p in structure.intro for run in pieces(p.text))
    if always or stated or not structure.parts:
        structure.parts.insert(0, Part(OVERVIEW, structure.intro[0].line, list(structure.intro)))
        return True
    return False


__all__ = ["Draft", "ReportError", "draft_report", "draft_text"]
