"""Errors users can act on.

Exception tree::

    BriefingError                 anything briefing reports to a user (no traceback)
    ├── StoryboardInvalid         a load failed; carries every problem found (Diagnostic objects)
    └── ExportError               an export could not be written (folder, disk, template)

A :class:`Diagnostic` is data: the CLI prints it as
``path:line:col: error: message`` and the app shows the same text in a banner.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """``text`` safe to print as part of one diagnostic line.

    Messages quote the user's text (a title, a key), which can hold line breaks,
    terminal escapes or lone surrogates from YAML escapes; printed raw they split
    the ``path:line:col:`` line or fail to encode. They are shown the way the
    storyboard spells them: ``\\n``, ``\\x1b``, ``\\ud800``.
    """
    out = []
    for char in text:
        category = unicodedata.category(char)
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif category in ("Cc", "Cs", "Zl", "Zp"):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


#: How much of a title a message quotes: enough to find the slide, short enough for one line.
QUOTED_TITLE = 60


def quoted_title(title: str) -> str:
    """``title`` as a message names a slide: cut to :data:`QUOTED_TITLE` characters with "…"
    (a 20,000-character title made every warning about its slide 20,000 characters long)."""
    return title if len(title) <= QUOTED_TITLE else title[: QUOTED_TITLE - 1].rstrip() + "…"


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
        where = one_line(str(self.path)) if self.path else "<storyboard>"
        text = f"{where}:{self.line}:{self.col}: {self.severity}: {one_line(self.message)}"
        if self.hint:
            text += f"\n  hint: {one_line(self.hint)}"
        return text

    def as_dict(self) -> dict[str, object]:
        return {
            "path": str(self.path) if self.path else None,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "code": self.code,
            "message": one_line(self.message),
            "hint": one_line(self.hint),
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
