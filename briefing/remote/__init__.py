"""The phone remote: drive the talk from a phone's browser (``briefing show --remote``).

Threat model. The remote listens on a network the presenter does not control
(conference or hotel Wi-Fi): anyone there can reach its port, and a web page
the presenter has open can make the laptop's browser send requests to it.
So, by construction:

* it is off unless asked for, and listens on one address (the laptop's LAN
  address, or ``--remote-bind``), never on all interfaces;
* every request needs the pairing token (256 random bits, new for every talk,
  shown only on the console and the presenter's terminal) or the session
  cookie it was exchanged for (HttpOnly, SameSite=Strict); anything else gets
  ``403`` and nothing more, answered ever more slowly after five failures from
  one address; no access log is written, so the token is in no log line;
* one device drives the talk; a second one that pairs waits until the
  presenter accepts it in the console (and then replaces the first);
  "End pairing" forgets every device and makes a new token;
* a ``Host`` or ``Origin`` header other than the remote's own address is
  refused (DNS rebinding, cross-site requests);
* it serves the remote page, its WebSocket and the pictures of the current
  and next slide: no file of the disk, no path of the storyboard; requests are
  small (16 KB) and messages smaller (1 KB), malformed ones are ignored;
* it runs on its own thread: the UI thread never waits on the network, and the
  server stops (its port closed) when the app ends.

What it does not defend against: someone who can read the presenter's screen
or terminal (the token is there), or who captures the Wi-Fi traffic (plain
HTTP on the local network: the token and the notes can be read by a listener
on an open network, as with Impress Remote and pdfpc). Pure Python: no Qt.
"""

from __future__ import annotations

from briefing.remote.access import Access
from briefing.remote.address import check_bind, host_for_url, lan_address
from briefing.remote.server import Devices, RemoteServer

__all__ = ["Access", "Devices", "RemoteServer", "check_bind", "host_for_url", "lan_address"]
