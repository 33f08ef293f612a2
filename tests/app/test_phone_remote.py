"""The phone remote driving the real presenter: taps move the audience, the laptop's keys reach the
phone, the pointer and the black screen work, a second device waits for the presenter, the port closes
with the app."""

from __future__ import annotations

import dataclasses
import socket
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "remote"))
from phone import Phone, pair


@pytest.fixture
def remote(controller):  # type: ignore[no-untyped-def]
    started = controller.remote.start("127.0.0.1", 0)
    yield started
    controller.remote.stop()


@pytest.fixture
def phone(remote):  # type: ignore[no-untyped-def]
    server = remote.server
    made = Phone("127.0.0.1", server.port, pair("127.0.0.1", server.port, server.access.token))
    yield made
    made.close()


def test_a_tap_on_next_moves_the_audience_and_the_phone_sees_it(qtbot: Any, controller: Any, phone: Phone) -> None:  # noqa: E501
    qtbot.waitUntil(lambda: any(m.get("type") == "state" for m in phone.received))
    assert phone.last_state()["counter"].startswith(f"1 / {controller.state.count}")
    phone.send({"type": "next"})
    qtbot.waitUntil(lambda: controller.state.current == 1)
    qtbot.waitUntil(lambda: phone.last_state()["slide"] == 1)
    assert phone.last_state()["title"] == controller.state.slide.title
    phone.send({"type": "prev"})
    qtbot.waitUntil(lambda: controller.state.current == 0)


def test_keys_on_the_laptop_reach_the_phone(qtbot: Any, controller: Any, phone: Phone) -> None:
    qtbot.keyClick(controller.console, Qt.Key.Key_Right)
    qtbot.keyClick(controller.console, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: phone.received and phone.last_state()["slide"] == controller.state.current == 2)
    assert phone.last_state()["notes"]


def test_black_screen_and_the_pointer(qtbot: Any, controller: Any, phone: Phone) -> None:
    phone.send({"type": "black"})
    qtbot.waitUntil(lambda: controller.state.blank == "black")
    qtbot.waitUntil(lambda: phone.last_state()["black"] is True)
    phone.send({"type": "black"})
    qtbot.waitUntil(lambda: controller.state.blank is None)
    phone.send({"type": "pointer", "x": 0.25, "y": 0.5})
    tools = controller.tools.state
    qtbot.waitUntil(lambda: tools.pointer_at == (480.0, 540.0) and tools.pointer_shown)
    phone.send({"type": "pointer_end"})
    qtbot.waitUntil(lambda: not tools.pointer_shown)


def test_the_phone_gets_pictures_of_the_current_and_next_slide(qtbot: Any, controller: Any, phone: Phone) -> None:  # noqa: E501
    phone.send({"type": "next"})
    qtbot.waitUntil(lambda: any(m.get("type") == "pictures" and m["revision"] >= 2 for m in phone.received))
    server = controller.remote.remote.server
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)
    try:
        connection.request("GET", "/slide/current.png", headers={"Host": f"127.0.0.1:{server.port}",
                                                                  "Cookie": phone.cookie})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    assert response.status == 200 and body.startswith(b"\x89PNG")


def test_a_second_device_waits_until_accepted(qtbot: Any, controller: Any, remote: Any, phone: Phone) -> None:
    server = remote.server
    second = Phone("127.0.0.1", server.port, pair("127.0.0.1", server.port, server.access.token))
    try:
        qtbot.waitUntil(lambda: {"type": "pending"} in second.received)
        second.send({"type": "next"})
        qtbot.wait(200)
        assert controller.state.current == 0  # refused until the presenter accepts
        qtbot.waitUntil(lambda: controller.remote.dialog is not None and controller.remote.dialog.isVisible())
        assert controller.remote.dialog.accept_button.isVisible()
        controller.remote.dialog.accept_button.click()
        qtbot.waitUntil(lambda: any(m.get("type") == "state" for m in second.received))
        second.send({"type": "next"})
        qtbot.waitUntil(lambda: controller.state.current == 1)
        assert phone.wait_closed()  # the first phone lost control
    finally:
        second.close()
        controller.remote.dialog.close()


def test_the_port_closes_with_the_app(qtbot: Any, controller: Any, remote: Any) -> None:
    port = remote.server.port
    controller.shutdown()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass


def test_a_burst_of_taps_never_desynchronises(qtbot: Any, controller: Any, phone: Phone) -> None:
    carried_out: list[str] = []
    bridge = controller.remote.remote
    perform = bridge.talk.perform

    def counted(action: str) -> None:
        carried_out.append(action)
        perform(action)

    bridge.talk = dataclasses.replace(bridge.talk, perform=counted)
    for tap in range(1000):  # 1,000 taps as fast as the socket takes them: next, prev, next, prev ...
        phone.send({"type": "next" if tap % 2 == 0 else "prev"})
    phone.send({"type": "next"})
    qtbot.waitUntil(lambda: len(carried_out) == 1001, timeout=30000)
    assert carried_out == ["next", "prev"] * 500 + ["next"]
    qtbot.waitUntil(lambda: phone.last_state()["counter"] == snapshot_counter(controller), timeout=10000)
    assert phone.last_state()["slide"] == controller.state.current == 1


def snapshot_counter(controller: Any) -> str:
    from briefing.app.remote.snapshot import snapshot

    return str(snapshot(controller.state, controller.timer, controller.plan)["counter"])


def test_a_live_reload_updates_the_phones_notes_and_pictures(qtbot: Any, controller: Any, phone: Phone) -> None:  # noqa: E501
    import dataclasses

    qtbot.waitUntil(lambda: any(m.get("type") == "pictures" for m in phone.received))
    pictures_before = sum(1 for m in phone.received if m.get("type") == "pictures")
    storyboard = controller.state.storyboard
    edited = dataclasses.replace(storyboard, notes="Freshly saved notes for the title slide.")
    controller.apply_storyboard(edited)
    qtbot.waitUntil(lambda: phone.last_state()["notes"] == ["Freshly saved notes for the title slide."])
    qtbot.waitUntil(lambda: sum(1 for m in phone.received if m.get("type") == "pictures") > pictures_before)


def test_a_phone_that_wakes_up_reconnects_and_gets_where_the_talk_is(
    qtbot: Any, controller: Any, remote: Any, phone: Phone
) -> None:
    phone.close()  # the phone slept; the talk went on
    qtbot.keyClick(controller.console, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: controller.state.current == 1)
    server = remote.server
    woken = Phone("127.0.0.1", server.port, phone.cookie)  # the same page, its cookie, a new socket
    try:
        qtbot.waitUntil(lambda: any(m.get("type") == "state" for m in woken.received))
        assert woken.last_state()["slide"] == 1
    finally:
        woken.close()
