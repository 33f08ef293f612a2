"""The overview grid: every slide as a thumbnail; arrows + Enter or a click jump.

Thumbnails are rendered a few at a time from a zero-interval timer so opening
the overview never freezes the console, and they are kept until the
storyboard changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from briefing.app.presenting.keymap import claims_tab
from briefing.app.presenting.scenes import SceneCache

THUMB_W, THUMB_H = 320, 180
PER_TICK = 2


class OverviewGrid(QListWidget):
    def __init__(
        self,
        scenes: SceneCache,
        *,
        on_jump: Callable[[int], None],
        on_key: Callable[[QKeyEvent], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("overview")
        self.scenes = scenes
        self._on_jump, self._on_key = on_jump, on_key
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setIconSize(QSize(THUMB_W, THUMB_H))
        self.setGridSize(QSize(THUMB_W + 24, THUMB_H + 48))
        self.setUniformItemSizes(True)
        self.setWordWrap(True)
        self.setSpacing(4)
        self.itemClicked.connect(lambda item: self._on_jump(self.row(item)))
        self._pixmaps: dict[int, QPixmap] = {}
        self._pending: list[int] = []
        self._loader = QTimer(self)
        self._loader.setInterval(0)
        self._loader.timeout.connect(self._load_some)
        self._blank = QPixmap(THUMB_W, THUMB_H)
        self._blank.fill(Qt.GlobalColor.darkGray)

    def populate(self, selected: int, current: int | None = None) -> None:
        """Fill the grid and select ``selected``; ``current`` (the audience's slide) is marked."""
        storyboard = self.scenes.storyboard
        self.clear()
        for index, slide in enumerate(storyboard.slides):
            mark = "▶ " if index == current else ""
            icon = QIcon(self._pixmaps.get(index, self._blank))
            item = QListWidgetItem(icon, f"{mark}{index + 1}  {slide.title}")
            item.setToolTip(f"{slide.title} (the audience sees this slide)" if mark else slide.title)
            self.addItem(item)
        self.setCurrentRow(selected)
        self._pending = [i for i in range(len(storyboard.slides)) if i not in self._pixmaps]
        if self._pending:
            self._loader.start()

    def forget_thumbnails(self) -> None:
        self._loader.stop()
        self._pixmaps.clear()
        self._pending.clear()

    def stop(self) -> None:
        self._loader.stop()

    def _load_some(self) -> None:
        for _ in range(PER_TICK):
            if not self._pending:
                self._loader.stop()
                return
            index = self._pending.pop(0)
            self._pixmaps[index] = self._thumbnail(index)
            item = self.item(index)
            if item is not None:
                item.setIcon(QIcon(self._pixmaps[index]))

    def _thumbnail(self, index: int) -> QPixmap:
        cache = self.scenes
        scene = cache.backend.scene(cache.storyboard, index, cache.theme, animate=False)
        scene.set_step(max(0, scene.steps - 1))
        scene.finish()
        return cache.backend.pixmap(scene, THUMB_W)

    def load_all_now(self) -> None:
        """Render every pending thumbnail at once (tests, screenshots)."""
        while self._pending:
            self._load_some()

    # ------------------------------------------------------------------ keys
    def handle_action(self, action: str, event: QKeyEvent) -> bool:
        """Keys while the overview is open: arrows move, Enter jumps. False: not ours."""
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            super().keyPressEvent(event)
            return True
        if action in ("first", "last"):
            self.setCurrentRow(0 if action == "first" else self.count() - 1)
            return True
        if action in ("next", "prev"):  # Space, PageUp/Down, Backspace
            self.setCurrentRow(
                max(0, min(self.currentRow() + (1 if action == "next" else -1), self.count() - 1))
            )
            return True
        if action == "enter":
            self._on_jump(self.currentRow())
            return True
        return False

    def event(self, event: QEvent) -> bool:
        return claims_tab(event, self._on_key) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._on_key(event):
            super().keyPressEvent(event)
