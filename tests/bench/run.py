"""Run the benchmark: ``python -m tests.bench.run [--quick] [--only start,...,property] [--json PATH]``.

Prints one table (figure, target, PASS/FAIL, spread) and writes every figure
with its samples' summary to JSON. Each measurement catches its own failure
and reports ``n/a (reason)``, so the run always finishes. Qt parts run in child
processes under ``QT_QPA_PLATFORM=offscreen`` (set it to ``xcb`` under Xvfb to
measure a real X server). Setup for a fresh machine: ``tests/bench/setup.sh``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: python tests/bench/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.common import REPO, Context, Row, guarded

MEASUREMENTS: dict[str, str] = {
    "start": "bench_start",
    "switch": "bench_switch",
    "reload": "bench_reload",
    "export": "bench_export",
    "render": "bench_render",
    "memory": "bench_memory",
    "chart": "bench_chart1m",
    "scale": "bench_scale",
    "property": "bench_property",
    "draft": "bench_draft",
    "remote": "bench_remote",
}
DEFAULT_JSON = REPO / "tests" / "bench" / "results" / "latest.json"


def run_one(key: str, ctx: Context) -> list[Row]:
    def call() -> list[Row]:
        module = importlib.import_module(f"tests.bench.{MEASUREMENTS[key]}")
        return module.measure(ctx)

    return guarded(key, key, call)


def format_value(row: Row) -> str:
    if row.value is None:
        return "n/a"
    if row.unit == "x":
        return f"{row.value:.2f}x"
    if row.unit == "%":
        return f"{row.value:+.1f}%"
    return f"{row.value:.1f} {row.unit}"


def table(rows: list[Row]) -> str:
    header = ("measurement", "figure", "target", "", "detail")
    lines = [[f"{r.group}: {r.name}", format_value(r), r.target, r.verdict, r.note] for r in rows]
    widths = [max(len(str(x[i])) for x in [header, *lines]) for i in range(4)]
    out = []
    for cells in [header, ["-" * w for w in widths] + ["-" * 6], *lines]:
        out.append(
            "  ".join(str(c).ljust(w) for c, w in zip(cells[:4], widths, strict=True)) + "  " + cells[4]
        )
    return "\n".join(line.rstrip() for line in out)


def markdown(rows: list[Row]) -> str:
    """The table as Markdown, for the README's Performance section."""
    out = ["| measurement | figure | target | result |", "| --- | --- | --- | --- |"]
    for r in rows:
        result = r.verdict if r.value is not None else r.note
        detail = f" ({r.note})" if r.value is not None and r.note and r.unit == "x" else ""
        out.append(f"| {r.group}: {r.name} | {format_value(r)}{detail} | {r.target} | {result} |")
    return "\n".join(out) + "\n"


def environment() -> dict[str, object]:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    try:
        import pyqtgraph
        import PySide6

        qt = f"PySide6 {PySide6.__version__}, pyqtgraph {pyqtgraph.__version__}"
    except ImportError:
        qt = "PySide6 missing"
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": commit,
        "python": platform.python_version(),
        "qt": qt,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "qpa": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "loadavg_at_end": [round(x, 2) for x in os.getloadavg()],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (about 3 minutes)")
    parser.add_argument("--only", default="", help=f"comma-separated subset of: {','.join(MEASUREMENTS)}")
    parser.add_argument(
        "--json", type=Path, default=DEFAULT_JSON, help=f"where to write results ({DEFAULT_JSON})"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temp folder with the generated decks")
    parser.add_argument("--markdown", type=Path, help="also write the table as Markdown to this file")
    args = parser.parse_args(argv)
    keys = [k.strip() for k in args.only.split(",") if k.strip()] or list(MEASUREMENTS)
    unknown = [k for k in keys if k not in MEASUREMENTS]
    if unknown:
        parser.error(f"unknown measurement(s) {', '.join(unknown)}; choose from {', '.join(MEASUREMENTS)}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    ctx = Context(quick=args.quick)
    rows: list[Row] = []
    started = time.perf_counter()
    for key in keys:
        t0 = time.perf_counter()
        print(f"[bench] {key} ...", file=sys.stderr, flush=True)
        rows.extend(run_one(key, ctx))
        print(f"[bench] {key} done in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    print(table(rows))
    result = {
        "environment": environment()
        | {"quick": args.quick, "seconds": round(time.perf_counter() - started, 1)},
        "rows": [r.to_json() for r in rows],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    if args.markdown:
        args.markdown.write_text(markdown(rows), encoding="utf-8")
    kept = f", decks kept in {ctx.workdir}" if args.keep else ""
    if not args.keep:
        shutil.rmtree(ctx.workdir, ignore_errors=True)
    print(f"\nJSON: {args.json}   ({result['environment']['seconds']} s{kept})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
