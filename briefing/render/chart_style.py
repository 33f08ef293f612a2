"""The look every live chart shares: fonts, sizes and pens in canvas units.

Sizes are canvas units (= pixels of the 1920x1080 slide scene), chosen to be
read from the back of a room: pyqtgraph's defaults (9 pt, grey background,
boxed axes) are made for a desktop plot window, not for a projector.
"""

from __future__ import annotations

import textwrap

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPen

from briefing.render.fonts import chart_families

TICK_SIZE = 26  # category / value axis tick labels
LABEL_SIZE = 28  # value labels on bars, points, wedges
MIN_LABEL_SIZE = 20  # value labels shrink to this before they are hidden
LEGEND_SIZE = 26
TITLE_SIZE = 26  # axis titles
HOVER_SIZE = 26
LEGEND_BAND = 58  # height reserved above a plot for its legend
MAX_MARKED_POINTS = 50  # above this, lines lose their markers and value labels
INTRO_MS = 500
MORPH_MS = 400


def chart_font(size: float, *, bold: bool = False) -> QFont:
    """A font whose size is in canvas units (pixel size, so it scales with the view)."""
    font = QFont()
    font.setFamilies(chart_families())  # Chinese, Japanese, Arabic in their own fonts, with a real bold
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


def qcolor(color: str, alpha: float = 1.0) -> QColor:
    result = QColor(color)
    result.setAlphaF(alpha)
    return result


def tint(color: str, background: str, amount: float) -> str:
    """``color`` mixed into ``background``: an opaque stand-in for a translucent fill."""
    a, b = QColor(color), QColor(background)
    mixed = QColor(
        round(a.red() * amount + b.red() * (1 - amount)),
        round(a.green() * amount + b.green() * (1 - amount)),
        round(a.blue() * amount + b.blue() * (1 - amount)),
    )
    return mixed.name()


def pen(color: str, width: float = 2.0, *, alpha: float = 1.0) -> QPen:
    result = QPen(qcolor(color, alpha))
    result.setWidthF(width)
    result.setCosmetic(False)
    result.setCapStyle(Qt.PenCapStyle.RoundCap)
    result.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return result


def cosmetic_pen(color: str, width: float = 3.0, *, alpha: float = 1.0) -> QPen:
    """A pen for items inside a ViewBox, whose own transform is in data units."""
    result = pen(color, width, alpha=alpha)
    result.setCosmetic(True)
    return result


def wrap_category(name: str, width_chars: int = 14) -> str:
    """Long category names on two lines, so neighbouring ticks do not collide."""
    if len(name) <= width_chars:
        return name
    lines = textwrap.wrap(name, width=max(width_chars, len(name) // 2 + 1), break_on_hyphens=False)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
    return "\n".join(lines)


def css_label(color: str, size: float = TITLE_SIZE) -> dict[str, str]:
    """Style keywords for ``AxisItem.setLabel`` (an HTML label)."""
    families = ", ".join(f"'{family}'" for family in chart_families())
    return {"color": color, "font-size": f"{size}px", "font-family": families}
