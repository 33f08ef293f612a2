"""The presenter's hands: keys, clicks, menus and reloads become state changes.

The controller owns the :class:`DeckState`, the :class:`TalkTimer`, the
:class:`TypedSlideNumber`, the pacing plan and the scene cache, creates both
windows (handing them the state and callbacks, never itself) and performs
actions named in :mod:`briefing.app.presenting.keymap`. Windows only draw the
state and hand input here; the state never calls a window.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QMessageBox

from briefing.app import screens, settings
from briefing.app.audience import AudienceWindow
from briefing.app.clock.pacing import PacingPlan
from briefing.app.clock.talk_timer import TalkTimer
from briefing.app.console.menus import MenuActions, build_menus
from briefing.app.console.window import ConsoleWindow
from briefing.app.live.apply import apply_reload
from briefing.app.live.reload import LiveReload
from briefing.app.presenting.deck_state import DeckState
from briefing.app.presenting.idle_gc import IdleCollector
from briefing.app.presenting.keymap import action_for
from briefing.app.presenting.navigation import TalkNavigation
from briefing.app.presenting.scenes import QtRenderBackend, RenderBackend, SceneCache
from briefing.app.presenting.typed_number import TypedSlideNumber
from briefing.app.remote.snapshot import Talk
from briefing.app.remote.wiring import RemoteControl
from briefing.app.tools.wiring import SlideTools
from briefing.storyboard.durations import format_duration
from briefing.storyboard.follow import DeckDiff
from briefing.storyboard.model import Storyboard

if TYPE_CHECKING:
    from briefing.app.clock.timing_dialog import TimingReportDialog
    from briefing.app.files.export_job import ExportJob
    from briefing.app.files.import_review import ImportReviewDialog
    from briefing.app.files.keep_timings import KeptTimings
    from briefing.render.scene import SlideScene


class PresenterController(QObject):
    def __init__(
        self,
        storyboard: Storyboard,
        *,
        backend: RenderBackend | None = None,
        animate: bool = True,
        screen: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.state = DeckState(storyboard)
        self.timer = TalkTimer(clock)
        self.plan = PacingPlan(storyboard)
        self.scenes = SceneCache(backend or QtRenderBackend(), storyboard, animate=animate)
        self.wanted_screen = screen
        self.typed = TypedSlideNumber()
        self.timing_dialog: TimingReportDialog | None = None
        self.export_job: ExportJob | None = None
        self.review_dialog: ImportReviewDialog | None = None
        self._closing = False
        self.live_reload: LiveReload | None = None
        self.timer.enter_slide(self.state.slide.id)
        self.state.changed.connect(self._on_state)
        self.slide_tools = SlideTools(self.state, self.scenes, notify=self._status, animate=animate)
        self.tools, self.zoom = self.slide_tools.kit, self.slide_tools.zoom
        self.console = self._make_console()
        self.audience = AudienceWindow(
            self.state,
            self.scenes,
            on_key=self.handle_key,
            on_drop=self.open_path,
            on_close=self.confirm_close,
            on_navigate=self.perform,
        )
        self.slide_tools.attach(self.audience, self.audience.view, self.console.current_view)
        views = {
            "audience": self.audience.view,
            "console": self.console.current_view,
            "next": self.console.next_view,
        }
        self.scenes.warm = lambda role, scene: views[role].warm(scene)
        talk = Talk(self.state, self.timer, self.plan, self.scenes, self.tools.state, self.perform)
        self.remote = RemoteControl(talk, self.console)
        self.menus = self._make_menus()
        self.slide_tools.bind_menu(self.menus)
        self.navigation = TalkNavigation(
            self.state,
            self.timer,
            audience_full_screen=self.audience.isFullScreen,
            toggle_full_screen=self.toggle_full_screen,
            talk_over=self.show_timing_report,
        )
        self.console.statusBar()  # there from the start: a first message must not shift the slide preview
        self.collector = IdleCollector(self)  # no cyclic GC inside Qt destructors (see idle_gc)
        self.actions: dict[str, Callable[[], object]] = self._action_table()

    def _make_console(self) -> ConsoleWindow:
        """The console draws the state, timer, plan and typed number; its input comes back here."""
        return ConsoleWindow(
            self.state,
            self.scenes,
            self.timer,
            self.plan,
            self.typed,
            on_key=self.handle_key,
            on_drop=self.open_path,
            on_close=self.confirm_close,
            on_jump=self.jump_from_overview,
            on_pause=self.timer.toggle,
            on_reset=self.reset_timer,
            on_open_source=self.open_editor_at,
        )

    def _make_menus(self) -> dict[str, QAction]:
        actions = MenuActions(
            perform=self.perform,
            open_path=self.open_path,
            export_to=self.export_to,
            render_to=self._render_into,
            import_review=self.import_review,
            storyboard=lambda: self.state.storyboard,
        )
        return build_menus(self.console, actions)

    # ------------------------------------------------------------------ windows
    def show(self) -> None:
        screens.show_windows(self.console, self.audience, self.wanted_screen)

    def _on_state(self, changed: set[str]) -> None:
        self.timer.enter_slide(self.state.slide.id)

    # ------------------------------------------------------------------ keys
    def handle_key(self, event: QKeyEvent) -> bool:
        """Perform the key's action (from either window); False when the key means nothing here."""
        action = action_for(event.key(), event.modifiers(), event.text())
        if action is None:
            return False
        if self.console.close_help():  # any key only closes the help
            pass
        elif self._number_key(action):
            pass
        elif self.console.overview_key(action, event):
            pass
        else:
            self.perform(action)
        return True

    def _number_key(self, action: str) -> bool:
        """Digits collect a slide number; Enter jumps there, any other key forgets it."""
        if action.startswith("digit:"):
            self.typed.type(action[6:])
            return True
        number = self.typed.take()
        if number is None:
            return False
        if action == "enter":
            self.console.close_overview()
            self.navigation.go(lambda: self.state.goto(number - 1))
        return action in ("enter", "escape")

    def perform(self, action: str) -> None:
        handler = self.actions.get(action)
        if handler is not None:
            handler()

    def _action_table(self) -> dict[str, Callable[[], object]]:
        state, console = self.state, self.console
        return {
            "preview_next": state.preview_next,
            "preview_prev": state.preview_prev,
            "black": lambda: state.toggle_blank("black"),
            "white": lambda: state.toggle_blank("white"),
            "fullscreen": self.toggle_full_screen,
            "overview": console.toggle_overview,
            "escape": self.escape,
            "help": console.help.show_over_parent,
            "reset_zoom": console.reset_chart_zoom,
            "editor": self.open_editor,
            "pause": self.timer.toggle,
            "reset_timer": self.reset_timer,
            "swap_screens": self.swap_screens,
            "timing_report": self.show_timing_report,
            "notes_larger": console.notes.larger,
            "notes_smaller": console.notes.smaller,
            "phone_remote": self.remote.open_dialog,
            **self.navigation.actions(),
            **self.slide_tools.actions(),
        }

    def escape(self) -> None:
        """Esc undoes one thing at a time: the tool in hand, zoom, the preview, then full screen."""
        if self.slide_tools.escape():
            pass
        elif self.state.previewing:
            self.state.cancel_preview()
        elif self.audience.isFullScreen():
            self.audience.set_full_screen(False)
        elif self.console.isFullScreen():
            self.console.showNormal()

    def jump_from_overview(self, index: int) -> None:
        self.console.close_overview()
        self.navigation.go(lambda: self.state.goto(index))

    def toggle_full_screen(self) -> None:
        self.audience.set_full_screen(not self.audience.isFullScreen())
        self.slide_tools.refresh_cursor()

    def _status(self, message: str) -> None:
        self.console.statusBar().showMessage(message, 4000)

    def swap_screens(self) -> None:
        if not screens.swap_screens(self.console, self.audience):
            self.console.statusBar().showMessage("Only one screen: nothing to swap", 3000)

    # ------------------------------------------------------------------ timer
    def reset_timer(self) -> None:
        self.timer.reset()
        self.timer.enter_slide(self.state.slide.id)

    def _render_into(self, folder: Path) -> None:
        from briefing.app.files.export_job import render_into_folder  # on first use: not needed to start

        render_into_folder(self.console, self.state.storyboard, folder)

    def show_timing_report(self) -> TimingReportDialog:
        if self.timing_dialog is not None:
            self.timing_dialog.close()
        spent = self.timer.spent_by_slide()
        from briefing.app.clock.timing_dialog import open_timing_report  # on first use

        self.timing_dialog = open_timing_report(
            self.state.storyboard, spent, on_keep=self.keep_timings, parent=self.console
        )
        return self.timing_dialog

    def keep_timings(self) -> KeptTimings:
        """The rehearsal's time per slide becomes its ``duration:`` (live reload then shows the new plan)."""
        from briefing.app.files.keep_timings import keep_timings  # on first use

        return keep_timings(self.state.storyboard, self.timer.spent_by_slide())

    # ------------------------------------------------------------------ storyboards
    def apply_storyboard(self, new_storyboard: Storyboard, diff: DeckDiff | None = None) -> None:
        """Live-reload hook: the edited talk, same slide (by id), timer untouched.

        ``diff`` (from the live reload) lets unchanged scenes be kept and
        charts whose values changed morph in place (:func:`apply_reload`).
        """
        self.plan.replan(new_storyboard)
        self.slide_tools.follow_reload(self.state.storyboard, new_storyboard, diff)
        apply_reload(self.state, self.scenes, new_storyboard, diff, visible_scenes=self._visible_scenes)

    def _visible_scenes(self) -> list[SlideScene]:
        shown = (self.console.current_scene, self.console.next_scene, self.audience.scene)
        return [scene for scene in shown if scene is not None]

    def load(self, storyboard: Storyboard) -> None:
        """A different talk: first slide, fresh timer."""
        self.scenes.reset(storyboard)
        self.slide_tools.new_talk(storyboard)
        self.plan.replan(storyboard)  # before the state announces the new talk: windows read both
        self.state.set_storyboard(storyboard)
        self.timer.reset()
        self.console.clear_problems()
        if storyboard.path:
            settings.add_recent_file(storyboard.path)

    def open_path(self, path: Path) -> bool:
        from briefing.errors import StoryboardInvalid
        from briefing.storyboard.load import load_storyboard

        try:
            storyboard = load_storyboard(Path(path))
        except StoryboardInvalid as error:
            QMessageBox.warning(self.console, "The storyboard has problems", error.format())
            return False
        self.load(storyboard)
        if self.live_reload is not None:
            self.start_live_reload()
        return True

    def start_live_reload(self, *, check_sources_after_ms: int = 0) -> bool:
        """Watch the storyboard and the files it uses; saves show up on the slides.

        ``check_sources_after_ms``: prove the storyboard against its sources that much later
        (at start-up, so the loader process does not compete with the first paint)."""
        self.stop_live_reload()
        storyboard = self.state.storyboard
        if storyboard.path is None:
            return False
        reload = LiveReload(storyboard, parent=self)
        reload.reloaded.connect(self.apply_storyboard)
        reload.failed.connect(self.console.show_problems)
        reload.recovered.connect(self.console.clear_problems)
        reload.source_problems.connect(self.console.show_source_problems)
        self.live_reload = reload
        if check_sources_after_ms > 0:
            QTimer.singleShot(check_sources_after_ms, reload, reload.check_sources)
        else:
            reload.check_sources()
        return True

    def stop_live_reload(self) -> None:
        if self.live_reload is not None:
            self.live_reload.stop()
            self.live_reload.deleteLater()
            self.live_reload = None

    def export_to(self, path: Path) -> None:
        """PowerPoint export on a worker thread, the talk's ink along if the presenter says so."""
        from briefing.app.files.export_job import start_export  # on first use: python-pptx is large

        self.export_job = start_export(self.state.storyboard, path, self.console, self.slide_tools.ink())

    def import_review(self, deck: Path) -> ImportReviewDialog | None:
        """File > Import review…: the deck's edits shown, written on Apply; live reload shows them."""
        from briefing.app.files.import_review import open_import_review  # on first use, as export

        self.review_dialog = open_import_review(self.console, self.state.storyboard, deck)
        return self.review_dialog

    def open_editor(self) -> None:
        storyboard = self.state.storyboard
        if storyboard.path is None:
            return
        slide = storyboard.slides[self.state.shown]
        self.open_editor_at(storyboard.path, max(1, slide.line))

    def open_editor_at(self, path: object, line: int) -> None:
        if path is None:
            return
        from briefing.app.files import editor  # on first use

        editor.open_in_editor(Path(str(path)), line)

    # ------------------------------------------------------------------ quitting
    def confirm_close(self) -> bool:
        """Closing either window quits; ask first only while the talk clock runs."""
        if self._closing:
            return True
        if self.timer.running:
            answer = QMessageBox.question(
                self.console,
                "Quit briefing?",
                f"The talk timer is running ({format_duration(self.timer.elapsed)}). Quit anyway?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.shutdown()
        return True

    def shutdown(self) -> None:
        if self._closing:
            return
        self._closing = True
        if self.export_job is not None:
            self.export_job.wait()  # a deck half written is worse than a second's wait
        self.stop_live_reload()
        self.remote.stop()  # its port closes with the app
        self.timer.pause()
        settings.save_geometry("console", self.console)
        if not self.audience.isFullScreen():
            settings.save_geometry("audience", self.audience)
        if self.timing_dialog is not None:
            self.timing_dialog.close()
        self.console.close()
        self.audience.close()

    def dispose(self, *, delete: bool = True) -> None:
        """Let go of every scene now, not at interpreter exit (PySide crashes there)."""
        self.shutdown()
        self.slide_tools.dispose()
        self.state.changed.disconnect_all()
        self.console.let_go_of_scenes()
        self.audience.let_go_of_scene()
        self.scenes.clear()
        self.collector.stop()
        if delete:
            self.console.deleteLater()
            self.audience.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
