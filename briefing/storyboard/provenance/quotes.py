"""A ``quote`` slide says what its speaker said: the words are in the source, the speaker named beside them.

The quote's ``text`` must occur in one paragraph of a source (the sources the
slide cites, or every source when it cites none). Whitespace, quote marks,
apostrophes, dashes, letter case and the punctuation at either end are
typography; an ellipsis (``…`` or ``...``) stands for an elided part, so the
pieces around it must occur in that order in the same paragraph. Sentences
may be interrupted by the attribution ('"We did it," says Ann Lee. "All of
it."' is quoted as "We did it. All of it."): each sentence must occur, in
order, in that paragraph.

``who`` must be the speaker the source gives the quote (read as the drafter reads
attributions, ``briefing.sources.quotes``), or, where the paragraph names no speaker for it,
be named in that paragraph: the whole name, or its first or
last word (the family name comes first in Chinese order, last in English
order), so "Michael Yu" is named by a later "Yu", "Dr. Chen Lin" by "Chen
Lin", "Zoë" by "Zoe". A name in a CJK script is found as written. ``role``
is the editor's description and is not proved.

A quote written in another script than the sources it is searched in is a
translation (a Chinese briefing of an English report): its words cannot be
compared letter by letter, so the slide must cite the original words
(``sources: [{ref: ..., phrase: ...}]``), which the phrase check proves; a
translated quote that cites no phrase is an error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from yaml.nodes import Node

from briefing.errors import Diagnostic
from briefing.i18n.scripts import paragraph_script
from briefing.sources.quotes import quotes_in
from briefing.storyboard.provenance.index import Sources
from briefing.storyboard.provenance.quotes_form import quote_form
from briefing.storyboard.provenance.walk import Where, pairs, scalar, where
from briefing.storyboard.provenance.words import fold

_ELLIPSIS = re.compile(r"…|\.\s?\.\s?\.")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")
_TITLES = frozenset("dr dr. prof prof. professor mr mr. mrs mrs. ms ms. miss sir dame mx mx. doctor".split())
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_NAME_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def quote_problems(
    slide: dict[str, Node],
    refs: Sequence[str],
    index: Sources,
    path: Path | None,
    *,
    cites_phrase: bool = False,
) -> list[Diagnostic]:
    """The quote's words and speaker checked against the cited sources (all sources when none is cited)."""
    quote = pairs(slide.get("quote"))
    text_node, who_node = quote.get("text"), quote.get("who")
    words = scalar(text_node)
    parts = [sentence for part in _ELLIPSIS.split(words) for sentence in _SENTENCE_END.split(part)]
    pieces = [p for p in (quote_form(part) for part in parts) if p]
    searched = [ref for ref in dict.fromkeys(refs) if ref in index.texts] or list(index.texts)
    if not pieces or text_node is None or not searched:
        return []
    if translated(words, [index.texts[ref].text for ref in searched]):
        if cites_phrase:
            return []  # proved by the cited original words (phrase check)
        message = "this quote is a translation: cite the original words it translates"
        hint = "add sources: [{ref: ..., phrase: <the speaker's words in the source>}]"
        return [_diag(where(path, text_node), message, hint, "quote-not-in-source")]
    hits = [(ref, p) for ref in searched for p in index[ref].holding(pieces)]
    if not hits:
        return [_not_found(words, searched, index, where(path, text_node))]
    who = scalar(who_node)
    if who_node is None or not who.strip():
        return []
    said = [speakers(p.raw, pieces) for _, p in hits]
    if any(names(" ".join(s), who) if s else names(p.raw, who) for s, (_, p) in zip(said, hits, strict=True)):
        return []
    ref, paragraph = hits[0]
    label = index.texts[ref].place(paragraph.line).label
    hint = f'the quote in the source: "{_excerpt(paragraph.raw, pieces[0])}"'
    if said[0]:
        by = " or ".join(said[0])
        message = f"source '{ref}' attributes this quote to {by} ({label}), not to '{who}'"
    else:
        message = f"'{who}' is not named in the paragraph of source '{ref}' that holds this quote ({label})"
    return [_diag(where(path, who_node), message, hint, "quote-speaker")]


def speakers(paragraph: str, pieces: Sequence[str]) -> list[str]:
    """Who ``paragraph`` says spoke the quote (its ``pieces`` in quote form), read as the drafter
    reads attributions ('"...," notes partner Michael Yu.', 'As Jenny Qian observes: "..."'); empty
    where the paragraph attributes it to nobody by name."""
    found = []
    for quote in quotes_in(paragraph):
        spoken = quote_form(" ".join(quote.parts))
        if pieces[0] in spoken or spoken in pieces[0]:
            found.append(quote.who)
    return found


def translated(words: str, sources: Sequence[str]) -> bool:
    """Whether the quote is written in another script than every source it is searched in."""
    script = paragraph_script(words)
    return bool(script) and all(paragraph_script(text[:20_000]) not in ("", script) for text in sources)


def names(paragraph: str, who: str) -> bool:
    """Whether ``paragraph`` names ``who``: the whole name, or its first or last word (titles and
    accents aside)."""
    if _CJK.search(who):
        squashed = "".join(fold(who).split())
        return bool(squashed) and squashed in "".join(fold(paragraph).split())
    tokens = [w for w in _NAME_WORD.findall(fold(who)) if w not in _TITLES and f"{w}." not in _TITLES]
    if not tokens:
        return True
    present = set(_NAME_WORD.findall(fold(paragraph)))
    return (
        all(t in present for t in tokens)
        or tokens[-1] in present
        or (len(tokens) > 1 and tokens[0] in present)
    )


def _not_found(words: str, refs: list[str], index: Sources, at: Where) -> Diagnostic:
    ref = refs[0]
    text = index.texts[ref]
    line, passage = text.closest_passage(words)
    hint = f'closest passage, {text.path.name} {text.place(line).label}: "{passage}"' if line else ""
    shown = words if len(words) <= 80 else words[:77].rstrip() + "..."
    message = f"quote not found in source '{ref}' ({text.path.name}): \"{shown}\""
    return _diag(at, message, hint, "quote-not-in-source")


def _excerpt(text: str, piece: str, limit: int = 140) -> str:
    """About ``limit`` characters of ``text`` from a little before the quote (where the speaker is named)."""
    words = piece.split()[:3]
    found = re.search(r"\W+".join(map(re.escape, words)), text, re.IGNORECASE) if words else None
    start = max(0, found.start() - 20) if found else 0
    while 0 < start < len(text) and not text[start - 1].isspace():
        start += 1
    excerpt = text[start : start + limit]
    cut = excerpt if len(text) <= start + limit else excerpt.rsplit(" ", 1)[0] + "..."
    return ("..." if start else "") + cut


def _diag(at: Where, message: str, hint: str, code: str) -> Diagnostic:
    return Diagnostic(at.path, at.line, at.col, message, hint, (), "error", code)
