"""Who may drive the talk: the pairing token, the one paired device, a device waiting to be accepted.

Plain Python, used only on the server's thread. A device proves itself once
with the pairing token (from the QR code) and from then on with a session
cookie; only one device is the controller at a time, and another one that
pairs waits until the presenter accepts it in the console (it then replaces
the first). Failed attempts are counted per client address and answered
ever more slowly, so the token cannot be guessed at network speed.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from typing import Literal

Role = Literal["controller", "pending", "none"]
FREE_FAILURES = 5  # answered at once; then each failure waits longer
MAX_DELAY_S = 8.0


def new_secret() -> str:
    """A long random value for a URL or a cookie (256 bits)."""
    return secrets.token_urlsafe(32)


@dataclass
class Access:
    token: str = field(default_factory=new_secret)
    controller: str | None = None  # the paired device's session id
    pending: str | None = None  # a second device waiting for the presenter
    failures: dict[str, int] = field(default_factory=dict)

    def token_matches(self, given: str) -> bool:
        return hmac.compare_digest(given.encode("utf-8", "replace"), self.token.encode("utf-8"))

    def pair(self) -> tuple[str, Role]:
        """A new session for a device that showed the token: the controller if none, else pending."""
        session = new_secret()
        if self.controller is None:
            self.controller = session
            return session, "controller"
        self.pending = session  # a newer request replaces an older one still waiting
        return session, "pending"

    def role(self, session: str | None) -> Role:
        if not session:
            return "none"
        if self.controller is not None and hmac.compare_digest(session, self.controller):
            return "controller"
        if self.pending is not None and hmac.compare_digest(session, self.pending):
            return "pending"
        return "none"

    def accept_pending(self) -> str | None:
        """The waiting device becomes the controller (the old one loses control); its session."""
        if self.pending is None:
            return None
        self.controller, self.pending = self.pending, None
        return self.controller

    def refuse_pending(self) -> None:
        self.pending = None

    def end_pairing(self) -> None:
        """Forget every device and make a new token: the old QR code no longer works."""
        self.token, self.controller, self.pending = new_secret(), None, None

    def failed(self, client: str) -> float:
        """Count a failure from ``client``; seconds to wait before answering it."""
        count = self.failures.get(client, 0) + 1
        self.failures[client] = count
        if count <= FREE_FAILURES:
            return 0.0
        return min(MAX_DELAY_S, 0.25 * 2 ** (count - FREE_FAILURES - 1))

    def succeeded(self, client: str) -> None:
        self.failures.pop(client, None)
