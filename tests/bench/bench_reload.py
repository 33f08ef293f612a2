"""Reload: from a save of the storyboard to the updated slide painted.

Uses ``tests/bench/reload_latency.py`` (written with the live reload:
``measure_reload(deck, reps) -> list[float]`` in milliseconds, save to the
audience painting the edited title) in a child process. If that module is
missing or fails, falls back to ``app_driver reload`` (the real ``briefing
show``; save to the next audience repaint). Decks are copied to a temp folder
first, so the repository is never edited.
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
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--out", required=True)
    parser.add_argument("deck", type=Path)
    parser.add_argument("reps", type=int)
    args = parser.parse_args(argv)
    keep_none_alive()
    from tests.bench.reload_latency import measure_reload

    write_child_result(args.out, {"samples": list(measure_reload(args.deck, args.reps))})
    return 0


if __name__ == "__main__":
    if "--child" in sys.argv:
        sys.exit(main(sys.argv[1:]))
    for r in measure(Context(quick=True)):
        print(r)
