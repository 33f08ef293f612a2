"""The phone remote as the controller sees it: started on first use, one dialog, stopped with the app.

The controller makes one :class:`RemoteControl` and gives it what the remote
reads and does (state, clock, plan, scenes, the pointer, ``perform``); nothing
of the remote is imported or started until the presenter asks for it
(``briefing show --remote`` or View > Phone remote…).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QMessageBox

from briefing.app.remote.snapshot import Talk

if TYPE_CHECKING:
    from briefing.app.remote.bridge import PhoneRemote
    from briefing.app.remote.dialog import RemoteDialog


class RemoteControl:
    def __init__(self, talk: Talk, console: QMainWindow) -> None:
        self.talk = talk
        self.console = console
        self.remote: PhoneRemote | None = None
        self.dialog: RemoteDialog | None = None
        self.address: str | None = None
        self.port = 0

    def start(self, address: str | None = None, port: int = 0) -> PhoneRemote:
        """The running remote (started now if it is not yet); OSError when it cannot listen."""
        if self.remote is None:
            from briefing.app.remote.bridge import PhoneRemote
            from briefing.remote import lan_address

            remote = PhoneRemote(self.talk, parent=self.console)
            remote.start(address or self.address or lan_address(), port or self.port)
            remote.devices_changed.connect(self._devices)
            self.remote = remote
        return self.remote

    def open_dialog(self) -> None:
        """View > Phone remote…: start it if needed and show the QR code on the console."""
        try:
            remote = self.start()
        except OSError as error:
            QMessageBox.warning(self.console, "Phone remote", f"The phone remote cannot start: {error}")
            return
        if self.dialog is None:
            from briefing.app.remote.dialog import RemoteDialog

            self.dialog = RemoteDialog(remote, self.console)
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()

    def _devices(self, devices: object) -> None:
        if self.dialog is not None:
            self.dialog.refresh()
        waiting = getattr(devices, "waiting", False)
        if waiting and (self.dialog is None or not self.dialog.isVisible()):
            self.open_dialog()  # a second device asks: the presenter decides in the dialog
        status = self.console.statusBar()
        if getattr(devices, "paired", False):
            status.showMessage("Phone remote: paired" + (" · another device asks" if waiting else ""), 5000)

    def stop(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
        if self.remote is not None:
            self.remote.stop()
            self.remote = None


def announce(url: str) -> None:
    """The pairing address on the presenter's terminal (stderr), never in a log."""
    print(f"briefing show: phone remote: open {url} on your phone (or scan View > Phone remote…)",
          file=sys.stderr)
