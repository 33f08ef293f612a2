"""The scene cache drops the module sources PySide6's import hook leaves behind (about 14 MB)."""

from __future__ import annotations

import importlib
import linecache
import sys

from briefing.app.presenting.scenes import SceneCache
from briefing.storyboard.model import Bullets, Section, Slide, Storyboard


class ImportingBackend:
    """Builds a stand-in scene and, like the first chart scene, imports a module while doing so."""

    def scene(self, storyboard, index, theme, *, animate):  # type: ignore[no-untyped-def]
        sys.modules.pop("json.tool", None)
        importlib.import_module("json.tool")
        return object()


def test_a_scene_build_that_imports_modules_clears_the_source_cache() -> None:
    deck = Storyboard(
        title="T",
        sections=(Section("S", (Slide("One", Bullets((),)),)),),
    )
    cache = SceneCache(ImportingBackend(), deck)  # type: ignore[arg-type]
    linecache.getlines(linecache.__file__)
    assert linecache.cache
    cache.get("audience", 0)
    assert not linecache.cache
