"""The floor for ``briefing export``: plain python-pptx writing the same slides.

No fitting, no theme, no checks, no reproducibility pass: a title slide, a
divider per section, and per content slide a title, its text as bullets (or a
native chart with embedded data) and its notes. Run either

    python tests/bench/bare_pptx.py DECK.yaml -o out.pptx     # the slides of a storyboard
    python tests/bench/bare_pptx.py --synthetic 200 -o out.pptx  # N slides, a chart on every second

The benchmark (tests/bench/bench_export.py) times this against
``briefing export`` on the same storyboard.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml
from pptx import Presentation
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Emu

CHART_TYPES = {
    "bar": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "hbar": XL_CHART_TYPE.BAR_CLUSTERED,
    "stacked": XL_CHART_TYPE.COLUMN_STACKED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "area": XL_CHART_TYPE.AREA,
    "pie": XL_CHART_TYPE.PIE,
    "donut": XL_CHART_TYPE.DOUGHNUT,
    "scatter": XL_CHART_TYPE.XY_SCATTER,
}
CHART_BOX = (Emu(609600), Emu(1828800), Emu(10972800), Emu(4206240))


def _new_presentation():
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    return prs


def add_text_slide(prs, title: str, lines: list[str], notes: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = title
    body = slide.placeholders[1].text_frame
    body.text = lines[0] if lines else ""
    for line in lines[1:]:
        body.add_paragraph().text = line
    if notes:
        slide.notes_slide.notes_text_frame.text = notes


def add_chart_slide(prs, title: str, chart: dict, notes: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = title
    kind = chart.get("type", "bar")
    if kind == "scatter":
        data = XyChartData()
        for series in chart["series"]:
            points = data.add_series(series["name"])
            for x, y in zip(chart["categories"], series["values"], strict=False):
                points.add_data_point(float(x), float(y))
    else:
        data = CategoryChartData()
        data.categories = [str(c) for c in chart["categories"]]
        for series in chart["series"][: 1 if kind in ("pie", "donut") else None]:
            data.add_series(series["name"], [float(v) for v in series["values"]])
    slide.shapes.add_chart(CHART_TYPES[kind], *CHART_BOX, data)
    if notes:
        slide.notes_slide.notes_text_frame.text = notes


def _lines(slide: dict) -> list[str]:
    if "bullets" in slide:
        out = []
        for item in slide["bullets"]:
            if isinstance(item, dict):
                out.append(item["text"])
                out.extend(item.get("bullets", []))
            else:
                out.append(item)
        return out
    if "stats" in slide:
        return [f"{s.get('prefix', '')}{s['value']}{s.get('unit', '')} {s['label']}" for s in slide["stats"]]
    if "quote" in slide:
        return [slide["quote"]["text"], slide["quote"]["who"]]
    if "compare" in slide:
        columns = slide["compare"]
        return [t for side in ("left", "right") for t in (columns[side]["title"], *columns[side]["bullets"])]
    if "image" in slide:
        return [slide["image"].get("caption", "")]
    return []


def write_storyboard_deck(storyboard: Path, out: Path) -> int:
    """The storyboard's slides with plain python-pptx; returns the slide count."""
    data = yaml.safe_load(storyboard.read_text(encoding="utf-8"))
    prs = _new_presentation()
    first = prs.slides.add_slide(prs.slide_layouts[0])
    first.shapes.title.text = data["title"]
    first.placeholders[1].text = data.get("subtitle", "")
    for section in data["sections"]:
        agenda = [s["title"] for s in section["slides"]]
        add_text_slide(prs, section["title"], agenda, section.get("notes", ""))
        for slide in section["slides"]:
            if "chart" in slide and "csv" not in slide["chart"]:
                add_chart_slide(prs, slide["title"], slide["chart"], slide.get("notes", ""))
            else:
                add_text_slide(prs, slide["title"], _lines(slide), slide.get("notes", ""))
    prs.save(str(out))
    return len(prs.slides)


def write_synthetic_deck(n: int, out: Path) -> int:
    """``n`` slides: title + three bullets + notes, a bar chart on every second slide."""
    prs = _new_presentation()
    chart = {
        "type": "bar",
        "categories": ["Shanghai", "Berlin", "London", "Boston"],
        "series": [{"name": "A", "values": [25, 12, 18, 22]}, {"name": "B", "values": [5, 7, 9, 11]}],
    }
    for index in range(n):
        title, notes = f"Slide {index + 1}", f"Notes for slide {index + 1}."
        if index % 2:
            add_chart_slide(prs, title, chart, notes)
        else:
            add_text_slide(prs, title, ["Point one", "Point two", "Point three"], notes)
    prs.save(str(out))
    return n


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("storyboard", nargs="?", type=Path)
    parser.add_argument("--synthetic", type=int, metavar="N")
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.synthetic:
        count = write_synthetic_deck(args.synthetic, args.output)
    elif args.storyboard:
        count = write_storyboard_deck(args.storyboard, args.output)
    else:
        parser.error("give a storyboard or --synthetic N")
    print(f"bare python-pptx: {count} slides in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
