"""DrawingML colours read back as ``#RRGGBB``: a template's scheme, map and fills.

Covers what templates use: ``a:srgbClr``, ``a:schemeClr`` (through the colour map:
``tx1`` -> ``dk1``...), ``a:sysClr`` (its ``lastClr``), ``a:prstClr`` (the common names),
``a:scrgbClr`` and ``a:hslClr``, with the ``lumMod``/``lumOff``/``tint``/``shade``
modifiers; solid, gradient (the mean of its stops) and pattern (the mean of its two
colours) fills. Anything else resolves to None and the caller keeps what it had.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from briefing.layout.contrast import hex_to_rgb, rgb_to_hex

#: The colour map PowerPoint uses when a master has none.
DEFAULT_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
_PRESETS = {
    "black": "#000000",
    "white": "#FFFFFF",
    "red": "#FF0000",
    "green": "#008000",
    "blue": "#0000FF",
    "yellow": "#FFFF00",
    "gray": "#808080",
    "grey": "#808080",
}


def scheme_of(master: Any) -> dict[str, Any]:
    """The theme's ``a:clrScheme`` colour elements by name (dk1, lt1, accent1 ...)."""
    try:
        theme_part = master.part.part_related_by(RT.THEME)
        root = etree.fromstring(theme_part.blob, parser=etree.XMLParser(resolve_entities=False))
    except (KeyError, etree.XMLSyntaxError, ValueError):
        return {}
    schemes = root.xpath(".//a:themeElements/a:clrScheme", namespaces={"a": _A})
    if not schemes:
        return {}
    return {etree.QName(child).localname: child[0] for child in schemes[0] if len(child)}


_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


class ColorResolver:
    """Resolves colour elements against one master's scheme and one layout's colour map."""

    def __init__(self, scheme: dict[str, Any], color_map: dict[str, str]) -> None:
        self.scheme = scheme
        self.map = {**DEFAULT_MAP, **color_map}

    def hex(self, name: str) -> str | None:
        """A scheme name as text sees it (``tx1`` through the map, ``accent1`` directly)."""
        element = self.scheme.get(self.map.get(name, name))
        return self.resolve(element, depth=1) if element is not None else None

    def resolve(self, element: Any, depth: int = 0) -> str | None:
        """``#RRGGBB`` of a colour element, modifiers applied (None: not understood)."""
        base = self._base(element, depth)
        return _modified(base, element) if base else None

    def _base(self, element: Any, depth: int) -> str | None:
        tag = etree.QName(element).localname
        if tag == "srgbClr":
            return _hex(element.get("val"))
        if tag == "sysClr":
            return _hex(element.get("lastClr")) or {"windowText": "#000000", "window": "#FFFFFF"}.get(
                element.get("val", "")
            )
        if tag == "prstClr":
            return _PRESETS.get(element.get("val", ""))
        if tag == "scrgbClr":
            return _percent_rgb(element)
        if tag == "hslClr":
            return _hsl(element)
        if tag == "schemeClr" and depth < 3:
            name = element.get("val", "")
            target = self.scheme.get(self.map.get(name, name))
            return self.resolve(target, depth + 1) if target is not None else None
        return None


def _hex(value: str | None) -> str | None:
    if value and len(value) == 6:
        try:
            int(value, 16)
        except ValueError:
            return None
        return "#" + value.upper()
    return None


def _int(element: Any, name: str, default: int = 0) -> int:
    try:
        return int(element.get(name, default))
    except (TypeError, ValueError):
        return default


def _percent_rgb(element: Any) -> str:
    return rgb_to_hex(_int(element, k) / 100000 * 255 for k in ("r", "g", "b"))


def _hsl(element: Any) -> str:
    hue, sat, lum = (
        _int(element, "hue") / 21600000,
        _int(element, "sat") / 100000,
        _int(element, "lum") / 100000,
    )
    return rgb_to_hex(c * 255 for c in colorsys.hls_to_rgb(hue % 1, min(1, lum), min(1, sat)))


def _modified(color: str, element: Any) -> str:
    """Apply ``lumMod``, ``lumOff``, ``tint`` and ``shade`` in document order."""
    r, g, b = (c / 255 for c in hex_to_rgb(color))
    for child in element:
        name, value = etree.QName(child).localname, _int(child, "val", 100000) / 100000
        if name in ("lumMod", "lumOff"):
            h, lum, s = colorsys.rgb_to_hls(r, g, b)
            lum = lum * value if name == "lumMod" else lum + value
            r, g, b = colorsys.hls_to_rgb(h, max(0.0, min(1.0, lum)), s)
        elif name == "tint":
            r, g, b = (c + (1 - c) * (1 - value) for c in (r, g, b))
        elif name == "shade":
            r, g, b = (c * value for c in (r, g, b))
    return rgb_to_hex(c * 255 for c in (r, g, b))


@dataclass(frozen=True)
class Paint:
    """What a fill paints: one colour, or a linear gradient's stops along ``angle`` degrees."""

    stops: tuple[tuple[float, str, float], ...]  # (position 0..1, colour, opacity 0..1)
    angle: float | None = None  # None: the first stop's colour everywhere

    @property
    def mean(self) -> str:
        channels = list(zip(*(hex_to_rgb(c) for _, c, _ in self.stops), strict=True))
        return rgb_to_hex(sum(channel) / len(self.stops) for channel in channels)


def _opacity(element: Any) -> float:
    found = element.find(qn("a:alpha"))
    return max(0.0, min(1.0, _int(found, "val", 100000) / 100000)) if found is not None else 1.0


def fill_paint(properties: Any, colors: ColorResolver) -> Paint | None:
    """The paint of a ``p:spPr``/``p:bgPr`` fill (solid, linear gradient, else a mean), or None."""
    solid = properties.find(qn("a:solidFill"))
    if solid is not None and len(solid):
        color = colors.resolve(solid[0])
        return Paint(((0.0, color, _opacity(solid[0])),)) if color else None
    stops = []
    for stop in properties.xpath("./a:gradFill/a:gsLst/a:gs[*]"):
        color = colors.resolve(stop[0])
        if color:
            stops.append((max(0.0, min(1.0, _int(stop, "pos") / 100000)), color, _opacity(stop[0])))
    if stops:
        linear = properties.xpath("./a:gradFill/a:lin")
        angle = _int(linear[0], "ang") / 60000 if linear else None
        paint = Paint(tuple(sorted(stops)), angle)
        return paint if angle is not None else Paint(((0.0, paint.mean, stops[0][2]),))
    pattern = properties.xpath("./a:pattFill/a:fgClr/*[1] | ./a:pattFill/a:bgClr/*[1]")
    found = [c for c in (colors.resolve(e) for e in pattern) if c]
    if not found:
        return None
    return Paint(((0.0, Paint(tuple((0.0, c, 1.0) for c in found)).mean, 1.0),))


def fill_color(properties: Any, colors: ColorResolver) -> str | None:
    """The colour a ``p:spPr``/``p:bgPr`` fill shows (a gradient's or pattern's mean), or None."""
    paint = fill_paint(properties, colors)
    return paint.mean if paint is not None else None
