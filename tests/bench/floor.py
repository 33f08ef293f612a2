"""The floor for start-up and memory: PySide6 plus one pyqtgraph plot, nothing else.

Same ready protocol as ``briefing show``: when ``BRIEFING_BENCH_READY_FILE``
is set, the wall-clock time (``time.time()``) is written to that file once the
plot has painted, and ``BRIEFING_READY`` is printed. With
``BRIEFING_BENCH_EXIT=1`` the script then quits (the memory benchmark reads
its peak RSS from ``wait4``).
"""

from __future__ import annotations

import os
import sys
import time


def main() -> int:
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    widget = pg.PlotWidget()
    widget.plot(np.arange(10.0), np.arange(10.0) ** 0.5)
    widget.resize(960, 540)

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                QTimer.singleShot(0, ready)
            return False

    def ready() -> None:
        path = os.environ.get("BRIEFING_BENCH_READY_FILE")
        if path:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(repr(time.time()))
        print("BRIEFING_READY", flush=True)
        if os.environ.get("BRIEFING_BENCH_EXIT") == "1":
            QTimer.singleShot(50, app.quit)

    spy = FirstPaint()
    widget.viewport().installEventFilter(spy)
    widget.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
