"""A real browser as the phone: Debian's headless Chromium (Selenium) at a phone's viewport pairs with the
running presenter over 127.0.0.1, taps Next, swipes back, drags the pointer, blacks the screen; a second
browser waits for the presenter; requests without the token get 403; the app's exit closes the port."""

from __future__ import annotations

import http.client
import shutil
import socket
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

pytestmark = pytest.mark.slow
PHONE = (390, 844)


def chromium() -> webdriver.Chrome:
    binary, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if binary is None or driver is None:
        pytest.fail("Debian's chromium and chromium-driver are needed for the remote's browser tests")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={PHONE[0]},{PHONE[1]}", "--disable-extensions", "--no-first-run"):
        options.add_argument(argument)
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {
        "width": PHONE[0], "height": PHONE[1], "pixelRatio": 3.0, "touch": True}})
    browser = webdriver.Chrome(service=Service(driver), options=options)
    browser.set_page_load_timeout(30)
    return browser


@pytest.fixture
def browsers() -> Iterator[Callable[[], webdriver.Chrome]]:
    made: list[webdriver.Chrome] = []

    def make() -> webdriver.Chrome:
        browser = chromium()
        made.append(browser)
        return browser

    yield make
    for browser in made:
        browser.quit()


@pytest.fixture
def remote(controller: Any) -> Iterator[Any]:
    started = controller.remote.start("127.0.0.1", 0)
    yield started
    controller.remote.stop()


def until(qtbot: Any, condition: Callable[[], object], seconds: float = 15) -> None:
    """Wait for ``condition`` while Qt runs (the app answers the phone on its UI thread)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        qtbot.wait(50)
    raise AssertionError("timed out waiting for the phone and the presenter to agree")


def text_of(browser: webdriver.Chrome, element_id: str) -> str:
    return str(browser.find_element(By.ID, element_id).text)


def test_a_phone_browser_pairs_and_drives_the_talk(qtbot: Any, controller: Any, remote: Any, browsers: Any) -> None:  # noqa: E501
    phone = browsers()
    phone.get(remote.url)
    assert phone.current_url.endswith("/")  # the token is no longer in the address bar
    count = controller.state.count
    until(qtbot, lambda: text_of(phone, "counter").startswith(f"1 / {count}"))
    until(qtbot, lambda: phone.execute_script("return document.getElementById('current').naturalWidth") > 0)

    phone.find_element(By.ID, "next").click()
    until(qtbot, lambda: controller.state.current == 1)
    until(qtbot, lambda: text_of(phone, "counter").startswith(f"2 / {count}"))

    notes = phone.find_element(By.ID, "notes")  # a swipe to the right: back
    ActionChains(phone).move_to_element_with_offset(notes, -120, 0).click_and_hold().move_by_offset(
        240, 0).release().perform()
    until(qtbot, lambda: controller.state.current == 0)
    until(qtbot, lambda: text_of(phone, "counter").startswith(f"1 / {count}"))

    slide = phone.find_element(By.ID, "current-box")
    ActionChains(phone).move_to_element(slide).click_and_hold().move_by_offset(30, 10).perform()
    tools = controller.tools.state
    until(qtbot, lambda: tools.pointer_shown and tools.pointer_at is not None)
    x, y = tools.pointer_at
    assert 960 < x < 1500 and 540 < y < 800  # right of and below the middle, where the finger is
    ActionChains(phone).release().perform()
    until(qtbot, lambda: not tools.pointer_shown)

    phone.find_element(By.ID, "black").click()
    until(qtbot, lambda: controller.state.blank == "black")
    until(qtbot, lambda: "on" in str(phone.find_element(By.ID, "black").get_attribute("class")))


def test_a_second_browser_waits_for_the_presenter(qtbot: Any, controller: Any, remote: Any, browsers: Any) -> None:  # noqa: E501
    first, second = browsers(), browsers()
    first.get(remote.url)
    until(qtbot, lambda: text_of(first, "counter").startswith("1 /"))
    second.get(remote.url)
    until(qtbot, lambda: "pending" in str(second.find_element(By.TAG_NAME, "body").get_attribute("class")))
    assert second.find_element(By.ID, "waiting").is_displayed()
    second.execute_script("document.getElementById('next').click()")
    qtbot.wait(300)
    assert controller.state.current == 0
    until(qtbot, lambda: controller.remote.dialog is not None and controller.remote.dialog.isVisible())
    controller.remote.dialog.accept_button.click()
    until(qtbot, lambda: text_of(second, "counter").startswith("1 /"))
    second.find_element(By.ID, "next").click()
    until(qtbot, lambda: controller.state.current == 1)
    controller.remote.dialog.close()


def test_without_the_token_a_browser_gets_403(qtbot: Any, remote: Any, browsers: Any) -> None:
    stranger = browsers()
    base = remote.url.split("/pair/")[0]
    for path in ("/", "/pair/not-the-token", "/slide/current.png"):
        stranger.get(base + path)
        assert "Forbidden" in stranger.page_source
    connection = http.client.HTTPConnection("127.0.0.1", remote.server.port, timeout=20)
    try:  # DNS rebinding: the right token under a foreign name is refused too
        connection.request("GET", "/pair/" + remote.server.access.token, headers={"Host": "evil.example"})
        assert connection.getresponse().status == 403
    finally:
        connection.close()


def test_the_apps_exit_closes_the_port(qtbot: Any, controller: Any, remote: Any, browsers: Any) -> None:
    phone = browsers()
    phone.get(remote.url)
    until(qtbot, lambda: text_of(phone, "counter").startswith("1 /"))
    port = remote.server.port
    controller.shutdown()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass
