"""From a slide to its source: open the storyboard in the user's editor at a line.

The editor is ``$VISUAL``, else ``$EDITOR`` (parsed with :mod:`shlex`, so
``"code --wait"`` works), else the system's default application for the file
(``xdg-open`` on Linux and the BSDs, ``open`` on macOS, ``os.startfile`` on
Windows) — the default application cannot be told a line.

Editors disagree on how to say "at line N"; :func:`editor_command` knows the
common families (matched on the program's base name, so ``/usr/bin/nvim`` and
``nvim.exe`` work too):

=============================================  ===========================
family                                         command
=============================================  ===========================
vim, nvim, vi, gvim, nano, micro, kak, emacs,  ``editor +LINE FILE``
emacsclient, gedit, geany, pluma, mousepad
VS Code, VSCodium, Cursor, code-insiders        ``editor -g FILE:LINE``
Sublime Text, helix (hx), Zed, Atom, Lapce      ``editor FILE:LINE``
kate, kwrite                                   ``editor -l LINE FILE``
JetBrains IDEs (idea, pycharm, charm, ...)     ``editor --line LINE FILE``
TextMate (mate)                                ``editor -l LINE FILE``
Notepad++                                      ``editor -nLINE FILE``
anything else                                  ``editor FILE``
=============================================  ===========================

Terminal editors (vim, nano, micro, helix, kakoune, ``emacs -nw``...) need a
terminal, and the presenter app has none. :func:`open_in_editor` wraps them
in ``$TERMINAL`` or, failing that, ``x-terminal-emulator`` (Debian's
alternative), run as ``TERMINAL -e EDITOR ARGS`` (``--`` for gnome-terminal,
no flag for kitty/foot/wezterm). With neither available it opens the file
with the system default application instead (no line), rather than start an
editor nobody can see.

The editor is started detached (its own session), so it outlives the talk and
never blocks the app; a failure to start is logged and reported by the
return value, never raised into the Qt event loop.
"""

from __future__ import annotations

import logging
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path, PurePath

log = logging.getLogger(__name__)

PLUS_LINE = frozenset(
    {
        "vi",
        "vim",
        "nvim",
        "gvim",
        "mvim",
        "view",
        "nano",
        "pico",
        "micro",
        "kak",
        "emacs",
        "emacsclient",
        "gedit",
        "geany",
        "pluma",
        "mousepad",
        "xed",
        "joe",
        "jed",
        "ne",
        "mg",
    }
)
GOTO_FLAG = frozenset({"code", "code-insiders", "codium", "vscodium", "cursor", "code-oss"})
FILE_COLON_LINE = frozenset(
    {"subl", "sublime_text", "sublime", "hx", "helix", "zed", "zeditor", "atom", "lapce"}
)
DASH_L = frozenset({"kate", "kwrite", "mate"})
DASH_DASH_LINE = frozenset(
    {
        "idea",
        "idea.sh",
        "idea64",
        "pycharm",
        "pycharm.sh",
        "pycharm64",
        "charm",
        "webstorm",
        "phpstorm",
        "clion",
        "goland",
        "rubymine",
        "rider",
        "datagrip",
        "rustrover",
        "fleet",
        "studio",
    }
)
NOTEPAD_PLUS_PLUS = frozenset({"notepad++"})
TERMINAL_EDITORS = frozenset(
    {"vi", "vim", "nvim", "view", "nano", "pico", "micro", "kak", "hx", "helix", "joe", "jed", "ne", "mg"}
)
# How each terminal emulator is told "run this command" (default: -e).
TERMINAL_EXEC = {
    "gnome-terminal": ["--"],
    "kitty": [],
    "foot": [],
    "wezterm": ["start", "--"],
    "ptyxis": ["--"],
    "kgx": ["--"],
}


def program_name(program: str) -> str:
    """``/usr/local/bin/NVim.exe`` -> ``nvim``: what the family tables are keyed on."""
    name = PurePath(program.replace("\\", "/")).name.lower()
    return name.removesuffix(".exe").removesuffix(".cmd").removesuffix(".bat")


