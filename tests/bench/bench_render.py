"""Render: PNGs per second, ``briefing render DECK -o DIR`` end to end (process start included).

Also in-process when ``briefing.export.images.render_pngs`` exists (a child
process imports it and times only the rendering). No target: reported for
information.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.common import (
    REPO,
    Context,
    Row,
    child_env,
    keep_none_alive,
    last_error,
    na,
    run_child,
    summary,
    write_child_result,
)

GROUP = "render"


def cli_once(deck: Path, out: Path) -> tuple[float, int]:
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "briefing", "render", str(deck), "-o", str(out)],
        cwd=REPO,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    elapsed = time.perf_counter() - t0
    pngs = len(list(out.glob("*.png"))) if out.exists() else 0
    if proc.returncode != 0 or not pngs:
        raise RuntimeError(f"briefing render exited {proc.returncode}: {last_error(proc.stderr)}")
    return elapsed, pngs


def child_inprocess(deck: Path, out: Path, reps: int) -> dict[str, object]:
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication(sys.argv)
    from briefing.export.images import render_pngs
    from briefing.storyboard import load_storyboard

    storyboard = load_storyboard(deck)
    rates = []
    for _ in range(reps):
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        t0 = time.perf_counter()
        render_pngs(storyboard, out)
        elapsed = time.perf_counter() - t0
        rates.append(len(list(out.glob("*.png"))) / elapsed)
    return {"rates": summary(rates), "slides": len(storyboard.slides)}


def measure(ctx: Context) -> list[Row]:
    rows: list[Row] = []
    deck = ctx.deck(50)
    out = ctx.workdir / "render"
    name = "briefing render, 50-slide deck (CLI)"
    try:
        rates, counts = [], []
        for _ in range(ctx.reps(3, 1)):
            elapsed, pngs = cli_once(deck, out)
            rates.append(pngs / elapsed)
            counts.append(pngs)
        s = summary(rates)
        rows.append(
            Row(
                GROUP,
                name,
                value=s["median"],
                unit="PNG/s",
                stats=s,
                target="(info)",
                note=f"{counts[0]} PNGs, 1920x1080 default, process start included",
            )
        )
    except Exception as error:
        rows.append(na(GROUP, name, f"{type(error).__name__}: {error}"))
    name = "render_pngs in-process, 50-slide deck"
    try:
        data = run_child("bench_render", [str(deck), str(out), str(ctx.reps(3, 1))], timeout=600)
        s = data["rates"]
        rows.append(
            Row(
                GROUP,
                name,
                value=s["median"],
                unit="PNG/s",
                stats=s,
                target="(info)",
                note=f"{data['slides']} slides",
            )
        )
    except Exception as error:
        rows.append(na(GROUP, name, f"{type(error).__name__}: {error}"))
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--out", required=True)
    parser.add_argument("deck", type=Path)
    parser.add_argument("png_dir", type=Path)
    parser.add_argument("reps", type=int)
    args = parser.parse_args(argv)
    keep_none_alive()
    write_child_result(args.out, child_inprocess(args.deck, args.png_dir, args.reps))
    return 0


if __name__ == "__main__":
    if "--child" in sys.argv:
        sys.exit(main(sys.argv[1:]))
    for r in measure(Context(quick=True)):
        print(r)
