"""What the app remembers between runs: recent files, window geometry, notes size.

Everything goes through :func:`qsettings` (INI format, organisation and
application "briefing"), so tests can point ``QSettings.setPath`` at a
temporary folder and never touch the user's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

ORGANISATION = "briefing"
APPLICATION = "briefing"
NOTES_SIZE_DEFAULT = 24
NOTES_SIZE_MIN = 12
NOTES_SIZE_MAX = 72
RECENT_MAX = 8


def qsettings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def notes_font_size() -> int:
    value = qsettings().value("notes/font_size", NOTES_SIZE_DEFAULT)
    try:
        size = int(str(value))  # QSettings gives back what the ini file holds: text, usually
    except ValueError:
        return NOTES_SIZE_DEFAULT
    return max(NOTES_SIZE_MIN, min(size, NOTES_SIZE_MAX))


def set_notes_font_size(size: int) -> int:
    size = max(NOTES_SIZE_MIN, min(int(size), NOTES_SIZE_MAX))
    store = qsettings()
    store.setValue("notes/font_size", size)
    store.sync()
    return size


def recent_files() -> list[Path]:
    value = qsettings().value("recent/files", [])
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [Path(str(item)) for item in items if item]


def add_recent_file(path: Path) -> list[Path]:
    path = Path(path).resolve()
    files = [path, *(p for p in recent_files() if p != path)][:RECENT_MAX]
    store = qsettings()
    store.setValue("recent/files", [str(p) for p in files])
    store.sync()
    return files


def save_geometry(name: str, widget: QWidget) -> None:
    store = qsettings()
    store.setValue(f"geometry/{name}", widget.saveGeometry())
    store.sync()


def restore_geometry(name: str, widget: QWidget) -> bool:
    value = qsettings().value(f"geometry/{name}")
    if isinstance(value, QByteArray | bytes) and value:
        return bool(widget.restoreGeometry(QByteArray(value)))
    return False
