"""Prose -> short points for bullet slides, and the titles the drafter writes.

A bullet is a point, not a sentence: connectives and leading subordinate
clauses go ("Indeed, ...", "As X prepares ..., "), trailing asides go (", while
...", " - ...", ", solving ..."), and what is left stays in the report's own
words, so it can be cited verbatim when it carries a number.
"""

from __future__ import annotations

import re

MAX_POINT_WORDS = 18
MAX_CJK_POINT = 40
MIN_CJK_POINT = 4
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
MIN_POINT_WORDS = 3
_CONNECTIVE = re.compile(
    r"^(?:indeed|meanwhile|however|moreover|still|yet|also|in fact|in short|today),\s+", re.I
)
_LEADING_CLAUSE = re.compile(
    r"^(?:as|while|although|though|despite|since|when|once)\b(?:\s+[^\s,]+){0,12},\s+", re.I
)
_ASIDE = re.compile(
    r"\s+[-–—]\s+|;\s+|,\s+(?=(?:while|which|where|whereas|but|though|although)\b|[\w-]+ing\b)"
)


def point_span(sentence: str) -> tuple[int, int] | None:
    """(start, end) of the point inside ``sentence`` (a verbatim span), or None if too short."""
    if _CJK.search(sentence) and len(sentence.split()) < MIN_POINT_WORDS:
        return _cjk_point(sentence)
    start, end = 0, len(sentence.rstrip().rstrip(".!?:;").rstrip())
    for pattern in (_CONNECTIVE, _LEADING_CLAUSE):
        lead = pattern.match(sentence, start)
        if lead and len(sentence[lead.end() : end].split()) >= MIN_POINT_WORDS + 2:
            start = lead.end()
    for aside in _ASIDE.finditer(sentence, start, end):
        if len(sentence[start : aside.start()].split()) >= 6:
            end = aside.start()
            break
    words = sentence[start:end].split()
    if len(words) < MIN_POINT_WORDS:
        return None
    if len(words) > MAX_POINT_WORDS:
        comma = sentence.rfind(", ", start, _word_end(sentence, start, MAX_POINT_WORDS))
        if comma > start and len(sentence[start:comma].split()) >= 6:
            end = comma
    return start, end


def _cjk_point(sentence: str) -> tuple[int, int] | None:
    """A Chinese (or Japanese) sentence as a point: without its full stop, cut at a comma when long."""
    end = len(sentence.rstrip().rstrip("。！？；：.!?;:”」』").rstrip())
    if end > MAX_CJK_POINT:
        comma = sentence.find("，", MIN_CJK_POINT, MAX_CJK_POINT)
        end = comma if comma > 0 else end
    return (0, end) if end >= MIN_CJK_POINT else None


def point_text(sentence: str, span: tuple[int, int]) -> str:
    """The point as shown: its first letter capitalised, cut with an ellipsis when still long."""
    text = sentence[span[0] : span[1]]
    words = text.split()
    if len(text) > MAX_CJK_POINT * 2 and len(words) < MIN_POINT_WORDS:
        cut = MAX_CJK_POINT * 2
        while cut > 0 and (text[cut].isdigit() or text[cut - 1] in "0123456789.,%"):
            cut -= 1  # never inside a figure
        text = text[:cut] + "…"
    elif len(words) > MAX_POINT_WORDS:
        text = " ".join(words[: MAX_POINT_WORDS - 2]) + "…"
    return text[:1].upper() + text[1:]


def _word_end(text: str, start: int, count: int) -> int:
    spans = [m.end() for m in re.finditer(r"\S+", text[start:])]
    return start + spans[min(count, len(spans)) - 1] if spans else start


def first_clause(text: str, words: int = 12) -> str:
    """The opening words of a quotation, up to its first pause, for a slide title."""
    clause = re.split(r"[,;:.!?]|\s[-–—]\s", text, maxsplit=1)[0].strip()
    parts = clause.split()
    return capitalised(" ".join(parts[:words]) + ("…" if len(parts) > words else ""))


def clipped(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut between words, never inside a number."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    cut = cut if cut > limit // 2 else limit - 1
    return text[:cut].rstrip(" ,.;:-–—0123456789$€£¥%") + "…"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


TITLE_LEAD = re.compile(
    r"^(?:this|the|our|a|an)\s+(?:[\w-]+\s+){0,2}(?:report|study|paper|analysis|review|survey|brief|"
    r"briefing|article|document)\s+(?:\w+\s+)?(?:examines|explores|analyses|analyzes|looks at|describes|"
    r"investigates|reviews|assesses|covers|sets out|presents|shows)\s+",
    re.I,
)


def title_from_sentence(sentence: str) -> str:
    """A title in the drafter's words from a report's opening sentence (what the report is about)."""
    text = TITLE_LEAD.sub("", sentence.strip())
    text = re.split(r",\s|;\s|\s[-–—]\s|:\s", text, maxsplit=1)[0].rstrip(".!?")
    words = text.split()
    return capitalised(" ".join(words[:10]) + ("…" if len(words) > 10 else ""))
