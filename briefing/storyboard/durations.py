"""Durations as editors write them: ``20min``, ``90s``, ``1m30s``, ``1:30``, ``1h``.

Every unit in :data:`UNIT_SECONDS` is listed in docs/format.md (and tested).
A single duration is at most :data:`MAX_SECONDS` (24 hours), so the sums the
timer draws (a section, the talk) stay ordinary numbers.
"""

from __future__ import annotations

import math
import re

UNIT_SECONDS = {
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
    "m": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
}
MAX_SECONDS = 24 * 3600
_UNITS = "|".join(sorted(UNIT_SECONDS, key=len, reverse=True))  # longest first: "mins" before "m"
_PART = re.compile(rf"(\d+(?:\.\d+)?)\s*({_UNITS})", re.IGNORECASE)
_EXAMPLES = "a duration, like 2min, 90s, 1m30s or 1:30"


def parse_duration(text: str | int | float) -> float:
    """Seconds in ``text``; a bare number means minutes. Raises ``ValueError``."""
    if isinstance(text, bool):
        raise ValueError(_EXAMPLES)
    if isinstance(text, (int, float)):
        if text < 0:
            raise ValueError("a duration cannot be negative")
        return _bounded(float(text) * 60)
    raw = str(text).strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", raw):
        return _bounded(float(raw) * 60)
    clock = re.fullmatch(r"(?:(\d+):)?(\d+):(\d{2})", raw)
    if clock:
        hours, minutes, seconds = clock.groups()
        if int(seconds) > 59 or (hours is not None and int(minutes) > 59):
            raise ValueError("a clock time's minutes and seconds run from 00 to 59")
        return _bounded(int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds))
    compact = raw.replace(" ", "")
    parts = _PART.findall(compact)
    if parts and "".join(n + u for n, u in parts) == compact:
        return _bounded(sum(float(n) * UNIT_SECONDS[u.lower()] for n, u in parts))
    raise ValueError(_EXAMPLES)


def _bounded(seconds: float) -> float:
    if not math.isfinite(seconds) or seconds > MAX_SECONDS:
        raise ValueError("a duration of at most 24 hours")
    return float(seconds)


def format_duration(seconds: float) -> str:
    """``75`` -> ``1:15``; ``3725`` -> ``1:02:05``; negative values keep their sign."""
    sign = "-" if seconds < 0 else ""
    total = round(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"
