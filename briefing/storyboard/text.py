"""Text every output can hold: what a YAML escape can produce, made safe once, in the loader.

YAML's double-quoted escapes can put any code point into a title or a note:
NUL (``\\0``), bell, escape, vertical tab, C1 controls, U+FFFE, even lone
surrogates (``\\ud800``), which cannot be encoded as UTF-8 at all. The deck is
XML 1.0, which forbids most of them; Qt draws them as boxes or nothing. So:

* line breaks stay line breaks, as ``\\n``: ``\\r\\n``, ``\\r``, vertical tab
  (PowerPoint's own line break), form feed, NEL (U+0085), U+2028 and U+2029
  all become ``\\n``; every output shows a ``\\n`` as a line break (the deck as
  ``<a:br/>``). Where one line is required (a unit, a prefix) it becomes a space;
* a tab becomes a space (the layout measures words between spaces);
* every other character XML 1.0 cannot hold, or that Unicode reserves as a
  non-character, is removed, and the loader warns (``control-character``),
  naming the code points, since the editor wrote an escape for a reason.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_LINE_BREAKS = re.compile("\r\n|[\r\v\f\x85\u2028\u2029]")
# Not allowed in XML 1.0 (C0 controls but tab/LF/CR, surrogates, U+FFFE/U+FFFF), plus
# DEL, the C1 controls and Unicode's non-characters: nothing can show them.
_UNSHOWABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
    "|[\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
CONTROL_HINT = "a YAML escape such as \\0, \\a or \\e makes a character no slide or deck can show; delete it"


@dataclass(frozen=True)
class CleanText:
    """The text as the model keeps it, and the code points removed from it (for a warning)."""

    text: str
    removed: tuple[str, ...] = ()

    @property
    def warning(self) -> str:
        """``control character U+0007 removed`` (or the list), empty when nothing was removed."""
        if not self.removed:
            return ""
        names = ", ".join(f"U+{ord(char):04X}" for char in dict.fromkeys(self.removed))
        plural = "s" if len(set(self.removed)) > 1 else ""
        return f"invisible character{plural} {names} removed"


def clean_text(value: str, *, one_line: bool = False) -> CleanText:
    """``value`` with line breaks as ``\\n`` (or spaces), tabs as spaces and unshowable characters removed."""
    if value.isprintable():  # the common case (line breaks, tabs and controls are not printable)
        return CleanText(value)
    text = _LINE_BREAKS.sub("\n", value).replace("\t", " ")
    if one_line:
        text = text.replace("\n", " ")
    removed = tuple(_UNSHOWABLE.findall(text))
    if removed:
        text = _UNSHOWABLE.sub("", text)
    return CleanText(text, removed)


#: What YAML (and so every mark the loader reports) counts as the end of a line.
YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def line_and_column(source: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``source[index]`` as YAML counts them: ``\r\n``, a lone ``\r``
    (a classic Mac file), ``\n``, NEL, LS and PS each end a line, as in every other message."""
    line, line_start = 1, 0
    for match in YAML_LINE_BREAK.finditer(source, 0, index):
        line, line_start = line + 1, match.end()
    return line, index - line_start + 1


#: Characters that show nothing on their own: spaces, line and paragraph separators, format characters
#: (zero-width space and joiner, bidi marks, soft hyphen, BOM) and combining marks with nothing to mark.
_INVISIBLE_CATEGORIES = frozenset(("Zs", "Zl", "Zp", "Cf", "Cc", "Mn", "Me"))


def is_blank(text: str) -> bool:
    """True when ``text`` shows nothing a reader (or a screen reader) could read."""
    return all(unicodedata.category(char) in _INVISIBLE_CATEGORIES for char in text)


_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_SPACES = re.compile(r"[ \t\u00a0]+")


def note_paragraphs(notes: str) -> list[str]:
    """Speaker notes as every output shows them: a blank line starts a paragraph, and every
    other line break stays a line break (``\n``) inside its paragraph, so a list written one
    item per line keeps its lines in the console, the PDF handout and the deck."""
    paragraphs = []
    for block in _BLANK_LINES.split(_LINE_BREAKS.sub("\n", notes).strip()):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return paragraphs
