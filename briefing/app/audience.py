"""The audience window: only the slide, letterboxed on black, nothing else.

It observes :class:`DeckState` (current slide, build step, blank screen) and
forwards every key and drop to the controller, because a clicker may send its
keys to whichever window has focus. The mouse navigates, as in PowerPoint's
slide show: a left click or the wheel turned down is next, a right click or
the wheel turned up is previous (tools such as the pen or zoom picking filter
the view's mouse events first, so a stroke never turns the slide).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QResizeEvent,
    QWheelEvent,
)
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
        on_navigate: Callable[[str], object] | None = None,
    ) -> None:
        """``on_navigate`` gets ``"next"`` or ``"prev"`` for clicks and wheel turns."""
        super().__init__()
        self.state = state
        self.scenes = scenes
        self._on_key, self._on_drop, self._on_close = on_key, on_drop, on_close
        self._on_navigate = on_navigate
        self._wheel = 0  # eighths of a degree turned and not yet a step (touchpads send small turns)
        self.setObjectName("audience")
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._paint(self, "#000000")
        self.resize(960, 540)

        self.view = scenes.backend.view(self, interactive=False)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setAcceptDrops(False)
        self.view.viewport().installEventFilter(self)  # the wheel over the slide (see eventFilter)
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
            if self._shown is None or target[0] != self._shown[0]:
                self.view.show_region(None)  # another slide always starts whole (zoom resets)
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
        self._name_view()

    def _name_view(self) -> None:
        """What a screen reader says about the audience window: the slide it shows, or the blank."""
        state = self.state
        shown = f"slide {state.current + 1} of {state.count}, {state.slide.title}"
        if state.blank is not None:
            shown = f"{state.blank} screen (the talk is at {shown})"
        if self.view.accessibleName() != f"Audience view: {shown}":
            self.view.setAccessibleName(f"Audience view: {shown}")
            self.setAccessibleName("Audience window")
            self.setAccessibleDescription("The slide the audience sees, full screen")

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

    def mousePressEvent(self, event: QMouseEvent) -> None:
        button = event.button()
        if button in (Qt.MouseButton.LeftButton, Qt.MouseButton.ForwardButton):
            self._navigate("next", event)
        elif button in (Qt.MouseButton.RightButton, Qt.MouseButton.BackButton):
            self._navigate("prev", event)
        else:
            super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.mousePressEvent(event)  # two quick clicks are two steps, as in PowerPoint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The wheel over the slide: taken here, since a scroll area would keep it for its scroll bars."""
        if watched is self.view.viewport() and isinstance(event, QWheelEvent) and self._on_navigate:
            self.wheelEvent(event)
            return True
        return super().eventFilter(watched, event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self._on_navigate is None:
            return super().wheelEvent(event)
        event.accept()
        self._wheel += event.angleDelta().y()
        while abs(self._wheel) >= 120:  # one notch of a wheel
            down = self._wheel < 0
            self._wheel += 120 if down else -120
            self._on_navigate("next" if down else "prev")

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        event.accept()  # the right click already went back a step; no menu on the projector

    def _navigate(self, action: str, event: QMouseEvent) -> None:
        if self._on_navigate is None:
            event.ignore()
            return
        event.accept()
        self._on_navigate(action)

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
