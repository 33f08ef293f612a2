"""The bundled Liberation Sans, registered with Qt once.

The layout measured every line with these very files (``briefing.layout.textfit``),
so the scene draws the same advance widths: no hinting, no kerning.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase

from briefing.resources import font_file

FALLBACK_FAMILY = "Liberation Sans"


@lru_cache(maxsize=1)
def font_family() -> str:
    """Register the four Liberation Sans faces (once) and return their family name."""
    family = ""
    for bold in (False, True):
        for italic in (False, True):
            font_id = QFontDatabase.addApplicationFont(str(font_file(bold=bold, italic=italic)))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            family = family or (families[0] if families else "")
    return family or FALLBACK_FAMILY


@lru_cache(maxsize=256)
def slide_font(size: int, bold: bool = False, italic: bool = False) -> QFont:
    """A font of ``size`` canvas units (= scene pixels), metrics as measured by the layout."""
    font = QFont(font_family())
    font.setPixelSize(max(1, int(size)))
    font.setBold(bold)
    font.setItalic(italic)
    font.setKerning(False)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font
