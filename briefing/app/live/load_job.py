"""Where a reload's work runs: a loader process, waited for by a worker thread.

A 300-slide storyboard takes 100 ms or more to load (YAML, CSV, images) and
its ``file:`` sources take more to check. On the UI thread that froze a chart
animation; on a plain worker *thread* it still did: the load is pure Python,
holds the GIL, and the UI thread, which gives the GIL up on many Qt calls, waits
for it again at every switch interval (measured: frames of 200 ms and more
while a 300-slide deck loads on a worker thread, as before). So the default
loader runs in **one spawned Python process** (:func:`loader_pool`, no Qt in
it, started once and kept for the app's lifetime), and :class:`LoadThread`
waits for its answer with the GIL released; only unpickling the result (a few
ms, in C) and the swap to the new scenes touch the UI process's GIL. A loader
given by the caller (tests, tools) runs on the worker thread itself.

The result reaches the UI thread through :attr:`QThread.finished` (queued).
The job touches no Qt object, so the worker never holds the last reference to
one and no Qt destructor runs there; the caller pauses automatic cyclic GC
while a job runs (see :mod:`briefing.runtime`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread

from briefing.app.live.load_work import LoadOutcome, exit_with_parent

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

log = logging.getLogger(__name__)

_pool: ProcessPoolExecutor | None = None


def loader_pool() -> ProcessPoolExecutor:
    """The loader process, started on first use (spawned: a Qt process must not fork)."""
    global _pool
    if _pool is None:
        import multiprocessing  # on first use: not on the way to the first slide
        from concurrent.futures import ProcessPoolExecutor

        _pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=exit_with_parent,
            initargs=(os.getpid(),),
        )
    return _pool


def run_in_loader_process(work: Callable[..., LoadOutcome], *args: Any) -> LoadOutcome:
    """Run picklable ``work`` in the loader process and wait (GIL released); a dead process is replaced.

    Should the process die (killed, out of memory), this load runs here instead
    and the next one starts a new process: a reload never ends a talk.
    """
    global _pool
    from concurrent.futures.process import BrokenProcessPool

    try:
        return loader_pool().submit(work, *args).result()
    except BrokenProcessPool:
        log.warning("the loader process died; loading on the worker thread this time")
        _pool = None
        return work(*args)


class LoadThread(QThread):
    """Runs one job at a time; :attr:`finished` (queued to the UI thread) says a result is ready."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job: Callable[[], LoadOutcome] | None = None
        self._result: LoadOutcome | None = None

    def begin(self, job: Callable[[], LoadOutcome]) -> None:
        """Run ``job`` on the worker thread; the caller makes sure none is running."""
        self.wait()  # a finished run may still be returning from run()
        self._job, self._result = job, None
        self.start()

    def run(self) -> None:
        job, self._job = self._job, None
        try:
            self._result = job() if job is not None else None
        except Exception:  # a bug in the job must not end the talk: the UI shows a problem
            log.exception("a reload job failed")
            self._result = None

    def take_result(self) -> LoadOutcome | None:
        """The finished job's outcome (once); waits for the thread to end first."""
        self.wait()
        result, self._result = self._result, None
        return result


__all__ = ["LoadThread", "loader_pool", "run_in_loader_process"]
