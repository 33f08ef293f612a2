"""Slide scenes for the windows: built through the renderer, kept in a small LRU.

Console and audience get *separate* scenes of the same slide (role
``"audience"``, ``"console"``, ``"next"``), so the presenter can zoom a chart
for Q&A while the projector keeps the unzoomed one. Building a scene with
charts costs tens of milliseconds, so the cache keeps the recent ones and
:meth:`SceneCache.prefetch` builds the next slide before it is needed.
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGraphicsScene, QWidget

from briefing.layout.theme import Theme, resolve_theme
from briefing.runtime import release_source_cache
from briefing.storyboard.model import Storyboard

if TYPE_CHECKING:
    from briefing.render.scene import SlideScene
    from briefing.render.view import SlideView


class RenderBackend(Protocol):
    """What the app needs from ``briefing.render`` (tests pass a light stand-in)."""

    def scene(self, storyboard: Storyboard, index: int, theme: Theme, *, animate: bool) -> SlideScene: ...

    def view(self, parent: QWidget | None = None, *, interactive: bool = False) -> SlideView: ...

    def pixmap(self, scene: QGraphicsScene, width: int) -> QPixmap: ...


class QtRenderBackend:
    """The real renderer, imported on first use."""

    def scene(self, storyboard: Storyboard, index: int, theme: Theme, *, animate: bool) -> SlideScene:
        from briefing.render.scene import SlideScene

        return SlideScene(storyboard, index, theme, animate=animate)

    def view(self, parent: QWidget | None = None, *, interactive: bool = False) -> SlideView:
        from briefing.render.view import SlideView

        return SlideView(parent, interactive=interactive)

    def pixmap(self, scene: QGraphicsScene, width: int) -> QPixmap:
        from briefing.render.thumbnails import render_pixmap

        return render_pixmap(scene, width)


class SceneCache:
    """Least-recently-used scenes keyed by (role, slide index)."""

    def __init__(
        self,
        backend: RenderBackend,
        storyboard: Storyboard,
        *,
        animate: bool = True,
        capacity: int = 12,  # three roles x (previous, current, next, one more ahead)
    ) -> None:
        self.backend = backend
        self.animate = animate
        self.capacity = capacity
        self._scenes: OrderedDict[tuple[str, int], SlideScene] = OrderedDict()
        self.built = 0  # how many scenes were built (tests check the cache works)
        # called with (role, scene) for each scene built: the presenter's tools add their overlays
        self.decorate: Callable[[str, SlideScene], None] | None = None
        # called with (role, scene) for each scene built ahead of need: paints it once off screen
        self.warm: Callable[[str, SlideScene], None] | None = None
        self.reset(storyboard)

    def reset(self, storyboard: Storyboard) -> None:
        """A new or edited storyboard: every cached scene is stale."""
        self.storyboard = storyboard
        self.theme = resolve_theme(storyboard.theme)
        self._scenes.clear()

    def clear(self) -> None:
        self._scenes.clear()

    def retarget(self, storyboard: Storyboard, old_to_new: Mapping[int, int]) -> list[SlideScene]:
        """An edited storyboard: keep the scenes of slides that look the same, drop the rest.

        ``old_to_new`` maps a kept slide's old index to its new one; each kept
        scene moves there (:meth:`SlideScene.retarget`), the others are built
        again on demand. Returns the kept scenes.
        """
        kept: OrderedDict[tuple[str, int], SlideScene] = OrderedDict()
        for (role, old_index), scene in self._scenes.items():
            new_index = old_to_new.get(old_index)
            if new_index is not None:
                scene.retarget(storyboard, new_index)
                kept[(role, new_index)] = scene
        self.reset(storyboard)  # new storyboard (and theme) for scenes built from now on
        self._scenes.update(kept)
        return list(kept.values())

    def get(self, role: str, index: int) -> SlideScene:
        key = (role, index)
        scene = self._scenes.pop(key, None)
        if scene is None:
            animate = self.animate and role == "audience"
            modules = len(sys.modules)
            scene = self.backend.scene(self.storyboard, index, self.theme, animate=animate)
            self.built += 1
            if self.decorate is not None:
                self.decorate(role, scene)
            if len(sys.modules) != modules:
                release_source_cache()
        self._scenes[key] = scene
        while len(self._scenes) > self.capacity:
            self._scenes.popitem(last=False)
        return scene

    def prefetch(self, role: str, index: int) -> None:
        if 0 <= index < len(self.storyboard.slides) and (role, index) not in self._scenes:
            scene = self.get(role, index)
            if self.warm is not None:
                self.warm(role, scene)

    def prefetch_slide(self, index: int) -> None:
        """Build what showing ``index`` needs: both views of it and the console's next panel."""
        self.prefetch("audience", index)
        self.prefetch("console", index)
        self.prefetch("next", index + 1)

    def __contains__(self, key: tuple[str, int]) -> bool:
        return key in self._scenes

    def __len__(self) -> int:
        return len(self._scenes)
