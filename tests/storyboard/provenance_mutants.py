"""Mutants of a storyboard that cites a report: one change a doubting stakeholder would make, and where.

Each mutant is the storyboard (and its CSV files) with exactly one change that
makes a slide say something the report does not: a figure changed wherever it
is shown, one word of a cited phrase, two figures of one kind swapped, a unit,
scale or currency changed, a quote's words or speaker changed, a derived
figure changed; and the ones a label cannot reveal: two stats of one label
swapped, a derived chart or stat value swapped with a number of its caption
or title, a difference or multiple a text states changed ("a 7-point rise",
"twice"). ``Mutant.places`` are the (file, line) pairs the change
touched; the check must report an error at one of them.

The generator reads the YAML nodes (positions) and the text the way a person
edits it: it never calls the checker's own walker.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import Node, ScalarNode

from tests.storyboard.provenance_spots import (
    NUMBER,
    Deck,
    Spot,
    cited_values,
    items,
    line_of,
    pairs,
    scalar,
    spots,
)

UNIT_SWAPS = {
    " km²": " mi²", "km²": "mi²", " mi²": " km²", "%": " pp", " pp": "%", "M": "bn", "bn": "M", " bn": " M",
    " M": " bn", "k": "M", " years": " months", " km": " mi",
}  # fmt: skip
PREFIX_SWAPS = {"$": "€", "€": "£", "£": "$", "¥": "$", "≈$": "≈€", "US$": "€"}
TEXT_SWAPS = [
    (r"(?<=\d )billion", "million"), (r"(?<=\d )million", "billion"), (r"(?<=\d)bn\b", "M"),
    (r"(?<=\d)M\b", "bn"), (r"(?<![A-Z])\$(?=\d)", "€"), (r"€(?=\d)", "£"), (r"£(?=\d)", "$"),
    (r"(?<=\d) ?%", " pp"), (r"(?<=\d) square kilomet(?:er|re)s", " square miles"), (r"(?<=\d) ?km²", " mi²"),
    (r"(?<=\d) yuan", " dollars"), (r"(?<=\d) euros", " dollars"),
]  # fmt: skip
OTHER_NAMES = ["Dr. Chen Lin", "Maria Schmidt", "Olu Adebayo", "Wang Ying", "Jean Moreau", "Priya Nair"]
KINDS = (
    "figure", "phrase", "swap", "measure", "quote-words", "quote-speaker", "derived",
    "same-label-swap", "derived-swap", "arithmetic",
)  # fmt: skip
# A multiple a text states, and what a stakeholder would write instead.
MULTIPLES = {"twice": "three times", "doubled": "tripled", "tripled": "doubled", "halved": "doubled",
             "two": "three", "three": "four", "four": "five", "five": "three"}  # fmt: skip
_ARITHMETIC = re.compile(
    r"\b(?P<word>twice|doubled|tripled|halved|(?:two|three|four|five)(?= times))\b"
    r"|(?P<number>\d+(?:\.\d+)?)(?=(?:-| )points?\b| ?x\b| times\b)"
    r"|(?<=\bup )(?P<up>\d{1,3}(?:,\d{3})*(?:\.\d+)?)"
)


@dataclass
class Mutant:
    kind: str
    description: str
    files: dict[Path, str]  # file -> its new text
    places: list[tuple[Path, int]] = field(default_factory=list)
    deck: Path = Path()


# --------------------------------------------------------------------------- mutations
def _file_text(deck: Deck, file: Path) -> str:
    return deck.text if file == deck.path else deck.csv[file]


def _replace(deck: Deck, spot: Spot, new: str) -> dict[Path, str]:
    text = _file_text(deck, spot.file)
    return {spot.file: text[: spot.start] + new + text[spot.end :]}


def changed_number(old: str, rng: random.Random, avoid: set[float]) -> str:
    value = float(old.replace(",", ""))
    if re.fullmatch(r"(19|20)\d\d", old):  # a year: another year, as a person would change it
        return str(int(value) + rng.choice([-3, -2, -1, 1, 2, 3]))
    decimals = len(old.split(".")[1]) if "." in old else 0
    for _ in range(50):
        factor = rng.choice([0.5, 0.75, 0.8, 0.9, 1.1, 1.2, 1.25, 1.5, 2, 3])
        new = round(value * factor + rng.choice([0, 1, -1, 2]) * (10**-decimals), decimals)
        if new != value and new > 0 and new not in avoid:
            text = f"{new:,.{decimals}f}" if "," in old else f"{new:.{decimals}f}"
            return text
    return f"{value + 7:.{decimals}f}"


def figure_mutant(deck: Deck, rng: random.Random, derived: bool = False) -> Mutant | None:
    candidates = [s for s in spots(deck) if s.derived == derived or not derived]
    candidates = [s for s in candidates if not derived or s.derived]
    if not candidates:
        return None
    spot = rng.choice(candidates)
    old = _file_text(deck, spot.file)[spot.start : spot.end]
    new = changed_number(old.strip("'\""), rng, cited_values(deck.slides[spot.slide]))
    kind = "derived" if derived else "figure"
    return Mutant(
        kind,
        f"{spot.file.name}:{spot.line} {old} -> {new}",
        _replace(deck, spot, new),
        [(spot.file, spot.line)],
    )


def _swappable(text: str, a: Spot, b: Spot) -> bool:
    """Two different figures, not the two numbers of one ("1 in 4"), nor two years of one text
    (reordering "between 2019 and 2024" says nothing new)."""
    one, two = text[a.start : a.end], text[b.start : b.end]
    if float(one.replace(",", "")) == float(two.replace(",", "")):
        return False
    between = text[a.end : b.start]
    if a.line == b.line and re.fullmatch(r"\s*in\s*", between):
        return False
    years = all(re.fullmatch(r"(19|20)\d\d", v) for v in (one, two))
    return not (years and a.line == b.line and "\n" not in between)


def swap_mutant(deck: Deck, rng: random.Random) -> Mutant | None:
    pairs = []
    all_spots = spots(deck)
    for a in all_spots:
        for b in all_spots:
            if a.slide == b.slide and a.kind == b.kind and a.file == b.file and a.start < b.start:
                if _swappable(_file_text(deck, a.file), a, b):
                    pairs.append((a, b))
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    text = _file_text(deck, a.file)
    va, vb = text[a.start : a.end], text[b.start : b.end]
    new = text[: a.start] + vb + text[a.end : b.start] + va + text[b.end :]
    return Mutant(
        "swap",
        f"{a.file.name}:{a.line} {va} <-> {b.line} {vb}",
        {a.file: new},
        [(a.file, a.line), (b.file, b.line)],
    )


def phrase_mutant(deck: Deck, rng: random.Random) -> Mutant | None:
    nodes = [pairs(i).get("phrase") for s in deck.slides for i in items(s.get("sources"))]
    nodes = [n for n in nodes if isinstance(n, ScalarNode) and n.start_mark.line == n.end_mark.line]
    if not nodes:
        return None
    node = rng.choice(nodes)
    return _word_mutant(deck, node, rng, "phrase")


def _word_mutant(deck: Deck, node: ScalarNode, rng: random.Random, kind: str) -> Mutant | None:
    """One word replaced or deleted (a Han character replaced, in Chinese)."""
    raw = deck.text[node.start_mark.index : node.end_mark.index]
    words = list(re.finditer(r"[A-Za-z]{3,}", raw)) or list(re.finditer(r"[\u4e00-\u9fff]", raw))
    if not words:
        return None
    word = rng.choice(words)
    if word.group().isascii():
        replacement = rng.choice(["never", "rarely", "Berlin", "doubled", "halved", "private", "", ""])
    else:
        replacement = "乙" if word.group() == "甲" else "甲"
    if replacement.lower() == word.group().lower():
        replacement = "quietly"
    beside = raw[max(0, word.start() - 5) : word.end() + 5]
    if not replacement and (word in (words[0], words[-1]) or "…" in beside or "..." in beside):
        replacement = "rarely"  # cut short at either end, or next to an ellipsis: still a true quote
    start = node.start_mark.index + word.start()
    end = start + len(word.group())
    if not replacement and deck.text[end : end + 1] == " ":
        end += 1  # a deleted word takes its space with it
    new = deck.text[:start] + replacement + deck.text[end:]
    where = (deck.path, line_of(deck.text, start))
    shown = replacement or "(deleted)"
    return Mutant(kind, f"{deck.path.name}:{where[1]} {word.group()} -> {shown}", {deck.path: new}, [where])


def note_mutant(deck: Deck, rng: random.Random) -> Mutant | None:
    """A number of a ``derived:`` note changed (an operand or the stated result)."""
    notes = [pairs(i).get("note") for s in deck.slides for i in items(s.get("sources"))]
    notes = [n for n in notes if isinstance(n, ScalarNode) and n.value.lower().startswith("derived")]
    options = []
    for node in notes:
        raw = deck.text[node.start_mark.index : node.end_mark.index]
        options.extend((node, m) for m in NUMBER.finditer(raw) if not re.fullmatch(r"(19|20)\d\d", m.group()))
    if not options:
        return None
    node, match = rng.choice(options)
    start = node.start_mark.index + match.start()
    new_number = changed_number(match.group(), rng, set())
    new = deck.text[:start] + new_number + deck.text[start + len(match.group()) :]
    where = (deck.path, line_of(deck.text, start))
    description = f"{deck.path.name}:{where[1]} note {match.group()} -> {new_number}"
    return Mutant("derived", description, {deck.path: new}, [where])


def quote_mutant(deck: Deck, rng: random.Random, speaker: bool) -> Mutant | None:
    quotes = [pairs(s.get("quote")) for s in deck.slides if "quote" in s]
    if not quotes:
        return None
    quote = rng.choice(quotes)
    if not speaker:
        node = quote.get("text")
        return _word_mutant(deck, node, rng, "quote-words") if isinstance(node, ScalarNode) else None
    node = quote.get("who")
    if not isinstance(node, ScalarNode):
        return None
    others = [scalar(q.get("who")) for q in quotes if scalar(q.get("who")) != node.value]
    others += [n for n in OTHER_NAMES if n.split()[-1] not in node.value]
    name = rng.choice(others)
    start, end = node.start_mark.index, node.end_mark.index
    new = deck.text[:start] + f'"{name}"' + deck.text[end:]
    where = (deck.path, line_of(deck.text, start))
    return Mutant("quote-speaker", f"{deck.path.name}:{where[1]} who -> {name}", {deck.path: new}, [where])


def measure_mutant(deck: Deck, rng: random.Random) -> Mutant | None:
    options: list[tuple[int, int, str]] = []
    for slide in deck.slides:
        holders = [pairs(i) for i in items(slide.get("stats"))] + [pairs(slide.get("chart"))]
        for fields in holders:
            for key, swaps in (("unit", UNIT_SWAPS), ("prefix", PREFIX_SWAPS)):
                node = fields.get(key)
                if isinstance(node, ScalarNode) and node.value in swaps:
                    options.append((node.start_mark.index, node.end_mark.index, f'"{swaps[node.value]}"'))
        options.extend(_text_measures(deck, slide))
    if not options:
        return None
    start, end, new = rng.choice(options)
    text = deck.text[:start] + new + deck.text[end:]
    where = (deck.path, line_of(deck.text, start))
    return Mutant(
        "measure", f"{deck.path.name}:{where[1]} {deck.text[start:end]} -> {new}", {deck.path: text}, [where]
    )


def _text_measures(deck: Deck, slide: dict[str, Node]) -> Iterator[tuple[int, int, str]]:
    nodes = [slide.get("title"), *items(slide.get("bullets"))]
    for side in ("left", "right"):
        nodes.extend(items(pairs(pairs(slide.get("compare")).get(side)).get("bullets")))
    for node in nodes:
        if not isinstance(node, ScalarNode) or node.start_mark.line != node.end_mark.line:
            continue
        raw = deck.text[node.start_mark.index : node.end_mark.index]
        for pattern, new in TEXT_SWAPS:
            for match in re.finditer(pattern, raw):
                yield node.start_mark.index + match.start(), node.start_mark.index + match.end(), new


def _derived_figure(deck: Deck, rng: random.Random) -> Mutant | None:
    return figure_mutant(deck, rng, derived=True)


def same_label_swap(deck: Deck, rng: random.Random) -> Mutant | None:
    """Two stats with one label (or none), their values swapped: only their order tells them apart."""
    options = []
    for slide in deck.slides:
        stats = [pairs(item) for item in items(slide.get("stats"))]
        for x, one in enumerate(stats):
            for two in stats[x + 1 :]:
                a, b = one.get("value"), two.get("value")
                same = scalar(one.get("label")) == scalar(two.get("label"))
                if same and isinstance(a, ScalarNode) and isinstance(b, ScalarNode) and a.value != b.value:
                    options.append((a, b))
    if not options:
        return None
    a, b = rng.choice(options)
    return _swap_nodes(deck, a, b, "same-label-swap")


def _swap_nodes(deck: Deck, a: ScalarNode, b: ScalarNode, kind: str) -> Mutant:
    text = deck.text
    va, vb = text[a.start_mark.index : a.end_mark.index], text[b.start_mark.index : b.end_mark.index]
    new = text[: a.start_mark.index] + vb + text[a.end_mark.index : b.start_mark.index] + va
    new += text[b.end_mark.index :]
    places = [(deck.path, a.start_mark.line + 1), (deck.path, b.start_mark.line + 1)]
    return Mutant(
        kind, f"{deck.path.name}:{places[0][1]} {va} <-> {places[1][1]} {vb}", {deck.path: new}, places
    )


def derived_swap(deck: Deck, rng: random.Random) -> Mutant | None:
    """On a slide with a ``derived:`` note, a chart or stat value swapped with a number of one kind
    in the slide's caption or title."""
    derived = {s.slide for s in spots(deck) if s.derived}
    found = [s for s in spots(deck) if s.slide in derived and s.file == deck.path]
    texts = {_text_lines(deck, slide) for slide in range(len(deck.slides))}
    in_text = [s for s in found if (s.slide, s.line) in set().union(*texts)]
    body = [s for s in found if s not in in_text]
    pairs_ = [(a, b) for a in body for b in in_text if a.slide == b.slide and a.kind == b.kind]
    pairs_ = [(a, b) for a, b in pairs_ if _swappable(deck.text, *sorted((a, b), key=lambda s: s.start))]
    if not pairs_:
        return None
    a, b = sorted(rng.choice(pairs_), key=lambda s: s.start)
    va, vb = deck.text[a.start : a.end], deck.text[b.start : b.end]
    new = deck.text[: a.start] + vb + deck.text[a.end : b.start] + va + deck.text[b.end :]
    description = f"{deck.path.name}:{a.line} {va} <-> {b.line} {vb}"
    return Mutant("derived-swap", description, {deck.path: new}, [(deck.path, a.line), (deck.path, b.line)])


