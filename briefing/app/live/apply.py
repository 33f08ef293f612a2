"""Applying a good reload to the presenter: same slide, kept scenes, morphing charts.

:class:`~briefing.app.live.reload.LiveReload` says *what* changed (a
:class:`~briefing.storyboard.follow.DeckDiff`); this module changes the
presenter's :class:`DeckState` and :class:`SceneCache` accordingly, rebuilding
only what the diff says changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from briefing.app.presenting.deck_state import DeckState
from briefing.app.presenting.scenes import SceneCache
from briefing.storyboard.follow import DeckDiff, diff_decks, follow_index
from briefing.storyboard.model import Chart, Storyboard

if TYPE_CHECKING:
    from briefing.render.scene import SlideScene

log = logging.getLogger(__name__)


def reuse_scenes(cache: SceneCache, new: Storyboard, diff: DeckDiff) -> list[tuple[SlideScene, Chart]]:
    """Point a scene cache at ``new``, keeping every scene ``diff`` says is still right.

    A kept scene moves to its slide's new index (its slide number is
    re-written); scenes of changed or removed slides are dropped and built on
    demand. Returns ``(scene, new_chart)`` for kept scenes whose chart only
    needs new values: call :func:`morph_charts` *after* the windows refreshed
    (a refresh jumps running animations to their end).
    """
    old_to_new = {old: new_index for new_index, old in diff.kept().items()}
    data_only = set(diff.data_only)
    morphs: list[tuple[SlideScene, Chart]] = []
    for scene in cache.retarget(new, old_to_new):
        body = scene.slide.body
        if scene.index in data_only and isinstance(body, Chart):
            morphs.append((scene, body))
    return morphs


def morph_charts(morphs: list[tuple[SlideScene, Chart]], visible: set[int]) -> None:
    """Give kept charts their new values: a smooth morph where someone can see it."""
    for scene, chart in morphs:
        if scene.chart is not None:
            scene.chart.set_data(chart, animate=id(scene) in visible)


def apply_reload(
    state: DeckState,
    scenes: SceneCache,
    new: Storyboard,
    diff: DeckDiff | None = None,
    *,
    visible_scenes: Callable[[], Iterable[SlideScene]],
) -> None:
    """Apply a good reload: same slide by id, timer untouched, only changed scenes rebuilt.

    Charts whose data changed morph in place where ``visible_scenes()`` (asked
    after the windows refreshed) shows them. Should reusing scenes fail, every
    scene is rebuilt instead: a reload never ends a talk.
    """
    try:
        if diff is None:
            diff = diff_decks(state.storyboard, new)
        morphs = reuse_scenes(scenes, new, diff)
    except Exception:  # a reuse bug costs a full rebuild, never the talk
        log.exception("reusing scenes failed; rebuilding every scene")
        scenes.reset(new)
        morphs = []
    old, old_current = state.storyboard, state.current
    state.apply_storyboard(new)
    _follow_deleted_slide(state, old, new, old_current)
    try:
        morph_charts(morphs, {id(scene) for scene in visible_scenes()})
    except Exception:
        log.exception("a chart could not take its new data; rebuilding")
        scenes.reset(new)
        state.changed.emit({"storyboard"})


def _follow_deleted_slide(state: DeckState, old: Storyboard, new: Storyboard, old_current: int) -> None:
    """The audience's slide was deleted: go to the slide that took its place.

    ``DeckState`` keeps the index when the id is gone, which lands elsewhere
    when slides were also inserted before it; ``follow_index`` finds the next
    surviving slide instead.
    """
    if any(slide.id == old.slides[old_current].id for slide in new.slides):
        return
    target = follow_index(old, new, old_current)
    if target != state.current:
        state.goto(target)
