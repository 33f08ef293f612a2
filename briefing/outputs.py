"""Where a command may write, and how: never over anything the user owns.

One set of rules for every file briefing writes (``export``, ``render`` PNGs
and PDF, ``schema --output``, ``draft -o``), so no command can replace the
storyboard with a deck because a user typed ``-o deck.yaml``:

* ``-o`` naming an existing folder, or ending with ``/``, means "in this
  folder, under the usual name"; a folder given with a trailing ``/`` that does
  not exist yet is created. A file path in a folder that does not exist is an
  error (a typo should not create folders). A file name must carry the
  output's extension (``.pptx``, ``.pdf``): ``-o out`` for a folder that does
  not exist yet is refused with a hint, never written as a file named ``out``.
* Never an input: the storyboard, any file it reads (CSV, images) and the
  template are compared with the target by resolved path *and* by identity
  (device and inode), so symlinks and hard links cannot sneak past.
* A read-only target file or folder is refused, not replaced (``os.replace``
  would replace a read-only file in a writable folder, and root may write
  anywhere; the permission bits are what the user set, so we honour them).
* Only regular files are replaced: ``-o /dev/null`` is refused.
* Everything is written to a temporary file in the target's folder and renamed
  over the target (:func:`atomic_output`): a failure leaves the previous file.

Public API: :func:`output_file`, :func:`output_folder`, :func:`check_target`,
:func:`storyboard_inputs`, :func:`atomic_output`, :func:`write_atomically`.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

from briefing.errors import ExportError

if TYPE_CHECKING:
    from briefing.storyboard.model import Storyboard

Input = tuple[Path, str]  # a file a command reads, and what it is in words ("the storyboard")


class OutputRefused(ExportError):
    """The target is one of the command's inputs, read-only, or not a place for a file."""


def storyboard_inputs(storyboard: Storyboard | None, template: Path | None = None) -> list[Input]:
    """Every file a command reads for ``storyboard``: itself, its CSVs, images and source documents,
    the template."""
    inputs: list[Input] = []
    if storyboard is not None:
        if storyboard.path is not None:
            inputs.append((Path(storyboard.path), "the storyboard"))
        for used in storyboard.files:
            kind = "a CSV file" if used.suffix.lower() == ".csv" else "an image"
            inputs.append((Path(used), f"{kind} the storyboard uses"))
        for source in storyboard.sources:  # the report `check` proves quoted phrases against
            if source.file:
                inputs.append((storyboard.base_dir / source.file, f"the source document '{source.id}'"))
    if template is not None:
        inputs.append((Path(template), "the template"))
    return inputs


def wants_folder(requested: str | os.PathLike[str]) -> bool:
    """``out/`` (trailing separator) always means a folder, existing or not."""
    text = os.fspath(requested)
    return text.endswith(("/", os.sep)) or (os.altsep is not None and text.endswith(os.altsep))


def output_file(
    requested: str | os.PathLike[str] | None,
    *,
    default_name: str,
    inputs: Sequence[Input] = (),
    dry_run: bool = False,
) -> Path:
    """The file to write for ``-o requested`` (``None``: ``default_name`` in the current folder).

    Creates a folder given as ``out/``; raises :class:`OutputRefused` when the
    rules in this module's docstring forbid the target. ``dry_run`` creates
    nothing and only compares the target with ``inputs`` (a check before a
    slow load, so ``-o deck.yaml`` is refused at once).
    """
    if requested is None:
        target = Path.cwd() / default_name
    else:
        target = Path(os.fspath(requested)).expanduser()
        if wants_folder(requested) or target.is_dir():
            if not dry_run:
                _make_folder(target)
            target = target / default_name
    if dry_run:
        refuse_inputs(target, inputs)
    else:
        check_target(target, inputs)
        _check_suffix(target, Path(default_name).suffix)
    return target


_SAME_SUFFIX = {".yml": ".yaml"}  # both spellings name a YAML storyboard


def _check_suffix(target: Path, suffix: str) -> None:
    """``-o out`` for a deck is a folder that does not exist yet, not a deck named ``out``."""
    def canonical(name: str) -> str:
        return _SAME_SUFFIX.get(name.lower(), name.lower())

    if not suffix or canonical(target.suffix) == canonical(suffix):
        return
    if not target.suffix:
        raise OutputRefused(
            f"cannot write {target}: no folder has that name and a file needs the extension {suffix}; "
            f"write {target}{os.sep} to create the folder, or {target}{suffix}"
        )
    raise OutputRefused(f"cannot write {target}: the file name must end in {suffix}")


