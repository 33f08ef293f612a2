"""The Qt renderer: a slide is a QGraphicsScene; views, thumbnails and exports look at it.

Public API (imported lazily so ``briefing.render.chart_*`` modules load without the scene)::

    SlideScene(storyboard, index, theme, *, animate=True)
    SlideView(parent=None, *, interactive=True)
    render_pixmap(scene, width) -> QPixmap
    render_image(scene, QSize) -> QImage
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "SlideScene": "briefing.render.scene",
    "SlideView": "briefing.render.view",
    "render_pixmap": "briefing.render.thumbnails",
    "render_image": "briefing.render.thumbnails",
    "paint_scene": "briefing.render.thumbnails",
    "font_family": "briefing.render.fonts",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'briefing.render' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module_name), name)
