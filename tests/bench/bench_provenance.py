"""Proof speed: ``briefing check --source`` on a 3,000-slide storyboard against a 100-page report (< 2 s).

The report is the draft benchmark's synthetic 100-page report; the storyboard
is written here: 3,000 slides that cite it, in turn a stat slide (three
figures bound to their phrases), a bullet slide, a quote, a chart with a
derived share, and a compare slide. Every slide checks clean, so the
measurement is the cost of proving everything, not of reporting. Measured in
process (load, lints, layout fit, proof) and, for the proof alone,
``check_provenance``.
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.bench.bench_draft import write_report
from tests.bench.common import Context, Row, summary

GROUP = "check --source"
TARGET = "< 2 s"
SLIDES = 3000
CHAPTERS = 50


def _letters(index: int) -> str:
    """A title without digits (a number in a title is a figure to prove): 0 -> "a", 27 -> "bb"."""
    return "".join("abcdefghijklmnopqrstuvwxyz"[int(d, 26)] for d in _base26(index))


def _base26(index: int) -> str:
    digits = "0123456789abcdefghijklmnop"
    out = ""
    while True:
        index, rest = divmod(index, 26)
        out = digits[rest] + out
        if not index:
            return out


def _slide(index: int) -> str:
    c = index % CHAPTERS
    money, share, area = c + 3, c % 90 + 5, c % 20 + 2
    cite = f"      - title: Quarter {_letters(index)}\n        sources:\n"
    kind = index % 16  # mostly bullets: 3,000 slides stay under the loader's 50,000 YAML values
    if kind == 5:
        return cite + (
            f'          - {{ref: report, phrase: "The new park covers {area} square kilometres"}}\n'
            f'        bullets: ["A park of {area} km²"]\n'
        )
    if kind == 0:
        return cite + (
            f'          - {{ref: report, phrase: "invested ${money} million in new housing"}}\n'
            f"        stats:\n"
            f'          - {{value: {money}, prefix: "$", unit: "M", label: "invested in new housing"}}\n'
        )
    if kind in (1, *range(6, 16)):
        return cite + (
            f'          - {{ref: report, phrase: "{share}% of it went to families"}}\n'
            f"        bullets:\n          - {share}% of the housing money went to families\n"
        )
    if kind == 2:
        return cite + (
            f'          - {{ref: report, phrase: "says council member Ada Quinn{c}"}}\n'
            f'        quote: {{text: "We built this quarter with our own hands.", who: "Ada Quinn{c}"}}\n'
        )
    if kind == 3:
        return cite + (
            f'          - {{ref: report, phrase: "{share}% of it went to families", '
            f'note: "derived: 100% - {share}% = {100 - share}%"}}\n'
            f"        chart:\n          type: donut\n          categories: [Families, Others]\n"
            f"          series: [{{name: Housing money, values: [{share}, {100 - share}]}}]\n"
            f'          unit: "%"\n'
        )
    return cite + (  # kind 4
        f'          - {{ref: report, phrase: "A flat in Town {c} costs €{900 + c} versus €{700 + c} '
        f'in Dunmore"}}\n'
        f"        compare:\n          left: {{title: Town {c}, bullets: ['€{900 + c} a month']}}\n"
        f"          right: {{title: Dunmore, bullets: ['€{700 + c} a month']}}\n"
    )


def write_storyboard(folder: Path, slides: int = SLIDES) -> Path:
    path = folder / f"cites-{slides}.yaml"
    if not path.exists():
        head = "title: Proof benchmark\nsources:\n  report: {title: Synthetic review}\nsections:\n"
        sections = []
        for start in range(0, slides, 100):
            body = "".join(_slide(i) for i in range(start, min(start + 100, slides)))
            sections.append(f"  - title: Part {_letters(start // 100)}\n    slides:\n{body}")
        path.write_text(head + "".join(sections), encoding="utf-8")
    return path


def measure(ctx: Context) -> list[Row]:
    from briefing.commands.check import check_file
    from briefing.sources import SourceText
    from briefing.storyboard.load import analyze
    from briefing.storyboard.provenance import check_provenance

    report = write_report(ctx.workdir)
    deck = write_storyboard(ctx.workdir)
    whole, plain, proof = [], [], []
    from briefing.storyboard import provenance

    for _ in range(ctx.reps(5, 2)):
        provenance._READ.clear()  # as a fresh `briefing check` process: the report is read every time
        started = time.perf_counter()
        found = check_file(deck, {"report": report})
        whole.append(time.perf_counter() - started)
        started = time.perf_counter()
        check_file(deck, {})
        plain.append(time.perf_counter() - started)
        loaded = analyze(deck)
        started = time.perf_counter()
        texts = {"report": SourceText.read(report)}
        proved = check_provenance(loaded.source, deck, texts, loaded.root)
        proof.append(time.perf_counter() - started)
    problems = [d for d in found if d.severity == "error" or d.code == "uncited-figure"]
    note = f"{SLIDES:,} slides, {len(problems)} proof problems (0 expected)"
    without = f"; the same check without --source: {summary(plain)['median']:.2f} s"
    whole_stats, proof_stats = summary(whole), summary(proof)
    return [
        Row(GROUP, f"{SLIDES:,}-slide storyboard, 100-page report: check --source", whole_stats["median"],
            "s", whole_stats, "", None, note + without),
        Row(GROUP, f"{SLIDES:,}-slide storyboard, 100-page report: what --source adds (read + proof)",
            proof_stats["median"], "s", proof_stats, TARGET, proof_stats["median"] < 2.0 and not problems and
            not proved, "read the report, prove phrases, figures, quotes, derivations"),
    ]  # fmt: skip
