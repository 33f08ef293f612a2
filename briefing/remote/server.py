"""The phone remote's web server: the remote page, its WebSocket and the two slide pictures, nothing else.

aiohttp (HTTP and WebSockets in one well-kept asyncio library) runs on its
own thread with its own event loop, so the UI thread never waits on the
network: the app hands it snapshots and pictures (:meth:`RemoteServer.publish`,
thread-safe) and receives the phone's commands through ``on_command``, called
on the server thread (the Qt side queues them to the UI thread).

Every request passes :func:`_guard` first: a ``Host`` or ``Origin`` other than
the address the remote listens on is refused (DNS rebinding, cross-site
requests from a page the presenter has open), then the session cookie (or the
pairing token on ``/pair/TOKEN``) decides. A refusal is ``403`` with nothing
else, slowed down after repeated failures from one address. No access log is
kept, so the token never reaches a log line.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from importlib import resources
from typing import Any, TypeGuard

from aiohttp import WSMsgType, web

from briefing.remote.access import Access, Role
from briefing.remote.address import host_for_url

log = logging.getLogger(__name__)

COOKIE = "briefing_remote"
MAX_REQUEST_BYTES = 16 * 1024
MAX_MESSAGE_BYTES = 1024
COMMANDS = frozenset({"next", "prev", "black", "pointer", "pointer_end"})
Command = dict[str, Any]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Frame:
    """A picture as raw RGB rows (``stride`` bytes each), made into a PNG on the server's side."""

    width: int
    height: int
    stride: int
    pixels: bytes


@dataclass(frozen=True)
class Devices:
    """What the console shows: whether a phone is paired and whether another one waits."""

    paired: bool
    connected: int
    waiting: bool


