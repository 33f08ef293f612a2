"""Durations as editors write them: ``20min``, ``90s``, ``1m30s``, ``1:30``, ``1h``."""

from __future__ import annotations

import re

_UNIT_SECONDS = {"h": 3600, "hr": 3600, "m": 60, "min": 60, "mins": 60, "s": 1, "sec": 1, "secs": 1}
_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(h|hr|mins?|m|secs?|s)", re.IGNORECASE)


def parse_duration(text: str | int | float) -> float:
    """Seconds in ``text``; a bare number means minutes. Raises ``ValueError``."""
    if isinstance(text, bool):
        raise ValueError("a duration, like 2min, 90s or 1:30")
    if isinstance(text, (int, float)):
        if text < 0:
            raise ValueError("a duration cannot be negative")
        return float(text) * 60
    raw = str(text).strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", raw):
        return float(raw) * 60
    clock = re.fullmatch(r"(?:(\d+):)?(\d+):(\d{2})", raw)
    if clock:
        hours, minutes, seconds = clock.groups()
        return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    compact = raw.replace(" ", "")
    parts = _PART.findall(compact)
    if parts and "".join(n + u for n, u in parts) == compact:
        return sum(float(n) * _UNIT_SECONDS[u.lower()] for n, u in parts)
    raise ValueError("a duration, like 2min, 90s, 1m30s or 1:30")


def format_duration(seconds: float) -> str:
    """``75`` -> ``1:15``; ``3725`` -> ``1:02:05``; negative values keep their sign."""
    sign = "-" if seconds < 0 else ""
    total = round(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"
