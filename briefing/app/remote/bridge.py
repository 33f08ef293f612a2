"""The phone remote wired to the talk: commands in, state and pictures out.

The server (:class:`briefing.remote.RemoteServer`) runs on its own thread and
calls back on it; :class:`PhoneRemote` turns each callback into a Qt signal,
which Qt queues to the UI thread, so commands are carried out there exactly
as the keys would be (``perform("next")``). The other way, every change of the
talk's state is published as a snapshot, the clock once a second, and the
pictures of the current and next slide a moment after a change (after the
audience has repainted), drawn by the slide renderer from the console's scenes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QSize, QTimer, Signal
from PySide6.QtGui import QImage

from briefing.app.remote.snapshot import Talk, snapshot
from briefing.layout import CANVAS_H, CANVAS_W
from briefing.remote import Devices, RemoteServer
from briefing.remote.server import Frame

PICTURE = QSize(480, 270)  # sharp on a phone's 1.3-inch-high slide, quick to draw
PICTURE_DELAY_MS = 60  # after the audience's repaint
COMMANDS = {"next": "next", "prev": "prev", "black": "black"}


class PhoneRemote(QObject):
    """One remote for the talk: ``start`` prints nothing and returns the pairing URL."""

    command = Signal(dict)  # from the server thread, queued to the UI thread
    devices_changed = Signal(object)  # Devices

    def __init__(self, talk: Talk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.talk = talk
        self.devices = Devices(paired=False, connected=0, waiting=False)
        self.server = RemoteServer(on_command=self.command.emit, on_devices=self.devices_changed.emit)
        self.command.connect(self._carry_out)
        self.devices_changed.connect(self._devices)
        self._revision = 0
        self._pictures = QTimer(self, singleShot=True, interval=PICTURE_DELAY_MS)
        self._pictures.timeout.connect(self._publish_pictures)
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self.publish_state)
        self.url = ""

    # ------------------------------------------------------------------ lifetime
    def start(self, address: str, port: int = 0) -> str:
        """Listen and begin publishing; the pairing URL. OSError when the address cannot be used."""
        self.url = self.server.start(address, port)
        self.talk.state.changed.connect(self._on_state)
        self._clock.start()
        self.publish_state()
        self._publish_pictures()
        return self.url

    def stop(self) -> None:
        """Close the port and stop publishing (the app is closing, or the presenter ended it)."""
        self._clock.stop()
        self._pictures.stop()
        self.talk.state.changed.disconnect(self._on_state)
        self.server.stop()

    def end_pairing(self) -> str:
        self.url = self.server.end_pairing()
        return self.url

    # ------------------------------------------------------------------ phone -> talk
    def _carry_out(self, command: dict[str, Any]) -> None:
        kind = command.get("type")
        if kind in COMMANDS:
            self.talk.perform(COMMANDS[kind])
        elif kind == "pointer":
            self.talk.tools.set_flash(True)  # shows while the finger is down, as Ctrl+click does
            self.talk.tools.move_pointer((command["x"] * CANVAS_W, command["y"] * CANVAS_H))
        elif kind == "pointer_end":
            self.talk.tools.move_pointer(None)
            self.talk.tools.set_flash(False)

    def _devices(self, devices: Devices) -> None:
        self.devices = devices

    # ------------------------------------------------------------------ talk -> phone
    def _on_state(self, changed: set[str], *args: object) -> None:
        self.publish_state()
        if changed & {"storyboard", "current", "step"}:
            self._pictures.start()

    def publish_state(self) -> None:
        talk = self.talk
        self.server.publish(snapshot(talk.state, talk.timer, talk.plan))

    def _publish_pictures(self) -> None:
        """The current slide now, the next one on the next turn of the event loop (two short
        pieces of UI-thread work instead of one long one), then both to the server, which
        encodes the PNGs on its own thread."""
        self._revision += 1
        state = self.talk.state
        revision, current = self._revision, self._frame("console", state.current, state.step)
        QTimer.singleShot(0, self, lambda: self._publish_next(revision, current))

    def _publish_next(self, revision: int, current: Frame) -> None:
        if revision != self._revision:
            return  # the talk moved on; a newer set is on its way
        pictures: dict[str, bytes | Frame] = {"current": current}
        upcoming = self.talk.state.upcoming()
        if upcoming is not None:
            pictures["next"] = self._frame("next", *upcoming)
        self.server.publish_pictures(pictures, revision)

    def _frame(self, role: str, index: int, step: int) -> Frame:
        from briefing.render.thumbnails import render_image

        scene = self.talk.scenes.get(role, index)
        if step < scene.steps:
            scene.set_step(step)
        image = render_image(scene, PICTURE).convertToFormat(QImage.Format.Format_RGB888)
        return Frame(image.width(), image.height(), image.bytesPerLine(), bytes(image.constBits()))
