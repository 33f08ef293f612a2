"""Load a storyboard in a forked child while the caller imports Qt: start-up in parallel.

``briefing show`` spends most of its start importing PySide6 and the app
(about 200 ms) and, before this, then loaded the storyboard (the loader's own
imports, YAML and the model: 90 ms for the bundled briefing, 160 ms for 300
slides), all on one core. :func:`load_ahead` forks before Qt is imported; the
child loads and sends the pickled :class:`Storyboard` (or the errors) down a
pipe while the parent imports; :meth:`LoadAhead.result` then costs a read and
an unpickle (2 ms for 300 slides). The answer is exactly what
:func:`load_storyboard` would give: same function, same file.

Forking is only done where it is safe and cheap: on Linux, in a process with
one thread and no Qt loaded (a process that has loaded Qt must not fork). Anywhere
else, and whenever the child fails for any reason (killed, out of memory, an
unpicklable result), the parent loads the file itself, as it always did.
Qt-free.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import StoryboardInvalid

if TYPE_CHECKING:
    from briefing.storyboard.model import Storyboard

#: Modules whose presence means the process must not fork (their threads and locks do not survive it).
_NO_FORK_AFTER = ("PySide6", "shiboken6")


def can_fork() -> bool:
    """Whether forking this process now is safe: Linux, one thread, no Qt imported."""
    return (
        sys.platform.startswith("linux")
        and hasattr(os, "fork")
        and threading.active_count() == 1
        and not any(name in sys.modules for name in _NO_FORK_AFTER)
    )


class LoadAhead:
    """A storyboard being loaded; :meth:`result` waits for it (or loads here when the child failed)."""

    def __init__(self, path: Path | None, pid: int = 0, fd: int = -1) -> None:
        self.path = path
        self.pid = pid  # 0: nothing forked, load in this process
        self._fd = fd
        self.forked = pid > 0

    def result(self) -> Storyboard:
        """The loaded storyboard; raises :class:`StoryboardInvalid` with every error, as
        :func:`~briefing.storyboard.load.load_storyboard` does."""
        from briefing.storyboard.model import Storyboard  # after the fork: the child imports its own

        payload = self._receive()
        if payload is not None:
            kind, value = payload
            if kind == "storyboard" and isinstance(value, Storyboard):
                return value
            if kind == "invalid" and isinstance(value, list):
                raise StoryboardInvalid(errors=value)
        from briefing.storyboard.load import load_storyboard

        return load_storyboard(self.path)

    def _receive(self) -> tuple[str, object] | None:
        if self.pid <= 0:
            return None
        fd, pid = self._fd, self.pid
        self._fd, self.pid = -1, 0
        try:
            with os.fdopen(fd, "rb") as pipe:
                data = pipe.read()
        except OSError:
            data = b""
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        if not data:
            return None
        try:
            payload = pickle.loads(data)  # our own child's bytes, written just now
        except Exception:
            return None
        return payload if isinstance(payload, tuple) and len(payload) == 2 else None


def load_ahead(path: Path | None) -> LoadAhead:
    """Start loading ``path`` (the bundled briefing when None) in a child, when forking is safe."""
    if not can_fork():
        return LoadAhead(path)
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return LoadAhead(path)
    if pid == 0:  # the child: load, send, leave without running the parent's exit handlers
        os.close(read_end)
        _child(path, write_end)
    os.close(write_end)
    return LoadAhead(path, pid, read_end)


def _child(path: Path | None, fd: int) -> None:
    code = 0
    try:
        from briefing.storyboard.load import load_storyboard

        try:
            payload: tuple[str, object] = ("storyboard", load_storyboard(path))
        except StoryboardInvalid as invalid:
            payload = ("invalid", list(invalid.errors))
        data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(data)
    except BaseException:  # the parent sees no answer and loads the file itself
        code = 1
    finally:
        os._exit(code)


__all__ = ["LoadAhead", "can_fork", "load_ahead"]