class RemoteServer:
    """One remote for one talk; ``start`` it, ``publish`` to it, ``stop`` it with the app."""

    def __init__(
        self,
        *,
        on_command: Callable[[Command], None],
        on_devices: Callable[[Devices], None] = lambda devices: None,
    ) -> None:
        self._on_command = on_command
        self._on_devices = on_devices
        self.access = Access()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._sockets: dict[web.WebSocketResponse, Role] = {}
        self._snapshot: dict[str, Any] = {"type": "state"}
        self._pictures: dict[str, bytes] = {}
        self._tasks: set[asyncio.Future[object]] = set()
        self.host = ""
        self.port = 0
        self._page = resources.files("briefing.remote").joinpath("page.html").read_bytes()

    # ------------------------------------------------------------------ lifetime (any thread)
    def start(self, address: str, port: int = 0) -> str:
        """Listen on ``address``:``port`` (0: a free port); the pairing URL. OSError when it cannot."""
        ready = threading.Event()
        failure: list[BaseException] = []
        self._thread = threading.Thread(
            target=self._serve, args=(address, port, ready, failure), name="phone-remote", daemon=True
        )
        self._thread.start()
        ready.wait(10)
        if failure:
            self._thread.join(5)
            error = failure[0]
            raise error if isinstance(error, OSError) else OSError(str(error))
        return self.pairing_url()

    def pairing_url(self) -> str:
        return f"http://{host_for_url(self.host, self.port)}/pair/{self.access.token}"

    def stop(self) -> None:
        """Close every connection and the port; returns when the server thread has ended."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        asyncio.run_coroutine_threadsafe(self._shutdown(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        self._loop = self._thread = None

    # ------------------------------------------------------------------ from the app (any thread)
    def publish(self, snapshot: dict[str, Any]) -> None:
        """The talk's state (slide, notes, timer, pacing...) for every connected phone."""
        self._call(self._set_snapshot, {**snapshot, "type": "state"})

    def publish_pictures(self, pictures: dict[str, bytes | Frame], revision: int) -> None:
        """The current and the next slide, as PNG bytes or raw RGB frames (encoded here, off the
        caller's thread); phones reload them at ``revision``."""
        self._call(self._encode_pictures, dict(pictures), revision)

    def accept_pending(self) -> None:
        self._call(self._accept)

    def refuse_pending(self) -> None:
        self._call(self._refuse)

    def end_pairing(self) -> str:
        """Disconnect every device and make a new token; the new pairing URL."""
        if self._loop is not None:
            asyncio.run_coroutine_threadsafe(self._end(), self._loop).result(10)
        return self.pairing_url()

    def _call(self, function: Callable[..., object], *args: object) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(function, *args)

    # ------------------------------------------------------------------ server thread
    def _serve(self, address: str, port: int, ready: threading.Event, failure: list[BaseException]) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._open(address, port))
        except BaseException as error:  # reported to start(); the thread ends
            failure.append(error)
            ready.set()
            loop.close()
            return
        self._loop = loop
        ready.set()
        try:
            loop.run_forever()
        finally:
            loop.close()

    async def _open(self, address: str, port: int) -> None:
        app = web.Application(middlewares=[self._guard], client_max_size=MAX_REQUEST_BYTES)
        app.router.add_get("/pair/{token}", self._pair)
        app.router.add_get("/", self._page_handler)
        app.router.add_get("/ws", self._socket)
        app.router.add_get("/slide/{which}.png", self._picture)
        app.on_response_prepare.append(_plain_server_header)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, address, port, reuse_address=True)
        await site.start()
        server = getattr(site, "_server", None)
        sockets = getattr(server, "sockets", None) or []
        self.host, self.port = address, int(sockets[0].getsockname()[1]) if sockets else port

    async def _shutdown(self) -> None:
        for socket in list(self._sockets):
            await socket.close()
        self._sockets.clear()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        expected = host_for_url(self.host, self.port)
        origin = request.headers.get("Origin")
        if request.headers.get("Host") != expected or (origin is not None and origin != f"http://{expected}"):
            return await self._refuse_request(request)
        if request.method != "GET" or request.content_length:
            return await self._refuse_request(request)
        if request.match_info.http_exception is not None and self._role(request) == "none":
            return await self._refuse_request(request)  # no route: 403 all the same, nothing to learn
        return await handler(request)

    async def _refuse_request(self, request: web.Request) -> web.Response:
        delay = self.access.failed(request.remote or "?")
        if delay:
            await asyncio.sleep(delay)
        return web.Response(status=403, text="Forbidden")

    def _role(self, request: web.Request) -> Role:
        return self.access.role(request.cookies.get(COOKIE))

    async def _pair(self, request: web.Request) -> web.StreamResponse:
        if not self.access.token_matches(request.match_info["token"]):
            return await self._refuse_request(request)
        self.access.succeeded(request.remote or "?")
        session, role = self.access.pair()
        if role == "pending":
            self._announce()
        response = web.Response(status=303, headers={"Location": "/"})
        response.set_cookie(COOKIE, session, httponly=True, samesite="Strict", path="/")
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    async def _page_handler(self, request: web.Request) -> web.StreamResponse:
        if self._role(request) == "none":
            return await self._refuse_request(request)
        return web.Response(body=self._page, content_type="text/html", charset="utf-8", headers=_NO_STORE)

    async def _picture(self, request: web.Request) -> web.StreamResponse:
        if self._role(request) != "controller":
            return await self._refuse_request(request)
        picture = self._pictures.get(request.match_info["which"])
        if picture is None:
            return web.Response(status=404)
        return web.Response(body=picture, content_type="image/png", headers=_NO_STORE)

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        role = self._role(request)
        if role == "none":
            return await self._refuse_request(request)
        socket = web.WebSocketResponse(max_msg_size=MAX_MESSAGE_BYTES, heartbeat=20)
        await socket.prepare(request)
        self._sockets[socket] = role
        self._announce()
        await socket.send_str(json.dumps(self._snapshot if role == "controller" else {"type": "pending"}))
        try:
            async for message in socket:
                if message.type == WSMsgType.TEXT and self._sockets.get(socket) == "controller":
                    command = _command(message.data)
                    if command is not None:
                        self._on_command(command)
        finally:
            self._sockets.pop(socket, None)
            self._announce()
        return socket

    def _set_snapshot(self, snapshot: dict[str, Any]) -> None:
        self._snapshot = {**snapshot, "revision": self._snapshot.get("revision", 0)}
        self._broadcast(self._snapshot)

    def _encode_pictures(self, pictures: dict[str, bytes | Frame], revision: int) -> None:
        loop = asyncio.get_running_loop()
        encoded = loop.run_in_executor(None, lambda: {name: _png(p) for name, p in pictures.items()})
        encoded.add_done_callback(lambda done: self._set_pictures(done.result(), revision))

    def _set_pictures(self, pictures: dict[str, bytes], revision: int) -> None:
        if revision < self._snapshot.get("revision", 0):
            return  # a newer set was published while this one was being encoded
        self._pictures = pictures
        self._snapshot = {**self._snapshot, "revision": revision}
        self._broadcast({"type": "pictures", "revision": revision, "next": "next" in pictures})

    def _broadcast(self, message: dict[str, Any]) -> None:
        text = json.dumps(message)
        for socket, role in list(self._sockets.items()):
            if role == "controller" and not socket.closed:
                self._later(_send(socket, text))

    def _later(self, work: Coroutine[Any, Any, object]) -> None:
        """Run ``work`` on the loop, holding a reference until it is done (asyncio keeps weak ones)."""
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _accept(self) -> None:
        session = self.access.accept_pending()
        if session is None:
            return
        for socket, role in list(self._sockets.items()):
            if role == "controller":  # the old controller loses control
                self._later(socket.close())
            else:
                self._sockets[socket] = "controller"
                self._later(_send(socket, json.dumps(self._snapshot)))
        self._announce()

    def _refuse(self) -> None:
        self.access.refuse_pending()
        for socket, role in list(self._sockets.items()):
            if role == "pending":
                self._later(socket.close())
        self._announce()

    async def _end(self) -> None:
        self.access.end_pairing()
        for socket in list(self._sockets):
            await socket.close()
        self._sockets.clear()
        self._announce()

    def _announce(self) -> None:
        connected = sum(1 for role in self._sockets.values() if role == "controller")
        devices = Devices(self.access.controller is not None, connected, self.access.pending is not None)
        try:
            self._on_devices(devices)
        except Exception:  # the console's business; never the server's end
            log.exception("the remote's device callback failed")


