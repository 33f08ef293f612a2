"""Slide switch: key press to the new slide painted in the audience window.

Runs the real ``briefing show`` in a child process (see ``app_driver``),
walking forward and back through the deck, chart slides included.
"""

from __future__ import annotations

from tests.bench.common import Context, Row, na, run_child

GROUP = "switch"
TARGET = "p95 <= 16.7 ms"
LIMIT_MS = 16.7


def measure(ctx: Context) -> list[Row]:
    rows: list[Row] = []
    switches = ctx.reps(400, 120)
    for label, n in (("bundled", None), ("50 slides", 50), ("300 slides", 300)):
        name = f"switch {label}"
        try:
            data = run_child("app_driver", ["switch", str(ctx.deck(n)), str(switches)], timeout=300)
        except Exception as error:
            rows.append(na(GROUP, name, f"{type(error).__name__}: {error}", TARGET))
            continue
        s_all, s_chart = data["all"], data["chart"]
        row = Row(GROUP, name, value=s_all["p95"], unit="ms", stats=s_all, target=TARGET)
        row.ok = row.value <= LIMIT_MS
        row.note = f"median {s_all['median']:.1f} ms, max {s_all['max']:.1f} ms, {s_all['n']} switches"
        if s_chart:
            row.note += f"; chart slides p95 {s_chart['p95']:.1f} ms (n={s_chart['n']})"
        row.extra = {"chart": s_chart}
        rows.append(row)
    return rows


if __name__ == "__main__":
    for r in measure(Context(quick=True)):
        print(r)
