"""Quotations and who said them, whatever the form of attribution.

Handled forms: ``"...," says X`` / ``"...," X says``, ``"...," explains X,
dean of Y.``, ``"...", according to X``, ``According to X, "..."`` and a colon
before the quote (``As X observes: "..."``). A quotation that follows an
attributed one directly (``"A," notes X. "B."``) continues it. Short quoted
names ("Zero Distance") are not quotations. The speaker phrase is split into
``who`` (the trailing run of name words, with a title such as Dr.) and
``role`` (the rest: "Sequoia China partner", "Dean of ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.sources.sentences import sentence_spans

VERBS = (
    "says|said|explains|explained|notes|noted|adds|added|observes|observed|shares|shared|argues|argued|"
    "tells|told|recalls|recalled|insists|insisted|remarks|remarked|comments|commented|warns|warned|"
    "states|stated|claims|claimed|believes|writes|wrote|puts it|according to"
)
_ADVERB = r"(?:\s+(?:bluntly|simply|plainly|succinctly|frankly|candidly|firmly|flatly|dryly|it|this way))*"
_DASH = re.compile(r"^\s*[—―–-]{1,2}\s*(\S.*)$", re.S)
# Straight and curly double quotes, British single ones (an apostrophe inside a word is no end),
# guillemets and low-high quotes, corner brackets.
_QUOTED = re.compile(
    r"\"([^\"]+)\"|“([^”]+)”|「([^」]+)」|『([^』]+)』|‘((?:[^’]|’(?=\w))+)’|«\s?([^»]+?)\s?»|„([^“”]+)[“”]"
)
_VERB_FIRST = re.compile(rf"^\s*,?\s*(?:{VERBS})\s+(.+)$", re.I | re.S)
_VERB_LAST = re.compile(rf"^\s*,?\s*(.+?)\s+(?:{VERBS}){_ADVERB}\s*$", re.I | re.S)
_LEAD_IN = re.compile(r"^(?:as|among them (?:is|are|was|were)|in the words of|for)\s+", re.I)
_BEFORE_VERB = re.compile(rf"^(.*?)\s*,?\s*(?:{VERBS})?\s*$", re.I | re.S)
# A clause before the speaker that is about something else: "Unlike Mayor Li, ", "In 2024, ".
_SIDE_CLAUSE = re.compile(
    r"(?:unlike|like|after|before|in|at|on|while|when|although|though|despite|with|besides|asked about"
    r"|speaking (?:at|to|on|about))\b[^,:]*,\s*",
    re.I,
)
_ACCORDING = re.compile(r"according to\s+(.+?)\s*,?\s*$", re.I)
HONORIFICS = frozenset("dr. dr prof. prof mr. mr ms. ms mrs. mrs sir dame".split())
_NAME_PART = re.compile(r"^[^\W\d_]+(?:['’][^\W\d_]+)?$")
_CJK = re.compile(r"[\u3400-\u9fff]")
_ROLE_VERB = re.compile(rf",?\s*\b(?:{VERBS}){_ADVERB}\s*$", re.I)


def is_name_word(token: str) -> bool:
    """A capitalised word of letters in any script ("Ekström", "Marc-André", "O'Neil", "Dr.")."""
    word = token.removesuffix(".")
    parts = word.split("-")
    return (
        bool(word)
        and word[0].isupper()
        and all(p and _NAME_PART.match(p) and p[1:] == p[1:].lower() for p in parts)
    )


@dataclass(frozen=True)
class Quote:
    text: str  # what the speaker said, parts joined
    who: str
    role: str
    parts: tuple[str, ...]  # the quoted words, verbatim (for citations)
    attribution: str  # the words naming the speaker, verbatim
    span: tuple[int, int]  # from the first quotation mark to the end of the attribution


def quotes_in(text: str) -> list[Quote]:
    """Every attributed quotation of a paragraph, in order."""
    found: list[Quote] = []
    if _CJK.search(text):
        from briefing.sources.quotes_zh import chinese_quotes

        return chinese_quotes(text)
    for match in _QUOTED.finditer(text):
        words = next(g for g in match.groups() if g is not None).strip()
        if not _is_speech(words):
            continue
        previous = found[-1] if found else None
        if previous and not text[previous.span[1] : match.start()].strip(" .,;"):
            found[-1] = _continued(previous, words, match.end())
            continue
        speaker = _after(text, match.end()) or _before(text, match.start())
        if speaker is None:
            continue
        phrase, start, end = speaker
        who, role = split_speaker(phrase)
        if who:
            found.append(
                Quote(
                    _spoken(words),
                    who,
                    role,
                    (words.rstrip(","),),
                    phrase,
                    (min(match.start(), start), max(match.end(), end)),
                )
            )
    return found


_BLOCK_ATTRIBUTION = re.compile(r"\s(?:—|―|–|--|-)\s*([^\s—―–-][^—―–]{1,120})$")


def block_quote(text: str) -> list[Quote]:
    """A block quote without quotation marks, its speaker after a dash ("... — Name, Role")."""
    dash = _BLOCK_ATTRIBUTION.search(text)
    if dash is None:
        return []
    words = text[: dash.start()].strip()
    who, role = split_speaker(dash.group(1).strip().rstrip("."))
    if not who or len(words.split()) < 3:
        return []
    attribution = dash.group(1).strip().rstrip(".")
    return [Quote(_spoken(words), who, role, (words,), attribution, (0, len(text)))]


def _is_speech(words: str) -> bool:
    return len(words.split()) >= 5 or (len(words.split()) >= 3 and words[-1] in ".!?,")


def _spoken(words: str) -> str:
    """The quotation as a slide shows it: a sentence of its own, capitalised, full stop for comma."""
    words = words.strip()
    words = words[:1].upper() + words[1:]
    return words[:-1] + "." if words.endswith(",") else words


def _continued(quote: Quote, words: str, end: int) -> Quote:
    text = f"{quote.text} {_spoken(words)}"
    return Quote(
        text,
        quote.who,
        quote.role,
        (*quote.parts, words.rstrip(",")),
        quote.attribution,
        (quote.span[0], max(end, quote.span[1])),
    )


def _after(text: str, start: int) -> tuple[str, int, int] | None:
    """The speaker named after the quotation: up to the end of that sentence or the next quote."""
    stop = min((i for i in (text.find(q, start) for q in '"“‘«„') if i >= 0), default=len(text))
    segment = text[start:stop]
    spans = sentence_spans(segment)
    if spans:
        segment = segment[: spans[0][1]]
    segment = segment.rstrip().rstrip(".;,").rstrip()
    dash = _DASH.match(segment)
    if dash and len(dash.group(1).split()) <= 16:  # "..." — Name, Role
        return dash.group(1), start + dash.start(1), start + len(segment)
    verb_first = _VERB_FIRST.match(segment)
    verb_last = _VERB_LAST.match(segment) if not verb_first else None
    match = verb_first or verb_last
    if not match or len(match.group(1).split()) > 16:
        return None
    lead = len(segment) - len(segment.lstrip(" ,"))
    return segment[lead:], start + lead, start + len(segment)


def _before(text: str, quote_start: int) -> tuple[str, int, int] | None:
    """The speaker named before the quotation, ending in a colon (or "according to X,")."""
    head = text[:quote_start].rstrip()
    if not head.endswith((":", ",")):
        return None
    sentence_start = max((s for s, _ in sentence_spans(head)), default=0)
    segment = head[sentence_start:-1].rstrip()
    according = _ACCORDING.search(segment)
    if according:
        start = sentence_start + according.start()
        return segment[according.start() :], start, sentence_start + len(segment)
    if not head.endswith(":"):
        return None
    offset = 0
    while clause := _SIDE_CLAUSE.match(segment, offset):  # "Unlike the mayor, Jenny Qian says:"
        offset = clause.end()
    lead = _LEAD_IN.match(segment, offset)
    offset = lead.end() if lead else offset
    return segment[offset:], sentence_start + offset, sentence_start + len(segment)


def split_speaker(phrase: str) -> tuple[str, str]:
    """("Michael Yu", "Sequoia China partner") from "notes Sequoia China partner Michael Yu"."""
    phrase = _ACCORDING.sub(lambda m: m.group(1), phrase)
    phrase = re.sub(rf"^(?:{VERBS})\s+|\s+(?:{VERBS})$", "", phrase.strip(), flags=re.I).strip(" ,.")
    phrase = _LEAD_IN.sub("", phrase)
    head, _, rest = phrase.partition(", ")
    tokens = head.split()
    index = len(tokens)
    while index > 0 and is_name_word(tokens[index - 1]) and len(tokens) - index < 4:
        index -= 1
    if index > 0 and tokens[index - 1].lower() in HONORIFICS:
        index -= 1
    name = " ".join(tokens[index:])
    if not name:
        return "", ""
    role = " ".join(tokens[:index])
    rest = _ROLE_VERB.sub("", rest)  # "managing partner at X, puts it bluntly": the verb is no role
    if ", who " in rest or ", which " in rest:
        rest = re.split(r",\s+(?:who|which)\s+", rest, maxsplit=1)[0]
    rest = re.sub(r"^(?:a|an)\s+", "", rest)
    if rest and not role:
        rest = re.sub(r"^(?:who|which)\s+", "", rest)
    if rest:
        role = (
            f"{role} {rest}" if role and rest.startswith("who ") else ", ".join(p for p in (role, rest) if p)
        )
    return name, role[:1].upper() + role[1:]
