"""Memory: peak RSS presenting the 300-slide deck (every slide shown) vs the floor, and growth.

The app runs in a child process (``app_driver memory``); its peak is VmHWM after
stepping through every slide. The floor is ``floor.py``'s peak RSS from wait4.
Growth compares RSS after 200 switches with RSS after 2,000.
"""

from __future__ import annotations

from tests.bench.bench_start import floor_cmd
from tests.bench.common import Context, Row, launch_until_ready, na, run_child

GROUP = "memory"
TARGET = "<= 1.5x floor"
GROWTH_TARGET = "growth <= 5%"


def measure(ctx: Context) -> list[Row]:
    switches = ctx.reps(2000, 1000)  # --quick: growth from 200 to 1,000 switches
    try:
        floor_kib = [launch_until_ready(floor_cmd()).maxrss_kib for _ in range(ctx.reps(3, 2))]
        floor_peak = sorted(floor_kib)[len(floor_kib) // 2]
        data = run_child("app_driver", ["memory", str(ctx.deck(300)), str(switches)], timeout=900)
    except Exception as error:
        reason = f"{type(error).__name__}: {error}"
        return [
            na(GROUP, "peak RSS 300 slides / floor", reason, TARGET),
            na(GROUP, f"RSS growth 200 -> {switches} switches", reason, GROWTH_TARGET),
        ]
    peak = data["peak_after_walk_kib"]
    ratio = peak / floor_peak
    rows = [
        Row(
            GROUP,
            "peak RSS 300 slides / floor",
            value=ratio,
            unit="x",
            target=TARGET,
            ok=ratio <= 1.5,
            note=f"app {peak / 1024:.0f} MiB, floor {floor_peak / 1024:.0f} MiB",
            extra={"app_peak_kib": peak, "floor_peak_kib": floor_peak, "floor_samples_kib": floor_kib},
        ),
    ]
    before, after = data.get("rss_after_200"), data.get(f"rss_after_{switches}")
    if before and after:
        growth = (after - before) / before * 100
        rows.append(
            Row(
                GROUP,
                f"RSS growth 200 -> {switches} switches",
                value=growth,
                unit="%",
                target=GROWTH_TARGET,
                ok=growth <= 5.0,
                note=f"{before / 1024:.0f} MiB -> {after / 1024:.0f} MiB "
                f"(peak over run {data['peak_kib'] / 1024:.0f} MiB)",
                extra=data,
            )
        )
    else:
        rows.append(
            na(GROUP, f"RSS growth 200 -> {switches} switches", "child reported no RSS marks", GROWTH_TARGET)
        )
    return rows


if __name__ == "__main__":
    for r in measure(Context(quick=True)):
        print(r)
