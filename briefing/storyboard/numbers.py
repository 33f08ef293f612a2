"""Numbers: which values a storyboard may hold, and the one way every output writes them.

Reading. YAML numbers are read the YAML 1.2 way, whatever PyYAML's YAML 1.1
resolver thinks: ``012`` is twelve (not octal ten), ``1e3`` is a thousand, and
``1:30`` (base 60 in YAML 1.1, i.e. 90) is refused with a hint, because
nobody writes a number that way on purpose. Every number is finite and at
most :data:`MAX_MAGNITUDE` in size, and so are the sums the outputs draw
(stacked totals, pie totals): Excel and PowerPoint keep 15 significant digits,
and a bigger number is a unit problem ("bn") rather than a figure.

Writing. :func:`format_number` is the only formatter for value labels, axis
ticks and stats in the app, the PNG/PDF renderer and the deck;
:func:`excel_number_format` is its twin for the deck's native charts. Both
round the way Excel and PowerPoint do: to 15 significant digits, then halves
away from zero on the *decimal* value (``0.125`` -> ``0.13``, ``2.675`` ->
``2.68``), where Python's ``format`` would round the binary value half-even.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Context, Decimal

MAX_MAGNITUDE = 1e15
MAX_MAGNITUDE_TEXT = "1,000,000,000,000,000 (10^15)"
RANGE_HINT = "numbers on slides stay within ±10^15; use a unit such as 'bn' for large values"
SEXAGESIMAL_HINT = (
    "YAML 1.1 reads 1:30 as the base-60 number 90; write the number itself, "
    'or quote it ("1:30") if it is text'
)
_EXCEL_DIGITS = 15  # significant digits Excel and PowerPoint keep
_DECIMAL = Context(prec=60, rounding=ROUND_HALF_UP)
_EXCEL = Context(prec=_EXCEL_DIGITS, rounding=ROUND_HALF_UP)

# Number syntax. YAML 1.2's core schema (what JSON and most tools read) and the YAML 1.1
# forms PyYAML tags as numbers; parse_yaml_number reads both the YAML 1.2 way.
YAML12_NUMBER = re.compile(
    r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)
_DECIMAL_INT = re.compile(r"[-+]?[0-9][0-9_]*")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?")
_SPECIAL = re.compile(r"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")


class NumberProblem(ValueError):
    """Why a text is not a number a slide can show; ``hint`` says what to write instead."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def is_sexagesimal(text: str) -> bool:
    """``1:30``: a base-60 number to YAML 1.1 (90), text to YAML 1.2."""
    return bool(_SEXAGESIMAL.fullmatch(text.strip()))


def parse_yaml_number(text: str) -> float:
    """The value of a plain YAML number, read the YAML 1.2 way; raises :class:`NumberProblem`."""
    raw = text.strip()
    if is_sexagesimal(raw):
        raise NumberProblem(f"{raw} is not a number", SEXAGESIMAL_HINT)
    if _SPECIAL.fullmatch(raw):
        raise NumberProblem(f"{raw} is not a finite number", RANGE_HINT)
    cleaned = raw.replace("_", "")
    sign = -1 if cleaned.startswith("-") else 1
    unsigned = cleaned.lstrip("+-")
    for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)):
        if unsigned.lower().startswith(prefix):
            return checked(sign * _bounded_int(unsigned[2:], base, raw), raw)
    if _DECIMAL_INT.fullmatch(cleaned):  # "012" is twelve (YAML 1.2), not octal ten (YAML 1.1)
        return checked(sign * _bounded_int(unsigned, 10, raw), raw)
    try:
        value = float(cleaned)
    except ValueError:
        raise NumberProblem(f"{shorten(raw)} is not a number") from None
    return checked(value, raw)


def _bounded_int(digits: str, base: int, raw: str) -> float:
    """``int(digits, base)`` as a float, refused before a 400-digit integer is ever converted."""
    if len(digits.lstrip("0")) > 64:
        raise NumberProblem(f"{shorten(raw)} is out of range", RANGE_HINT)
    return float(int(digits, base))


def checked(value: float, shown: str = "") -> float:
    """``value`` if it is finite and within ±MAX_MAGNITUDE; otherwise :class:`NumberProblem`."""
    if not math.isfinite(value):
        raise NumberProblem(f"{shorten(shown or repr(value))} is not a finite number", RANGE_HINT)
    if abs(value) > MAX_MAGNITUDE:
        raise NumberProblem(f"{shorten(shown or repr(value))} is out of range", RANGE_HINT)
    return value + 0.0  # -0.0 -> 0.0: no output shows a negative zero


def total_problem(values: Iterable[float], what: str) -> str | None:
    """A message when the sum of ``values`` (a stacked bar, a pie) is out of range; else None."""
    total = math.fsum(values)
    if math.isfinite(total) and abs(total) <= MAX_MAGNITUDE:
        return None
    return f"{what} adds up to more than {MAX_MAGNITUDE_TEXT}"


def shorten(text: str, limit: int = 24) -> str:
    """A long number as its first digits and its length, so a message stays one line."""
    if len(text) <= limit:
        return text
    return f"{text[:12]}… ({len(text)} characters)"


# --------------------------------------------------------------------------- CSV cells
DECIMAL_MARKS = (".", ",")
_SPACES = " \u00a0\u2009\u202f"  # space, no-break space, thin space, narrow no-break space