def _text_lines(deck: Deck, index: int) -> frozenset[tuple[int, int]]:
    """(slide, line) of the slide's title and captions: the texts that explain a derived figure."""
    slide = deck.slides[index]
    nodes = [slide.get("title"), pairs(slide.get("chart")).get("caption")]
    return frozenset((index, n.start_mark.line + 1) for n in nodes if isinstance(n, ScalarNode))


def arithmetic_mutant(deck: Deck, rng: random.Random) -> Mutant | None:
    """A difference or a multiple a title, bullet or caption states, changed ("a 7-point rise" to
    "a 9-point rise", "twice" to "three times")."""
    options = []
    for slide in deck.slides:
        nodes = [slide.get("title"), *items(slide.get("bullets")), pairs(slide.get("chart")).get("caption")]
        for node in nodes:
            if isinstance(node, ScalarNode) and node.start_mark.line == node.end_mark.line:
                raw = deck.text[node.start_mark.index : node.end_mark.index]
                options.extend((node.start_mark.index, m) for m in _ARITHMETIC.finditer(raw))
    if not options:
        return None
    base, match = rng.choice(options)
    old = match.group()
    new = MULTIPLES[old.lower()] if match.group("word") else changed_number(old, rng, set())
    start = base + match.start()
    text = deck.text[:start] + new + deck.text[start + len(old) :]
    where = (deck.path, line_of(deck.text, start))
    return Mutant("arithmetic", f"{deck.path.name}:{where[1]} {old} -> {new}", {deck.path: text}, [where])


MAKERS: dict[str, Callable[[Deck, random.Random], Mutant | None]] = {
    "figure": figure_mutant,
    "phrase": phrase_mutant,
    "swap": swap_mutant,
    "measure": measure_mutant,
    "quote-words": lambda deck, rng: quote_mutant(deck, rng, speaker=False),
    "quote-speaker": lambda deck, rng: quote_mutant(deck, rng, speaker=True),
    "derived": lambda deck, rng: (note_mutant if rng.random() < 0.3 else _derived_figure)(deck, rng),
    "same-label-swap": same_label_swap,
    "derived-swap": derived_swap,
    "arithmetic": arithmetic_mutant,
}


def mutants(decks: list[Deck], count: int, seed: int, kinds: tuple[str, ...] = KINDS) -> list[Mutant]:
    """``count`` mutants, each of a kind and a storyboard chosen at random (a kind a storyboard
    lacks is drawn again)."""
    rng = random.Random(seed)
    found: list[Mutant] = []
    while len(found) < count:
        deck = rng.choice(decks)
        mutant = MAKERS[rng.choice(kinds)](deck, rng)
        if mutant is not None:
            mutant.deck = deck.path
            found.append(mutant)
    return found
