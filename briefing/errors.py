"""Errors users can act on.

Exception tree::

    BriefingError                 anything briefing reports to a user (no traceback)
    ├── StoryboardInvalid         a load failed; carries every problem found (Diagnostic objects)
    └── ExportError               an export could not be written (folder, disk, template)

A :class:`Diagnostic` is data: the CLI prints it as
``path:line:col: error: message`` and the app shows the same text in a banner.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class BriefingError(Exception):
    """Base of every error briefing reports to a user instead of a traceback."""


@dataclass(frozen=True)
class Diagnostic:
    """One problem (or warning) at a place in a file. Lines and columns are 1-based."""

    path: Path | None
    line: int
    col: int
    message: str
    hint: str = ""
    key_path: tuple[str | int, ...] = ()
    severity: str = "error"  # "error" | "warning"
    code: str = ""  # short machine name, e.g. "unknown-key", "no-notes"

    def format(self) -> str:
        where = str(self.path) if self.path else "<storyboard>"
        text = f"{where}:{self.line}:{self.col}: {self.severity}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text

    def as_dict(self) -> dict[str, object]:
        return {
            "path": str(self.path) if self.path else None,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
            "key_path": list(self.key_path),
        }

    def __str__(self) -> str:
        return self.format()


@dataclass
class StoryboardInvalid(BriefingError):
    """Loading failed: every problem found, in file order."""

    errors: list[Diagnostic] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.format())

    def format(self) -> str:
        return "\n".join(d.format() for d in self.errors)

    def __str__(self) -> str:
        return self.format()


class ExportError(BriefingError):
    """An export could not be written; the message says what to do."""
