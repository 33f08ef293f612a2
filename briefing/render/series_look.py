"""Qt brushes, pens and marker shapes for the series marks the layout decides
(:mod:`briefing.layout.series_marks`): the app draws the hatch, dash or marker shape
the deck writes, so a chart reads without colour in both.

Hatches use Qt's predefined pattern brushes, which are cosmetic: their lines keep a
device-pixel spacing under the ViewBox's data transform, as a bar's pattern should.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen, QTransform

from briefing.layout.series_marks import SeriesMark, hatch_color
from briefing.render.chart_style import qcolor

_PATTERNS = {
    "wdUpDiag": Qt.BrushStyle.BDiagPattern,
    "wdDnDiag": Qt.BrushStyle.FDiagPattern,
    "lgGrid": Qt.BrushStyle.CrossPattern,
    "diagCross": Qt.BrushStyle.DiagCrossPattern,
    "dkHorz": Qt.BrushStyle.HorPattern,
    "dkVert": Qt.BrushStyle.VerPattern,
}
_DASHES = {
    "dash": Qt.PenStyle.DashLine,
    "sysDot": Qt.PenStyle.DotLine,
    "dashDot": Qt.PenStyle.DashDotLine,
    "lgDashDotDot": Qt.PenStyle.DashDotDotLine,
}
_CUSTOM_DASHES = {"lgDash": [8.0, 3.0], "lgDashDot": [8.0, 3.0, 1.0, 3.0]}


def hatch_brush(mark: SeriesMark, fill: str) -> QBrush | None:
    """The pattern drawn over a series' bars (None: no hatch)."""
    style = _PATTERNS.get(mark.pattern)
    return QBrush(qcolor(hatch_color(fill)), style) if style is not None else None


def dashed(pen: QPen, mark: SeriesMark) -> QPen:
    """``pen`` with the series' dash style (a copy; solid stays solid)."""
    result = QPen(pen)
    if mark.dash in _DASHES:
        result.setStyle(_DASHES[mark.dash])
    elif mark.dash in _CUSTOM_DASHES:
        result.setDashPattern(_CUSTOM_DASHES[mark.dash])
    return result


def marker_path(shape: str, center: QPointF, diameter: float) -> QPainterPath:
    """A marker outline (square, triangle, diamond, x, star, plus; circle otherwise)."""
    r = diameter / 2
    x, y = center.x(), center.y()
    path = QPainterPath()
    if shape == "square":
        path.addRect(QRectF(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8))
    elif shape in ("triangle", "diamond", "star"):
        corners = {"triangle": 3, "diamond": 4, "star": 10}[shape]
        points = [
            QPointF(
                x + (r * 0.45 if shape == "star" and k % 2 else r) * math.sin(2 * math.pi * k / corners),
                y - (r * 0.45 if shape == "star" and k % 2 else r) * math.cos(2 * math.pi * k / corners),
            )
            for k in range(corners)
        ]
        path.moveTo(points[0])
        for point in points[1:]:
            path.lineTo(point)
        path.closeSubpath()
    elif shape in ("x", "plus"):
        arm, thick = r, r * 0.35
        across, upright = QPainterPath(), QPainterPath()
        across.addRect(QRectF(-arm, -thick, 2 * arm, 2 * thick))
        upright.addRect(QRectF(-thick, -arm, 2 * thick, 2 * arm))
        cross = across.united(upright)
        if shape == "x":
            cross = QTransform().rotate(45).map(cross)
        path = cross.translated(x, y)
    else:
        path.addEllipse(center, r, r)
    return path


def draw_markers(
    painter: QPainter, points: list[QPointF], color: str, ring: str, diameter: float, shape: str
) -> None:
    """Markers of one series: ``shape`` filled in ``color`` with a ``ring`` (background) outline."""
    outline = QPen(qcolor(ring), 3)
    outline.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(outline)
    painter.setBrush(qcolor(color))
    for point in points:
        painter.drawPath(marker_path(shape, point, diameter))
