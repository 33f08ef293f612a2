"""Progress of long work (an export or render of hundreds of slides) on a terminal, and only there.

Drawn by tqdm (a small, well-kept library) on stderr when stderr is a
terminal; in a pipe, a log file or CI nothing is printed, so scripts and
``2>`` redirections see only the command's own lines. Work that finishes
quickly shows nothing either (the bar appears after half a second).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Progress = Callable[[int, int], None]  # (done, total)
DELAY_S = 0.5  # no bar for work that is over sooner
MIN_INTERVAL_S = 0.1


def on_terminal() -> bool:
    stream = sys.stderr
    try:
        return bool(stream is not None and stream.isatty()) and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


@contextmanager
def terminal_progress(what: str, unit: str) -> Iterator[Progress | None]:
    """A ``progress(done, total)`` callback drawing a bar, or None when stderr is no terminal."""
    if not on_terminal():
        yield None
        return
    from tqdm import tqdm

    # A terminal that reports no size (0 x 0, as some ptys and serial consoles do) is taken as
    # 80 x 24: tqdm would otherwise hide a bar whose line is "below" a screen of 0 rows.
    size = shutil.get_terminal_size((80, 24))
    columns, rows = size.columns or 80, size.lines or 24
    bar = tqdm(
        desc=what,
        unit=f" {unit}",
        file=sys.stderr,
        delay=DELAY_S,
        mininterval=MIN_INTERVAL_S,
        leave=False,
        ncols=min(columns, 100),
        nrows=rows,
    )

    def progress(done: int, total: int) -> None:
        if bar.total != total:
            bar.total = total
        bar.update(done - bar.n)

    try:
        yield progress
    finally:
        bar.close()
