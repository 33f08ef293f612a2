"""Live editing: a save in the editor shows on the slide while the talk goes on.

:class:`LiveReload` joins the pieces:

1. :class:`~briefing.app.live.watcher.ReloadWatcher` reports a settled save
   of the storyboard or any file it uses (CSV, images);
2. the storyboard is loaded again **off the UI thread**
   (:mod:`~briefing.app.live.load_work`: load, compare with the presented
   version, check ``file:`` sources; run by :mod:`~briefing.app.live.load_job`
   in a loader process, waited for on a worker thread), so a running chart
   animation never stalls; saves noticed meanwhile are coalesced into one more load once it
   ends (never two at once, and a result older than the newest save is
   dropped, not shown);
3. a **good** save emits :attr:`LiveReload.reloaded` with the new storyboard
   and a :class:`~briefing.storyboard.follow.DeckDiff` saying, per slide,
   whether it is the same, needs new chart values only, or a rebuild — the
   presenter layer applies it on the UI thread (same slide by id, timer
   untouched);
4. a **broken** save emits :attr:`LiveReload.failed` with every diagnostic:
   the last good storyboard stays in place, the console shows the banner;
   the next good save emits :attr:`LiveReload.recovered` first (banner off).

Nothing here raises into the event loop: an unexpected loader failure is
logged and shown as a problem like any other, so a save never ends a talk.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from briefing.app.live.load_job import LoadThread, run_in_loader_process
from briefing.app.live.load_work import Loader, LoadOutcome, problem, run_load, run_source_check
from briefing.app.live.watcher import ReloadWatcher
from briefing.errors import Diagnostic
from briefing.runtime import manual_collection, pause_automatic_collection
from briefing.storyboard.model import Storyboard

log = logging.getLogger(__name__)


def default_loader(path: Path) -> Storyboard:
    return _load_storyboard()(path)


def _load_storyboard() -> Loader:
    """The loader function itself (pickled by reference to a Qt-free module for the loader process),
    imported on the first reload rather than on the way to the first slide."""
    from briefing.storyboard.load import load_storyboard

    return load_storyboard


def watched_paths(storyboard: Storyboard) -> list[Path]:
    """The storyboard file, every file it uses, and every source document it names with ``file:``
    (an edit to the report is checked again like an edit to the storyboard)."""
    paths = list(storyboard.files)
    if storyboard.path is not None:
        paths.insert(0, storyboard.path)
        paths.extend(storyboard.base_dir / s.file for s in storyboard.sources if s.file)
    return list(dict.fromkeys(paths))


class LiveReload(QObject):
    """Reloads the storyboard on every settled save (off the UI thread) and says what changed."""

    reloaded = Signal(object, object)  # (new Storyboard, DeckDiff)
    failed = Signal(list)  # list[Diagnostic]: the save does not load; the old version stays
    recovered = Signal()  # the problems shown after a broken save are gone
    source_problems = Signal(list)  # list[Diagnostic]: what sources with file: do not back (not blocking)
    idle = Signal()  # a load (or source check) ended and no other is due

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
        self.loader = loader  # None: load_storyboard, in the loader process (see load_job)
        self.problems: list[Diagnostic] = []
        self.watcher = watcher or ReloadWatcher(parent=self)
        self.watcher.set_paths(watched_paths(storyboard))
        self.watcher.changed.connect(self.reload)
        self.reloads = 0  # good reloads applied (tests and the benchmark read it)
        self.last_event_time: float | None = None  # monotonic: first file event of the last reload
        self.last_load_ms: float | None = None  # time spent loading (on the worker), last reload
        self.last_load_thread: int | None = None  # threading.get_ident() of the thread that loaded
        self.last_load_pid: int | None = None  # the process that loaded (the loader process by default)
        self._thread = LoadThread(self)
        self._thread.finished.connect(self._job_ended)
        self._running_changes: list[str] | None = None  # the running job is a load of these changes
        self._pending_changes: list[str] | None = None  # saves noticed while a job runs
        self._resume_gc: Callable[[], None] | None = None
        self._cancelled = threading.Event()
        self._stopped = False

    @property
    def storyboard(self) -> Storyboard:
        """The last good storyboard (what is being presented)."""
        return self._storyboard

    @property
    def path(self) -> Path:
        return self._path

    def busy(self) -> bool:
        """True while a load or source check runs or is due."""
        return self._resume_gc is not None or self._pending_changes is not None

    def stop(self) -> None:
        """No more reloads; a running load is waited for (its source check skipped) and dropped."""
        self._stopped = True
        self._cancelled.set()
        self.watcher.stop()
        self._pending_changes = None
        self._thread.take_result()  # waits for the rest of a running load (bounded); its result is dropped
        self._end_job()

    # ------------------------------------------------------------------ reload
    @Slot(list)
    def reload(self, changed: Sequence[str] = ()) -> None:
        """Load the storyboard again on the worker; the outcome comes as signals on the UI thread.

        While a job runs, the save is remembered and loaded once it ends; the
        running job's result is then stale and dropped.
        """
        if self._stopped:
            return
        if self._resume_gc is not None:
            self._pending_changes = sorted({*(self._pending_changes or ()), *changed})
            return
        self.last_event_time = self.watcher.last_event_time
        self._running_changes = list(changed)
        cancelled = self._cancelled if self.loader is not None else None  # an Event does not pickle
        loader, changes = self.loader or _load_storyboard(), self._running_changes
        self._begin(self._job(run_load, loader, self._path, self._storyboard, changes, cancelled))

    def check_sources(self) -> None:
        """Prove the presented storyboard's phrases and figures against sources with ``file:``, on the worker.

        The result comes as :attr:`source_problems`. A load already running checks them anyway.
        """
        if self._stopped or self._resume_gc is not None:
            return
        self._running_changes = None
        self._begin(self._job(run_source_check, self._storyboard, self._path))

    def _job(self, work: Callable[..., LoadOutcome], *args: Any) -> Callable[[], LoadOutcome]:
        """``work(*args)`` in the loader process (default loader), or on the worker thread (a given one)."""
        if self.loader is None:
            return functools.partial(run_in_loader_process, work, *args)
        return functools.partial(work, *args)

    def _begin(self, job: Callable[[], LoadOutcome]) -> None:
        # No automatic collection while the worker allocates: it would run on the worker
        # and could collect the UI's Qt wrappers there (briefing.runtime). Resumed on the UI thread.
        self._resume_gc = pause_automatic_collection()
        self._thread.begin(job)

    def _end_job(self) -> None:
        resume, self._resume_gc = self._resume_gc, None
        if resume is not None:
            resume()

    @Slot()
    def _job_ended(self) -> None:
        if self._resume_gc is None:
            return  # stopped meanwhile: the result was dropped
        outcome = self._thread.take_result()
        changes, self._running_changes = self._running_changes, None
        self._end_job()
        if self._stopped:
            return
        if self._pending_changes is not None:  # a newer save: this result is stale
            pending, self._pending_changes = self._pending_changes, None
            self.reload(sorted({*(changes or ()), *pending}))
            return
        if outcome is None:
            outcome = LoadOutcome(problems=[problem(self._path, "internal error while reloading")])
        with manual_collection():  # the swap builds scenes: no collection inside a Qt destructor
            if changes is None:
                if not self.problems:  # the banner shows a save that does not load: that comes first
                    self._emit_sources(outcome)
            else:
                self._apply(outcome)
        if not self.busy():
            self.idle.emit()

    def _apply(self, outcome: LoadOutcome) -> None:
        self.last_load_ms, self.last_load_thread = outcome.load_ms, outcome.thread_id
        self.last_load_pid = outcome.pid
        new = outcome.storyboard
        self.watcher.watch_folders = new is None
        if new is None:
            if outcome.problems == self.problems:
                return  # the same problems: the banner already says so
            self.problems = outcome.problems
            log.info("storyboard did not load (%d problems); keeping the last version", len(self.problems))
            self.failed.emit(self.problems)
            return
        if self.problems:
            self.problems = []
            self.recovered.emit()
        self.watcher.set_paths(watched_paths(new))
        if outcome.diff is not None:
            self._storyboard = new
            self.reloads += 1
            self.reloaded.emit(new, outcome.diff)
        self._emit_sources(outcome)

    def _emit_sources(self, outcome: LoadOutcome) -> None:
        if outcome.source_problems is not None:
            self.source_problems.emit(outcome.source_problems)


__all__ = ["LiveReload", "default_loader", "watched_paths"]
