"""Injected text: fragments that are not part of the report, found and cut out before drafting.

Scraped or forwarded reports pick up junk: ads in another script glued to
the front of a line, a promotional sentence, a stray line of spam. None of
it may reach a slide. Two tells, no model: letters of a script the report is
not written in (the report's own script is the one most of its letters are
in), and the vocabulary of advertising. Each fragment is reported with its
line and column and the words dropped, so an editor can see what was cut.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from briefing.sources import Line
from briefing.storyboard.lint import script_of as _script_of

script_of = lru_cache(maxsize=4096)(_script_of)  # a report repeats few distinct letters

PROMOTION = re.compile(
    r"\b(buy now|order now|click here|limited[- ]time offer|free shipping|best prices?|casino|viagra|"
    r"escort service|whatsapp|telegram|wechat|promo code|discount code|subscribe now|call now|"
    r"visit (?:our|my) (?:website|shop|store))\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'(\[])")


@dataclass(frozen=True)
class Fragment:
    """A dropped piece of a line: where it was (1-based), what it said and why it went."""

    line: int
    col: int
    text: str
    reason: str


def report_script(lines: Iterable[Line]) -> str:
    """The script most of the report's letters are written in (Latin for an empty report)."""
    letters: Counter[str] = Counter()
    for line in lines:
        letters.update(line.text)
    counts: Counter[str] = Counter()
    for char, count in letters.items():
        script = script_of(char)
        if script and script != "Other":
            counts[script] += count
    return counts.most_common(1)[0][0] if counts else "Latin"


def allowed_scripts(main: str) -> frozenset[str]:
    # Greek letters are everyday symbols in Latin text (µ, π, Ω).
    return frozenset({main, "Other", "Greek"} if main == "Latin" else {main, "Other", "Latin"})


def clean_line(line: Line, allowed: frozenset[str]) -> tuple[list[Line], list[Fragment]]:
    """The parts of ``line`` that belong to the report, and the fragments cut out of it.

    A fragment in the middle splits the line: text on either side stays
    verbatim, so phrases cited from it are still found in the report.
    """
    cuts = sorted([*_foreign_runs(line.text, allowed), *_promotion(line.text)])
    kept: list[Line] = []
    fragments: list[Fragment] = []
    start = 0
    for begin, end, reason in _merge(cuts):
        if begin < start:
            continue
        _keep(kept, line, start, begin)
        fragments.append(Fragment(line.number, line.col + begin, line.text[begin:end].strip(), reason))
        start = end
    _keep(kept, line, start, len(line.text))
    if len(kept) > 1 and not any(c.isalnum() for c in kept[0].text):  # "## <junk> Heading"
        kept[:2] = [Line(line.number, kept[0].col, f"{kept[0].text} {kept[1].text}", line.place)]
    return kept, fragments


def _keep(kept: list[Line], line: Line, begin: int, end: int) -> None:
    piece = line.text[begin:end]
    text = piece.strip()
    if text:
        kept.append(Line(line.number, line.col + begin + len(piece) - len(piece.lstrip()), text, line.place))


def _foreign_runs(text: str, allowed: frozenset[str]) -> list[tuple[int, int, str]]:
    """Runs of letters in a foreign script (with the punctuation and spaces between them)."""
    runs: list[tuple[int, int, str]] = []
    if "Latin" in allowed and text.isascii():
        return runs
    index = 0
    while index < len(text):
        script = script_of(text[index])
        if script is None or script in allowed:
            index += 1
            continue
        begin, end = index, index + 1
        probe = end
        while probe < len(text):
            other = script_of(text[probe])
            if other is not None and other not in allowed:
                end = probe = probe + 1
            elif other is None:
                probe += 1
            else:
                break
        end = _glued(text, end, 1)
        begin = _glued(text, begin - 1, -1) + 1
        while end < len(text) and text[end].isspace():
            end += 1
        runs.append((begin, end, f"text in another script ({script})"))
        index = end
    return runs


def _glued(text: str, index: int, step: int) -> int:
    """Move past digits and symbols stuck to a foreign run ("...419"): they belong to it."""
    while 0 <= index < len(text) and not text[index].isspace() and script_of(text[index]) is None:
        index += step
    return index


def _promotion(text: str) -> list[tuple[int, int, str]]:
    """Whole sentences that advertise something."""
    runs: list[tuple[int, int, str]] = []
    if not PROMOTION.search(text):
        return runs
    start = 0
    for boundary in [*(m.start() for m in _SENTENCE_END.finditer(text)), len(text)]:
        sentence = text[start:boundary]
        if PROMOTION.search(sentence):
            end = boundary
            while end < len(text) and text[end].isspace():
                end += 1
            runs.append((start, end, "promotional text"))
        start = boundary
        while start < len(text) and text[start].isspace():
            start += 1
    return runs


def _merge(cuts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    merged: list[tuple[int, int, str]] = []
    for begin, end, reason in cuts:
        if merged and begin <= merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2])
        else:
            merged.append((begin, end, reason))
    return merged
