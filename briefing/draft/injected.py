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

from briefing.draft.spam import injected_sentences
from briefing.sources import Line
from briefing.storyboard.lint import script_of as _script_of

script_of = lru_cache(maxsize=4096)(_script_of)  # a report repeats few distinct letters
_LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]+")

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


def clean_line(
    line: Line, allowed: frozenset[str], common: frozenset[str] = frozenset(), main: str = "Latin"
) -> tuple[list[Line], list[Fragment]]:
    """The parts of ``line`` that belong to the report, and the fragments cut out of it.

    A fragment in the middle splits the line: text on either side stays
    verbatim, so phrases cited from it are still found in the report. What a
    foreign run leaves between or beside it that is no sentence of its own
    (a brand and a number: "iPhone 15 70%") goes with it.
    """
    foreign = _foreign_line(line.text, main) or _with_leftovers(line.text, _foreign_runs(line.text, allowed))
    cuts = sorted([*foreign, *injected_sentences(line.text, common)], key=lambda cut: cut[0])
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


def _foreign_line(text: str, main: str) -> list[tuple[int, int, str]]:
    """A whole line of Latin-script prose in a report in another script ("Hot deal!!! Cheap ...").

    Latin letters are allowed in such a report (GDP, iPhone, 5G), so only a
    line of at least four Latin words with fewer letters of the report's own
    scripts than Latin words is cut.
    """
    if main == "Latin":
        return []
    words = _LATIN_WORDS.findall(text)
    if len(words) < 4:
        return []
    own = sum(1 for c in text if c.isalpha() and script_of(c) not in (None, "Latin", "Other"))
    return [(0, len(text), "text in another script (Latin)")] if own < len(words) else []


def _with_leftovers(text: str, runs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Foreign runs, grown over the short gaps between them and over a short end holding a number."""
    if not runs:
        return runs
    grown = [runs[0]]
    for begin, end, reason in runs[1:]:
        gap = text[grown[-1][1] : begin]
        if _scrap(gap, numbers_ok=True):
            grown[-1] = (grown[-1][0], end, grown[-1][2])
        else:
            grown.append((begin, end, reason))
    first, last = grown[0], grown[-1]
    if first[0] > 0 and _scrap(text[: first[0]]) and any(c.isdigit() for c in text[: first[0]]):
        grown[0] = (0, first[1], first[2])
    if last[1] < len(text) and _scrap(text[last[1] :]) and any(c.isdigit() for c in text[last[1] :]):
        grown[-1] = (grown[-1][0], len(text), last[2])
    return grown


def _scrap(text: str, numbers_ok: bool = False) -> bool:
    """A few words that make no sentence: at most three words, no sentence end."""
    words = text.split()
    ends = re.search(r"[.!?。！？:]\s*$", text.strip())
    return len(words) <= 3 and not ends and (numbers_ok or bool(words))


def _merge(cuts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    merged: list[tuple[int, int, str]] = []
    for begin, end, reason in cuts:
        if merged and begin <= merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2])
        else:
            merged.append((begin, end, reason))
    return merged
