"""Fixtures for the presenter app: settings in a temp folder, a controller with a fake clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from app_storyboards import make_storyboard
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from briefing.app.controller import PresenterController


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """QSettings go to a fresh folder, never the user's own settings."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_controller(qtbot, clock):  # type: ignore[no-untyped-def]
    """Build a controller (default: the test deck) with both windows shown and cleaned up.

    After the test no window may still be visible and no controller timer may run.
    """
    made: list[PresenterController] = []

    def make(storyboard=None, **options):  # type: ignore[no-untyped-def]
        options.setdefault("animate", False)
        controller = PresenterController(storyboard or make_storyboard(), clock=clock, **options)
        cleanup = lambda _widget: controller.dispose(delete=False)  # noqa: E731
        qtbot.addWidget(controller.console, before_close_func=cleanup)
        qtbot.addWidget(controller.audience, before_close_func=cleanup)
        controller.console.show()
        controller.audience.show()
        made.append(controller)
        return controller

    yield make
    leaked = [w.objectName() or type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert leaked == [], f"windows left open: {leaked}"
    for controller in made:
        assert not controller.console.timer_panel.tick.isActive()
        assert not controller.console._prefetch.isActive()


@pytest.fixture
def controller(make_controller):  # type: ignore[no-untyped-def]
    return make_controller()
