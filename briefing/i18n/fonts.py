"""The font each script is measured and drawn with, where its files are, and what the deck calls it.

Latin text keeps the bundled Liberation Sans (Arial's metrics; ``briefing.resources``).
Other scripts use the Noto fonts (SIL Open Font License), which have a real bold
face and the glyphs of their script: Noto Sans CJK (Debian ``fonts-noto-cjk``,
one ``.ttc`` per weight holding the SC, TC, HK, JP and KR forms) and Noto Sans
Arabic / Hebrew (``fonts-noto-core``). They are found by file name in
``$BRIEFING_FONT_PATH`` (folders, ``os.pathsep``-separated), the bundled
``assets/fonts`` and the system's font folders; a storyboard whose text needs
one that is not there gets a warning at ``language:`` (``briefing check``).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefing.i18n.scripts import Slot
from briefing.resources import fonts_dir


@dataclass(frozen=True)
class ScriptFont:
    """One script's font: the family per regional form, its files, how to get it."""

    slot: Slot
    families: dict[str, str]  # regional form ("SC", "JP", "" for all) -> family name
    files: tuple[tuple[str, str], ...]  # (regular, bold) file names, most usual first
    package: str  # the Debian/Ubuntu package that installs it
    label: str  # the script's name in messages

    def family(self, han: str = "SC") -> str:
        return self.families.get(han) or self.families.get("SC") or self.families[""]


_CJK_FORMS = ("SC", "TC", "HK", "JP", "KR")
SCRIPT_FONTS: dict[Slot, ScriptFont] = {
    "cjk": ScriptFont(
        "cjk",
        {form: f"Noto Sans CJK {form}" for form in _CJK_FORMS},
        (("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"),),
        "fonts-noto-cjk",
        "Chinese, Japanese and Korean",
    ),
    "arabic": ScriptFont(
        "arabic",
        {"": "Noto Sans Arabic"},
        (("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),),
        "fonts-noto-core",
        "Arabic",
    ),
    "hebrew": ScriptFont(
        "hebrew",
        {"": "Noto Sans Hebrew"},
        (("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),),
        "fonts-noto-core",
        "Hebrew",
    ),
}
# The theme's font scheme names a font per script (ISO 15924) so notes and charts use them too.
THEME_SCRIPTS: tuple[tuple[str, Slot, str], ...] = (
    ("Hans", "cjk", "SC"),
    ("Hant", "cjk", "TC"),
    ("Jpan", "cjk", "JP"),
    ("Hang", "cjk", "KR"),
    ("Arab", "arabic", ""),
    ("Hebr", "hebrew", ""),
)


def font_dirs() -> tuple[Path, ...]:
    """Where fonts are looked for, in order."""
    listed = [Path(p) for p in os.environ.get("BRIEFING_FONT_PATH", "").split(os.pathsep) if p]
    home = Path.home()
    system = [
        fonts_dir(),  # the bundled fonts (a font shipped in assets/fonts is found first)
        home / ".local/share/fonts",
        home / ".fonts",
        Path("/usr/local/share/fonts"),
        Path("/usr/share/fonts"),
    ]
    if sys.platform == "darwin":
        system += [home / "Library/Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    if sys.platform == "win32":
        local = Path(os.environ.get("LOCALAPPDATA", home))
        system += [local / "Microsoft/Windows/Fonts", Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"]
    return tuple(listed + system)


@lru_cache(maxsize=4)
def _index(dirs: tuple[Path, ...]) -> dict[str, Path]:
    """File name -> first path found, over every folder (walked once)."""
    found: dict[str, Path] = {}
    for folder in dirs:
        if not folder.is_dir():
            continue
        for root, _subdirs, names in os.walk(folder):
            for name in names:
                found.setdefault(name, Path(root) / name)
    return found


def font_file(slot: Slot, *, bold: bool = False) -> Path | None:
    """The file of ``slot``'s font (bold face when asked), or None when it is not installed."""
    font = SCRIPT_FONTS.get(slot)
    if font is None:
        return None
    files = _index(font_dirs())
    for regular, heavy in font.files:
        path = files.get(heavy if bold else regular)
        if path is not None:
            return path
    return None


def missing_fonts(slots: set[Slot]) -> list[ScriptFont]:
    """The fonts ``slots`` need that are not installed (regular or bold face missing)."""
    return [
        SCRIPT_FONTS[slot]
        for slot in sorted(slots)
        if slot in SCRIPT_FONTS and (font_file(slot) is None or font_file(slot, bold=True) is None)
    ]
