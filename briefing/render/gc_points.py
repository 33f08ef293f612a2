"""Python's cyclic GC at safe points only, never inside a Qt destructor.

PySide destroys a Qt object when its Python owner is collected. Left to
itself, the collector starts whenever an allocation crosses its threshold,
and shiboken allocates inside Qt destructors (it looks up Python overrides
there). A collection started inside ``~QObject`` that destroys another
widget deadlocks on a Qt lock; CI hit exactly that::

    QPropertyAnimation::~QPropertyAnimation -> Sbk_GetPyOverride -> gc_collect_main
      -> QMenu::~QMenu -> QObject::~QObject -> QBasicMutex::lockInternal   (forever)

So code that builds and drops many scenes turns automatic collection off and
collects where no Qt lock is held: the presenter from a timer at the top of
the event loop (``briefing.app.idle_gc``), exports between slides.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (700, 10, 10)  # CPython's defaults


def generation_due(counts: tuple[int, int, int], thresholds: tuple[int, int, int] = THRESHOLDS) -> int | None:
    """The generation CPython would collect now for ``gc.get_count()``, or None.

    As in CPython: nothing until generation 0 passes its threshold, then the
    oldest generation whose count passes its own.
    """
    if counts[0] <= thresholds[0]:
        return None
    return max(i for i in range(3) if i == 0 or counts[i] > thresholds[i])


def collect_if_due() -> int | None:
    """Collect what CPython would collect now; call it only where no Qt destructor runs."""
    generation = generation_due(gc.get_count())
    if generation is not None:
        gc.collect(generation)
    return generation


@contextmanager
def manual_collection() -> Iterator[None]:
    """Automatic collection off inside; the caller runs :func:`collect_if_due` at safe points."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
