"""One reload's work: load, compare with the presented version, check sources. Qt-free.

Runs off the UI thread: in the loader process (:mod:`~briefing.app.live.load_job`)
or, for a loader given by the caller, on the worker thread. Takes a path, a
loader and the storyboard being presented; returns a picklable
:class:`LoadOutcome`; never raises.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import Diagnostic, StoryboardInvalid
from briefing.storyboard.follow import DeckDiff, diff_decks
from briefing.storyboard.model import Image, Storyboard

log = logging.getLogger(__name__)

Loader = Callable[[Path], Storyboard]


@dataclass
class LoadOutcome:
    """What a job found; ``storyboard`` is None when the save does not load."""

    storyboard: Storyboard | None = None
    problems: list[Diagnostic] = field(default_factory=list)
    diff: DeckDiff | None = None  # None: nothing to show differently (or the load failed)
    source_problems: list[Diagnostic] | None = None  # None: the sources were not checked
    load_ms: float = 0.0
    thread_id: int = 0  # threading.get_ident() of the thread that ran the job
    pid: int = 0  # the process that ran it (the loader process, or this one)


def problem(path: Path, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(path, 1, 1, message, hint, code="reload")


def load_safely(loader: Loader, path: Path) -> tuple[Storyboard | None, list[Diagnostic]]:
    """Load ``path``; every failure becomes diagnostics, never an exception."""
    try:
        return loader(path), []
    except StoryboardInvalid as invalid:
        return None, list(invalid.errors) or [problem(path, "the storyboard did not load")]
    except OSError as error:
        return None, [problem(path, f"cannot read the storyboard: {error.strerror or error}")]
    except Exception as error:  # a loader bug must not end the talk; it is shown, not hidden
        log.exception("unexpected error while reloading %s", path)
        return None, [
            problem(
                path,
                f"internal error while loading: {error!r}",
                hint="please report this; the last good version stays on",
            )
        ]


def check_sources_safely(storyboard: Storyboard, path: Path) -> list[Diagnostic]:
    """What the storyboard's sources with ``file:`` do not back; a provenance bug is a problem shown."""
    from briefing.storyboard.provenance import check_declared_sources

    try:
        return check_declared_sources(storyboard)
    except Exception as error:  # a provenance bug must not end the talk
        log.exception("checking sources of %s failed", path)
        return [problem(path, f"internal error while checking sources: {error!r}")]


def changed_images(new: Storyboard, changed: Sequence[str]) -> list[Path]:
    """Changed files that are images shown by a slide (same name, new pixels)."""
    if not changed:
        return []
    shown = {os.path.abspath(s.body.path) for s in new.slides if isinstance(s.body, Image)}
    return [Path(p) for p in changed if os.path.abspath(p) in shown]


def run_load(
    loader: Loader,
    path: Path,
    old: Storyboard,
    changed: Sequence[str],
    cancelled: threading.Event | None = None,
) -> LoadOutcome:
    """Load ``path`` again and say what differs from ``old``; check sources unless cancelled."""
    started = time.perf_counter()
    new, problems = load_safely(loader, path)
    outcome = LoadOutcome(new, problems, thread_id=threading.get_ident(), pid=os.getpid())
    outcome.load_ms = (time.perf_counter() - started) * 1000
    if new is None:
        return outcome
    images = changed_images(new, changed)
    if new != old or images:
        outcome.diff = diff_decks(old, new, changed_files=images)
    if cancelled is None or not cancelled.is_set():
        outcome.source_problems = check_sources_safely(new, path)
    return outcome


def run_source_check(storyboard: Storyboard, path: Path) -> LoadOutcome:
    """Only check the sources of the storyboard being presented (no load)."""
    found = check_sources_safely(storyboard, path)
    return LoadOutcome(storyboard, source_problems=found, thread_id=threading.get_ident(), pid=os.getpid())


__all__ = ["LoadOutcome", "Loader", "run_load", "run_source_check"]


def exit_with_parent(parent_pid: int, interval: float = 0.5) -> None:
    """Initializer of the loader process: end when the app that started it is gone.

    A pool worker waits on a pipe whose writing end it holds itself, so it never
    sees its parent die: an app that crashed or was killed (the benchmark kills
    its apps) left a loader process behind for good. A watcher thread notices
    the parent change (the orphan is adopted by init or a subreaper) and exits.
    """

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(interval)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
