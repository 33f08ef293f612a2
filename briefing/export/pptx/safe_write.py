"""Write a file completely or not at all.

The deck is written to a temporary file in the target folder, flushed to disk,
then moved over the target with ``os.replace`` (atomic on one file system). A
failure at any point removes the temporary file and leaves any previous deck
untouched. OS errors become :class:`ExportError` messages a user can act on.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from briefing.errors import ExportError


def explain_os_error(target: Path, error: OSError) -> ExportError:
    """A one-line, actionable message for ``error`` while writing ``target``."""
    name = target.name
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = f"folder is read-only ({target.parent})"
    elif error.errno in (errno.ENOSPC, errno.EDQUOT):
        reason = "disk full"
    elif isinstance(error, FileNotFoundError) or error.errno == errno.ENOENT:
        # a folder that exists but refuses new files (e.g. /proc) says ENOENT too
        state = "is read-only" if target.parent.is_dir() else "does not exist"
        reason = f"folder {state} ({target.parent})"
    elif isinstance(error, IsADirectoryError):
        reason = "a folder has that name"
    else:
        reason = error.strerror or str(error)
    return ExportError(f"cannot write {name}: {reason}")


@contextmanager
def atomic_output(target: Path) -> Iterator[IO[bytes]]:
    """Yield a binary file; on a clean exit it replaces ``target``, else it vanishes."""
    target = Path(target)
    temp_name: str | None = None
    try:
        with tempfile.NamedTemporaryFile(
            dir=target.parent, prefix=f".{target.name}.", suffix=".part", delete=False
        ) as handle:
            temp_name = handle.name
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _keep_mode(target, Path(temp_name))
        os.replace(temp_name, target)
        temp_name = None
    except OSError as error:
        raise explain_os_error(target, error) from error
    finally:
        if temp_name is not None:
            _remove_quietly(Path(temp_name))


def write_atomically(target: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Call ``write(handle)`` and move the result into place only if it returns."""
    with atomic_output(target) as handle:
        write(handle)


def _keep_mode(target: Path, temp: Path) -> None:
    """A temp file is created 0600; give the deck the usual permissions."""
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        os.chmod(temp, mode)
    except OSError:
        pass  # permissions are cosmetic; the content is what matters


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
