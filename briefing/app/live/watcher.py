"""Notice when the storyboard or any file it uses was saved, the way real editors save.

Editors save in two ways, and both must keep working for a whole talk:

* **in place**: the file is truncated and rewritten (the same inode changes);
* **atomically**: a temporary file is written and renamed over the original.
  The watched inode is gone, and :class:`QFileSystemWatcher` silently drops
  the path (or, if the old inode is still open somewhere, keeps watching the
  dead one). So every file's parent directory is watched too, each file's
  identity (inode, size, mtime) is remembered, and a path whose identity
  changed is re-added so the watch follows the new file.

A save is rarely one event: an editor may write, chmod and rename, and a
script may save several times in a row. Events are *debounced*: the signal
:attr:`ReloadWatcher.changed` is emitted once, ``debounce_ms`` after the last
event (but no later than ``max_delay_ms`` after the first, so a file that
never stops changing still reloads). During an atomic save the file may be
briefly missing; while any watched file is missing the watcher waits and
retries every ``retry_ms`` for up to ``missing_grace_ms`` before reporting, so
a transient disappearance is never reported as an error.

While :attr:`ReloadWatcher.watch_folders` is set (the live reload sets it
after a broken save), any change in a watched folder is reported too: the
file that fixes the storyboard may be one it did not use yet (a new CSV).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

Identity = tuple[int, int, int, int] | None  # (device, inode, size, mtime_ns); None: missing


def identity(path: str) -> Identity:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class ReloadWatcher(QObject):
    """Watches a set of files; emits :attr:`changed` once per settled save."""

    changed = Signal(list)  # the watched paths (str) whose content changed

    def __init__(
        self,
        paths: Iterable[str | os.PathLike[str]] = (),
        *,
        debounce_ms: int = 50,
        retry_ms: int = 50,
        missing_grace_ms: int = 1000,
        max_delay_ms: int = 500,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.debounce_ms, self.retry_ms = debounce_ms, retry_ms
        self.missing_grace_ms, self.max_delay_ms = missing_grace_ms, max_delay_ms
        self._fs = QFileSystemWatcher(self)
        self._fs.fileChanged.connect(self._on_file_event)
        self._fs.directoryChanged.connect(self._on_directory_event)
        self._files: dict[str, Identity] = {}
        self._dirty: set[str] = set()
        self._first_event: float | None = None  # monotonic time of the first pending event
        self._missing_since: float | None = None
        self.last_event_time: float | None = None  # monotonic time of the latest file event
        # True: any change in a watched folder counts (after a broken save, the file that
        # fixes it may be one the last good storyboard did not use, e.g. a new CSV).
        self.watch_folders = False
        self._folder_event = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._settle)
        self.set_paths(paths)

    # ------------------------------------------------------------------ public
    def set_paths(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        """Watch exactly ``paths`` (and their folders) from now on."""
        wanted = {os.path.abspath(os.fspath(p)) for p in paths}
        dropped = [p for p in self._files if p not in wanted]
        for path in dropped:
            del self._files[path]
        watched_files = set(self._fs.files())
        stale = [p for p in dropped if p in watched_files]
        if stale:
            self._fs.removePaths(stale)
        for path in sorted(wanted - set(self._files)):
            self._files[path] = identity(path)
            self._watch(path)
        self._sync_directories()

    def paths(self) -> list[str]:
        return sorted(self._files)

    def pending(self) -> bool:
        """True while a change is waiting to settle."""
        return self._timer.isActive()

    def stop(self) -> None:
        self._timer.stop()
        self.set_paths(())

    # ------------------------------------------------------------------ events
    def _on_file_event(self, path: str) -> None:
        if path in self._files:
            self._dirty.add(path)
            self._rewatch(path)
            self._schedule()

    def _on_directory_event(self, directory: str) -> None:
        touched = False
        for path, known in self._files.items():
            if os.path.dirname(path) == directory and identity(path) != known:
                self._dirty.add(path)
                self._rewatch(path)
                touched = True
        if not touched and self.watch_folders:
            self._folder_event = touched = True
        if touched:
            self._schedule()

    def _schedule(self) -> None:
        now = time.monotonic()
        self.last_event_time = now
        if self._first_event is None:
            self._first_event = now
        waited_ms = (now - self._first_event) * 1000
        if waited_ms >= self.max_delay_ms and self._timer.isActive():
            return  # a steady stream of events: let the pending timer fire
        self._timer.start(self.debounce_ms)

    def _settle(self) -> None:
        """The events stopped: report once, unless a file is (probably briefly) missing."""
        now = time.monotonic()
        missing = [p for p in self._files if not os.path.exists(p)]
        if missing:
            if self._missing_since is None:
                self._missing_since = now
            if (now - self._missing_since) * 1000 < self.missing_grace_ms:
                self._timer.start(self.retry_ms)
                return
        self._missing_since = None
        changed: list[str] = []
        for path, known in list(self._files.items()):
            current = identity(path)
            if current != known or path in self._dirty:
                self._files[path] = current
                changed.append(path)
            self._watch(path)
        self._dirty.clear()
        self._first_event = None
        folder_event, self._folder_event = self._folder_event, False
        if changed or folder_event:
            self.changed.emit(sorted(changed))

    # ------------------------------------------------------------------ watching
    def _watch(self, path: str) -> None:
        if path not in self._fs.files() and os.path.exists(path):
            self._fs.addPath(path)

    def _rewatch(self, path: str) -> None:
        """Point the watch at whatever file now has this name (atomic saves replace it)."""
        if path in self._fs.files():
            self._fs.removePath(path)
        if os.path.exists(path):
            self._fs.addPath(path)

    def _sync_directories(self) -> None:
        wanted = {os.path.dirname(p) for p in self._files}
        current = set(self._fs.directories())
        if current - wanted:
            self._fs.removePaths(sorted(current - wanted))
        for directory in sorted(wanted - current):
            if Path(directory).is_dir():
                self._fs.addPath(directory)
