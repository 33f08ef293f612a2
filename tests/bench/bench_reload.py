"""Reload: from a save of the storyboard to the updated slide painted.

Prefers ``tests/bench/reload_latency.py`` (written with the live reload) when
it offers ``measure_reload(deck, reps) -> list[float]`` (milliseconds); else the
real ``briefing show`` runs in a child (``app_driver reload``): the shown
slide's title is edited and saved, and the time to the audience repaint taken.
Decks are copied to a temp folder first, so the repository is never edited.
"""

from __future__ import annotations

import shutil

from tests.bench.common import Context, Row, na, run_child, summary

GROUP = "reload"


def _copy(ctx: Context, n: int | None):
    deck = ctx.deck(n)
    folder = ctx.workdir / f"reload-{n or 'bundled'}"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(deck.parent, folder, ignore=shutil.ignore_patterns("*.pptx", "*.png", "*.md"))
    return folder / deck.name


def _latencies(deck, reps: int) -> tuple[list[float], str]:
    try:
        from tests.bench import reload_latency  # written by the live-reload helper
    except ImportError:
        reload_latency = None
    if reload_latency is not None and hasattr(reload_latency, "measure_reload"):
        return list(reload_latency.measure_reload(deck, reps)), "reload_latency.measure_reload"
    data = run_child("app_driver", ["reload", str(deck), str(reps)], timeout=600)
    return data["samples"], "briefing show, save -> audience repaint"


def measure(ctx: Context) -> list[Row]:
    rows: list[Row] = []
    reps = ctx.reps(15, 5)
    for label, n, limit in (("bundled", None, 100.0), ("300 slides", 300, 300.0)):
        name, target = f"reload {label}", f"median < {limit:.0f} ms"
        try:
            ms, how = _latencies(_copy(ctx, n), reps)
        except Exception as error:
            rows.append(na(GROUP, name, f"{type(error).__name__}: {error}", target))
            continue
        s = summary(ms)
        rows.append(
            Row(
                GROUP,
                name,
                value=s["median"],
                unit="ms",
                stats=s,
                target=target,
                ok=s["median"] < limit,
                note=f"[{s['min']:.0f}-{s['max']:.0f}] ms, {how}",
            )
        )
    return rows


if __name__ == "__main__":
    for r in measure(Context(quick=True)):
        print(r)
