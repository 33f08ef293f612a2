"""Slide planning: each part of the report's outline -> a section of slides, in report order.

Per paragraph: comparisons become charts, the other figures ``stats`` slides
(1-4 each), attributed quotations ``quote`` slides, and the remaining prose
collects into bullet slides of short points. Every figure and quotation
cites the verbatim words it came from. Notes are drafted from the sentences
a slide was built from; durations follow from what a slide holds.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from briefing.draft.figures import Comparison, Fact, facts_in
from briefing.draft.headings import Outline, Paragraph, Part
from briefing.draft.plain_rows import as_table, regroup
from briefing.draft.planned import PlannedSection, PlannedSlide
from briefing.draft.points import capitalised, clipped, first_clause, point_span, point_text
from briefing.draft.tables import grid_slides, table_slides
from briefing.sources.quotes import Quote, block_quote, quotes_in
from briefing.sources.sentences import sentence_spans
from briefing.storyboard.figures import numbers_in

MAX_STATS = 4
MAX_POINTS = 5
POINTS_PER_PARAGRAPH = 3
MAX_SLIDES = 800
MAX_PIECE = 3000  # characters of a paragraph planned at once: keeps hostile paragraphs linear


def plan_sections(
    outline: Outline, max_slides: int = MAX_SLIDES, progress: Callable[[int, int], None] | None = None
) -> tuple[list[PlannedSection], int]:
    """The sections, and the report line where drafting stopped (0: the whole report fits).

    A storyboard of more than ``max_slides`` slides is no talk (and would pass
    the loader's size limit), so drafting stops there and says where.
    ``progress(done, total)`` is told of each part of the report drafted.
    """
    sections: list[PlannedSection] = []
    budget = max_slides
    for index, part in enumerate(outline.parts):
        if progress is not None:
            progress(index, len(outline.parts))
        first = part.paragraphs[0].text if part.paragraphs else ""
        spans = sentence_spans(first)
        notes = first[spans[0][0] : spans[0][1]] if spans else ""
        section = PlannedSection(clipped(part.title, 90), part.line, notes)
        section.slides = plan_paragraphs(part.paragraphs, part.title, budget + 1)
        if not section.slides:
            section.slides = _agenda(part, outline.parts[index + 1 :]) or _said(part)
        if len(section.slides) > budget:
            section.slides = section.slides[:budget]
            if section.slides:
                sections.append(section)
            return sections, (section.slides[-1].line if section.slides else part.line)
        budget -= len(section.slides)
        if section.slides:  # a heading with nothing under it makes no section
            sections.append(section)
    if progress is not None:
        progress(len(outline.parts), len(outline.parts))
    return sections, 0


def _agenda(part: Part, following: list[Part]) -> list[PlannedSlide]:
    """A heading with only sub-headings under it: one slide naming them (it still makes a section)."""
    children: list[Part] = []
    for other in following:
        if not part.level or other.level <= part.level:
            break
        children.append(other)
    if not any(child.paragraphs for child in children):
        return []  # headings over nothing: no section
    titles = [clipped(child.title, 160) for child in children[:MAX_POINTS]]
    phrases = [child.title for child in children[:MAX_POINTS] if numbers_in(child.title)]
    notes = f"{part.title}: " + "; ".join(child.title for child in children)
    return [PlannedSlide(part.title, {"bullets": titles}, notes, phrases, 10 + 5 * len(titles), part.line)]


def _said(part: Part) -> list[PlannedSlide]:
    """A heading over prose too short for a point ("More to come."): its words, so the part still shows."""
    texts = [p.text for p in part.paragraphs if p.kind in ("text", "quote") and p.text.strip()]
    if not texts:
        return []
    bullets = [clipped(text.rstrip("."), 160) for text in texts[:MAX_POINTS]]
    phrases = [text for text in texts[:MAX_POINTS] if numbers_in(text)]
    return [
        PlannedSlide(
            part.title, {"bullets": bullets}, " ".join(texts), phrases, 10 + 8 * len(bullets), part.line
        )
    ]


def plan_paragraphs(paragraphs: list[Paragraph], topic: str, limit: int = MAX_SLIDES) -> list[PlannedSlide]:
    slides: list[PlannedSlide] = []
    pending: list[tuple[str, str, str, int]] = []  # (point, verbatim, sentence, line)
    for paragraph, text in ((p, piece) for p in regroup(paragraphs) for piece in _texts(p)):
        if len(slides) >= limit:
            break
        if paragraph.kind == "table":
            slides += table_slides(paragraph.lines, topic)
            continue
        if paragraph.kind.startswith("rows"):
            names, rows = as_table(paragraph.lines, paragraph.kind == "rows+header")
            header = paragraph.lines[0] if paragraph.kind != "rows" else None
            slides += grid_slides(names, rows, topic, header)
            continue
        quotes = quotes_in(text) or (block_quote(text) if paragraph.kind == "quote" else [])
        facts, comparisons = facts_in(text)
        made = _figure_slides(text, facts, comparisons, paragraph.line, topic)
        made += [_quote_slide(text, quote, paragraph.line) for quote in quotes]
        taken = [q.span for q in quotes] + [(f.start, f.start + 1) for f in facts]
        taken += [(start, start + 1) for c in comparisons for start in c.starts]
        pending += _points(text, taken, paragraph.line)
        if made and len(pending) >= 2:
            slides += _bullet_slides(pending, topic, slides)
            pending = []
        slides += made
    if pending:
        slides += _bullet_slides(pending, topic, slides)
    return slides


def _texts(paragraph: Paragraph) -> list[str]:
    return pieces(paragraph.text) if paragraph.kind in ("text", "quote") else [""]


def pieces(text: str) -> list[str]:
    """``text`` in runs of whole sentences of at most about MAX_PIECE characters.

    A report may hold a megabyte on one line; planning it in pieces keeps the
    work per figure and per quotation bounded (each piece is verbatim text).
    """
    if len(text) <= MAX_PIECE:
        return [text]
    runs: list[str] = []
    start = last_end = 0
    for begin, end in sentence_spans(text):
        if end - start > MAX_PIECE and last_end > start:
            runs.append(text[start:last_end])
            start = begin
        last_end = end
    runs.append(text[start:])
    out: list[str] = []
    for run in runs:
        while len(run) > MAX_PIECE:  # one endless sentence: cut between words
            cut = run.rfind(" ", 0, MAX_PIECE)
            cut = cut if cut > 0 else MAX_PIECE
            out.append(run[:cut])
            run = run[cut:].lstrip()
        out.append(run)
    return [run.strip() for run in out if run.strip()]


# --------------------------------------------------------------------------- figures
def _figure_slides(
    text: str, facts: list[Fact], comparisons: list[Comparison], line: int, topic: str
) -> list[PlannedSlide]:
    slides = [_chart_slide(text, c, line) for c in comparisons]
    charted = {start for c in comparisons for start in c.starts}
    single = [f for f in facts if f.start not in charted]
    count = math.ceil(len(single) / _stats_per_slide(single))
    for index in range(count):
        group = single[index * len(single) // count : (index + 1) * len(single) // count]
        slides.append(_stats_slide(text, group, line, topic))
    return sorted(slides, key=lambda s: _first_offset(text, s))


def _stats_per_slide(facts: list[Fact]) -> int:
    """Four stats fit a slide when their values are short; wide ones ("4,200亿元") get more room."""
    widest = max((sum(2 if ord(c) > 0x2E80 else 1 for c in f.shown) for f in facts), default=0)
    return MAX_STATS if widest <= 8 else 3 if widest <= 16 else 2


def _first_offset(text: str, slide: PlannedSlide) -> int:
    return min((text.find(p) for p in slide.phrases if p in text), default=0)


def _stats_slide(text: str, facts: list[Fact], line: int, topic: str) -> PlannedSlide:
    lead = facts[0]
    label = clipped(lead.label.removeprefix("of ").strip(), 70)
    shown = f"{lead.qualifier} {lead.shown}".strip()
    title = f"{capitalised(label)}: {shown}" if label else f"{topic}: {shown}"
    stats = []
    for fact in facts:
        item: dict[str, object] = {"value": fact.value}
        if fact.prefix:
            item["prefix"] = fact.prefix
        if fact.unit:
            item["unit"] = fact.unit
        label = clipped(fact.label or topic, 60)
        item["label"] = f"{label} ({fact.qualifier})" if fact.qualifier else label
        stats.append(item)
    notes = _sentences_with(text, [f.start for f in facts])
    phrases = list(dict.fromkeys(f.phrase for f in facts))
    return PlannedSlide(title, {"stats": stats}, notes, phrases, 20 + 10 * len(facts), line)


def _chart_slide(text: str, comparison: Comparison, line: int) -> PlannedSlide:
    first, second = comparison.categories
    chart: dict[str, object] = {
        "type": "bar",
        "categories": list(comparison.categories),
        "series": [{"name": comparison.series, "values": list(comparison.values)}],
    }
    if comparison.prefix:
        chart["prefix"] = comparison.prefix
    if comparison.unit:
        chart["unit"] = comparison.unit
    cjk = any("\u3400" <= c <= "\u9fff" for c in comparison.series)
    title = clipped(
        f"{comparison.series}：{first}与{second}" if cjk else f"{comparison.series}: {first} versus {second}",
        90,
    )
    notes = _sentences_with(text, list(comparison.starts))
    return PlannedSlide(title, {"chart": chart}, notes, [comparison.phrase], 45, line)


# --------------------------------------------------------------------------- quotes
def _quote_slide(text: str, quote: Quote, line: int) -> PlannedSlide:
    body: dict[str, object] = {"text": quote.text, "who": clipped(quote.who, 60)}
    if quote.role:
        body["role"] = clipped(quote.role, 90)
    title = clipped(f"{quote.who}: {first_clause(quote.parts[0])}", 90)
    notes = _sentences_with(text, list(range(quote.span[0], quote.span[1], 20)))
    seconds = 15 + round(len(quote.text.split()) / 2.5 / 5) * 5
    return PlannedSlide(title, {"quote": body}, notes, [*quote.parts, quote.attribution], seconds, line)


# --------------------------------------------------------------------------- prose
def _points(text: str, taken: list[tuple[int, int]], line: int) -> list[tuple[str, str, str, int]]:
    """The first few points of a paragraph's prose: a slide summarises, the report explains."""
    points: list[tuple[str, str, str, int]] = []
    for start, end in sentence_spans(text):
        if len(points) == POINTS_PER_PARAGRAPH:
            break
        if any(a < end and b > start for a, b in taken):
            continue
        sentence = text[start:end]
        span = point_span(sentence)
        if span is not None:
            points.append((point_text(sentence, span), sentence[span[0] : span[1]], sentence, line))
    return points


def _bullet_slides(
    points: list[tuple[str, str, str, int]], topic: str, before: list[PlannedSlide]
) -> list[PlannedSlide]:
    slides: list[PlannedSlide] = []
    count = math.ceil(len(points) / MAX_POINTS)
    for index in range(count):
        group = points[index * len(points) // count : (index + 1) * len(points) // count]
        earlier = sum(1 for s in [*before, *slides] if "bullets" in s.body)
        title = (
            topic
            if not earlier
            else f"{topic} (continued)"
            if earlier == 1
            else f"{topic} ({roman(earlier + 1)})"
        )
        phrases = [verbatim for shown, verbatim, _, _ in group if numbers_in(shown)]
        notes = " ".join(sentence for _, _, sentence, _ in group)
        bullets = [clipped(shown, 160) for shown, _, _, _ in group]
        slides.append(
            PlannedSlide(title, {"bullets": bullets}, notes, phrases, 10 + 12 * len(group), group[0][3])
        )
    return slides


def roman(number: int) -> str:
    """``number`` in Roman numerals: a continuation mark with no digit (a digit would read as a figure)."""
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, number = divmod(number, value)
        out += letters * count
    return out


def _sentences_with(text: str, offsets: list[int]) -> str:
    chosen = [text[a:b] for a, b in sentence_spans(text) if any(a <= o < b for o in offsets)]
    return " ".join(chosen)
