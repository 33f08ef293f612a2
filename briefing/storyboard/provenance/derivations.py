"""``note: "derived: 100% - 58%"``: the arithmetic of a derived figure, computed (never ``eval``).

A derivation note holds one or more computations written in its prose:
figures (with units, scales, currencies) joined by ``+ - × x * / ÷``, ``of``
after a percentage ("58% of 180,000"), and parentheses, optionally followed
by ``= result``. Everything else in the note is prose and ends a computation.
Percentages compute as fractions where they meet other numbers
(``100 × (1 + 300%) = 400``) and stay percentages among themselves
(``100% - 58% = 42%``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.storyboard.numbers import rounded
from briefing.storyboard.provenance.measures import Measure, measures_in

DERIVED = re.compile(r"\s*derived\s*:", re.IGNORECASE)
_OPERATORS = {
    "+": "+", "plus": "+", "-": "-", "\u2013": "-", "\u2212": "-", "minus": "-",
    "*": "*", "x": "*", "×": "*", "times": "*", "·": "*", "/": "/", "÷": "/",
    "⊕": "+", "⊖": "-", "⊗": "*", "⊘": "/",
}  # fmt: skip
_TOKEN = re.compile(r"[()=+\-\u2013\u2212*×/÷·⊕⊖⊗⊘]|[^\s()=+\-\u2013\u2212*×/÷·⊕⊖⊗⊘]+")
MAX_TOKENS = 200


class NotComputable(ValueError):
    """The computation does not parse (an operator without a figure, an unclosed parenthesis)."""


@dataclass(frozen=True)
class Quantity:
    value: float  # the amount (value × scale); a percentage as written (58 for 58%)
    percent: bool = False

    def fraction(self) -> float:
        return self.value / 100 if self.percent else self.value


@dataclass
class Computation:
    """One computation in a note: its operands, its result, and the result the note states."""

    operands: list[Measure] = field(default_factory=list)
    result: Quantity | None = None
    stated: Measure | None = None  # the figure after "=", if any
    problem: str = ""


def defined_figures(note: str) -> list[Measure]:
    """Figures a note sets with "=" ("index with 2020 = 100"): a base it chose, not one it computed."""
    return [m for n, m in measures_in(note) if re.search(r"=\s*\Z", note[max(0, n.start - 3) : n.start])]


def is_derived(note: str) -> bool:
    return bool(DERIVED.match(note))


def computations(note: str) -> list[Computation]:
    """Every computation in ``note`` (two or more figures joined by operators)."""
    runs = _runs(note)
    return [_compute(run) for run in runs]


Token = Measure | str


_BINARY = re.compile(r"(?:(?<=[\w%)²³])\s*([-+\u2212\u2013*÷/])|(?<=[\d%)])\s*([×x]))\s*(?=[(\d$€£¥])")
# Operators as characters the figure reader takes for no sign, multiple or approximation.
_SPELLED = {"-": " ⊖ ", "\u2212": " ⊖ ", "\u2013": " ⊖ ", "+": " ⊕ ", "×": " ⊗ ", "x": " ⊗ ", "*": " ⊗ ",
            "÷": " ⊘ ", "/": " ⊘ "}  # fmt: skip


def _runs(note: str) -> list[list[Token]]:
    """Maximal runs of figures joined by operators; prose between figures ends a run.

    A plus or minus between two operands is spelled out first, so the figure
    reader does not take it for the sign of the figure after it.
    """
    note = _BINARY.sub(lambda m: _SPELLED[m.group(1) or m.group(2)], note)
    runs: list[list[Token]] = []
    current: list[Token] = []
    previous_end = 0
    for number, measure in measures_in(note):
        gap = note[previous_end : number.start]
        tokens = _gap_tokens(gap, current) if current else None
        if tokens is None:
            _close_run(runs, current)
            opening = re.search(r"\(*\s*$", gap)
            current.extend("(" * (opening.group().count("(") if opening else 0))
        else:
            current.extend(tokens)
        current.append(measure)
        previous_end = number.start + len(measure.text)
    tail = _gap_tokens(note[previous_end:], current) or []
    depth = current.count("(") - current.count(")")
    current.extend(")" for _ in range(min(depth, sum(t == ")" for t in tail))))
    _close_run(runs, current)
    return runs


def _gap_tokens(gap: str, current: list[Token]) -> list[Token] | None:
    """Operators and parentheses between two figures, or None when the gap is prose (no operator)."""
    tokens: list[Token] = []
    for raw in _TOKEN.findall(gap):
        word = raw.lower()
        if word in _OPERATORS:
            tokens.append(_OPERATORS[word])
        elif word in ("(", ")", "="):
            tokens.append(word)
        elif word == "of" and current and isinstance(current[-1], Measure) and current[-1].percent:
            tokens.append("*")
    return tokens if any(t in ("+", "-", "*", "/", "=") for t in tokens) else None


def _close_run(runs: list[list[Token]], run: list[Token]) -> None:
    operators = [t for t in run if isinstance(t, str) and t in "+-*/"]
    if operators and 0 < len(run) <= MAX_TOKENS:
        runs.append(list(run))
    run.clear()


def _compute(run: list[Token]) -> Computation:
    left, _, right = _split_at_equals(run)
    result = Computation(operands=[t for t in left if isinstance(t, Measure)])
    figures = [t for t in right if isinstance(t, Measure)]
    result.stated = figures[0] if figures else None
    try:
        parser = _Parser(left)
        result.result = parser.expression()
        if parser.at < len(left):
            raise NotComputable(f"unexpected '{_text(left[parser.at])}'")
    except NotComputable as error:
        result.problem = str(error)
    except (ZeroDivisionError, OverflowError):
        result.problem = "division by zero"
    return result


def _split_at_equals(run: list[Token]) -> tuple[list[Token], bool, list[Token]]:
    if "=" in run:
        index = run.index("=")
        return run[:index], True, run[index + 1 :]
    return run, False, []


def _text(token: Token) -> str:
    return token.text if isinstance(token, Measure) else token


class _Parser:
    """expression := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*;
    factor := figure | '(' expression ')'."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.at = 0

    def _peek(self) -> Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def expression(self) -> Quantity:
        value = self._term()
        while self._peek() in ("+", "-"):
            operator = self.tokens[self.at]
            self.at += 1
            value = _add(value, self._term(), -1.0 if operator == "-" else 1.0)
        return value

    def _term(self) -> Quantity:
        value = self._factor()
        while self._peek() in ("*", "/"):
            operator = self.tokens[self.at]
            self.at += 1
            right = self._factor()
            if operator == "*":
                value = Quantity(value.fraction() * right.fraction())
            else:
                both = value.percent and right.percent
                value = Quantity(
                    (value.value if both else value.fraction()) / (right.value if both else right.fraction())
                )
        return value

    def _factor(self) -> Quantity:
        token = self._peek()
        self.at += 1
        if isinstance(token, Measure):
            return Quantity(token.value if token.percent else token.amount, token.percent)
        if token == "(":
            value = self.expression()
            if self._peek() != ")":
                raise NotComputable("a parenthesis is not closed")
            self.at += 1
            return value
        raise NotComputable("an operator has no figure on one side" if token else "it ends with an operator")


def _add(a: Quantity, b: Quantity, sign: float) -> Quantity:
    if a.percent == b.percent:
        return Quantity(a.value + sign * b.value, a.percent)
    return Quantity(a.fraction() + sign * b.fraction())


def equal_at(result: Quantity, shown: Measure) -> bool:
    """Whether ``result`` is ``shown`` at the precision it is shown with (58.3% is 58% with no decimals)."""
    amount = result.fraction()
    targets = [amount * 100 if shown.percent else amount / shown.scale]
    if result.percent and not shown.percent:
        targets.append(result.value / shown.scale)
    decimals = approximate_decimals(shown)
    want = rounded(shown.value, decimals)
    return any(rounded(target, decimals) == want for target in targets)


def approximate_decimals(shown: Measure) -> int:
    """The precision of ``shown``: its decimals, or for an approximate whole number ("≈104,000",
    "about 50") the place of its last digit that is not zero (104,400 is about 104,000)."""
    if not shown.number.approx or shown.decimals or not float(shown.value).is_integer():
        return shown.decimals
    digits = str(int(abs(shown.value)))
    zeros = len(digits) - len(digits.rstrip("0"))
    return -min(zeros, len(digits) - 1)
