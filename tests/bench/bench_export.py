"""Export: ``briefing export`` against a bare python-pptx script and against pandoc.

Both pairs are whole processes timed from launch to exit, run alternately:

* the 200-slide deck (100 charts): ``briefing export`` vs ``tests/bench/bare_pptx.py``
  (plain python-pptx writing the same slides, no fitting or checks);
* the 200-slide text-only deck: ``briefing export`` vs ``pandoc deck.md -o deck.pptx``;
* scale, both against the bare python-pptx script on the same storyboard: a pie and a donut
  of 4,000 categories each (slice colours and labels must stay linear in categories), and
  one section of 3,000 slides (its divider lists them all).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.common import REPO, Context, Row, child_env, last_error, na, ratio_row, summary

GROUP = "export"


def timed(cmd: list[str], out: Path, *, cwd: Path = REPO, timeout: float = 600) -> float:
    out.unlink(missing_ok=True)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=child_env(), capture_output=True, text=True, timeout=timeout)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0 or not out.exists():
        reason = last_error(proc.stderr or proc.stdout)
        raise RuntimeError(f"{_label(cmd)} exited {proc.returncode}: {reason}")
    return elapsed


def _label(cmd: list[str]) -> str:
    if cmd[1:3] == ["-m", "briefing"]:
        return f"briefing {cmd[3]}"
    return Path(cmd[1]).name if cmd[0] == sys.executable else cmd[0]


def export_cmd(deck: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "briefing", "export", str(deck), "-o", str(out)]


def bare_cmd(deck: Path, out: Path) -> list[str]:
    return [sys.executable, str(REPO / "tests" / "bench" / "bare_pptx.py"), str(deck), "-o", str(out)]


def pandoc_cmd(markdown: Path, out: Path) -> list[str]:
    return ["pandoc", str(markdown), "-o", str(out)]


def _pair(ctx: Context, name: str, ours, theirs, limit: float, target: str, strict: bool) -> Row:
    a: list[float] = []
    b: list[float] = []
    for _ in range(ctx.reps(5, 2)):
        a.append(ours())
        b.append(theirs())
    row = ratio_row(GROUP, name, a, b, limit, target)
    if strict:
        row.ok = row.value < limit
    sa, sb = summary(a), summary(b)
    row.note = (
        f"ours {sa['median']:.2f} s [{sa['min']:.2f}-{sa['max']:.2f}], "
        f"theirs {sb['median']:.2f} s [{sb['min']:.2f}-{sb['max']:.2f}]"
    )
    return row


def measure(ctx: Context) -> list[Row]:
    rows: list[Row] = []
    out_dir = ctx.workdir / "export"
    out_dir.mkdir(parents=True, exist_ok=True)
    ours_pptx, theirs_pptx = out_dir / "ours.pptx", out_dir / "theirs.pptx"

    name, target = "200 slides+100 charts / bare python-pptx", "<= 1.0x bare"
    try:
        deck = ctx.deck(200)
        if not (REPO / "tests" / "bench" / "bare_pptx.py").exists():
            raise FileNotFoundError("tests/bench/bare_pptx.py not written yet")
        rows.append(
            _pair(
                ctx,
                name,
                lambda: timed(export_cmd(deck, ours_pptx), ours_pptx),
                lambda: timed(bare_cmd(deck, theirs_pptx), theirs_pptx),
                1.0,
                target,
                False,
            )
        )
    except Exception as error:
        rows.append(na(GROUP, name, f"{type(error).__name__}: {error}", target))

    rows += _scale_rows(ctx, ours_pptx, theirs_pptx)

    name, target = "200 text slides / pandoc", "< 1.0x pandoc"
    try:
        if shutil.which("pandoc") is None:
            raise FileNotFoundError("pandoc not installed (run tests/bench/setup.sh)")
        deck, markdown = ctx.deck(200, text_only=True), ctx.markdown(200)
        rows.append(
            _pair(
                ctx,
                name,
                lambda: timed(export_cmd(deck, ours_pptx), ours_pptx),
                lambda: timed(pandoc_cmd(markdown, theirs_pptx), theirs_pptx, cwd=markdown.parent),
                1.0,
                target,
                True,
            )
        )
    except Exception as error:
        rows.append(na(GROUP, name, f"{type(error).__name__}: {error}", target))
    return rows


#: Sizes of the scale figures (ours against bare python-pptx on the same storyboard).
PIE_CATEGORIES = 4000
SECTION_SLIDES = 3000
#: Bare python-pptx is quadratic in slides (it searches every part per new part name and
#: every relationship per new slide): past this it is stopped, and the ratio is a bound.
BARE_LIMIT_S = 300.0


def _scale_rows(ctx: Context, ours_pptx: Path, theirs_pptx: Path) -> list[Row]:
    from tests.bench.synthetic import write_big_pie, write_one_section

    decks = ctx.workdir / "decks"
    cases = (
        (f"pie+donut of {PIE_CATEGORIES:,} categories / bare python-pptx",
         lambda: write_big_pie(decks, PIE_CATEGORIES)),
        (f"{SECTION_SLIDES:,} slides in one section / bare python-pptx",
         lambda: write_one_section(decks, SECTION_SLIDES)),
    )
    rows = []
    target = "<= 1.0x bare"
    for name, write in cases:
        try:
            rows.append(_scale_pair(ctx, name, write(), ours_pptx, theirs_pptx, target))
        except Exception as error:
            rows.append(na(GROUP, name, f"{type(error).__name__}: {error}", target))
    return rows


def _scale_pair(ctx: Context, name: str, deck: Path, ours_pptx: Path, theirs_pptx: Path, target: str) -> Row:
    ours: list[float] = []
    theirs: list[float] = []
    bounded = False
    for _ in range(ctx.reps(3, 1)):
        ours.append(timed(export_cmd(deck, ours_pptx), ours_pptx))
        if bounded:
            continue  # one run past the limit says enough
        try:
            theirs.append(timed(bare_cmd(deck, theirs_pptx), theirs_pptx, timeout=BARE_LIMIT_S))
        except subprocess.TimeoutExpired:
            theirs.append(BARE_LIMIT_S)
            bounded = True
    row = ratio_row(GROUP, name, ours, theirs, 1.0, target)
    row.ok = row.value < 1.0
    sa, sb = summary(ours), summary(theirs)
    bare = f"{sb['median']:.2f} s"
    if bounded:
        bare = f"> {BARE_LIMIT_S:.0f} s (stopped; the ratio is an upper bound)"
    row.note = f"ours {sa['median']:.2f} s [{sa['min']:.2f}-{sa['max']:.2f}], theirs {bare}"
    return row


if __name__ == "__main__":
    for r in measure(Context(quick=True)):
        print(r)
