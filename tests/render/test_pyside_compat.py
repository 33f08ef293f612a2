"""PySide6's import hook, answered cheaply (briefing.render.pyside_compat): same answers, no source cache."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path


def test_the_hook_is_where_pyside6_keeps_it() -> None:
    import PySide6.QtCore  # noqa: F401
    import shibokensupport.feature as feature

    assert callable(feature._mod_uses_pyside) and callable(feature.feature_imported)
    assert isinstance(feature.pyside_feature_dict, dict)


def test_cheap_check_gives_pysides_answer(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import sys, linecache
        sys.path.insert(0, sys.argv[1])
        from briefing.render.pyside_compat import answer_feature_checks_cheaply
        assert answer_feature_checks_cheaply()
        import shibokensupport.feature as feature
        linecache.clearcache()
        import uses_qt, plain
        found = feature.pyside_feature_dict
        print(found["uses_qt"], found["plain"], len(linecache.cache))
        """
    )
    (tmp_path / "uses_qt.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    (tmp_path / "plain.py").write_text("VALUE = 1\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, check=True, timeout=60
    )
    uses_qt, plain, cached = done.stdout.split()
    assert (uses_qt, plain) == ("0", "-1")  # PySide6's own values: 0 uses PySide6, -1 does not
    assert cached == "0"  # no source was read into linecache
