"""What briefing does to PySide6 beyond its public API, in one place (as ``pg_compat`` for pyqtgraph).

PySide6's ``__feature__`` support (``snake_case``, ``true_property``) hooks
every import made after PySide6 is loaded: for each new module it asks
whether the module uses PySide, by reading the module's source with
``inspect.getsource`` (linecache, tokenizer-aware) and looking for the word
"PySide6". The app imports about 150 modules after PySide6, so that question
cost about a millisecond each on the way to the first slide, and left every
source file in ``linecache`` (see ``briefing.runtime.release_source_cache``).

:func:`answer_feature_checks_cheaply` gives the same answer from a plain read
of the module's file (same test: the word "PySide6" in the source), falling
back to PySide6's own check for modules without a ``.py`` file. The test in
``tests/render/test_pyside_compat.py`` fails when PySide6 changes the hook.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

MARKER = "PySide6"
_patched = False


def answer_feature_checks_cheaply() -> bool:
    """Install the cheaper "does this module use PySide6?" check; False when PySide6 has no such hook."""
    global _patched
    if _patched:
        return True
    try:
        import PySide6.QtCore  # noqa: F401  (loads shibokensupport)
        import shibokensupport.feature as feature  # type: ignore[import-not-found]
    except ImportError:
        return False
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None:
        return False
    feature._mod_uses_pyside = _cheap_check(original)
    _patched = True
    return True


def _cheap_check(original: Any) -> Any:
    def uses_pyside(module: ModuleType) -> bool:
        spec = getattr(module, "__spec__", None)
        origin = getattr(spec, "origin", None)
        if isinstance(origin, str) and origin.endswith(".py"):
            try:
                with open(origin, encoding="utf-8", errors="replace") as handle:
                    return MARKER in handle.read()
            except OSError:
                pass
        return bool(original(module))

    return uses_pyside