def editor_command(
    editor: str | None, path: str | os.PathLike[str], line: int, *, platform: str = sys.platform
) -> list[str]:
    """The command line that opens ``path`` at ``line`` in ``editor``.

    ``editor`` is a ``$EDITOR``-style string (may carry flags). ``None`` or
    blank means the system default opener; on Windows that is
    ``os.startfile`` and this returns ``[]`` (no command line to run).
    """
    file = str(path)
    words = shlex.split(editor, posix=platform != "win32") if editor and editor.strip() else []
    if not words:
        if platform == "win32":
            return []
        return ["open" if platform == "darwin" else "xdg-open", file]
    line = max(int(line), 1)
    name = program_name(words[0])
    if name in PLUS_LINE:
        return [*words, f"+{line}", file]
    if name in GOTO_FLAG:
        return [*words, "-g", f"{file}:{line}"]
    if name in FILE_COLON_LINE:
        return [*words, f"{file}:{line}"]
    if name in DASH_L:
        return [*words, "-l", str(line), file]
    if name in DASH_DASH_LINE:
        return [*words, "--line", str(line), file]
    if name in NOTEPAD_PLUS_PLUS:
        return [*words, f"-n{line}", file]
    return [*words, file]


def needs_terminal(editor: str | None) -> bool:
    """True for editors that draw in a terminal (``emacs -nw`` included)."""
    words = shlex.split(editor) if editor and editor.strip() else []
    if not words:
        return False
    name = program_name(words[0])
    if name in ("emacs", "emacsclient"):
        return any(w in ("-nw", "-t", "--tty", "--no-window-system") for w in words[1:])
    return name in TERMINAL_EDITORS


def find_terminal(env: Mapping[str, str] | None = None) -> list[str] | None:
    """The terminal to run a terminal editor in, as a command prefix (or None)."""
    env = os.environ if env is None else env
    for candidate in (env.get("TERMINAL", ""), "x-terminal-emulator"):
        words = shlex.split(candidate) if candidate.strip() else []
        if words and shutil.which(words[0], path=env.get("PATH")):
            flag = TERMINAL_EXEC.get(program_name(words[0]), ["-e"])
            return [*words, *flag]
    return None


def launch_command(
    path: str | os.PathLike[str],
    line: int,
    *,
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
) -> list[str]:
    """The full command :func:`open_in_editor` runs (``[]``: use ``os.startfile``)."""
    env = os.environ if env is None else env
    editor = env.get("VISUAL") or env.get("EDITOR") or None
    if editor and needs_terminal(editor):
        terminal = find_terminal(env)
        if terminal is None:
            log.info("%s needs a terminal and none was found; opening with the default app", editor)
            return editor_command(None, path, line, platform=platform)
        return [*terminal, *editor_command(editor, path, line, platform=platform)]
    return editor_command(editor, path, line, platform=platform)


def open_in_editor(path: str | os.PathLike[str] | None, line: int = 1) -> list[str] | None:
    """Open ``path`` at ``line`` in the user's editor, detached.

    Returns the command that was started (``["os.startfile", path]`` for the
    Windows default), or ``None`` when nothing could be started (logged).
    """
    if path is None:
        log.warning("this storyboard has no file to open")
        return None
    file = str(Path(path))
    command = launch_command(file, line)
    try:
        if not command:
            os.startfile(file)  # type: ignore[attr-defined]  # Windows only
            return ["os.startfile", file]
        child = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
        )
    except OSError as error:
        log.error("could not start the editor (%s): %s", shlex.join(command), error)
        return None
    _reap()
    _children.append(child)
    return command


# Started editors, kept so they can be reaped (no zombies, no ResourceWarning).
_children: list[subprocess.Popen[bytes]] = []


def _reap() -> None:
    _children[:] = [child for child in _children if child.poll() is None]
