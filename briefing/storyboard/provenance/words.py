"""Words that say what a number is about, compared the way a reader would ("startups" is "startup")."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from briefing.sources import normalised

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_BREAK = re.compile(r"[;:,.()\[\]!?\u3001\u3002\uff0c\uff1b]|\b(?:and|versus|vs|while|with|but|or)\b", re.I)
STOP = frozenset(
    "a an the of in on at to for by from as is are was were be been its it this that these those "
    "their his her our your than then there here per each every about up down into "
    "more most less least some all any no not new last next first".split()
)
_BEFORE_WORDS, _AFTER_WORDS = 4, 6
_YEAR = re.compile(r"(?<!\d)((?:1[5-9]|20)\d\d)(?!\d)")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
_NEIGHBOUR_BEFORE = re.compile(r"([^\W\d_]+)\s*\Z")
_NEIGHBOUR_AFTER = re.compile(r"\s*([^\W\d_]+)")
_NUMBERS = re.compile(r"\d+(?:[.,]\d+)*")  # one token: "2,100" holds no clause break


@lru_cache(maxsize=16384)
def flat(text: str) -> str:
    """``briefing.sources.normalised(text)``, worked out once per distinct text (phrases repeat)."""
    return normalised(text)


def fold(text: str) -> str:
    """Lower case without accents: "Dubois" and "dubois", "Jing'an" and "jing'an", "é" and "e"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stems(text: str) -> set[str]:
    """The content words of ``text``, each cut to five letters (a poor man's stemmer, enough here);
    Chinese, Japanese and Korean, written without spaces, as pairs of characters."""
    found: set[str] = set()
    for word in _WORD.findall(fold(text)):
        if _CJK.search(word):
            found.update(_pairs(word))
        elif word not in STOP and len(word) > 2:
            found.add(word[:5])
    return found


def _pairs(word: str) -> set[str]:
    runs = [run for run in _CJK_RUN.findall(word) if run]
    return {run[i : i + 2] for run in runs for i in range(max(1, len(run) - 1))}


def context(text: str, start: int, end: int) -> str:
    """The words around the number at ``text[start:end]``: a few before, more after, in its clause."""
    before = _BREAK.split(_NUMBERS.sub("0", text[:start]))[-1]
    after = _BREAK.split(_NUMBERS.sub("0", text[end:]))[0]
    before_words = _WORD.findall(before)[-_BEFORE_WORDS:]
    after_words = _WORD.findall(re.split(r"\d", after)[0])[:_AFTER_WORDS]
    if before_words and _CJK.search(before_words[-1]):  # unspaced: the characters next to it
        before_words = [before_words[-1][-_BEFORE_WORDS:]]
    if after_words and _CJK.search(after_words[0]):
        after_words = [after_words[0][:_BEFORE_WORDS]]
    return " ".join([*before_words, *after_words])


def about(text: str, start: int, end: int) -> frozenset[str]:
    """What the number at ``text[start:end]`` is about: its clause's words, and the words right next
    to it ("<top" for "top 100", "<by" for "by 2027", ">unive" for "4 universities"), which tell two
    numbers of one clause apart."""
    found = set(stems(context(text, start, end)))
    before = _NEIGHBOUR_BEFORE.search(text[max(0, start - 40) : start])
    after = _NEIGHBOUR_AFTER.match(text, end)
    if before and len(before.group(1)) > 1:
        found.add("<" + _last(fold(before.group(1))))
    if after and len(after.group(1)) > 1:
        found.add(">" + fold(after.group(1))[: 2 if _CJK.match(after.group(1)) else 5])
    return frozenset(found)


def _last(word: str) -> str:
    """A neighbour word as a mark: its first five letters, or its last two characters in CJK."""
    return word[-2:] if _CJK.search(word[-1:]) else word[:5]


def year_marks(text: str) -> set[str]:
    """ "@2019" for each year a label names: a chart of a change is labelled by its years."""
    return {"@" + year for year in _YEAR.findall(text)}


_ROLE_WORDS = {
    "before": "@from",
    "then": "@from",
    "earlier": "@from",
    "after": "@to",
    "now": "@to",
    "today": "@to",
}


def role_marks(text: str, role: str = "") -> set[str]:
    """Marks for the ends of a change: a cited "from 12% to 19%", a chart's "Before" and "After"."""
    found = {"@" + role} if role in ("from", "to") else set()
    return found | {_ROLE_WORDS[w] for w in _WORD.findall(fold(text)) if w in _ROLE_WORDS}


def overlap(a: set[str], b: set[str]) -> int:
    return len(a & b)
