"""One slide proved against its sources: its phrases, its quote, its derivations and every figure it shows."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import Node

from briefing.errors import Diagnostic
from briefing.storyboard.provenance.arithmetic import body_claims, cited_claim, phrase_claims, text_claims
from briefing.storyboard.provenance.binding import Cited, cited_numbers, figure_problems
from briefing.storyboard.provenance.derivations import (
    Computation,
    Quantity,
    computations,
    defined_figures,
    equal_at,
    is_derived,
)
from briefing.storyboard.provenance.index import Sources
from briefing.storyboard.provenance.measures import SAME, Measure, measures_in, relation
from briefing.storyboard.provenance.quotes import quote_problems
from briefing.storyboard.provenance.walk import (
    Figure,
    SlideContext,
    Text,
    Where,
    items,
    pairs,
    scalar,
    slide_figures,
    slide_texts,
    where,
)
from briefing.storyboard.provenance.words import about, stems

# Numbers a derivation may use without citing them: 100% (a whole), and the plain
# numbers of units of time and of ten.
CONSTANTS = frozenset({1.0, 2.0, 7.0, 10.0, 12.0, 24.0, 52.0, 60.0, 100.0, 365.0, 1000.0})
DERIVE_HINT = 'write the arithmetic over cited figures, e.g. note: "derived: 100% - 58% = 42%"'


@dataclass(frozen=True)
class Citation:
    ref: str
    phrase: str
    note: str
    node: Node | None  # the phrase's value node
    note_node: Node | None


def citations(node: Node | None) -> Iterator[Citation]:
    for item in items(node):
        fields = pairs(item)
        ref = scalar(fields.get("ref"))
        if ref:
            phrase_node = fields.get("phrase")
            note_node = fields.get("note")
            yield Citation(ref, scalar(phrase_node), scalar(note_node), phrase_node, note_node)


def check_slide(slide: dict[str, Node], context: SlideContext, sources: Sources) -> list[Diagnostic]:
    cited_by = list(citations(slide.get("sources")))
    found = [d for c in cited_by if (d := phrase_problem(c, context.path, sources)) is not None]
    if "quote" in slide:
        refs, phrase = [c.ref for c in cited_by], any(c.phrase.strip() for c in cited_by)
        found.extend(quote_problems(slide, refs, sources, context.path, cites_phrase=phrase))
    if any(c.ref not in sources.texts for c in cited_by):
        return found  # figures backed by a source we cannot read are not judged
    cited = cited_numbers([c.phrase for c in cited_by if c.phrase])
    figures = list(slide_figures(slide, context))
    derived = Derived()
    for citation in cited_by:
        if is_derived(citation.note) and citation.note_node is not None:
            found.extend(_derivation(citation, figures, cited, derived, context.path))
    texts = list(slide_texts(slide, context))
    found.extend(stated_arithmetic(texts, figures, cited, [c.phrase for c in cited_by], derived.shows))
    return found + figure_problems(figures, cited, derived.shows, derived.numbers)


def phrase_problem(citation: Citation, path: Path | None, sources: Sources) -> Diagnostic | None:
    if citation.ref not in sources.texts or not citation.phrase or citation.node is None:
        return None
    if sources[citation.ref].contains(citation.phrase):
        return None
    text = sources.texts[citation.ref]
    line, passage = text.closest_passage(citation.phrase)
    hint = f'closest passage, {text.path.name} {text.place(line).label}: "{passage}"' if line else ""
    message = f"phrase not found in source '{citation.ref}' ({text.path.name}): \"{citation.phrase}\""
    return _error(where(path, citation.node), message, hint, "phrase-not-in-source")


# --------------------------------------------------------------------------- arithmetic in a text
def stated_arithmetic(
    texts: Sequence[Text],
    figures: Sequence[Figure],
    cited: Sequence[Cited],
    phrases: Sequence[str],
    shows: dict[int, Cited],
) -> list[Diagnostic]:
    """Errors where a text's own arithmetic does not compute (see :mod:`.arithmetic`); the figures it
    proves, or finds wrong, go into ``shows`` (so they are judged once)."""
    body = [f.measure for f in figures if f.words in ("", "chart")]
    at = {(f.words, f.origin, f.offset): i for i, f in enumerate(figures) if f.offset >= 0}
    measures, joined = [c.measure for c in cited], " ".join(phrases).lower()
    problems = []
    for text in texts:
        for claim in text_claims(text.text):
            claim = phrase_claims(body_claims(claim, body), phrases)
            if not claim.expected or cited_claim(claim, measures, joined):
                continue
            index = at.get((text.text, text.origin, claim.start))
            if index is not None and index not in shows:
                shows[index] = Cited(figures[index].measure, figures[index].about, text.text)
            if not claim.holds():
                gives = claim.how.split(" = ")[-1].split(" (")[0]
                message = f"the slide states {claim.text}, but the figures it is computed from give {gives}"
                hint = f"computed as {claim.how}; correct the figure or the figures it is computed from"
                problems.append(_error(text.place(claim.start), message, hint, "arithmetic"))
    return problems


# --------------------------------------------------------------------------- derivations
@dataclass
class Derived:
    """What the slide's derivations prove: figure index -> the note that shows it, and the notes' figures."""

    shows: dict[int, Cited] = field(default_factory=dict)
    numbers: list[Cited] = field(default_factory=list)


def _derivation(
    citation: Citation, figures: Sequence[Figure], cited: Sequence[Cited], derived: Derived, path: Path | None
) -> list[Diagnostic]:
    """Problems of one ``derived:`` note; the figures it proves go into ``derived``."""
    assert citation.note_node is not None
    at = where(path, citation.note_node)
    found = computations(citation.note)
    if not found:
        return [_error(at, "the derivation has no arithmetic to compute", DERIVE_HINT, "derivation")]
    note_words = frozenset(stems(citation.note))
    problems = []
    for computation in found:
        shown = [m for m in [*computation.operands, computation.stated] if m is not None]
        derived.numbers.extend(Cited(m, note_words, citation.note) for m in shown)
        problem = _computation_problem(computation, cited)
        if problem:
            problems.append(_error(at, problem, DERIVE_HINT, "derivation"))
            continue
        shows = _proves(computation, figures, citation.note)
        if not shows:
            assert computation.result is not None
            gives = _quantity_text(computation.result)
            message = f"the derivation gives {gives} but the slide shows no such figure"
            problems.append(
                _error(at, message, "show the computed figure, or correct the note", "derivation")
            )
        said = _about_result(citation.note, computation)
        derived.shows.update({i: Cited(figures[i].measure, said, citation.note) for i in shows})
    if not problems:
        problems.extend(
            _error(at, m, DERIVE_HINT, "derivation") for m in _stray(citation.note, found, figures, cited)
        )
    return problems


def _stray(
    note: str, found: list[Computation], figures: Sequence[Figure], cited: Sequence[Cited]
) -> list[str]:
    """Figures the note's prose states that are neither cited, shown, computed nor constants."""
    results = [c.result for c in found if c.result is not None]
    known = [*(c.measure for c in cited), *(f.measure for f in figures)]
    messages = []
    for _, measure in measures_in(note):
        if _constant(measure) or any(equal_at(result, measure) for result in results):
            continue
        if not any(relation(measure, other) == SAME for other in known):
            messages.append(f"the note says {measure.text}, which is in no phrase this slide cites")
    return messages[:1]


