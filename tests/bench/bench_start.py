"""Start-up: launching ``briefing show`` to the first slide painted in both windows.

Compared with ``floor.py`` (PySide6 + one pyqtgraph plot), run alternately in
child processes under ``QT_QPA_PLATFORM=offscreen``; the figure is the ratio of
the medians. The app reports "painted" through ``$BRIEFING_BENCH_READY_FILE``.
"""

from __future__ import annotations

import sys

from tests.bench.common import READY_ENV, REPO, Context, Row, launch_until_ready, na, ratio_row, summary

GROUP = "start"
TARGET = "<= 1.1x floor"
LIMIT = 1.1  # issue 18: both decks


def floor_cmd() -> list[str]:
    return [sys.executable, str(REPO / "tests" / "bench" / "floor.py")]


def app_has_ready_hook() -> bool:
    """Whether ``briefing show`` itself writes ``$BRIEFING_BENCH_READY_FILE``."""
    return any(READY_ENV in path.read_text(encoding="utf-8") for path in (REPO / "briefing").rglob("*.py"))


def show_cmd(deck) -> list[str]:
    if app_has_ready_hook():
        return [sys.executable, "-m", "briefing", "show", str(deck)]
    return [sys.executable, "-m", "tests.bench.show_ready", str(deck)]


def measure(ctx: Context) -> list[Row]:
    rows: list[Row] = []
    reps = ctx.reps(7, 3)
    for label, n in (("bundled", None), ("300 slides", 300)):
        name = f"show {label} / floor"
        ours: list[float] = []
        floor: list[float] = []
        try:
            deck = ctx.deck(n)
            launch_until_ready(floor_cmd(), exit_after=False)  # warm the page cache
            for _ in range(reps):
                floor.append(launch_until_ready(floor_cmd(), exit_after=False).ready_s)
                ours.append(launch_until_ready(show_cmd(deck), timeout=60, exit_after=False).ready_s)
        except Exception as error:
            rows.append(na(GROUP, name, f"{type(error).__name__}: {error}", TARGET))
            continue
        row = ratio_row(GROUP, name, ours, floor, LIMIT, TARGET)
        so, sf = summary(ours), summary(floor)
        how = "app hook" if app_has_ready_hook() else "show_ready wrapper"
        row.note = (
            f"show {so['median'] * 1000:.0f} ms [{so['min'] * 1000:.0f}-{so['max'] * 1000:.0f}], "
            f"floor {sf['median'] * 1000:.0f} ms [{sf['min'] * 1000:.0f}-{sf['max'] * 1000:.0f}] ({how})"
        )
        rows.append(row)
    return rows


if __name__ == "__main__":
    for r in measure(Context(quick=True)):
        print(r)
