"""Reload latency: from a save of the storyboard to the updated slide painted.

Runs the real presenter (controller, console and audience windows, live
reload) in this process. The presenter stands on a slide in the middle of the
deck; each repetition edits that slide's title, saves the file atomically
(temp file + rename, as most editors do) and waits until the audience view
*paints a scene showing the edited title*. The time from just before the
save to the start of that paint is one sample. Saves are spaced well past the
debounce so they never merge.

Reusable by the benchmark runner: ``measure_reload(deck, reps) -> list[float]``
(milliseconds). By hand::

    python -m tests.bench.reload_latency                  # bundled briefing + 300 slides
    python -m tests.bench.reload_latency --slides 300 --reps 20
    python -m tests.bench.reload_latency path/to/deck.yaml

Decks are copied to a temp folder first; nothing in the repository is edited.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

SETTLE_MS = 200  # between saves: well past the 50 ms debounce
TIMEOUT_MS = 10_000


# --------------------------------------------------------------------------- decks
def write_deck(folder: Path, slides: int = 300) -> Path:
    """A storyboard of ``slides`` content slides in sections of 10; every 5th is a CSV chart."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "data").mkdir(exist_ok=True)
    lines = ["title: Reload latency deck", "duration: 60min", "sections:"]
    for number in range(slides):
        if number % 10 == 0:
            lines += [f"  - title: Section {number // 10 + 1}", "    slides:"]
        lines += [
            f"      - title: Slide {number + 1}",
            f"        id: s{number + 1}",
            f"        notes: Notes for slide {number + 1}.",
        ]
        if number % 5 == 4:
            csv = f"data/chart{number + 1}.csv"
            rows = "\n".join(
                f"{city},{(number * 7 + k * 13) % 50 + 5}"
                for k, city in enumerate(("Shanghai", "Berlin", "London", "Boston"))
            )
            (folder / csv).write_text(f"City,Firms\n{rows}\n", encoding="utf-8")
            lines += ["        chart:", "          type: bar", f"          csv: {csv}"]
        else:
            lines += [
                "        bullets:",
                f"          - Research output grew on slide {number + 1}",
                "          - Venture funding followed",
                "          - Talent kept arriving",
            ]
    path = folder / "deck.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def copy_deck(deck: Path, folder: Path) -> Path:
    shutil.copytree(
        deck.parent, folder, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.pptx", "*.png", "*.pdf")
    )
    return folder / deck.name


def save_atomically(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


# --------------------------------------------------------------------------- measuring
def measure_reload(deck: Path, reps: int = 15) -> list[float]:
    """Milliseconds from each save to the audience painting the edited slide."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from briefing.app.controller import PresenterController
    from briefing.storyboard.load import load_storyboard

    try:  # PySide6 6.12 on Python 3.11 drops a reference to None per void call
        from tests.bench.common import keep_none_alive

        keep_none_alive()
    except ImportError:
        pass
    app = QApplication.instance() or QApplication([])
    storyboard = load_storyboard(deck)
    text = deck.read_text(encoding="utf-8")
    target, title_line = _target_slide(storyboard, text)
    title = storyboard.slides[target].title
    controller = PresenterController(storyboard, animate=True)
    controller.console.show()
    controller.audience.show()
    controller.start_live_reload()
    controller.state.goto(target)
    loop = QEventLoop()
    marker: list[str] = [""]
    painted_at: list[float] = []

    class PaintSpy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and marker[0] and not painted_at:
                scene = controller.audience.scene
                if scene is not None and marker[0] in scene.visible_text():
                    painted_at.append(time.perf_counter())
                    QTimer.singleShot(0, loop.quit)
            return False

    spy = PaintSpy()
    controller.audience.view.viewport().installEventFilter(spy)

    def wait(ms: int) -> None:
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    samples: list[float] = []
    try:
        wait(500)  # windows shown, first paints done
        for rep in range(reps):
            marker[0] = f"{title} (edit {rep + 1})"
            painted_at.clear()
            edited = _edit_title(text, title_line, title, marker[0])
            started = time.perf_counter()
            save_atomically(deck, edited)
            guard = QTimer()
            guard.setSingleShot(True)
            guard.timeout.connect(loop.quit)
            guard.start(TIMEOUT_MS)
            loop.exec()
            guard.stop()
            if not painted_at:
                raise RuntimeError(f"the edit was not painted within {TIMEOUT_MS} ms")
            samples.append((painted_at[0] - started) * 1000)
            wait(SETTLE_MS)
    finally:
        controller.audience.view.viewport().removeEventFilter(spy)
        controller.dispose()
        deck.write_text(text, encoding="utf-8")
        app.processEvents()
    return samples


def _target_slide(storyboard: object, text: str) -> tuple[int, int]:
    """A content slide near the middle, and the 0-based line of the file holding its title."""
    slides = storyboard.slides  # type: ignore[attr-defined]
    lines = text.split("\n")
    middle = len(slides) // 2
    for index in sorted(range(len(slides)), key=lambda i: abs(i - middle)):
        slide = slides[index]
        if slide.kind in ("title", "section") or slide.line < 1:
            continue
        for number in range(slide.line - 1, min(slide.line + 5, len(lines))):
            if "title:" in lines[number] and slide.title in lines[number]:
                return index, number
    raise RuntimeError("no slide whose title can be edited")


def _edit_title(text: str, line: int, title: str, new_title: str) -> str:
    lines = text.split("\n")
    lines[line] = lines[line].replace(title, new_title, 1)
    return "\n".join(lines)


def report(label: str, samples: list[float]) -> str:
    return (
        f"{label}: median {statistics.median(samples):.1f} ms, "
        f"min {min(samples):.1f}, max {max(samples):.1f} (n={len(samples)})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("deck", nargs="?", type=Path, help="storyboard to measure (default: bundled + 300)")
    parser.add_argument("--slides", type=int, default=300, help="size of the generated deck")
    parser.add_argument("--reps", type=int, default=15)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="briefing-reload-") as tmp:
        folder = Path(tmp)
        if args.deck is not None:
            decks = [(args.deck.name, copy_deck(args.deck.resolve(), folder / "deck"))]
        else:
            from briefing.resources import default_storyboard

            decks = [
                ("bundled", copy_deck(default_storyboard(), folder / "bundled")),
                (f"{args.slides} slides", write_deck(folder / "generated", args.slides)),
            ]
        for label, deck in decks:
            print(report(label, measure_reload(deck, args.reps)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
