"""``briefing show`` with the benchmark's ready marker, for an app without the hook.

Runs ``briefing.cli.main(["show", ...])`` unchanged, with an application-wide
event filter that watches paint events: once a slide view (a
``QGraphicsView`` viewport) has painted in the audience window *and* in the
console window, the wall-clock time is written to
``$BRIEFING_BENCH_READY_FILE`` (the protocol of ``floor.py``). When the app
itself honours ``BRIEFING_BENCH_READY_FILE``, ``bench_start`` runs
``python -m briefing show`` directly instead.

    python -m tests.bench.show_ready DECK.yaml
"""

from __future__ import annotations

import os
import sys
import time


def main(argv: list[str]) -> int:
    # Qt is imported only once ``briefing show`` has imported it (from ``present``): before that the
    # app may fork to load the storyboard in parallel, which it never does in a process holding Qt.
    import briefing.commands.show as show

    present = show.present

    def watched_present(*args, **kwargs):
        _watch_first_paints()
        return present(*args, **kwargs)

    show.present = watched_present
    from briefing.cli import main as briefing_main

    return briefing_main(["show", *argv])


def _watch_first_paints() -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QGraphicsView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    painted: set[str] = set()

    def ready() -> None:
        path = os.environ.get("BRIEFING_BENCH_READY_FILE")
        if path:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(repr(time.time()))
        print("BRIEFING_READY", flush=True)

    class FirstPaints(QObject):
        def eventFilter(self, obj, event):  # Qt name
            if event.type() == QEvent.Type.Paint and len(painted) < 2:
                parent = obj.parent() if isinstance(obj, QObject) else None
                if isinstance(parent, QGraphicsView) and parent.viewport() is obj:
                    name = type(obj.window()).__name__.lower()
                    role = "audience" if "audience" in name else "console" if "console" in name else ""
                    if role and role not in painted:
                        painted.add(role)
                        if len(painted) == 2:
                            QTimer.singleShot(0, ready)  # after this paint has finished
            return False

    global _spy
    _spy = FirstPaints()
    app.installEventFilter(_spy)


_spy = None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
