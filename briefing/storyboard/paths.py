"""Files a storyboard names (image ``path:``, chart ``csv:``): where they lead and whether they can be read.

The file system can answer with more than "found" or "not found": a symlink
loop, a name longer than the system allows, a NUL character (which no file
name can hold), a folder, a FIFO that would block a read forever, a file we
may not read. Each becomes a sentence for a located ``path:line:col`` error,
so ``check`` reports it and no command ever meets it as an exception.
Pure Python: the commands use :func:`file_problem` for ``--template`` too.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

_ERRNO_REASONS = {
    errno.ENOENT: "does not exist",
    errno.ENOTDIR: "does not exist (a part of the path is a file, not a folder)",
    errno.ELOOP: "is a symbolic link loop (the links point at each other)",
    errno.ENAMETOOLONG: "has a name longer than the file system allows",
    errno.EACCES: "cannot be read (permission denied)",
    errno.EPERM: "cannot be read (permission denied)",
}


class PathProblem(ValueError):
    """Why a path named in the storyboard cannot be used; ``hint`` says what to do."""

    def __init__(self, message: str, hint: str = "", code: str = "bad-path") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.code = code


def resolve_inside(base: Path, raw: str, what: str = "path") -> Path:
    """``raw`` (relative, as written) resolved against ``base``; raises :class:`PathProblem`."""
    windows = PureWindowsPath(raw)
    if not raw or PurePosixPath(raw).is_absolute() or windows.is_absolute() or windows.drive:
        raise PathProblem(
            f"'{what}' must be a path relative to the storyboard, not '{raw}'",
            "write the path relative to the storyboard's folder, e.g. images/map.png",
            "path-outside",
        )
    if "\0" in raw:
        raise PathProblem(
            f"'{what}' contains a NUL character (\\0), which no file name can hold",
            "remove the escape sequence from the path",
        )
    base = base.resolve()
    try:
        target = (base / raw).resolve()
    except RuntimeError as loop:  # Python < 3.13 reports a symlink loop this way
        raise PathProblem(f"file '{raw}' {_ERRNO_REASONS[errno.ELOOP]}", _LOOP_HINT) from loop
    except OSError as error:
        raise PathProblem(f"file '{raw}' {reason(error)}") from error
    if not target.is_relative_to(base):
        raise PathProblem(
            f"'{raw}' leaves the storyboard's folder",
            "keep data files and images in the storyboard's folder or below it",
            "path-outside",
        )
    return target


_LOOP_HINT = "point the link at a real file, or name the file itself"


def reason(error: OSError) -> str:
    """An OS error about a file we want to read, as the end of a sentence ("does not exist")."""
    return _ERRNO_REASONS.get(error.errno or 0) or f"cannot be read ({error.strerror or error})"


def file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as a regular file ("is a folder, not a file"), or None if it can."""
    try:
        info = os.stat(path)  # follows links: a loop or a long name answers here
    except ValueError:
        return "contains a NUL character, which no file name can hold"
    except OSError as error:
        return reason(error)
    if stat.S_ISDIR(info.st_mode):
        return "is a folder, not a file"
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file (a device, pipe or socket)"
    try:
        with open(path, "rb") as handle:
            handle.read(1)
    except OSError as error:
        return reason(error)
    return None


def problem_hint(problem: str) -> str:
    """A hint for a :func:`file_problem` sentence, when there is something useful to say."""
    if "loop" in problem:
        return _LOOP_HINT
    if "longer" in problem:
        return "use a shorter file name (most systems allow 255 bytes per name)"
    if "permission" in problem:
        return "make the file readable for your user (chmod a+r)"
    return ""
