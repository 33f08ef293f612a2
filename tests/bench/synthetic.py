"""Synthetic storyboards for the benchmark: valid YAML per docs/format.md.

``write_deck(folder, n)`` writes ``n`` content slides in sections of ten, a
chart on every second content slide (cycling through every chart type), and
the other bodies (bullets, stats, quote, compare) in turn. ``text_only=True``
writes bullets only, and ``write_markdown`` writes the same text-only deck as
pandoc Markdown (``#`` section, ``##`` slide, ``::: notes``) so ``briefing
export`` and ``pandoc`` produce the same slides.

Run ``python -m tests.bench.synthetic OUT_DIR 200`` to look at one.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SECTION_SIZE = 10
CHART_TYPES = ("bar", "line", "hbar", "stacked", "area", "pie", "donut", "scatter")
CITIES = ("Shanghai", "Berlin", "London", "Boston", "Tokyo", "Paris")
NOTES = (
    "A synthetic slide for the benchmark. The speaker explains the figure, "
    "points at the largest value and moves on.\n\nSecond paragraph of notes."
)


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _chart(index: int) -> list[str]:
    kind = CHART_TYPES[(index // 2) % len(CHART_TYPES)]
    if kind == "scatter":
        categories = ["1", "2", "3", "5", "8", "13"]
        category_yaml = "[" + ", ".join(categories) + "]"  # numbers, unquoted
    else:
        categories = list(CITIES)
        category_yaml = _q_list(categories)
    n_series = 1 if kind in ("pie", "donut") else 2
    lines = ["        chart:", f"          type: {kind}", f"          categories: {category_yaml}"]
    lines.append("          series:")
    for s in range(n_series):
        values = [round(10 + ((index * 7 + s * 13 + c * 5) % 40) * 1.5, 1) for c in range(len(categories))]
        lines.append(f"            - {{name: {_q(f'Series {s + 1}')}, values: {values}}}")
    lines += ['          unit: "%"', f"          y_title: {_q('Share of firms')}"]
    return lines


def _q_list(items: list[str]) -> str:
    return "[" + ", ".join(_q(i) for i in items) + "]"


def _bullets(index: int) -> list[str]:
    return [
        "        bullets:",
        f"          - {_q(f'Point one of slide {index + 1}: research output grew')}",
        "          - text: " + _q("Point two, with detail"),
        "            bullets: " + _q_list(["First detail", "Second detail"]),
        f"          - {_q('Point three: what it means for the audience')}",
    ]


def _body(index: int, text_only: bool) -> list[str]:
    if text_only:
        return _bullets(index)
    if index % 2 == 1:
        return _chart(index)
    kind = (index // 2) % 4
    if kind == 0:
        return _bullets(index)
    if kind == 1:
        return [
            "        stats:",
            f'          - {{value: {25 + index}, unit: " km²", label: "Park area"}}',
            '          - {value: 16000, unit: "+", label: "tech firms"}',
            '          - {value: 48, prefix: "$", unit: "bn", label: "VC deployed"}',
        ]
    if kind == 2:
        return [
            "        quote:",
            f"          text: {_q(f'Quote number {index + 1}: we are monetizing innovation itself.')}",
            "          who: Wang Ying",
            "          role: Chairwoman, Shanghai Technology Exchange",
        ]
    return [
        "        compare:",
        "          left: {title: Then, bullets: [Farmland, Manufacturing for others]}",
        "          right: {title: Now, bullets: [Chip design, AI labs]}",
    ]


def deck_yaml(n: int, *, text_only: bool = False, title: str = "Synthetic benchmark deck") -> str:
    lines = [
        f"title: {_q(title)}",
        f"subtitle: {_q(f'{n} slides')}",
        "author: Benchmark",
        'date: "2026-11-29"',
        "language: en",
        "duration: 60min",
        "notes: |",
        "  Title slide notes.",
        "theme: dark",
        "sources:",
        "  report: {title: Synthetic source}",
        "sections:",
    ]
    for index in range(n):
        if index % SECTION_SIZE == 0:
            section = index // SECTION_SIZE + 1
            lines += [
                f"  - title: {_q(f'Section {section}')}",
                f"    id: section-{section}",
                f"    notes: {_q(f'Divider notes for section {section}.')}",
                "    slides:",
            ]
        lines += [
            f"      - title: Slide {index + 1} - a finding worth a slide",  # plain: reload_latency edits it
            f"        id: s{index + 1}",
            "        duration: 20s",
            "        notes: |",
            *("          " + line if line else "" for line in NOTES.splitlines()),
            "        sources: [{ref: report, phrase: synthetic}]",
            *_body(index, text_only),
        ]
    return "\n".join(lines) + "\n"


def deck_markdown(n: int, *, title: str = "Synthetic benchmark deck") -> str:
    """The text-only deck as pandoc Markdown: same titles, bullets and notes."""
    out = [f"---\ntitle: {_q(title)}\nsubtitle: {_q(f'{n} slides')}\nauthor: Benchmark\n---\n"]
    for index in range(n):
        if index % SECTION_SIZE == 0:
            out.append(f"# Section {index // SECTION_SIZE + 1}\n")
        out.append(
            f"## Slide {index + 1} - a finding worth a slide\n\n"
            f"- Point one of slide {index + 1}: research output grew\n"
            "- Point two, with detail\n"
            "    - First detail\n"
            "    - Second detail\n"
            "- Point three: what it means for the audience\n\n"
            f"::: notes\n{NOTES}\n:::\n"
        )
    return "\n".join(out)


def one_section_yaml(n: int) -> str:
    """``n`` short bullet slides in a single section: the divider's agenda lists all ``n`` titles.

    Slides are one flow mapping each (about seven YAML values), so 3,000 of them
    stay under the loader's 50,000-value limit.
    """
    lines = ["title: One long section", "sections:", "  - title: Everything at once", "    slides:"]
    for index in range(n):
        title = _q(f"Slide {index + 1} - a finding worth a slide")
        bullet = _q(f"Point one of slide {index + 1}")
        lines.append(f"      - {{title: {title}, notes: Say it., bullets: [{bullet}]}}")
    return "\n".join(lines) + "\n"


def big_pie_yaml(n: int) -> str:
    """A pie and a donut of ``n`` categories each (one value per slice, labels on)."""
    categories = _q_list([f"Category {index + 1}" for index in range(n)])
    values = "[" + ", ".join(str(1 + index % 9) for index in range(n)) + "]"
    lines = ["title: Big pies", "sections:", "  - title: Shares", "    slides:"]
    for kind in ("pie", "donut"):
        lines += [
            f"      - title: {kind.title()} of {n} slices",
            "        chart:",
            f"          type: {kind}",
            f"          categories: {categories}",
            f"          series: [{{name: Share, values: {values}}}]",
        ]
    return "\n".join(lines) + "\n"


def write_big_pie(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"big-pie-{n}.yaml"
    path.write_text(big_pie_yaml(n), encoding="utf-8")
    return path


def write_one_section(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"one-section-{n}.yaml"
    path.write_text(one_section_yaml(n), encoding="utf-8")
    return path


def write_deck(folder: Path, n: int, *, text_only: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    name = f"synthetic-{n}{'-text' if text_only else ''}.yaml"
    path = folder / name
    path.write_text(deck_yaml(n, text_only=text_only), encoding="utf-8")
    return path


def write_markdown(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"synthetic-{n}-text.md"
    path.write_text(deck_markdown(n), encoding="utf-8")
    return path


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("bench-decks")
    n = int(argv[1]) if len(argv) > 1 else 50
    print(write_deck(folder, n))
    print(write_deck(folder, n, text_only=True))
    print(write_markdown(folder, n))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
