"""What briefing asks of the Python runtime and the desktop: GC, source cache, display.

Kept in one place because each is a workaround with a reason that is easy to
forget, and ``render``, ``export``, ``commands`` and ``app`` all need them.
Qt-free, so any layer may import it.

**Cyclic GC at safe points only, never inside a Qt destructor.** PySide
destroys a Qt object when its Python owner is collected. Left to itself, the
collector starts whenever an allocation crosses its threshold, and shiboken
allocates inside Qt destructors (it looks up Python overrides there). A
collection started inside ``~QObject`` that destroys another widget deadlocks
on a Qt lock; CI hit exactly that::

    QPropertyAnimation::~QPropertyAnimation -> Sbk_GetPyOverride -> gc_collect_main
      -> QMenu::~QMenu -> QObject::~QObject -> QBasicMutex::lockInternal   (forever)

So code that builds and drops many scenes turns automatic collection off
(:func:`manual_collection`, :func:`pause_automatic_collection`) and calls
:func:`collect_if_due` where no Qt lock is held: the presenter from a timer
at the top of the event loop, exports between slides.
"""

from __future__ import annotations

import gc
import linecache
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

# ---------------------------------------------------------------------------- garbage collection


def generation_due(
    counts: Sequence[int], thresholds: Sequence[int] | None = None, *, full_allowed: bool = True
) -> int | None:
    """The generation the interpreter would collect now for ``gc.get_count()``, or None.

    As CPython does it: nothing until generation 0 passes its threshold, then
    the oldest generation whose count passes its own, except that the oldest
    (a full collection) is passed over unless ``full_allowed``. ``thresholds``
    defaults to the interpreter's own (``gc.get_threshold()``, which a user or
    a library may have tuned); a generation-0 threshold of 0 means "never".
    """
    limits = tuple(gc.get_threshold() if thresholds is None else thresholds)
    if not limits or limits[0] == 0 or counts[0] <= limits[0]:
        return None
    oldest = min(len(counts), len(limits)) - 1
    for generation in range(oldest, 0, -1):
        if counts[generation] > limits[generation] and (generation < oldest or full_allowed):
            return generation
    return 0


class _LongLived:
    """CPython's guard against quadratic full collections, which Python cannot read, kept here.

    The interpreter runs a full collection only once the objects moved to the
    oldest generation since the last one exceed a quarter of those that were
    there (``long_lived_pending > long_lived_total / 4``). Without it a running
    chart animation, which allocates steadily, triggered a full collection of
    the whole app every few seconds (260-330 ms on the UI thread, seen under
    load). ``pending`` counts what each collection of generation 1 moved up:
    what the younger generations held, less what it found unreachable.
    """

    total = 0
    pending = 0

    @classmethod
    def full_allowed(cls) -> bool:
        return cls.pending > cls.total // 4

    @classmethod
    def collect(cls, generation: int, oldest: int) -> None:
        young = len(gc.get_objects(0)) + len(gc.get_objects(1)) if generation == oldest - 1 else 0
        unreachable = gc.collect(generation)
        if generation == oldest:
            cls.total, cls.pending = len(gc.get_objects(oldest)), 0
        else:
            cls.pending += max(0, young - unreachable)


def collect_if_due() -> int | None:
    """Collect what the interpreter would collect now; call it only where no Qt destructor runs."""
    generation = generation_due(gc.get_count(), full_allowed=_LongLived.full_allowed())
    if generation is not None:
        _LongLived.collect(generation, len(gc.get_count()) - 1)
    return generation


def pause_automatic_collection() -> Callable[[], None]:
    """Turn automatic collection off; returns the call that restores what was there before."""
    was_enabled = gc.isenabled()
    gc.disable()

    def restore() -> None:
        if was_enabled:
            gc.enable()

    return restore


@contextmanager
def manual_collection() -> Iterator[None]:
    """Automatic collection off inside; the caller runs :func:`collect_if_due` at safe points."""
    restore = pause_automatic_collection()
    try:
        yield
    finally:
        restore()


# ---------------------------------------------------------------------------- source lines


def release_source_cache() -> None:
    """Drop the module sources PySide6's import hook leaves in ``linecache``.

    shibokensupport reads the source of every module imported after PySide6
    (``inspect.getsource``, to look for ``__feature__`` imports) and the lines
    stay cached: about 14 MB once pyqtgraph and numpy are in. Tracebacks
    re-read what they need.
    """
    linecache.clearcache()


# ---------------------------------------------------------------------------- display


def display_available() -> bool:
    """False on Linux without an X11 or Wayland display (a server, a container, CI)."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def can_open_windows() -> bool:
    """Whether Qt can start a GUI here; on Linux it aborts the process when it finds no display.

    A chosen platform plugin (``QT_QPA_PLATFORM=offscreen``, ``xcb`` ...) is
    taken at its word.
    """
    return bool(os.environ.get("QT_QPA_PLATFORM")) or display_available()


def offscreen_without_display() -> None:
    """Before a QApplication that only draws into images: offscreen when there is no display."""
    if not display_available():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
