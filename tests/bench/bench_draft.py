"""Draft speed: ``briefing draft`` on a synthetic 100-page report (target: under a second), and on
the same report as a 100-page PDF (target: under three seconds, reading the PDF included).

The report is written here, in plain words: 50 chapters of two pages, each
with a title-case heading, prose, figures (shares, money, counts, areas,
growth, a "versus" comparison), attributed quotations and now and then an
injected fragment in another script. About 500 words a page. Measured in
process (read, draft, write the YAML) and as the command a user runs. The PDF
is set by Qt from the same chapters (``tests.bench.pdf_report``), so it has a
real text layer with fonts and sizes; PDFium reads it in its own process.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.common import REPO, Context, Row, summary

GROUP = "draft"
TARGET = "< 1 s"
PDF_TARGET = "< 3 s"
PDF_CHAPTERS = 52  # Qt sets 52 of these two-page chapters on 100 A4 pages
PAGES = 100
WORDS_PER_PAGE = 500

PROSE = (
    "The district council met again in the spring to review progress on the plan. "
    "Residents asked for clearer timetables and better lighting along the river path. "
    "Officials said the next phase would focus on schools, clinics and small workshops. "
    "Several local firms reported steady orders, although hiring remained slow. "
)


def chapter(index: int) -> str:
    """Two pages of report: a heading, figures, quotes, prose, sometimes injected junk."""
    town = f"Town {index}"
    lines = [
        f"Progress in the Northern Quarter {index}",
        f"The quarter invested ${index + 3} million in new housing, and {index % 90 + 5}% of it went to "
        f"families. The new park covers {index % 20 + 2} square kilometres and hosts {1000 + index * 7:,} "
        f"events a year. Rents rose {index % 50 + 10}% since 2020.",
        f"A flat in {town} costs €{900 + index} versus €{700 + index} in Dunmore.",
        f'"We built this quarter with our own hands," says council member Ada Quinn{index}.',
        f'Planner Tomas Berg{index} adds: "Every street now has a bus stop within five minutes."',
    ]
    if index % 10 == 0:
        lines.insert(1, "广告推广 " + lines[1])
    words = sum(len(line.split()) for line in lines)
    while words < 2 * WORDS_PER_PAGE:  # paragraphs of about 250 words, as reports have
        lines.append(" ".join([PROSE.strip()] * 5))
        words += 5 * len(PROSE.split())
    return "\n".join(lines)


def write_report(folder: Path, pages: int = PAGES) -> Path:
    path = folder / f"report-{pages}-pages.txt"
    if not path.exists():
        title = "A Synthetic Review of the Northern Quarter\n\nThis review looks at the quarter's renewal.\n"
        path.write_text(title + "\n".join(chapter(i) for i in range(pages // 2)) + "\n", encoding="utf-8")
    return path


def write_pdf_report(folder: Path) -> Path:
    path = folder / f"report-{PAGES}-pages.pdf"
    if not path.exists():
        subprocess.run(
            [sys.executable, "-m", "tests.bench.pdf_report", str(path), str(PDF_CHAPTERS)],
            check=True,
            capture_output=True,
            timeout=300,
            cwd=REPO,
        )
    return path


def measure_pdf(ctx: Context) -> Row:
    """``briefing draft`` on the 100-page PDF, as the command a user runs (start-up included)."""
    import pypdfium2

    report = write_pdf_report(ctx.workdir)
    pages = len(pypdfium2.PdfDocument(str(report)))
    output = ctx.workdir / "drafted-pdf.yaml"
    samples = []
    cpu = []  # the command's and its PDF reader's CPU time: what a busy machine does not inflate
    for _ in range(ctx.reps(5, 2)):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "briefing", "draft", str(report), "-o", str(output), "--force"],
            check=True,
            capture_output=True,
            timeout=120,
            cwd=REPO,
        )
        samples.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    stats = summary(samples)
    sections = output.read_text(encoding="utf-8").count("\n  - title: ")
    size = report.stat().st_size // 1024
    note = (
        f"{pages} pages, {size} KB, {sections} sections; CPU {summary(cpu)['median']:.2f} s; "
        "python -m briefing draft ..."
    )
    return Row(
        GROUP,
        f"{pages}-page PDF, `briefing draft` with start-up",
        stats["median"],
        "s",
        stats,
        PDF_TARGET,
        stats["median"] < 3.0,
        note,
    )


def measure(ctx: Context) -> list[Row]:
    from briefing.draft import draft_report
    from briefing.outputs import write_atomically

    report = write_report(ctx.workdir)
    output = ctx.workdir / "drafted.yaml"
    samples = []
    for _ in range(ctx.reps(7, 3)):
        started = time.perf_counter()
        draft = draft_report(report, output)
        data = draft.yaml.encode("utf-8")
        write_atomically(output, lambda handle, data=data: handle.write(data))
        samples.append(time.perf_counter() - started)
    stats = summary(samples)
    words = len(report.read_text(encoding="utf-8").split())
    note = f"{words:,} words, {len(draft.yaml.splitlines()):,} YAML lines, {len(draft.warnings)} warnings"
    rows = [
        Row(
            GROUP,
            f"{PAGES}-page report, in process",
            stats["median"],
            "s",
            stats,
            TARGET,
            stats["median"] < 1.0,
            note,
        )
    ]
    cli = []
    for _ in range(ctx.reps(5, 2)):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "briefing", "draft", str(report), "-o", str(output), "--force"],
            check=True,
            capture_output=True,
            timeout=120,
        )
        cli.append(time.perf_counter() - started)
    cli_stats = summary(cli)
    rows.append(
        Row(
            GROUP,
            f"{PAGES}-page report, `briefing draft` with start-up",
            cli_stats["median"],
            "s",
            cli_stats,
            TARGET,
            cli_stats["median"] < 1.0,
            "python -m briefing draft ...",
        )
    )
    rows.append(measure_pdf(ctx))
    return rows
