"""Ctrl+C in the terminal and a polite ``kill`` end the presenter cleanly.

While Qt's event loop runs, Python's own signal handlers wait until Python
code runs again, which may be never: Ctrl+C did nothing, and SIGTERM (a
logout, ``kill``) ended the process at once, leaving the loader process's
semaphores behind ("leaked semaphore objects") and the window positions
unsaved. Here the C-level handler writes to a socket (``signal.set_wakeup_fd``)
that a :class:`QSocketNotifier` watches, so the event loop wakes, Python runs
the handler, and the handler quits the event loop: ``briefing show`` then
shuts down as after closing the window (timer paused, positions saved, loader
stopped) and exits 130 (SIGINT) or 143 (SIGTERM), as shells expect.
"""

from __future__ import annotations

import signal
import socket
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication


class QuitOnSignals(QObject):
    """Installed for the event loop's lifetime; :attr:`received` is the signal that ended it."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.received: int | None = None
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {sig: signal.signal(sig, self._handle) for sig in self.SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        try:
            self._reader.recv(512)  # the bytes only woke the loop; Python has run the handler by now
        except OSError:
            pass

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        if self.received is None:
            self.received = signum
            self.app.quit()

    def exit_code(self, status: int) -> int:
        """The shell's code for the signal that ended the talk (128 + its number), else ``status``."""
        return 128 + self.received if self.received is not None else status

    def uninstall(self) -> None:
        """Put the previous handlers back (the process may go on, as in tests)."""
        self._notifier.setEnabled(False)
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()


__all__ = ["QuitOnSignals"]
