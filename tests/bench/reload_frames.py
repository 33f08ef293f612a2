"""Frame while reloading: the longest gap between audience paints while a save reloads.

Runs the real presenter (controller, console and audience windows, live
reload) in this process, standing on a chart slide near the middle of the
deck with a long chart animation running (an intro stretched to several
seconds, so every frame has something to paint). Each repetition restarts
that animation, edits the title of *another* slide (the chart's scene is
kept, its animation goes on), saves atomically and records every paint of the audience view from just
before the save until the first paint after the reload was applied (the swap
runs on the UI thread and counts). One sample is the longest gap between
consecutive paints in that window: the worst frame a viewer saw while the
storyboard reloaded. A UI thread blocked by the load shows up as one long
gap; at 30 fps a frame may take 33 ms.

Reusable by the benchmark runner: ``measure_frames(deck, reps) -> list[float]``
(milliseconds). By hand::

    python -m tests.bench.reload_frames                   # generated 300-slide deck
    python -m tests.bench.reload_frames --slides 300 --reps 10
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.bench.reload_latency import save_atomically, write_deck

ANIMATION_MS = 60_000  # longer than a measurement: the chart animates throughout
AFTER_APPLY_S = 0.1  # frames after the swap count too (the swap runs on the UI thread)
SETTLE_MS = 300
TIMEOUT_S = 10.0


def measure_frames(deck: Path, reps: int = 10) -> list[float]:
    """Per save: the longest gap (ms) between audience paints from the save to 100 ms after applying it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from briefing.app.controller import PresenterController
    from briefing.storyboard.load import load_storyboard
    from tests.bench.common import keep_none_alive

    keep_none_alive()
    app = QApplication.instance() or QApplication([])
    storyboard = load_storyboard(deck)
    text = deck.read_text(encoding="utf-8")
    chart_index = _chart_slide(storyboard)
    edited_title = storyboard.slides[chart_index - 1].title
    controller = PresenterController(storyboard, animate=True)
    controller.console.show()
    controller.audience.show()
    assert controller.start_live_reload() and controller.live_reload is not None
    live = controller.live_reload
    controller.state.goto(chart_index)
    paints: list[float] = []

    class PaintSpy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                paints.append(time.perf_counter())
            return False

    spy = PaintSpy()
    viewport = controller.audience.view.viewport()
    viewport.installEventFilter(spy)
    loop = QEventLoop()

    def wait(ms: int) -> None:
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def animate() -> None:
        scene = controller.audience.scene
        if scene is None or scene.chart is None:
            raise RuntimeError("the audience does not show the chart slide")
        scene.chart.play_intro(duration_ms=ANIMATION_MS)

    samples: list[float] = []
    try:
        wait(500)
        for rep in range(reps):
            animate()  # again: applying a reload ends running animations (their slide may have changed)
            wait(SETTLE_MS)
            before = live.reloads
            edited = text.replace(f"- title: {edited_title}\n", f"- title: {edited_title} (edit {rep})\n", 1)
            paints.clear()
            started = time.perf_counter()
            save_atomically(deck, edited)
            applied = _wait_for(loop, lambda before=before: live.reloads > before)
            wait(int(AFTER_APPLY_S * 1000))
            samples.append(_longest_frame(started, applied, paints) * 1000)
    finally:
        viewport.removeEventFilter(spy)
        controller.dispose()
        app.processEvents()
    return samples


def _longest_frame(started: float, applied: float, paints: list[float]) -> float:
    """Longest gap between paints from the save to the first paint after the swap.

    After the swap the chart may rightly stop painting (applying a reload ends
    running animations), so the quiet time after that first paint is no frame.
    """
    during = [p for p in paints if started <= p <= applied]
    after = [p for p in paints if p > applied][:1]
    window = [started, *during, *after] if after else [started, *during, applied]
    return max(b - a for a, b in itertools.pairwise(window))


def _wait_for(loop: Any, condition: Callable[[], bool]) -> float:
    """Run the event loop (as the app does) until ``condition()``; returns when it was seen true."""
    from PySide6.QtCore import QTimer

    deadline = time.perf_counter() + TIMEOUT_S
    poll = QTimer()
    poll.timeout.connect(lambda: (condition() or time.perf_counter() > deadline) and loop.quit())
    poll.start(2)
    try:
        loop.exec()
    finally:
        poll.stop()
    if not condition():
        raise RuntimeError(f"the save was not applied within {TIMEOUT_S:.0f} s")
    return time.perf_counter()


def _chart_slide(storyboard: object) -> int:
    """A chart slide near the middle whose previous slide is a content slide with an id."""
    slides = storyboard.slides  # type: ignore[attr-defined]
    middle = len(slides) // 2
    for index in sorted(range(1, len(slides)), key=lambda i: abs(i - middle)):
        if slides[index].kind == "chart" and slides[index - 1].kind not in ("title", "section"):
            return int(index)
    raise RuntimeError("no chart slide to animate")


def report(label: str, samples: list[float]) -> str:
    return (
        f"{label}: longest frame per reload: median {statistics.median(samples):.1f} ms, "
        f"max {max(samples):.1f} ms (n={len(samples)})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slides", type=int, default=300, help="size of the generated deck")
    parser.add_argument("--reps", type=int, default=10)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="briefing-frames-") as tmp:
        deck = write_deck(Path(tmp), args.slides)
        print(report(f"{args.slides} slides", measure_frames(deck, args.reps)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