def parse_csv_number(cell: str, decimal: str = ".") -> float:
    """A CSV cell as a number under the documented rule; raises :class:`NumberProblem`.

    ``decimal`` is the decimal mark (``.`` or ``,``); the other mark, or a
    space, may separate thousands, but only in groups of three digits
    (``16,000``, ``1,234.5``; with ``decimal=","``: ``16.000``, ``1.234,5``).
    Anything else that uses the other mark (``2,5`` under ``.``) is ambiguous
    and refused with a hint: nothing is read as 25 when 2.5 was meant.
    """
    group = "," if decimal == "." else "."
    raw = cell.strip()
    pattern = _csv_pattern(decimal)
    match = pattern.fullmatch(raw)
    if match is None:
        raise _csv_problem(raw, decimal, group)
    number = re.sub(f"[{re.escape(group)}{_SPACES}]", "", raw).replace(decimal, ".")
    return checked(float(number), raw)


def _csv_pattern(decimal: str) -> re.Pattern[str]:
    group = re.escape("," if decimal == "." else ".")
    spaces = f"[{_SPACES}]"
    integer = rf"(\d{{1,3}}({group}\d{{3}})+|\d{{1,3}}({spaces}\d{{3}})+|\d+)"
    return re.compile(rf"[-+]?({integer}({re.escape(decimal)}\d*)?|{re.escape(decimal)}\d+)([eE][-+]?\d+)?")


def _csv_problem(raw: str, decimal: str, group: str) -> NumberProblem:
    if not raw:
        return NumberProblem("the cell is empty", "write a number in every cell, 0 if it is zero")
    marks = re.escape(group + decimal)
    if group in raw and re.fullmatch(rf"[-+]?[\d{marks}{_SPACES}]*\d", raw):
        if decimal == ".":
            hint = 'if the file writes decimal commas (2,5 for two and a half), add decimal: "," to the chart'
        else:
            hint = "the chart says decimal: \",\"; write 2,5 for two and a half, or remove 'decimal'"
        shown = shorten(raw)
        message = (
            f"'{shown}' is ambiguous: '{group}' may only separate thousands here "
            f"(groups of three digits) and '{decimal}' marks decimals"
        )
        return NumberProblem(message, hint)
    example = "25 or 2.5" if decimal == "." else "25 or 2,5"
    return NumberProblem(f"'{shorten(raw)}' is not a number", f"write plain numbers, e.g. {example}")


# --------------------------------------------------------------------------- writing
def x_value_text(value: float) -> str:
    """A number as the model keeps a scatter x value: ``3``, ``1.5`` (the shortest exact text)."""
    return str(int(value)) if value.is_integer() else repr(value)


def rounded(value: float, decimals: int) -> Decimal:
    """``value`` as Excel shows it: 15 significant digits, then ``decimals`` places, halves away from 0."""
    exact = _EXCEL.create_decimal(repr(float(value)))  # shortest repr: 2.675 is "2.675", not 2.67499...
    return exact.quantize(Decimal(1).scaleb(-decimals), context=_DECIMAL)


def auto_decimals(values: Iterable[float]) -> int:
    """Decimals when none are given: none for whole numbers, else one (one rule for a whole chart)."""
    return 0 if all(float(v).is_integer() for v in values) else 1


def format_number(value: float, *, prefix: str = "", unit: str = "", decimals: int | None = None) -> str:
    """``value`` as slides, hover text, ticks and deck labels show it: ``-$1,234.5bn``.

    ``decimals=None`` means :func:`auto_decimals` of this one value. Thousands
    are separated with commas; the sign goes before the prefix, as Excel puts it,
    and a value that rounds to zero has none.
    """
    if not math.isfinite(value):
        return f"{prefix}{value}{unit}"
    if decimals is None:
        decimals = auto_decimals((value,))
    shown = rounded(value, decimals)
    body = f"{abs(shown):,.{decimals}f}"
    sign = "-" if shown < 0 else ""  # -0.04 at one decimal is "0.0", as LibreOffice shows it
    return f"{sign}{prefix}{body}{unit}"


def format_percent(share: float) -> str:
    """A share of a whole (0.125 -> "13%"), rounded like :func:`format_number`."""
    return format_number(share * 100, unit="%", decimals=0)


def tick_unit(unit: str) -> str:
    """The unit on ticks: a short one ("%", "M", "bn") on every tick, a long one (" firms") only in titles."""
    return unit if len(unit.strip()) <= 2 else ""


def tick_decimals(step: float) -> int:
    """Decimals that tell ticks ``step`` apart: none for steps of 1 or more, else just enough (at most 6)."""
    if step >= 1 or step <= 0:
        return 0
    return min(6, math.ceil(-math.log10(step) - 1e-9))


def nice_step(span: float, ticks: int = 5) -> float:
    """A 1, 2 or 5 times a power of ten step giving about ``ticks`` ticks over ``span``."""
    if not math.isfinite(span) or span <= 0:
        return 1.0
    raw = span / ticks
    power = 10.0 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def excel_number_format(*, prefix: str = "", unit: str = "", decimals: int | None = 0) -> str:
    """The Excel/PowerPoint number-format code that shows what :func:`format_number` shows."""
    digits = "#,##0" + ("." + "0" * decimals if decimals else "")
    return f"{excel_literal(prefix)}{digits}{excel_literal(unit)}"


def excel_literal(text: str) -> str:
    """``text`` as literal characters in a number-format code.

    Runs of characters go in double quotes (where ``0 # , . % ; @ E`` and
    ``\\`` lose their meaning); a double quote cannot be inside quotes, so it
    is written as the escaped character ``\\"``.
    """
    parts = []
    for index, run in enumerate(text.split('"')):
        if index:
            parts.append('\\"')
        if run:
            parts.append(f'"{run}"')
    return "".join(parts)
