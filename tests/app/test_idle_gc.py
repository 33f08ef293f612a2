"""While presenting, Python's GC runs from the event loop, never inside a Qt destructor."""

from __future__ import annotations

import gc

from briefing.app.presenting.idle_gc import IdleCollector
from briefing.runtime import generation_due


def test_collects_like_cpython_would() -> None:
    assert generation_due((10, 0, 0)) is None
    assert generation_due((701, 0, 0)) == 0
    assert generation_due((701, 11, 0)) == 1
    assert generation_due((701, 11, 11)) == 2
    assert generation_due((701, 3, 11)) == 2


def test_a_full_collection_waits_until_a_quarter_more_objects_are_long_lived(monkeypatch) -> None:
    """CPython's rule: no full collection of a large heap for every few thousand new objects."""
    from briefing import runtime

    assert generation_due((701, 11, 11), full_allowed=False) == 1
    assert generation_due((701, 3, 11), full_allowed=False) == 0
    monkeypatch.setattr(runtime.gc, "get_count", lambda: (701, 11, 11))
    monkeypatch.setattr(runtime._LongLived, "total", 10**9)  # a large heap, little new since
    monkeypatch.setattr(runtime._LongLived, "pending", 0)
    assert runtime.collect_if_due() == 1  # the young generations only
    assert 0 < runtime._LongLived.pending < 10**9 // 4
    monkeypatch.setattr(runtime._LongLived, "pending", 10**9 // 4 + 1)
    assert runtime.collect_if_due() == 2  # now the full collection is due
    assert runtime._LongLived.pending == 0
    assert runtime._LongLived.total == len(gc.get_objects(2))


def test_thresholds_are_the_interpreters_own() -> None:
    """A program (or a library) that tuned gc.set_threshold gets its thresholds honoured."""
    saved = gc.get_threshold()
    try:
        gc.set_threshold(5000, 10, 10)
        assert generation_due((701, 0, 0)) is None
        assert generation_due((5001, 0, 0)) == 0
        gc.set_threshold(0)  # threshold 0: automatic collection is off for good
        assert generation_due((10**6, 100, 100)) is None
    finally:
        gc.set_threshold(*saved)


def test_automatic_collection_is_off_while_presenting_and_restored_after(qtbot) -> None:  # type: ignore[no-untyped-def]
    before = gc.isenabled()
    collector = IdleCollector(interval_ms=5)
    assert not gc.isenabled()
    garbage = [[] for _ in range(2000)]
    for item in garbage:
        item.append(item)  # cycles only the collector can free
    del garbage
    qtbot.waitUntil(lambda: collector.collections > 0, timeout=2000)
    collector.stop()
    assert gc.isenabled() == before


def test_the_presenter_installs_it(controller) -> None:  # type: ignore[no-untyped-def]
    assert not gc.isenabled()
    assert controller.collector.collections >= 0
