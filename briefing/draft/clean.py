"""The report's lines made ready to draft from: injected text cut out (and reported), footnotes gone.

Per line (``injected``): foreign-script runs, advertising and instructions.
Per paragraph (``relevance``): paragraphs that share no words with the rest
of the report. Footnote markers ("[^1]", "¹") and footnote definitions never
reach a slide; code blocks are left to the outline, which drops them, and are
not judged here (code is not prose).
"""

from __future__ import annotations

import re
from collections import Counter

from briefing.draft.injected import Fragment, allowed_scripts, clean_line, report_script
from briefing.draft.relevance import unrelated
from briefing.draft.spam import cue_words
from briefing.sources import Line

FENCE = re.compile(r"^(```|~~~)")
FOOTNOTE_MARK = re.compile(r"(?<=\S)\[\^?[\w-]{1,12}\]|(?<=[^\s\d])[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_SUPERSCRIPT = re.compile("[¹²³⁴⁵⁶⁷⁸⁹⁰]")
FOOTNOTE_DEFINITION = re.compile(r"^\[\^[\w-]{1,12}\]:")
UNRELATED = "line unrelated to the report around it"
_SENTENCE_END = re.compile(r"[.!?。！？][\"”’」』)]*$")


def clean_lines(lines: tuple[Line, ...]) -> tuple[list[Line], list[Fragment], str]:
    """The kept lines (a blank line where a whole line went), the fragments cut, the report's script."""
    script = report_script(lines)
    allowed = allowed_scripts(script)
    common = _common_cues(lines)
    kept: list[Line] = []
    fragments: list[Fragment] = []
    fenced = False
    for line in lines:
        if FENCE.match(line.text):
            fenced = not fenced
        if fenced or FENCE.match(line.text):
            kept.append(line)
            continue
        if FOOTNOTE_DEFINITION.match(line.text):
            kept.append(Line(line.number, 1, "", line.place))
            continue
        pieces, dropped = clean_line(line, allowed, common, script)
        fragments += dropped
        if not line.text.startswith("|"):  # a table row is cited whole, marker and all
            pieces = [piece for p in pieces for piece in _without_footnotes(p)]
        blank = Line(line.number, 1, "", line.place)
        if pieces == [line]:
            kept.append(line)
            continue
        # Something was cut: text either side of a cut is no longer one sentence, and the line
        # no longer runs on verbatim into its neighbours either.
        for piece in pieces:
            kept += [blank, piece]
        kept.append(blank)
    kept, more = _related(kept)
    return kept, sorted(fragments + more, key=lambda f: (f.line, f.col)), script


def _common_cues(lines: tuple[Line, ...]) -> frozenset[str]:
    """Advertising cue words the report uses in three lines or more: its subject, not spam."""
    counts: Counter[str] = Counter()
    for line in lines:
        counts.update(set(cue_words(line.text)))
    return frozenset(word for word, count in counts.items() if count >= 3)


def _without_footnotes(line: Line) -> list[Line]:
    if "[" not in line.text and not _SUPERSCRIPT.search(line.text):
        return [line]  # most lines: no mark to look for
    pieces: list[Line] = []
    start = 0
    for mark in [*FOOTNOTE_MARK.finditer(line.text), None]:
        end = mark.start() if mark else len(line.text)
        text = line.text[start:end]
        if text.strip():
            col = line.col + start + len(text) - len(text.lstrip())
            pieces.append(Line(line.number, col, text.strip(), line.place))
        start = mark.end() if mark else end
    return pieces


def _units(lines: list[Line], block: list[int]) -> list[list[int]]:
    """A block of lines that (nearly all) end a sentence is a paragraph per line (plain text written
    that way, as many reports are, a title or heading line among them); any other block is one."""
    ends = sum(1 for i in block if _SENTENCE_END.search(lines[i].text))
    if len(block) >= 3 and ends >= 0.75 * len(block):
        return [[i] for i in block]
    return [block]


def _related(lines: list[Line]) -> tuple[list[Line], list[Fragment]]:
    """``lines`` without the paragraphs unrelated to the rest of the report."""
    paragraphs: list[list[int]] = [[]]
    for index, line in enumerate(lines):
        if line.text:
            paragraphs[-1].append(index)
        elif paragraphs[-1]:
            paragraphs.append([])
    paragraphs = [unit for p in paragraphs if p for unit in _units(lines, p)]
    texts = [" ".join(lines[i].text for i in p) for p in paragraphs]
    fragments: list[Fragment] = []
    for flagged in unrelated(texts):
        for index in paragraphs[flagged]:
            line = lines[index]
            fragments.append(Fragment(line.number, line.col, line.text, UNRELATED))
            lines[index] = Line(line.number, 1, "", line.place)
    return lines, fragments
