"""A phone for tests: pairs over HTTP, then talks to the remote's WebSocket from a thread of its own."""

from __future__ import annotations

import asyncio
import http.client
import json
import threading
import time
from typing import Any

import aiohttp


def pair(host: str, port: int, token: str) -> str:
    """Open the pairing address as a phone would; the session cookie ``name=value``."""
    connection = http.client.HTTPConnection(host, port, timeout=20)
    try:
        connection.request("GET", f"/pair/{token}", headers={"Host": f"{host}:{port}"})
        response = connection.getresponse()
        response.read()
        assert response.status == 303, response.status
        return str(response.getheader("Set-Cookie")).split(";")[0]
    finally:
        connection.close()


class Phone:
    """Connected to ``/ws``; :attr:`received` collects every message, :meth:`send` sends one."""

    def __init__(self, host: str, port: int, cookie: str) -> None:
        self.address, self.cookie = f"{host}:{port}", cookie
        self.received: list[dict[str, Any]] = []
        self._loop = asyncio.new_event_loop()
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._ready = threading.Event()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        if not self._ready.wait(20):
            raise RuntimeError("the phone could not connect")

    def _run(self) -> None:
        self._loop.run_until_complete(self._talk())
        self._loop.close()

    async def _talk(self) -> None:
        name, value = self.cookie.split("=", 1)
        async with aiohttp.ClientSession(cookies={name: value}) as session:
            headers = {"Origin": f"http://{self.address}"}
            async with session.ws_connect(f"http://{self.address}/ws", headers=headers) as ws:
                self._ws = ws
                self._ready.set()
                async for message in ws:
                    if message.type == aiohttp.WSMsgType.TEXT:
                        self.received.append(json.loads(message.data))
        self._done.set()

    def send(self, message: dict[str, Any]) -> None:
        ws = self._ws
        assert ws is not None
        asyncio.run_coroutine_threadsafe(ws.send_str(json.dumps(message)), self._loop).result(10)

    def last_state(self) -> dict[str, Any]:
        return next(m for m in reversed(self.received) if m.get("type") == "state")

    def close(self) -> None:
        if self._ws is not None and not self._done.is_set():
            asyncio.run_coroutine_threadsafe(self._ws.close(), self._loop).result(10)
        self._thread.join(10)

    def wait_closed(self, seconds: float = 10) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not self._done.is_set():
            time.sleep(0.02)
        return self._done.is_set()
