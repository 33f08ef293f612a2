"""Reload: from a save of the storyboard to the updated slide painted.

Uses ``tests/bench/reload_latency.py`` (written with the live reload:
``measure_reload(deck, reps) -> list[float]`` in milliseconds, save to the
audience painting the edited title) in a child process. If that module is
missing or fails, falls back to ``app_driver reload`` (the real ``briefing
show``; save to the next audience repaint). Decks are copied to a temp folder
first, so the repository is never edited.

"frame while reloading" (``tests/bench/reload_frames.py``): while the
300-slide deck reloads, the longest gap between audience paints of a running
chart animation; the load runs off the UI thread, so it stays under a 30 fps
frame (33 ms).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from tests.bench.common import Context, Row, keep_none_alive, na, run_child, summary, write_child_result

GROUP = "reload"


def _copy(ctx: Context, n: int | None) -> Path:
    deck = ctx.deck(n)
    folder = ctx.workdir / f"reload-{n or 'bundled'}"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(deck.parent, folder, ignore=shutil.ignore_patterns("*.pptx", "*.png", "*.md"))
    return folder / deck.name


def _latencies(ctx: Context, n: int | None, reps: int) -> tuple[list[float], str]:
    try:
        data = run_child("bench_reload", [str(_copy(ctx, n)), str(reps)], timeout=600)
        return data["samples"], "reload_latency.measure_reload"
    except Exception as error:
        first = f"{type(error).__name__}: {error}"
    data = run_child("app_driver", ["reload", str(_copy(ctx, n)), str(reps)], timeout=600)
    return data["samples"], f"app_driver fallback ({first})"


def measure(ctx: Context) -> list[Row]:
    rows: list[Row] = []
    reps = ctx.reps(15, 5)
    for label, n, limit in (("bundled", None, 100.0), ("300 slides", 300, 300.0)):
        name, target = f"reload {label}", f"median < {limit:.0f} ms"
        try:
            ms, how = _latencies(ctx, n, reps)
        except Exception as error:
            rows.append(na(GROUP, name, f"{type(error).__name__}: {error}", target))
            continue
        s = summary(ms)
        row = Row(GROUP, name, value=s["median"], unit="ms", stats=s, target=target, ok=s["median"] < limit)
        row.note = f"[{s['min']:.0f}-{s['max']:.0f}] ms over {s['n']} saves, {how}"
        rows.append(row)
    rows.append(_frame_row(ctx, reps))
    return rows


def _frame_row(ctx: Context, reps: int) -> Row:
    name, target = "frame while reloading 300 slides", "max < 33 ms"
    try:
        data = run_child("bench_reload", ["--frames", str(_copy(ctx, 300)), str(reps)], timeout=600)
    except Exception as error:
        return na(GROUP, name, f"{type(error).__name__}: {error}", target)
    s = summary(data["samples"])
    row = Row(GROUP, name, value=s["max"], unit="ms", stats=s, target=target, ok=s["max"] < 33.0)
    row.note = f"longest gap between paints of a running chart animation, median {s['median']:.0f} ms " \
        f"over {s['n']} saves"
    return row


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--out", required=True)
    parser.add_argument("--frames", action="store_true", help="measure frames while reloading instead")
    parser.add_argument("deck", type=Path)
    parser.add_argument("reps", type=int)
    args = parser.parse_args(argv)
    keep_none_alive()
    if args.frames:
        from tests.bench.reload_frames import measure_frames

        write_child_result(args.out, {"samples": list(measure_frames(args.deck, args.reps))})
        return 0
    from tests.bench.reload_latency import measure_reload

    write_child_result(args.out, {"samples": list(measure_reload(args.deck, args.reps))})
    return 0


if __name__ == "__main__":
    if "--child" in sys.argv:
        sys.exit(main(sys.argv[1:]))
    for r in measure(Context(quick=True)):
        print(r)