def output_folder(
    requested: str | os.PathLike[str], *, file_names: Iterable[str] = (), inputs: Sequence[Input] = ()
) -> Path:
    """A folder for several files (``render -o DIR``), created if missing; each of ``file_names`` checked."""
    folder = Path(os.fspath(requested)).expanduser()
    if folder.exists() and not folder.is_dir():
        raise OutputRefused(f"cannot write into {folder}: it is a file, not a folder")
    _make_folder(folder)
    if _read_only(folder):
        raise OutputRefused(f"cannot write into {folder}: the folder is read-only")
    for name in file_names:
        check_target(folder / name, inputs)
    return folder


def check_target(target: Path, inputs: Sequence[Input] = ()) -> None:
    """Raise :class:`OutputRefused` unless ``target`` may be (re)written as a regular file."""
    refuse_inputs(target, inputs)
    folder = target.parent
    if not folder.is_dir():
        raise OutputRefused(f"cannot write {target}: folder {folder} does not exist")
    if _read_only(folder):
        raise OutputRefused(f"cannot write {target}: folder {folder} is read-only")
    try:
        info = target.lstat()
    except FileNotFoundError:
        return
    except OSError as error:
        raise explain_os_error(target, error) from error
    if stat.S_ISLNK(info.st_mode):
        return  # the link itself is replaced, never what it points to (checked above against inputs)
    if stat.S_ISDIR(info.st_mode):
        raise OutputRefused(f"cannot write {target}: a folder has that name")
    if not stat.S_ISREG(info.st_mode):
        raise OutputRefused(f"cannot write {target}: it is not a regular file")
    if _read_only(target):
        raise OutputRefused(
            f"cannot write {target}: the file is read-only; make it writable or choose another name"
        )


def refuse_inputs(target: Path, inputs: Sequence[Input]) -> None:
    """Raise :class:`OutputRefused` if writing ``target`` would change one of ``inputs``."""
    for path, what in inputs:
        if _same_file(target, path):
            raise OutputRefused(f"cannot write {target}: it is {what} ({path}); choose another output name")


def _make_folder(folder: Path) -> None:
    if folder.is_dir():
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as error:
        raise OutputRefused(f"cannot create folder {folder}: a file has that name") from error
    except OSError as error:
        raise OutputRefused(f"cannot create folder {folder}: {error.strerror or error}") from error


def _read_only(path: Path) -> bool:
    """No write bit at all, or this user may not write (root passes ``os.access``; the bits still count)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False  # a dangling link or a vanished file: the write itself will say what is wrong
    return not (mode & 0o222) or not os.access(path, os.W_OK)


def _same_file(target: Path, source: Path) -> bool:
    """True when writing ``target`` would change ``source``: one path, a symlink or a hard link."""
    try:
        if os.path.samefile(target, source):
            return True
    except (OSError, ValueError):
        pass  # the target does not exist yet (or cannot be a file): compare where the paths lead
    try:
        return target.resolve() == source.resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop leads nowhere
        return False


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
    elif error.errno == errno.ENAMETOOLONG:
        reason = "the name is too long"
    else:
        reason = error.strerror or str(error)
    return ExportError(f"cannot write {name}: {reason}")


@contextmanager
def atomic_output(target: Path) -> Iterator[IO[bytes]]:
    """Yield a binary file; on a clean exit it replaces ``target``, else it vanishes."""
    with atomic_path(target) as temp:
        with open(temp, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``target`` for a writer that wants a name (Qt's PDF writer).

    On a clean exit the file at that path replaces ``target``; on any error it is removed.
    """
    target = Path(target)
    temp_name: str | None = None
    try:
        handle = tempfile.NamedTemporaryFile(
            dir=target.parent, prefix=f".{target.name}.", suffix=".part", delete=False
        )
        temp_name = handle.name
        handle.close()
        yield Path(temp_name)
        _keep_mode(target, Path(temp_name))
        os.replace(temp_name, target)
        temp_name = None
    except OSError as error:
        raise explain_os_error(target, error) from error
    finally:
        if temp_name is not None:
            _remove_quietly(Path(temp_name))


def write_atomically(target: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Call ``write(handle)`` (its result is ignored); move the file into place only if it returns."""
    with atomic_output(target) as handle:
        write(handle)


def _keep_mode(target: Path, temp: Path) -> None:
    """A temp file is created 0600; give the output the usual permissions (or the old file's)."""
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
