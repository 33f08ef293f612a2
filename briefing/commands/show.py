"""``briefing show [FILE] [--screen N] [--no-animations]``: present a storyboard.

Opens the presenter console and the audience window (full screen on the
second screen when there is one) and runs until the presenter quits. An
invalid storyboard is reported like ``briefing check`` does and exits 1
before any window opens.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.runtime import can_open_windows, release_source_cache

#: The first proof against the sources waits this long, so its loader process starts after the first paint.
SOURCE_CHECK_DELAY_MS = 400

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from briefing.app.controller import PresenterController
    from briefing.errors import Diagnostic
    from briefing.storyboard.model import Storyboard


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="storyboard YAML (default: the bundled briefing)"
    )
    parser.add_argument(
        "--screen",
        type=int,
        metavar="N",
        default=None,
        help="screen for the audience window, 0-based (default: the second screen, if any)",
    )
    parser.add_argument("--no-animations", action="store_true", help="no count-ups, fades or chart intros")
    parser.add_argument("--no-reload", action="store_true", help="do not reload when the storyboard is saved")
    parser.add_argument(
        "--remote", action="store_true", help="start the phone remote: a QR code on the console pairs a phone"
    )
    parser.add_argument(
        "--remote-bind",
        metavar="ADDRESS",
        default=None,
        help="the address the phone remote listens on (default: this laptop's LAN address; never all)",
    )
    parser.add_argument(
        "--remote-port", type=int, metavar="N", default=0, help="its port (default: a free one)"
    )


def run(args: argparse.Namespace) -> int:
    from briefing.errors import StoryboardInvalid
    from briefing.storyboard.load_ahead import load_ahead

    remote = _remote_option(args)
    if isinstance(remote, str):
        print(f"briefing show: error: {remote}", file=sys.stderr)
        return 2

    if len(args.files) > 1:
        print("briefing show: error: give one storyboard file", file=sys.stderr)
        return 2
    path = Path(args.files[0]) if args.files else None
    from briefing.storyboard.paths import file_problem

    problem = file_problem(path) if path is not None else None
    if problem:
        problem = problem.replace("a folder, not a file", "a folder, not a storyboard file")
        print(f"briefing show: error: {path} {problem}", file=sys.stderr)
        return 2
    loading = load_ahead(path)  # in a child process, while this one imports Qt and the app
    if can_open_windows():
        prepare_windows()
    try:
        storyboard = loading.result()
    except StoryboardInvalid as invalid:
        for diagnostic in invalid.errors:
            print(diagnostic.format(), file=sys.stderr)
        count = len(invalid.errors)
        if path is None or args.no_reload or not can_open_windows():
            print(
                f"briefing show: {count} error{'s' if count != 1 else ''}; fix them and try again",
                file=sys.stderr,
            )
            return 1
        # An editor who opens a broken file gets the console with the problems listed,
        # and the briefing as soon as a save fixes them (the audience sees a neutral slide).
        print(f"briefing show: {count} error{'s' if count != 1 else ''}; waiting for a fix", file=sys.stderr)
        return present(
            waiting_storyboard(path),
            screen=args.screen,
            animate=not args.no_animations,
            reload=True,
            problems=list(invalid.errors),
            remote=remote,
        )
    animate, reload = not args.no_animations, not args.no_reload
    return present(storyboard, screen=args.screen, animate=animate, reload=reload, remote=remote)


def _remote_option(args: argparse.Namespace) -> tuple[str | None, int] | str | None:
    """(address or None for the LAN address, port) when the remote is asked for; a message when wrong."""
    if not (args.remote or args.remote_bind or args.remote_port):
        return None
    if not 0 <= args.remote_port <= 65535:
        return f"--remote-port {args.remote_port} is not a port (0-65535)"
    if args.remote_bind is None:
        return None, args.remote_port
    from briefing.remote.address import check_bind

    try:
        return check_bind(args.remote_bind), args.remote_port
    except ValueError as error:
        return f"--remote-bind: {error}"


def _start_remote(controller: PresenterController, address: str | None, port: int) -> bool:
    from briefing.app.remote.wiring import announce

    try:
        announce(controller.remote.start(address, port).url)
    except OSError as error:
        where = f"{address or 'the LAN address'}:{port or 'a free port'}"
        print(f"briefing show: error: the phone remote cannot listen on {where}: {error}", file=sys.stderr)
        return False
    return True


def waiting_storyboard(path: Path) -> Storyboard:
    """A one-slide stand-in shown until ``path`` loads; live reload replaces it."""
    from briefing.storyboard.model import Storyboard

    return Storyboard(
        title=path.name,
        subtitle="Waiting for the storyboard to load",
        sections=(),
        notes="The storyboard has problems; the banner lists them. Save a fix and the briefing appears.",
        path=path.resolve(),
    )


def prepare_windows() -> QApplication:
    """Import the app and create its QApplication (once): what every window needs, whatever the slides."""
    from PySide6.QtWidgets import QApplication

    from briefing.render.pyside_compat import answer_feature_checks_cheaply

    answer_feature_checks_cheaply()  # before the app's 150 modules are imported
    from briefing.app import settings
    from briefing.app.controller import PresenterController  # noqa: F401  (imported now, used by present)

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("briefing")
    return app


def present(
    storyboard: Storyboard,
    *,
    screen: int | None,
    animate: bool,
    reload: bool,
    problems: list[Diagnostic] | None = None,
    remote: tuple[str | None, int] | None = None,
) -> int:
    if not can_open_windows():  # Qt would abort the process; tell the user instead
        print(
            "briefing show: error: no display found (DISPLAY and WAYLAND_DISPLAY are unset)\n"
            "  hint: run it in a desktop session; 'briefing render' and 'briefing export' work without one",
            file=sys.stderr,
        )
        return 1
    app = prepare_windows()
    from briefing.app import settings
    from briefing.app.controller import PresenterController

    if screen is not None and not 0 <= screen < len(app.screens()):
        count = len(app.screens())
        print(
            f"briefing show: warning: no screen {screen} (screens: 0..{count - 1}); "
            "the audience window opens as a normal window",
            file=sys.stderr,
        )
        screen = None
    controller = PresenterController(storyboard, animate=animate, screen=screen)
    if storyboard.path is not None:
        settings.add_recent_file(storyboard.path)
        started = reload and controller.start_live_reload(check_sources_after_ms=SOURCE_CHECK_DELAY_MS)
        if started and problems and controller.live_reload:
            controller.live_reload.problems = list(problems)
            controller.live_reload.watcher.watch_folders = True  # a created CSV can be the fix
            controller.console.show_problems(list(problems), loaded=False)
    if remote is not None and not _start_remote(controller, *remote):
        controller.dispose()
        return 1
    controller.show()
    if remote is not None:
        controller.remote.open_dialog()  # the QR code, on the console only
    from briefing.app.signals import QuitOnSignals

    signals = QuitOnSignals(app)  # Ctrl+C and kill end the talk as closing the window does
    release_source_cache()  # everything the windows need is imported by now
    # The 70,000 objects of the imported modules and the windows live as long as the talk: out of
    # the collector's sight, a full collection (from the idle collector) takes 0.1 ms, not 20 ms.
    gc.freeze()
    try:
        status = app.exec()
    finally:
        gc.unfreeze()
        signals.uninstall()
    controller.dispose()
    return signals.exit_code(int(status))
