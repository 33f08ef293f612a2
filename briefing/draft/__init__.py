"""``briefing draft``: a report (.txt, .md, .docx, .pdf, .html) -> a first-draft storyboard that checks clean.

Pure Python, no Qt, no pptx, no network, no model: the same report always
gives the same draft, byte for byte. The steps, one module each::

    (sources)  bytes -> numbered clean lines with places (briefing.sources, shared with check)
    clean      injected text cut out and reported: injected (other scripts), spam (advertising,
               instructions to a model), relevance (unrelated paragraphs); footnote marks dropped
    headings   lines -> title, intro and one part per heading (tables, block quotes kept apart)
    figures    figures (read by briefing.storyboard.figures) with their meaning and verbatim words;
               figures_zh for Chinese, figure_pairs for ranges and changes
    (quotes)   quotations, speakers and their roles (briefing.sources.quotes, quotes_zh for Chinese;
               shared with check, which proves a quote's speaker by the same reading)
    tables     tables -> charts (plain_rows: tables a PDF gave as rows of words and figures)
    points     prose -> short bullet points; titles in the drafter's words
    plan       parts -> sections of stats, chart, quote and bullet slides (planned: what it makes)
    emit       the plan as readable, deterministic YAML
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefing.draft.clean import clean_lines
from briefing.draft.emit import storyboard_yaml
from briefing.draft.figures import facts_in
from briefing.draft.headings import Outline, Part, outline
from briefing.draft.injected import Fragment
from briefing.draft.plan import pieces, plan_sections
from briefing.draft.points import clipped, title_from_sentence
from briefing.draft.titles import distinct_titles
from briefing.i18n.strings import strings_for
from briefing.sources import Line, Place, SourceDocument, normalised, read_source
from briefing.sources import SourceError as ReportError
from briefing.sources.quotes import quotes_in
from briefing.sources.sentences import sentence_spans

OVERVIEW = "Overview"
MAX_REPEAT_CHECKS = 500  # text box lines compared with the body (each comparison reads the whole body)
# The storyboard's language from the script most of the report is written in.
LANGUAGES = {
    "Latin": "en",
    "Han": "zh",
    "Japanese kana": "ja",
    "Hangul": "ko",
    "Cyrillic": "ru",
    "Arabic": "ar",
    "Hebrew": "he",
    "Greek": "el",
    "Thai": "th",
    "Devanagari": "hi",
}


@dataclass(frozen=True)
class Draft:
    yaml: str
    warnings: tuple[tuple[Place, str], ...]  # (where in the report, message), in report order


def draft_report(report: Path, output: Path, progress: Callable[[int, int], None] | None = None) -> Draft:
    """The draft storyboard for ``report``, to be written at ``output`` (its ``file:`` is relative);
    ``progress(done, total)`` is told of the report's parts as they are drafted."""
    return draft_text(read_source(report), report, output, progress)


def draft_text(
    document: SourceDocument, report: Path, output: Path, progress: Callable[[int, int], None] | None = None
) -> Draft:
    lines, fragments, script = clean_lines(_body_lines(document))
    structure = outline(lines, markdown=document.format != "text")  # every format but plain text has # lines
    _ensure_parts(structure)
    title = clipped(structure.title or _own_title(document.title, fragments) or _title(structure), 90)
    intro = " ".join(p.text for p in structure.intro) or f"A briefing drafted from {report.name}."
    relative = os.path.relpath(report.absolute(), output.absolute().parent)
    sections, stopped = plan_sections(structure, progress=progress)
    if not sections and _ensure_parts(structure, always=True):
        sections, stopped = plan_sections(structure)
    if not sections and fragments:
        first = fragments[0]
        raise ReportError(
            f"{report}: no paragraphs to draft from: all its text was left out as injected "
            f"({len(fragments)} passages; the first, {document.place(first.line, first.col).label}, "
            f"as {first.reason})"
        )
    if not sections:
        raise ReportError(f"{report}: no paragraphs to draft from (the report is empty, or only headings)")
    language = LANGUAGES.get(script, "en")
    distinct_titles(title, sections, reserved=(strings_for(language).sources_title,))
    yaml_text = storyboard_yaml(
        title=title,
        language=language,
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


def _body_lines(document: SourceDocument) -> tuple[Line, ...]:
    """The lines to draft from: notes, headers and footers may be cited, but are no findings; a text
    box that repeats words of the body (a pull quote) would be a second slide of the same words."""
    body = [line for line in document.lines if line.place is None or not line.place.aside]
    boxed = [index for index, line in enumerate(body) if line.place and line.place.part and line.text]
    if boxed:
        flat = normalised(
            " ".join(line.text for line in body if not (line.place and line.place.part))
        ).lower()
        for index in boxed[:MAX_REPEAT_CHECKS]:
            line = body[index]
            words = normalised(line.text.lstrip("#>- ")).strip().strip("\"'.,;:!?").lower()
            if len(words) > 20 and words in flat:
                body[index] = Line(line.number, 1, "", line.place)
    return tuple(body)


def _warning(fragment: Fragment) -> tuple[int, int, str]:
    return fragment.line, fragment.col, f'left out injected {fragment.reason}: "{fragment.text}"'


def _own_title(title: str, fragments: list[Fragment]) -> str:
    """The document's own title (Word's Title, a web page's <title>) unless injected text is in it."""
    title = re.split(r"\s+[|·–—-]\s+", title.strip())[0]  # "Story | The Site": the site is no title
    return "" if any(f.text and f.text in title for f in fragments) else title


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
