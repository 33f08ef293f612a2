"""Export time grows linearly: with the categories of a pie, with the slides of a section.

Each test compares the CPU time of an export four times as large with the small one's: a
linear exporter takes about 4x, a quadratic one 16x. The bound (8x) leaves room for noise
and still fails the quadratic paths this guards (python-pptx's per-point look-ups in pies,
its per-category look-up in the chart workbook, a per-slide walk over every slide).
"""

from __future__ import annotations

import time
from pathlib import Path

from briefing.export.pptx import build_deck
from briefing.storyboard.load import load_storyboard
from tests.bench.synthetic import write_big_pie, write_one_section

GROWTH_BOUND = 8.0


def _cpu_seconds(path: Path) -> float:
    storyboard = load_storyboard(path)
    best = float("inf")
    for _ in range(2):  # the faster of two runs: less noise from the rest of the machine
        started = time.process_time()
        build_deck(storyboard)
        best = min(best, time.process_time() - started)
    return best


def test_pie_and_donut_export_is_linear_in_categories(tmp_path: Path) -> None:
    small = _cpu_seconds(write_big_pie(tmp_path, 1000))
    large = _cpu_seconds(write_big_pie(tmp_path, 4000))
    assert large / small < GROWTH_BOUND, f"1,000 categories {small:.2f} s, 4,000 {large:.2f} s"


def test_a_long_section_exports_in_linear_time(tmp_path: Path) -> None:
    small = _cpu_seconds(write_one_section(tmp_path, 200))
    large = _cpu_seconds(write_one_section(tmp_path, 800))
    assert large / small < GROWTH_BOUND, f"200 slides {small:.2f} s, 800 {large:.2f} s"