def _about_result(note: str, computation: Computation) -> frozenset[str]:
    """The words of the note around its result ("the 42% for other destinations"), if it names it."""
    assert computation.result is not None
    for number, measure in measures_in(note):
        if measure is not computation.stated and equal_at(computation.result, measure):
            return about(note, number.start, number.end)
    return frozenset()


def _computation_problem(computation: Computation, cited: Sequence[Cited]) -> str:
    if computation.problem or computation.result is None:
        return f"the derivation does not compute: {computation.problem or 'no result'}"
    for operand in computation.operands:
        if not _constant(operand) and not any(relation(operand, c.measure) == SAME for c in cited):
            return f"the derivation uses {operand.text}, which is in no phrase this slide cites"
    stated = computation.stated
    if stated is not None and not equal_at(computation.result, stated):
        return f"the arithmetic gives {_quantity_text(computation.result)}, not {stated.text}"
    return ""


def _constant(measure: Measure) -> bool:
    if measure.percent:
        return measure.value == 100.0 and measure.scale == 1.0
    return measure.bare and measure.value in CONSTANTS


def _proves(computation: Computation, figures: Sequence[Figure], note: str) -> set[int]:
    """Figures the computation shows: its result, and its uncited constants where they are shown
    beside the result in a text ("the 70% is 100% minus the 30%"), or in a chart or stats when the
    note defines them ("index with 2020 = 100")."""
    result = computation.result
    assert result is not None
    proved = {i for i, f in enumerate(figures) if equal_at(result, f.measure)}
    constants = [op for op in computation.operands if _constant(op)]
    defined = [m for m in defined_figures(note) if _constant(m)]
    beside = {_container(figures[i]) for i in proved if figures[i].words not in ("", "chart")}
    for index, figure in enumerate(figures):
        allowed = (
            defined if figure.words in ("", "chart") else constants if _container(figure) in beside else []
        )
        if any(relation(figure.measure, op) == SAME for op in allowed):
            proved.add(index)
    return proved


def _container(figure: Figure) -> tuple[str, int]:
    """The text, the chart or the stats a figure is shown in."""
    return (figure.words, figure.at.line if figure.words not in ("", "chart") else 0)


def _quantity_text(result: Quantity) -> str:
    value = f"{result.value:,.4f}".rstrip("0").rstrip(".")
    return f"{value}%" if result.percent else value


def _error(at: Where, message: str, hint: str, code: str) -> Diagnostic:
    return Diagnostic(at.path, at.line, at.col, message, hint, (), "error", code)
