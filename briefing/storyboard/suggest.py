"""Did-you-mean suggestions for misspelt keys, chart types and source ids."""

from __future__ import annotations

import difflib
from collections.abc import Sequence


def did_you_mean(word: str, options: Sequence[str]) -> str:
    """``"did you mean 'title'?"`` for the closest option, or ``""`` when none is close."""
    matches = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    if not matches:
        lowered = {option.lower(): option for option in options}
        if word.lower() in lowered:
            matches = [lowered[word.lower()]]
    return f"did you mean '{matches[0]}'?" if matches else ""
