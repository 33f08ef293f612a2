"""Drive the real presenter in-process (in a child process) for switch timing and memory.

``briefing show DECK`` is started through :func:`briefing.cli.main` with
``QApplication.exec`` replaced by the benchmark body, so the windows are
exactly the ones the command builds and no app API beyond the command line
is assumed. Key presses go to the console window (``QTest.keyClick``, as a
clicker would send them); "painted" means a ``QEvent.Paint`` reached the
audience window's slide view and was handled (an event filter on the viewport).

Child usage (the parent is ``bench_switch`` / ``bench_memory``)::

    python -m tests.bench.app_driver --child --out R.json switch DECK N_SWITCHES
    python -m tests.bench.app_driver --child --out R.json memory DECK N_SWITCHES
    python -m tests.bench.app_driver --child --out R.json reload DECK N_SAVES

Set ``BRIEFING_BENCH_PROFILE=FILE`` to cProfile the measured part into FILE.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.bench.common import NONE_BALLAST, keep_none_alive, rss_kib, summary, write_child_result

PAINT_TIMEOUT_S = 5.0
SETTLE_S = 0.1  # idle time between key presses (a fast presenter; past the console's 30 ms prefetch timer)
NONE_FIXED = False  # keep_none_alive() applied (see common.py)


class Harness:
    """The running app's windows, found by class name, and a paint spy on the audience view."""

    def __init__(self, app: Any) -> None:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QGraphicsView

        self.app = app
        self.console, self.audience = self._find_windows()
        views = self.audience.findChildren(QGraphicsView)
        if isinstance(self.audience, QGraphicsView):
            views.append(self.audience)
        if not views:
            raise RuntimeError(f"no QGraphicsView in {type(self.audience).__name__}")
        self.view = max(views, key=lambda v: v.width() * v.height())
        self.paints = 0
        # the app's scene cache, when it has the usual shape: counts cache misses during a switch
        self.scenes = getattr(getattr(self.console, "controller", None), "scenes", None)
        self.builds_last = 0

        harness = self

        class Spy(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint:
                    harness.paints += 1
                return False

        self._spy = Spy()
        self.view.viewport().installEventFilter(self._spy)

    def _find_windows(self) -> tuple[Any, Any]:
        deadline = time.perf_counter() + 10
        while time.perf_counter() < deadline:
            self.app.processEvents()
            tops = [w for w in self.app.topLevelWidgets() if w.isVisible()]
            console = next((w for w in tops if "console" in type(w).__name__.lower()), None)
            audience = next((w for w in tops if "audience" in type(w).__name__.lower()), None)
            if console is not None and audience is not None:
                return console, audience
            time.sleep(0.01)
        names = [type(w).__name__ for w in self.app.topLevelWidgets() if w.isVisible()]
        raise RuntimeError(f"no visible Console and Audience windows (visible: {names})")

    def settle(self, seconds: float = SETTLE_S) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            self.app.processEvents()
            time.sleep(0.001)

    def key_and_wait_paint(self, key: Any) -> float:
        """Seconds from the key press to the audience view's next paint."""
        from PySide6.QtTest import QTest

        target = self.console.focusWidget() or self.console
        before = self.paints
        built = self._built()
        t0 = time.perf_counter()
        QTest.keyClick(target, key)
        while self.paints == before:
            self.app.processEvents()
            if time.perf_counter() - t0 > PAINT_TIMEOUT_S:
                raise RuntimeError(f"a key press did not repaint the audience in {PAINT_TIMEOUT_S:.0f} s")
        elapsed = time.perf_counter() - t0
        self.builds_last = self._built() - built
        return elapsed

    def _built(self) -> int:
        return int(getattr(self.scenes, "built", 0) or 0)


def switch_plan(count: int, switches: int) -> list[tuple[str, int]]:
    """Walk forward to the end, back to the start, and so on: (key, index after) pairs.

    The worst case for caches (every backward step meets slides seen long ago);
    used for the memory churn.
    """
    plan: list[tuple[str, int]] = []
    index, step = 0, 1
    while len(plan) < switches:
        if not 0 <= index + step < count:
            step = -step
        index += step
        plan.append(("next" if step > 0 else "prev", index))
    return plan


def talk_plan(count: int, switches: int, back_every: int = 7) -> list[tuple[str, int]]:
    """A talk: forward, a look back one slide (and forward again) every ``back_every``
    slides, Home at the end of the deck and on again: (key, index after) pairs."""
    plan: list[tuple[str, int]] = []
    index = 0
    while len(plan) < switches:
        if index + 1 >= count:
            index = 0
            plan.append(("first", index))
            continue
        index += 1
        plan.append(("next", index))
        if index % back_every == 0 and index > 0:
            plan += [("prev", index - 1), ("next", index)]
    return plan[:switches]


def run_show(deck: Path, body: Callable[[Harness], dict[str, object]]) -> dict[str, object]:
    """Start ``briefing show DECK`` with the event loop replaced by ``body``."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    outcome: dict[str, Any] = {}

    def fake_exec(*_args: object) -> int:
        try:
            harness = Harness(QApplication.instance())
            profile_to = os.environ.get("BRIEFING_BENCH_PROFILE")
            if profile_to:  # cProfile the measured body only: python -m pstats FILE
                import cProfile

                profiler = cProfile.Profile()
                outcome["result"] = profiler.runcall(body, harness)
                profiler.dump_stats(profile_to)
            else:
                outcome["result"] = body(harness)
        except Exception as error:
            outcome["error"] = f"{type(error).__name__}: {error}"
        return 0

    for cls in (QApplication, QGuiApplication, QCoreApplication):
        cls.exec = fake_exec  # type: ignore[method-assign]
    from briefing.cli import main

    code = main(["show", *show_flags(), str(deck)])
    if "error" in outcome:
        raise RuntimeError(outcome["error"])
    if "result" not in outcome:
        raise RuntimeError(f"briefing show returned {code} without starting its event loop")
    return outcome["result"]


def show_flags() -> list[str]:
    """``--no-animations`` when the command has it: transitions would blur "new slide painted"."""
    return ["--no-animations"] if "--no-animations" in _show_help() else []


def _show_help() -> str:
    import briefing.commands.show as show

    parser = argparse.ArgumentParser()
    show.add_arguments(parser)
    return parser.format_help()


def kinds(deck: Path) -> list[str]:
    from briefing.storyboard import load_storyboard

    return [slide.kind for slide in load_storyboard(deck).slides]


def switch_body(deck: Path, switches: int) -> Callable[[Harness], dict[str, object]]:
    from PySide6.QtCore import Qt

    slide_kinds = kinds(deck)
    keys = {"next": Qt.Key.Key_Right, "prev": Qt.Key.Key_Left, "first": Qt.Key.Key_Home}

    def body(h: Harness) -> dict[str, object]:
        h.settle(0.3)
        all_ms: list[float] = []
        chart_ms: list[float] = []
        with_build: list[float] = []
        none_refs = sys.getrefcount(None)
        none_live = none_refs - (NONE_BALLAST if NONE_FIXED else 0)
        for key, index in talk_plan(len(slide_kinds), switches):
            ms = h.key_and_wait_paint(keys[key]) * 1000
            all_ms.append(ms)
            if slide_kinds[index] == "chart":
                chart_ms.append(ms)
            if h.builds_last:
                with_build.append(ms)
            h.settle()
        lost = (none_refs - sys.getrefcount(None)) / switches
        return {
            "all": summary(all_ms),
            "chart": summary(chart_ms),
            "samples": all_ms,
            "none_refs_lost_per_switch": lost,
            "none_refs_before_switching": none_live,
            "switches_building_a_scene": summary(with_build),
        }

    return body


def memory_body(deck: Path, switches: int) -> Callable[[Harness], dict[str, object]]:
    from PySide6.QtCore import Qt

    count = len(kinds(deck))
    keys = {"next": Qt.Key.Key_Right, "prev": Qt.Key.Key_Left}

    def body(h: Harness) -> dict[str, object]:
        h.settle(0.3)
        for _ in range(count - 1):  # present every slide once
            h.key_and_wait_paint(keys["next"])
            h.settle(0.005)
        peak_after_walk = rss_kib()["VmHWM"]
        h.key_and_wait_paint(Qt.Key.Key_Home)  # back to the first slide, where switch_plan starts
        marks: dict[str, int] = {}
        for done, (key, _index) in enumerate(switch_plan(count, switches), start=1):
            h.key_and_wait_paint(keys[key])
            h.settle(0.002)
            if done in (200, switches):
                marks[f"rss_after_{done}"] = rss_kib()["VmRSS"]
        return {"peak_after_walk_kib": peak_after_walk, **marks, "peak_kib": rss_kib()["VmHWM"]}

    return body


def reload_body(deck: Path, reps: int) -> Callable[[Harness], dict[str, object]]:
    """Save an edited title of the shown slide; time the save to the audience repaint."""
    from PySide6.QtCore import Qt

    slides = __import__("briefing.storyboard", fromlist=["x"]).load_storyboard(deck).slides
    text = deck.read_text(encoding="utf-8")
    target = next(
        i for i, s in enumerate(slides) if i >= min(5, len(slides) - 1) and text.count(s.title) == 1
    )
    title = slides[target].title

    def body(h: Harness) -> dict[str, object]:
        h.settle(0.3)
        for _ in range(target):
            h.key_and_wait_paint(Qt.Key.Key_Right)
        h.settle(0.5)
        ms: list[float] = []
        for rep in range(reps):
            edited = text.replace(title, f"{title} (edit {rep + 1})")
            before = h.paints
            t0 = time.perf_counter()
            deck.write_text(edited, encoding="utf-8")
            while h.paints == before:
                h.app.processEvents()
                time.sleep(0.0005)
                if time.perf_counter() - t0 > 10:
                    raise RuntimeError("a saved edit did not repaint the audience view within 10 s")
            ms.append((time.perf_counter() - t0) * 1000)
            h.settle(0.6)  # past any debounce, so saves do not merge
        deck.write_text(text, encoding="utf-8")
        return {"reload_ms": summary(ms), "samples": ms, "slide": target}

    return body


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--out", required=True)
    parser.add_argument("mode", choices=("switch", "memory", "reload"))
    parser.add_argument("deck", type=Path)
    parser.add_argument("switches", type=int)
    args = parser.parse_args(argv)
    global NONE_FIXED
    NONE_FIXED = keep_none_alive()
    make = {"switch": switch_body, "memory": memory_body, "reload": reload_body}[args.mode]
    body = make(args.deck, args.switches)
    write_child_result(args.out, run_show(args.deck, body))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
