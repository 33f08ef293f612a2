"""Phone remote: a tap on the phone to the audience repainted, over loopback (target p95 < 100 ms),
and the longest piece of remote work on the UI thread while a phone taps (target < 33 ms).

The parent runs ``python -m tests.bench.bench_remote --child ...``: the real ``briefing show --remote
--remote-bind 127.0.0.1`` (through ``app_driver.run_show``), a phone client on its own thread that pairs
and sends Next/Previous over the WebSocket through the deck, and a 5 ms timer on the UI thread whose
longest gap is the stall figure. A burst of 1,000 taps at the end checks the phone and the audience agree.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import sys
import threading
import time
from pathlib import Path
from typing import Any

from tests.bench.common import Context, Row, na, run_child, summary, write_child_result

GROUP = "remote"
TARGET = "p95 < 100 ms"
LIMIT_MS = 100.0
STALL_LIMIT_MS = 33.0


def measure(ctx: Context) -> list[Row]:
    taps = ctx.reps(300, 100)
    try:
        data = run_child("bench_remote", [str(ctx.deck(None)), str(taps)], timeout=300)
    except Exception as error:
        return [na(GROUP, "tap to audience repaint", f"{type(error).__name__}: {error}", TARGET)]
    taps_ms, stall = data["tap_ms"], data["longest_stall_ms"]
    row = Row(GROUP, "tap to audience repaint (bundled, loopback)", value=taps_ms["p95"], unit="ms",
              stats=taps_ms, target=TARGET)
    row.ok = row.value < LIMIT_MS
    row.note = f"median {taps_ms['median']:.1f} ms, max {taps_ms['max']:.1f} ms, {taps_ms['n']} taps"
    work = data["longest_remote_work_ms"]
    stall_row = Row(GROUP, "longest piece of remote work on the UI thread", value=work, unit="ms",
                    target=f"< {STALL_LIMIT_MS:.0f} ms")
    stall_row.ok = work < STALL_LIMIT_MS
    stall_row.note = (f"longest gap of a 5 ms UI timer while tapping, all the app's work included "
                      f"(scene builds of the slides shown): {stall:.1f} ms")
    burst = Row(GROUP, "1,000-tap burst: phone and audience agree", value=float(data["burst_agrees"]),
                unit="", target="1")
    burst.ok = bool(data["burst_agrees"])
    burst.note = f"{data['burst_seconds']:.2f} s for 1,000 taps"
    return [row, stall_row, burst]


class _Phone:
    """Pairs and holds a WebSocket on its own thread; ``send`` from any thread."""

    def __init__(self, url: str) -> None:
        address, token = url.removeprefix("http://").split("/pair/")
        host, port = address.rsplit(":", 1)
        connection = http.client.HTTPConnection(host, int(port), timeout=20)
        connection.request("GET", f"/pair/{token}", headers={"Host": address})
        response = connection.getresponse()
        response.read()
        connection.close()
        self.cookie = str(response.getheader("Set-Cookie")).split(";")[0]
        self.address = address
        self.states: list[dict[str, Any]] = []
        self.loop = asyncio.new_event_loop()
        self.ws: Any = None
        ready = threading.Event()
        threading.Thread(target=lambda: self.loop.run_until_complete(self._run(ready)), daemon=True).start()
        ready.wait(20)

    async def _run(self, ready: threading.Event) -> None:
        import aiohttp

        name, value = self.cookie.split("=", 1)
        async with aiohttp.ClientSession(cookies={name: value}) as session:
            async with session.ws_connect(f"http://{self.address}/ws") as ws:
                self.ws = ws
                ready.set()
                async for message in ws:
                    data = json.loads(message.data)
                    if data.get("type") == "state":
                        self.states.append(data)

    def send(self, kind: str) -> None:
        asyncio.run_coroutine_threadsafe(self.ws.send_str(json.dumps({"type": kind})), self.loop).result(10)


def _body(taps: int):  # -> Callable[[Harness], dict]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from tests.bench.app_driver import switch_plan

    def body(h: Any) -> dict[str, object]:
        dialog = next(w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Phone remote")
        phone = _Phone(dialog.remote.url)
        remote_work = [0.0]

        def timed(function: Any) -> Any:
            def run(*args: Any) -> Any:
                t0 = time.perf_counter()
                try:
                    return function(*args)
                finally:
                    remote_work[0] = max(remote_work[0], (time.perf_counter() - t0) * 1000)

            return run

        bridge = dialog.remote  # the app's PhoneRemote: what it does on the UI thread, timed
        for name in ("_frame", "publish_state"):
            setattr(bridge, name, timed(getattr(bridge, name)))
        stalls = [0.0]
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            stalls[0] = max(stalls[0], (now - last[0]) * 1000)
            last[0] = now

        timer = QTimer(interval=5)
        timer.timeout.connect(tick)
        h.settle(0.5)
        timer.start()
        last[0] = time.perf_counter()
        ms: list[float] = []
        count = dialog.remote.talk.state.count
        for key, _index in switch_plan(count, taps):  # forward to the end, back to the start, ...
            before = h.paints
            t0 = time.perf_counter()
            phone.send(key)
            while h.paints == before and time.perf_counter() - t0 < 5:
                h.app.processEvents()
            ms.append((time.perf_counter() - t0) * 1000)
            h.settle(0.03)
        timer.stop()
        state = dialog.remote.talk.state
        t0 = time.perf_counter()
        for tap in range(1000):
            phone.send("next" if tap % 2 == 0 else "prev")
        phone.send("next")
        expected = min(state.current + 1, count - 1)
        while time.perf_counter() - t0 < 30 and not (
            phone.states and phone.states[-1]["slide"] == state.current and time.perf_counter() - t0 > 0.5
        ):
            h.settle(0.01)
        burst_s = time.perf_counter() - t0
        agrees = bool(phone.states) and phone.states[-1]["slide"] == state.current
        return {"tap_ms": summary(ms), "samples": ms, "longest_stall_ms": stalls[0], "burst_agrees": agrees,
                "longest_remote_work_ms": remote_work[0],
                "burst_seconds": burst_s, "expected_after_burst": expected}

    return body


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--out", required=True)
    parser.add_argument("deck", type=Path)
    parser.add_argument("taps", type=int)
    args = parser.parse_args(argv)
    from tests.bench import app_driver

    flags = app_driver.show_flags
    app_driver.show_flags = lambda: [*flags(), "--no-reload", "--remote", "--remote-bind", "127.0.0.1"]
    write_child_result(args.out, app_driver.run_show(args.deck, _body(args.taps)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
