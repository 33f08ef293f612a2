"""Which address the remote listens on: the laptop's own LAN address unless the presenter names one."""

from __future__ import annotations

import ipaddress
import socket


def lan_address() -> str:
    """The address this machine uses on its local network (no packet is sent), or 127.0.0.1.

    A UDP socket "connected" to an address picks the outgoing interface
    without sending anything; that interface's address is the one a phone on
    the same Wi-Fi can reach. Never all interfaces (0.0.0.0).
    """
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1 (RFC 5737): routable nowhere, nothing is sent
        address = probe.getsockname()[0]
    except OSError:
        address = "127.0.0.1"
    finally:
        probe.close()
    return address


def check_bind(address: str) -> str:
    """``address`` if it is one IP address the remote may listen on; ValueError says why not."""
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        raise ValueError(f"'{address}' is not an IP address (give one such as 192.168.1.20)") from None
    if ip.is_unspecified:
        raise ValueError(f"'{address}' means every interface; give the one address the phone should use")
    return str(ip)


def host_for_url(address: str, port: int) -> str:
    """``192.168.1.20:8123`` or ``[fe80::1]:8123``: as it appears in a URL and in a Host header."""
    return f"[{address}]:{port}" if ":" in address else f"{address}:{port}"
