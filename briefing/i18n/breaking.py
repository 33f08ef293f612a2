"""Where a line may break: the Unicode line-breaking rules (UAX #14) and CJK kinsoku.

Text without spaces (Chinese, Japanese) breaks between characters, except
where the rules forbid it: a line never starts with closing punctuation
(，。、）」』！？：；) nor ends with opening punctuation (（「『). ``uniseg``
implements UAX #14 (pure Python, kept current with Unicode; PyICU would do the
same but needs ICU built on every machine), and its break units already keep
those characters with their neighbours.

Words of Latin, Greek, Cyrillic, Arabic or Hebrew text still break only at
spaces, exactly as before (UAX #14 would also break after hyphens, which would
change where every English line wraps).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from briefing.i18n.scripts import slot_of

# Kinsoku shori: no line starts with these, no line ends with OPENING.
CLOSING = frozenset("，。、）」』】〕〉》！？：；・ー々〜…‥％）］｝，．")
OPENING = frozenset("（「『【〔〈《［｛")


@lru_cache(maxsize=16384)
def break_units(word: str) -> tuple[str, ...]:
    """``word`` (no spaces in it) cut where a line may break; one piece for space-separated scripts."""
    if not any(slot_of(char) == "cjk" for char in word):
        return (word,)
    from uniseg.linebreak import line_break_units  # on first CJK word: uniseg's import reads package metadata

    return tuple(line_break_units(word))


def breaks_kinsoku(lines: list[str]) -> bool:
    """A line starts with closing punctuation or ends with opening punctuation."""
    return any(
        (number and line[:1] in CLOSING) or (number < len(lines) - 1 and line[-1:] in OPENING)
        for number, line in enumerate(lines)
    )


def kinsoku_pieces(pieces: list[str], fits: Callable[[str], bool]) -> list[str]:
    """Pieces of a unit broken by characters (wider than its line), moved so no piece starts with
    closing or ends with opening punctuation, as long as the pieces still ``fit``."""
    result = list(pieces)
    for number in range(1, len(result)):
        before, after = result[number - 1], result[number]
        while len(before) > 1 and (after[:1] in CLOSING or before[-1:] in OPENING):
            if not fits(before[-1] + after):
                break
            before, after = before[:-1], before[-1] + after
        result[number - 1], result[number] = before, after
    return result