_NO_STORE = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


def _png(picture: bytes | Frame) -> bytes:
    if isinstance(picture, bytes):
        return picture
    import io

    from PIL import Image as PILImage

    out = io.BytesIO()
    size = (picture.width, picture.height)
    image = PILImage.frombuffer("RGB", size, picture.pixels, "raw", "RGB", picture.stride, 1)
    image.save(out, "PNG", compress_level=1)
    return out.getvalue()


async def _plain_server_header(request: web.Request, response: web.StreamResponse) -> None:
    response.headers["Server"] = "briefing"  # not the library and its version


async def _send(socket: web.WebSocketResponse, text: str) -> None:
    try:
        await socket.send_str(text)
    except (ConnectionError, RuntimeError):
        pass  # the phone went away; it reconnects and gets the state then


def _command(data: str) -> Command | None:
    """A well-formed command from the phone, or None (anything else is ignored)."""
    try:
        message = json.loads(data)
    except ValueError:
        return None
    if not isinstance(message, dict) or message.get("type") not in COMMANDS:
        return None
    if message["type"] != "pointer":
        return {"type": message["type"]}
    x, y = message.get("x"), message.get("y")
    if not (_unit(x) and _unit(y)):
        return None
    return {"type": "pointer", "x": float(x), "y": float(y)}


def _unit(value: object) -> TypeGuard[float]:
    """A number from 0 to 1 (a position across the slide)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1
