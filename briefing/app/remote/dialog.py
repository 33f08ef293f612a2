"""The console's Phone remote dialog: the QR code and address to pair, who is paired, accept or end.

It opens on the console only (never on the audience window); the QR code is
drawn by segno (a small, well-kept QR library) as a PNG and shown as a pixmap.
"""

from __future__ import annotations

import io

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from briefing.app.remote.bridge import PhoneRemote

QR_SCALE = 6


def qr_pixmap(text: str) -> QPixmap:
    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=QR_SCALE, border=3, dark="#000000",
                                     light="#FFFFFF")
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class RemoteDialog(QDialog):
    def __init__(self, remote: PhoneRemote, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.remote = remote
        self.setWindowTitle("Phone remote")
        self.setAccessibleName("Phone remote pairing")
        self.code = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.code.setAccessibleName("QR code of the pairing address")
        self.address = QLabel(textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setWordWrap(True)
        self.address.setAccessibleName("Pairing address")
        self.status = QLabel()
        self.status.setAccessibleName("Pairing status")
        self.accept_button = QPushButton("Accept the new device")
        self.refuse_button = QPushButton("Refuse it")
        self.end_button = QPushButton("End pairing")
        self.end_button.setToolTip("Disconnect every phone and make a new QR code")
        close = QPushButton("Close")
        self.accept_button.clicked.connect(self._accept)
        self.refuse_button.clicked.connect(self._refuse)
        self.end_button.clicked.connect(self._end)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.refuse_button, self.end_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        hint = QLabel("Scan with the phone's camera; the phone must be on the same network as this laptop.")
        hint.setWordWrap(True)
        for widget in (hint, self.code, self.address, self.status):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self._shown_url = ""

    def refresh(self) -> None:
        remote = self.remote
        if remote.url != self._shown_url:
            self.code.setPixmap(qr_pixmap(remote.url))
            self.address.setText(remote.url)
            self._shown_url = remote.url
        devices = remote.devices
        if devices.waiting:
            text = "Another device wants to drive the talk. Accept it (the paired phone loses control)?"
        elif devices.paired:
            text = f"A phone is paired ({'connected' if devices.connected else 'not connected now'})."
        else:
            text = "No phone paired yet."
        self.status.setText(text)
        self.accept_button.setVisible(devices.waiting)
        self.refuse_button.setVisible(devices.waiting)
        self.end_button.setEnabled(devices.paired or devices.waiting)

    def _accept(self) -> None:
        self.remote.server.accept_pending()

    def _refuse(self) -> None:
        self.remote.server.refuse_pending()

    def _end(self) -> None:
        self.remote.end_pairing()
        self.refresh()
