"""The remote's server on 127.0.0.1: pairing, one controller, refusals, commands, pictures, shutdown."""

from __future__ import annotations

import asyncio
import http.client
import json
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass

import aiohttp
import pytest

from briefing.remote import RemoteServer
from briefing.remote.access import FREE_FAILURES


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def read(self) -> bytes:
        return self.body

    def getheader(self, name: str) -> str | None:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), None)


class Remote:
    def __init__(self) -> None:
        self.commands: list[dict] = []
        self.devices: list = []
        self.server = RemoteServer(on_command=self.commands.append, on_devices=self.devices.append)
        self.url = self.server.start("127.0.0.1", 0)
        self.host = f"127.0.0.1:{self.server.port}"

    def get(self, path: str, headers: dict[str, str] | None = None) -> Answer:
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=20)
        try:
            connection.request("GET", path, headers={"Host": self.host, **(headers or {})})
            response = connection.getresponse()
            return Answer(response.status, dict(response.getheaders()), response.read())
        finally:
            connection.close()

    def pair(self) -> str:
        """Pair like a phone scanning the QR code; the session cookie."""
        response = self.get("/pair/" + self.server.access.token)
        assert response.status == 303 and response.getheader("Location") == "/"
        cookie = response.getheader("Set-Cookie")
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        return cookie.split(";")[0]


@pytest.fixture
def remote() -> Iterator[Remote]:
    made = Remote()
    yield made
    made.server.stop()


def test_the_pairing_url_is_the_token_on_the_address(remote: Remote) -> None:
    assert remote.url == f"http://{remote.host}/pair/{remote.server.access.token}"
    assert len(remote.server.access.token) >= 43  # 256 random bits


@pytest.mark.parametrize("path", ["/", "/ws", "/slide/current.png", "/pair/wrong", "/pair/", "/etc/passwd",
                                  "/../../etc/passwd", "/favicon.ico"])
def test_without_the_token_every_request_gets_403_and_nothing_else(remote: Remote, path: str) -> None:
    response = remote.get(path)
    assert response.status == 403
    assert response.read() == b"Forbidden"


def test_a_paired_phone_gets_the_page(remote: Remote) -> None:
    cookie = remote.pair()
    response = remote.get("/", {"Cookie": cookie})
    assert response.status == 200
    body = response.read().decode()
    assert "<title>briefing remote</title>" in body and remote.server.access.token not in body


@pytest.mark.parametrize(
    "headers",
    [{"Host": "evil.example:80"}, {"Host": "localhost"}, {"Origin": "http://evil.example"}],
)
def test_a_foreign_host_or_origin_is_refused_even_with_the_token(remote: Remote, headers: dict) -> None:
    response = remote.get("/pair/" + remote.server.access.token, headers)
    assert response.status == 403
    assert remote.server.access.controller is None


def test_repeated_failures_are_slowed_down(remote: Remote) -> None:
    for _ in range(FREE_FAILURES):
        assert remote.get("/pair/guess").status == 403
    started = time.perf_counter()
    assert remote.get("/pair/guess").status == 403
    assert remote.get("/pair/guess").status == 403
    assert time.perf_counter() - started >= 0.7  # 0.25 s, then 0.5 s


def test_an_oversized_or_non_get_request_is_refused(remote: Remote) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", remote.server.port, timeout=20)
    try:
        connection.request("POST", "/", body=b"x" * 100_000, headers={"Host": remote.host})
        assert connection.getresponse().status in (403, 413)
    except ConnectionError:
        pass  # the server may close the connection on an oversized body: also refused
    finally:
        connection.close()


async def _talk(remote: Remote, cookie: str, sends: list[str], receive: int = 1) -> list[dict]:
    name, value = cookie.split("=", 1)
    async with aiohttp.ClientSession(cookies={name: value}) as session:
        origin = {"Origin": f"http://{remote.host}"}
        async with session.ws_connect(f"http://{remote.host}/ws", headers=origin) as ws:
            received = [json.loads((await ws.receive(timeout=10)).data) for _ in range(receive)]
            for text in sends:
                await ws.send_str(text)
            await asyncio.sleep(0.2)
            return received


def test_the_controller_gets_the_state_and_its_commands_reach_the_app(remote: Remote) -> None:
    remote.server.publish({"counter": "3 / 36", "notes": ["Say this."]})
    time.sleep(0.1)
    cookie = remote.pair()
    sends = [
        '{"type": "next"}', '{"type": "prev"}', '{"type": "black"}', '{"type": "pointer", "x": 0.5, "y": 1}',
        '{"type": "pointer_end"}', "not json", '{"type": "quit"}', '{"type": "pointer", "x": 2, "y": 0}',
        '{"type": "pointer", "x": true, "y": 0}', "[1, 2]",
    ]
    (state,) = asyncio.run(_talk(remote, cookie, sends))
    assert state["type"] == "state" and state["counter"] == "3 / 36" and state["notes"] == ["Say this."]
    assert remote.commands == [
        {"type": "next"}, {"type": "prev"}, {"type": "black"}, {"type": "pointer", "x": 0.5, "y": 1.0},
        {"type": "pointer_end"},
    ]


def test_a_second_device_waits_until_the_presenter_accepts_it(remote: Remote) -> None:
    first = remote.pair()
    second = remote.pair()
    assert remote.get("/slide/current.png", {"Cookie": second}).status == 403
    (message,) = asyncio.run(_talk(remote, second, ['{"type": "next"}']))
    assert message == {"type": "pending"} and remote.commands == []
    assert remote.devices[-1].waiting
    remote.server.accept_pending()
    time.sleep(0.2)
    remote.server.publish_pictures({"current": b"\x89PNG current", "next": b"\x89PNG next"}, 1)
    time.sleep(0.2)
    response = remote.get("/slide/current.png", {"Cookie": second})
    assert response.status == 200 and response.read() == b"\x89PNG current"
    assert response.getheader("Cache-Control") == "no-store"
    assert remote.get("/slide/current.png", {"Cookie": first}).status == 403  # one controller at a time


def test_ending_the_pairing_makes_the_old_token_and_cookie_useless(remote: Remote) -> None:
    old_token, cookie = remote.server.access.token, remote.pair()
    new_url = remote.server.end_pairing()
    assert old_token not in new_url
    assert remote.get("/", {"Cookie": cookie}).status == 403
    assert remote.get("/pair/" + old_token).status == 403


def test_stopping_closes_the_port() -> None:
    made = Remote()
    port = made.server.port
    made.server.stop()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass


def test_a_port_in_use_is_an_error_not_a_hang() -> None:
    made = Remote()
    try:
        other = RemoteServer(on_command=lambda c: None)
        with pytest.raises(OSError):
            other.start("127.0.0.1", made.server.port)
    finally:
        made.server.stop()
