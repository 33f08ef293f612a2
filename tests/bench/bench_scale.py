"""Scale: ``briefing check`` on a section of 3,000 slides, process start included.

The section's divider lists every slide title in its agenda; fitting that
agenda used to refit once per dropped title (quadratic: 15 s for 3,000
titles). Target: a few seconds.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from tests.bench.common import REPO, Context, Row, child_env, last_error, summary

GROUP = "scale"
SLIDES = 3000
LIMIT_S = 5.0


def check_once(deck: Path) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "briefing", "check", str(deck)],
        cwd=REPO,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        reason = last_error(proc.stdout + proc.stderr)
        raise RuntimeError(f"briefing check exited {proc.returncode}: {reason}")
    return elapsed


def measure(ctx: Context) -> list[Row]:
    from tests.bench.synthetic import write_one_section

    deck = write_one_section(ctx.workdir / "decks", SLIDES)
    samples = [check_once(deck) for _ in range(ctx.reps(3, 1))]
    stats = summary(samples)
    return [
        Row(
            GROUP,
            f"check, {SLIDES:,} slides in one section",
            value=stats["median"],
            unit="s",
            stats=stats,
            target=f"< {LIMIT_S:.0f} s",
            ok=stats["median"] < LIMIT_S,
            note=f"{stats['n']:.0f} runs, max {stats['max']:.2f} s",
        )
    ]
