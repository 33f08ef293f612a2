"""The audience window: only the slide, letterboxed on black, nothing else.

It observes :class:`DeckState` (current slide, build step, blank screen) and
forwards every key and drop to the controller, because a clicker may send its
keys to whichever window has focus.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from briefing.app.files.drops import dropped_storyboard
from briefing.app.presenting.deck_state import DeckState
from briefing.app.presenting.keymap import claims_tab
from briefing.app.presenting.scenes import SceneCache

if TYPE_CHECKING:
    from briefing.render.scene import SlideScene


class AudienceWindow(QWidget):
    def __init__(
        self,
        state: DeckState,
        scenes: SceneCache,
        *,
        on_key: Callable[[QKeyEvent], bool],
        on_drop: Callable[[Path], object],
        on_close: Callable[[], bool],
    ) -> None:
        super().__init__()
        self.state = state
        self.scenes = scenes
        self._on_key, self._on_drop, self._on_close = on_key, on_drop, on_close
        self.setObjectName("audience")
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._paint(self, "#000000")
        self.resize(960, 540)

        self.view = scenes.backend.view(self, interactive=False)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setAcceptDrops(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.blank_cover = QWidget(self)  # covers the view on a black/white screen
        self.blank_cover.setObjectName("blank")
        self.blank_cover.hide()
        self.blank_shown: str | None = None  # "black" | "white" while the cover is up
        self.scene: SlideScene | None = None
        self._shown: tuple[int, int] | None = None
        # The projector is served first: the audience's slide must not wait for the console.
        state.changed.connect(self._on_state, first=True)
        self.refresh()

    @staticmethod
    def _paint(widget: QWidget, color: str) -> None:
        palette = widget.palette()
        palette.setColor(QPalette.ColorRole.Window, color)
        widget.setPalette(palette)
        widget.setAutoFillBackground(True)

    # ------------------------------------------------------------------ observing
    def _on_state(self, changed: set[str]) -> None:
        if changed & {"storyboard", "current", "step", "blank"}:
            self.refresh(rebuild="storyboard" in changed)

    def refresh(self, *, rebuild: bool = False) -> None:
        state = self.state
        self.setWindowTitle(f"{state.storyboard.title} — audience")
        target = (state.current, state.step)
        if rebuild or self._shown is None or target[0] != self._shown[0]:
            self.scene = self.scenes.get("audience", state.current)
            self.scene.set_step(state.step)
            if not rebuild and self.scenes.animate:
                self.scene.start()
            else:
                self.scene.finish()
            self.view.set_slide_scene(self.scene)
            if self.isVisible():
                self.view.viewport().repaint()  # now, before the console rebuilds its panels
        elif target[1] != self._shown[1] and self.scene is not None:
            self.scene.set_step(state.step)
        self._shown = target
        self._show_blank(state.blank)

    def _show_blank(self, mode: str | None) -> None:
        self.blank_shown = mode
        if mode is None:
            self.blank_cover.hide()
            return
        self._paint(self.blank_cover, "#000000" if mode == "black" else "#FFFFFF")
        self.blank_cover.setGeometry(self.rect())
        self.blank_cover.show()
        self.blank_cover.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.blank_cover.setGeometry(self.rect())

    # ------------------------------------------------------------------ full screen
    def set_full_screen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
            self.setCursor(Qt.CursorShape.BlankCursor)
            self.view.viewport().setCursor(Qt.CursorShape.BlankCursor)
        else:
            self.showNormal()
            self.unsetCursor()
            self.view.viewport().unsetCursor()

    # ------------------------------------------------------------------ input
    def event(self, event: QEvent) -> bool:
        return claims_tab(event, self._on_key) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._on_key(event):
            super().keyPressEvent(event)

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
            self.state.changed.disconnect(self._on_state)
            event.accept()
        else:
            event.ignore()

    def let_go_of_scene(self) -> None:
        """The shown scene goes now, not at interpreter exit (PySide crashes there)."""
        self.state.changed.disconnect(self._on_state)
        self.view.setScene(None)
        self.scene = None
