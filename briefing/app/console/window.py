"""The presenter console: current and next slide, notes, timer, pacing.

It draws state it is given (:class:`DeckState`, the :class:`TalkTimer`, the
:class:`PacingPlan`, the :class:`TypedSlideNumber`) and hands every key,
click and drop to callbacks; the controller behind them changes the state.
While the presenter previews (Ctrl+arrows, a click on the next slide), the
big view shows the preview and a banner says what the audience still sees.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from briefing.app.clock.pacing import PacingPlan
from briefing.app.clock.talk_timer import TalkTimer
from briefing.app.console.accessible import name
from briefing.app.console.help_overlay import HelpOverlay
from briefing.app.console.notes import NotesPanel
from briefing.app.console.overview import OverviewGrid
from briefing.app.console.style import CONSOLE_QSS
from briefing.app.console.timer_panel import TimerPanel
from briefing.app.files.drops import dropped_storyboard
from briefing.app.live.banner import ProblemBanner
from briefing.app.presenting.deck_state import DeckState
from briefing.app.presenting.keymap import claims_tab
from briefing.app.presenting.scenes import SceneCache
from briefing.app.presenting.typed_number import TypedSlideNumber
from briefing.errors import Diagnostic

#: After a switch, the console starts building the next slide's scenes this much later (the
#: switch's own paints come first).
PREFETCH_DELAY_MS = 30
#: At start the first slide is painted in both windows first; the second slide's scenes (and
#: pyqtgraph, for a chart) follow this much later.
FIRST_PREFETCH_DELAY_MS = 500

if TYPE_CHECKING:
    from briefing.render.scene import SlideScene
    from briefing.render.view import SlideView


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("caption")
    return label


def _banner(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.hide()
    return label


class ConsoleWindow(QMainWindow):
    def __init__(
        self,
        state: DeckState,
        scenes: SceneCache,
        timer: TalkTimer,
        plan: PacingPlan,
        typed: TypedSlideNumber,
        *,
        on_key: Callable[[QKeyEvent], bool],
        on_drop: Callable[[Path], object],
        on_close: Callable[[], bool],
        on_jump: Callable[[int], None],
        on_pause: Callable[[], None],
        on_reset: Callable[[], None],
        on_open_source: Callable[[Path, int], None],
    ) -> None:
        """``on_jump``: a slide picked in the overview; ``on_open_source``: a problem's file and line."""
        super().__init__()
        self.state, self.scenes, self.timer, self.typed = state, scenes, timer, typed
        self._on_key, self._on_drop, self._on_close = on_key, on_drop, on_close
        self.setObjectName("console")
        self.setStyleSheet(CONSOLE_QSS)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.resize(1440, 900)

        self.current_view = self._slide_view(interactive=True)
        self.next_view = self._slide_view(interactive=False)
        self.next_view.viewport().installEventFilter(self)
        self.next_view.setToolTip("Click to preview this slide without moving the projector")
        self.end_label = QLabel("End of the talk")
        self.end_label.setObjectName("endOfTalk")
        self.end_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.current_caption = _caption("NOW")
        self.next_caption = _caption("NEXT")
        self.notes = NotesPanel()
        self.timer_panel = TimerPanel(state, timer, plan, on_pause=on_pause, on_reset=on_reset)
        self.problems = ProblemBanner(base_dir=state.storyboard.base_dir)
        self.problems.open_requested.connect(on_open_source)
        self.preview_banner = _banner("previewBanner")
        self.blank_banner = _banner("blankBanner")
        self.jump_banner = _banner("jumpBanner")
        self.overview = OverviewGrid(self.scenes, on_jump=on_jump, on_key=self._key)
        self.help = HelpOverlay(self)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._main_page())
        self.pages.addWidget(self.overview)
        self._name_panels()
        central = QWidget()
        central.setObjectName("consoleCentral")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.addWidget(self.problems)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.current_scene: SlideScene | None = None
        self.next_scene: SlideScene | None = None
        self._prefetch = QTimer(self)
        self._prefetch.setSingleShot(True)
        self._ahead: list[tuple[str, int]] = []  # (role, slide) scenes still to build ahead
        self._prefetch.timeout.connect(self._build_ahead)
        self.state.changed.connect(self._on_state)
        self.timer.changed.connect(self.timer_panel.refresh)
        self.typed.changed.connect(self.refresh_banners)
        self.refresh()
        self._prefetch.start(FIRST_PREFETCH_DELAY_MS)  # the windows' first paint before anything else

    # ------------------------------------------------------------------ building
    def _slide_view(self, *, interactive: bool) -> SlideView:
        view = self.scenes.backend.view(None, interactive=interactive)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setAcceptDrops(False)
        return view

    def _main_page(self) -> QWidget:
        left = QVBoxLayout()
        left.addWidget(self.current_caption)
        left.addWidget(self.preview_banner)
        left.addWidget(self.blank_banner)
        left.addWidget(self.jump_banner)
        left.addWidget(self.current_view, 5)
        left.addWidget(self.notes, 3)
        next_box = QStackedWidget()
        next_box.addWidget(self.next_view)
        next_box.addWidget(self.end_label)
        self._next_box = next_box
        right = QVBoxLayout()
        right.addWidget(self.next_caption)
        right.addWidget(next_box, 2)
        right.addWidget(self.timer_panel, 3)
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 62)
        row.addLayout(right, 38)
        return page

    def _name_panels(self) -> None:
        """Accessible names of the panels that do not change (the slide views' follow the slides)."""
        name(self, "Presenter console", "The presenter's view: current and next slide, notes, timer")
        name(self.notes, "Speaker notes", "The notes of the slide shown in the large view")
        name(self.overview, "Slide overview", "Every slide; Enter shows the selected one to the audience")
        name(self.problems, "Storyboard problems", "Problems found in the last save of the storyboard")
        name(self.end_label, "End of the talk", "There is no next slide")
        name(self.pages, "Console pages")
        name(self.help, "Keyboard help", "Every key the presenter console understands")

    def _name_views(self, shown: int, upcoming: tuple[int, int] | None) -> None:
        slides, state = self.state.storyboard.slides, self.state
        what = "Preview" if state.previewing else "Current slide"
        name(
            self.current_view,
            f"{what}: slide {shown + 1} of {len(slides)}, {slides[shown].title}",
            "The slide as the audience sees it"
            if not state.previewing
            else "A slide the presenter previews; the audience does not see it",
        )
        if upcoming is None:
            name(self.next_view, "Next slide: none, this is the end of the talk")
        else:
            index, step = upcoming
            then = f"build step {step + 1} of slide {index + 1}" if index == shown else f"slide {index + 1}"
            name(
                self.next_view,
                f"Next: {then}, {slides[index].title}",
                "Click to preview this slide without moving the projector",
            )

    # ------------------------------------------------------------------ observing
    def _on_state(self, changed: set[str]) -> None:
        if "storyboard" in changed:
            self.overview.forget_thumbnails()
            if self.overview_open:
                self.overview.populate(self.state.shown, self.state.current)
        self.refresh()

    def refresh(self) -> None:
        state = self.state
        storyboard = state.storyboard
        name = storyboard.path.name if storyboard.path else "untitled"
        self.setWindowTitle(f"{storyboard.title} ({name}) — briefing presenter")
        shown = state.shown
        step = state.step if not state.previewing else state.storyboard.slides[shown].steps - 1
        self.current_scene = self._show(self.current_view, "console", shown, step)
        upcoming = state.upcoming()
        if upcoming is None:
            self.next_scene = None
            self._next_box.setCurrentWidget(self.end_label)
            self.next_caption.setText("NEXT")
        else:
            index, next_step = upcoming
            self.next_scene = self._show(self.next_view, "next", index, next_step)
            self._next_box.setCurrentWidget(self.next_view)
            same = index == shown and not state.previewing
            self.next_caption.setText(
                f"NEXT  ·  build step {next_step + 1}" if same else f"NEXT  ·  slide {index + 1}"
            )
        slide = storyboard.slides[shown]
        self._name_views(shown, upcoming)
        self.notes.show_slide(slide, label="Preview notes" if state.previewing else "Notes")
        self.refresh_banners()
        self.timer_panel.refresh()
        self._ahead = []  # what the last slide wanted ahead no longer counts
        self._prefetch.start(PREFETCH_DELAY_MS)

    def _show(self, view: SlideView, role: str, index: int, step: int) -> SlideScene:
        """The scene of ``index`` at ``step`` in ``view`` (the caller keeps it alive)."""
        scene = self.scenes.get(role, index)
        scene.set_step(step)
        scene.finish()
        if view.scene() is not scene:
            view.set_slide_scene(scene)
        return scene

    def refresh_banners(self) -> None:
        state = self.state
        self.current_caption.setText(
            f"PREVIEW  ·  slide {state.shown + 1}"
            if state.previewing
            else f"NOW  ·  slide {state.current + 1}"
        )
        self.preview_banner.setVisible(state.previewing)
        if state.previewing:
            self.preview_banner.setText(
                f"Previewing slide {state.shown + 1}: the audience still sees slide {state.current + 1}. "
                "Enter shows it to them, Esc goes back."
            )
        self.blank_banner.setVisible(state.blank is not None)
        if state.blank is not None:
            self.blank_banner.setText(
                f"The audience sees a {state.blank} screen. Press the key again to return."
            )
        typed = self.typed.digits
        self.jump_banner.setVisible(bool(typed))
        if typed:
            self.jump_banner.setText(f"Go to slide {typed}…  (Enter to jump, Esc to cancel)")

    def _build_ahead(self) -> None:
        """Build (and warm) one scene the next key press will want, while the presenter talks.

        One scene a turn of the event loop, the audience's first: a chart's intro
        animation, running meanwhile, waits for one scene at most, not three.
        """
        if not self._ahead:
            upcoming = self.state.upcoming()
            if upcoming is None:
                return
            index = upcoming[0]
            self._ahead = [("audience", index), ("console", index), ("next", index + 1)]
        role, index = self._ahead.pop(0)
        self.scenes.prefetch(role, index)
        if self._ahead:
            self._prefetch.start(0)

    def build_ahead_now(self) -> None:
        """Build every scene the next key press will want, now (tests, tools)."""
        self._build_ahead()
        while self._ahead:
            self._build_ahead()
        self._prefetch.stop()

    # ------------------------------------------------------------------ modes
    @property
    def overview_open(self) -> bool:
        return self.pages.currentWidget() is self.overview

    def open_overview(self) -> None:
        self.overview.populate(self.state.shown, self.state.current)
        self.pages.setCurrentWidget(self.overview)

    def close_overview(self) -> None:
        self.overview.stop()
        self.pages.setCurrentIndex(0)

    def toggle_overview(self) -> None:
        if self.overview_open:
            self.close_overview()
        else:
            self.open_overview()

    def overview_key(self, action: str, event: QKeyEvent) -> bool:
        """While the overview is open, its keys move the selection; Esc or O close it."""
        if not self.overview_open:
            return False
        if self.overview.handle_action(action, event):
            return True
        if action in ("escape", "overview"):
            self.close_overview()
            return True
        return False

    @property
    def help_open(self) -> bool:
        return self.help.isVisible()

    def close_help(self) -> bool:
        """Close the key help; False when it was not open."""
        if not self.help_open:
            return False
        self.help.hide()
        return True

    def reset_chart_zoom(self) -> bool:
        chart = self.current_scene.chart if self.current_scene is not None else None
        if chart is None:
            return False
        chart.reset_view()
        return True

    # ------------------------------------------------------------------ reload hooks
    def show_problems(self, diagnostics: list[Diagnostic], *, loaded: bool = True) -> None:
        """Live-reload hook: the last save does not load; the talk goes on with the old one.

        ``loaded=False``: the file has not loaded once yet (``briefing show`` on a broken file).
        """
        self.problems.base_dir = self.state.storyboard.base_dir
        self.problems.show_problems(diagnostics, loaded=loaded)

    def show_source_problems(self, diagnostics: list[Diagnostic]) -> None:
        """Live-reload hook: what the sources with ``file:`` do not back; this version is presented."""
        self.problems.base_dir = self.state.storyboard.base_dir
        self.problems.show_problems(diagnostics, source=True)

    def clear_problems(self) -> None:
        """Live-reload hook: the storyboard loads again."""
        self.problems.clear_problems()

    # ------------------------------------------------------------------ input
    def _key(self, event: QKeyEvent) -> bool:
        return self._on_key(event)

    def event(self, event: QEvent) -> bool:
        return claims_tab(event, self._key) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._key(event):
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.next_view.viewport() and event.type() == QEvent.Type.MouseButtonPress:
            upcoming = self.state.upcoming()
            if upcoming is not None and upcoming[0] != self.state.shown:
                self.state.preview_goto(upcoming[0])
            return True
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.help.isVisible():
            self.help.setGeometry(self.rect())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_storyboard(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_storyboard(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self._on_drop(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._on_close():
            self._prefetch.stop()
            self.overview.stop()
            self._stop_observing()
            event.accept()
        else:
            event.ignore()

    def _stop_observing(self) -> None:
        self.state.changed.disconnect(self._on_state)
        self.timer.changed.disconnect(self.timer_panel.refresh)
        self.typed.changed.disconnect(self.refresh_banners)

    def let_go_of_scenes(self) -> None:
        """Shown scenes and thumbnails go now, not at interpreter exit (PySide crashes there)."""
        self._stop_observing()
        for view in (self.current_view, self.next_view):
            view.setScene(None)
        self.current_scene = self.next_scene = None
        self.overview.forget_thumbnails()
