"""Live editing: a save in the editor shows on the slide while the talk goes on.

:class:`LiveReload` joins the pieces:

1. :class:`~briefing.app.live.watcher.ReloadWatcher` reports a settled save
   of the storyboard or any file it uses (CSV, images);
2. the storyboard is loaded again;
3. a **good** save emits :attr:`LiveReload.reloaded` with the new storyboard
   and a :class:`~briefing.storyboard.follow.DeckDiff` saying, per slide,
   whether it is the same, needs new chart values only, or a rebuild — the
   presenter layer applies it (same slide by id, timer untouched);
4. a **broken** save emits :attr:`LiveReload.failed` with every diagnostic:
   the last good storyboard stays in place, the console shows the banner;
   the next good save emits :attr:`LiveReload.recovered` first (banner off).

Nothing here raises into the event loop: an unexpected loader failure is
logged and shown as a problem like any other, so a save never ends a talk.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from briefing.app.live.watcher import ReloadWatcher
from briefing.errors import Diagnostic, StoryboardInvalid
from briefing.runtime import manual_collection
from briefing.storyboard.follow import diff_decks
from briefing.storyboard.model import Image, Storyboard

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

Loader = Callable[[Path], Storyboard]


def default_loader(path: Path) -> Storyboard:
    from briefing.storyboard.load import load_storyboard

    return load_storyboard(path)


def watched_paths(storyboard: Storyboard) -> list[Path]:
    """The storyboard file and every file it uses."""
    paths = list(storyboard.files)
    if storyboard.path is not None:
        paths.insert(0, storyboard.path)
    return paths


class LiveReload(QObject):
    """Reloads the storyboard on every settled save and says what changed."""

    reloaded = Signal(object, object)  # (new Storyboard, DeckDiff)
    failed = Signal(list)  # list[Diagnostic]: the save does not load; the old version stays
    recovered = Signal()  # the problems shown after a broken save are gone
    source_problems = Signal(list)  # list[Diagnostic]: what sources with file: do not back (not blocking)

    def __init__(
        self,
        storyboard: Storyboard,
        *,
        loader: Loader | None = None,
        watcher: ReloadWatcher | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if storyboard.path is None:
            raise ValueError("live reload needs a storyboard loaded from a file")
        self._storyboard = storyboard
        self._path = Path(storyboard.path)
        self._loader = loader or default_loader
        self.problems: list[Diagnostic] = []
        self.watcher = watcher or ReloadWatcher(parent=self)
        self.watcher.set_paths(watched_paths(storyboard))
        self.watcher.changed.connect(self.reload)
        self.reloads = 0  # good reloads applied (tests and the benchmark read it)
        self.last_event_time: float | None = None  # monotonic: first file event of the last reload
        self.last_load_ms: float | None = None  # time spent loading, last reload

    @property
    def storyboard(self) -> Storyboard:
        """The last good storyboard (what is being presented)."""
        return self._storyboard

    @property
    def path(self) -> Path:
        return self._path

    def stop(self) -> None:
        self.watcher.stop()

    # ------------------------------------------------------------------ reload
    def reload(self, changed: Sequence[str] = ()) -> bool:
        """Load the storyboard again; True when a good version was applied.

        The cyclic garbage collector is paused meanwhile: a load allocates
        tens of thousands of small objects, and in a presenting app (a large
        heap of Qt wrappers) the collections they trigger doubled the load
        time. The objects are acyclic; collection resumes right after.
        """
        with manual_collection():
            return self._reload(changed)

    def _reload(self, changed: Sequence[str]) -> bool:
        self.last_event_time = self.watcher.last_event_time
        started = time.perf_counter()
        new, problems = self._load()
        self.last_load_ms = (time.perf_counter() - started) * 1000
        self.watcher.watch_folders = new is None
        if new is None:
            if problems == self.problems:
                return False  # the same problems: the banner already says so
            self.problems = problems
            log.info("storyboard did not load (%d problems); keeping the last good version", len(problems))
            self.failed.emit(problems)
            return False
        if self.problems:
            self.problems = []
            self.recovered.emit()
        old = self._storyboard
        self.watcher.set_paths(watched_paths(new))
        images = self._changed_images(new, changed)
        if new == old and not images:
            self.check_sources()
            return False
        diff = diff_decks(old, new, changed_files=images)
        self._storyboard = new
        self.reloads += 1
        self.reloaded.emit(new, diff)
        self.check_sources()
        return True

    def check_sources(self) -> list[Diagnostic]:
        """Prove the presented storyboard's phrases and figures against sources with ``file:``."""
        from briefing.storyboard.provenance import check_declared_sources

        try:
            found = check_declared_sources(self._storyboard)
        except Exception as error:  # a provenance bug must not end the talk
            log.exception("checking sources of %s failed", self._path)
            found = [self._problem(f"internal error while checking sources: {error!r}")]
        self.source_problems.emit(found)
        return found

    def _load(self) -> tuple[Storyboard | None, list[Diagnostic]]:
        try:
            return self._loader(self._path), []
        except StoryboardInvalid as invalid:
            return None, list(invalid.errors) or [self._problem("the storyboard did not load")]
        except OSError as error:
            return None, [self._problem(f"cannot read the storyboard: {error.strerror or error}")]
        except Exception as error:  # a loader bug must not end the talk; it is shown, not hidden
            log.exception("unexpected error while reloading %s", self._path)
            return None, [
                self._problem(
                    f"internal error while loading: {error!r}",
                    hint="please report this; the last good version stays on",
                )
            ]

    def _problem(self, message: str, hint: str = "") -> Diagnostic:
        return Diagnostic(self._path, 1, 1, message, hint, code="reload")

    @staticmethod
    def _changed_images(new: Storyboard, changed: Sequence[str]) -> list[Path]:
        """Changed files that are images shown by a slide (same name, new pixels)."""
        if not changed:
            return []
        shown = {os.path.abspath(s.body.path) for s in new.slides if isinstance(s.body, Image)}
        return [Path(p) for p in changed if os.path.abspath(p) in shown]


__all__ = ["LiveReload", "default_loader", "watched_paths"]
