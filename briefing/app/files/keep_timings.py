"""After a rehearsal: the seconds spent on each slide become its planned ``duration:``.

PowerPoint's "Keep slide timings", for a storyboard the editor owns. The text
edit itself is :func:`briefing.storyboard.keep_timings.with_durations` (only
duration lines change); this module decides *whether* to write: the file on
disk must still be the storyboard the talk was timed on (live reload keeps the
presented one current, so a difference means an edit the app has not taken,
or a broken save), and the write is atomic, so live reload sees one clean save.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import BriefingError
from briefing.outputs import write_atomically
from briefing.storyboard import load_text
from briefing.storyboard.keep_timings import SlidePosition, TimingsNotWritten, with_durations
from briefing.storyboard.model import Storyboard

MIN_SECONDS = 1.0  # a slide flipped past in under a second keeps its planned duration


@dataclass(frozen=True)
class KeptTimings:
    """What a keep did, in words for the presenter."""

    written: bool
    message: str
    slides: int = 0


def spent_positions(storyboard: Storyboard, spent_by_id: Mapping[str, float]) -> dict[SlidePosition, float]:
    """Seconds per content slide, by its place in the storyboard (title and dividers have none)."""
    return {
        (s, i): spent_by_id[slide.id]
        for s, section in enumerate(storyboard.sections)
        for i, slide in enumerate(section.slides)
        if spent_by_id.get(slide.id, 0.0) >= MIN_SECONDS
    }


def keep_timings(storyboard: Storyboard, spent_by_id: Mapping[str, float]) -> KeptTimings:
    """Write the rehearsal's times into ``storyboard``'s file, or say why not (never raises)."""
    path = storyboard.path
    if path is None:
        return KeptTimings(False, "This storyboard has no file to keep the timings in.")
    positions = spent_positions(storyboard, spent_by_id)
    if not positions:
        return KeptTimings(False, "No slide was shown for a second or more: nothing to keep.")
    try:
        with open(path, encoding="utf-8", newline="") as handle:  # newline="": keep CRLF as written
            text = handle.read()
        if _loaded(text, path) != storyboard:
            return KeptTimings(
                False,
                f"{path.name} changed on disk since it was loaded: nothing was written. "
                "Save it without errors, let the app reload it, then keep the timings again.",
            )
        edited = with_durations(text, positions)
        write_atomically(path, lambda out: out.write(edited.encode("utf-8")))
    except (OSError, UnicodeError, TimingsNotWritten, BriefingError) as error:
        return KeptTimings(False, f"The timings were not written to {path.name}: {error}")
    return KeptTimings(True, f"Kept the timings of {len(positions)} slides in {path.name}.", len(positions))


def _loaded(text: str, path: Path) -> Storyboard | None:
    try:
        return load_text(text, path)
    except BriefingError:
        return None
