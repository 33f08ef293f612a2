"""Lines unrelated to the report around them: a cheap, deterministic vocabulary measure.

A paragraph belongs to a report when it shares words with the rest of it: a
paragraph about swarm collection in a beekeeping report shares "swarm",
"council" and "hive" with other paragraphs; "My cousin's wedding cake had
seven tiers" shares nothing. Words are compared by their first five letters
(so "councils" meets "council"), after dropping short and common words; Han
text is compared by pairs of characters. A paragraph of at least
``MIN_TOKENS`` such words of which fewer than ``MIN_SHARED`` are found in any
other paragraph is unrelated. Short paragraphs, headings, tables, quotes and
code are never judged: too little to go on.

What it cannot catch: an injected line that reuses the report's vocabulary
("Bees are best bought at our shop"), or one inside a long paragraph (only
whole paragraphs are judged); and a genuinely new subject introduced in one
paragraph of its own can be flagged (a report that changes subject every
paragraph shares few words; this is why a paragraph needs most of its words
unshared to be flagged).
"""

from __future__ import annotations

import re
from collections import Counter

MIN_TOKENS = 5
MIN_SHARED = 0.05
MIN_PARAGRAPHS = 5
STEM = 5
_LATIN_WORD = re.compile(r"[^\W\d_]{4,}")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]{2,}")
STOP = frozenset(
    "that this with from have were been their there which about would could should these those into than "
    "then they them what when where while also more most much many some such only over very just each other "
    "after before under every because between through during without".split()
)
# Han pairs that join any two sentences: particles and the commonest function words.
HAN_STOP = frozenset("我们 他们 这个 一个 没有 可以 已经 如果 因为 所以 但是 而且 以及 其中 目前".split())
SKIP_START = ("#", ">", "|", "-", "*", "+", "```", "~~~", "[")


def tokens(text: str) -> set[str]:
    """The words of ``text`` as compared: five-letter stems, Han character pairs."""
    found = {w[:STEM] for w in _LATIN_WORD.findall(text.lower()) if w not in STOP}
    for run in _HAN_RUN.finditer(text):
        chars = run.group()
        found.update(p for p in (chars[i : i + 2] for i in range(len(chars) - 1)) if p not in HAN_STOP)
    return found


def unrelated(paragraphs: list[str]) -> list[int]:
    """Indexes of the paragraphs that share (almost) no words with all the others."""
    flagged: list[int] = []
    if sum(1 for p in paragraphs if len(p) >= 4 * MIN_TOKENS) < MIN_PARAGRAPHS:
        return flagged  # too little report to tell what it is about
    every = [tokens(p) for p in paragraphs]
    sets = [found if _judged(p) else set() for p, found in zip(paragraphs, every, strict=True)]
    counts: Counter[str] = Counter()
    for found in every:
        counts.update(found)
    for index, found in enumerate(sets):
        if len(found) < MIN_TOKENS:
            continue
        shared = sum(1 for token in found if counts[token] > 1)
        if shared < MIN_SHARED * len(found):
            flagged.append(index)
    return flagged


def _judged(paragraph: str) -> bool:
    text = paragraph.lstrip()
    return bool(text) and not text.startswith(SKIP_START) and not any(q in text for q in "\"“「『")
