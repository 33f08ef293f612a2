"""A template of another slide size, fitted to the deck's 13.33 x 7.5 in so its artwork keeps its place.

Shapes in masters and layouts are placed in absolute EMU: widening the slide without
moving them would leave a 4:3 template's logo in the middle of a 16:9 slide and Google
Slides' 10 x 5.625 in artwork in the top-left corner. :func:`fit_template` therefore
moves every master and layout shape:

* a shape spanning (nearly) the whole width or height (a band, a full-bleed picture)
  is stretched along it, so it spans the new slide too;
* every other shape is scaled by one factor (the smaller of the width and height
  ratios: a logo keeps its proportions) and keeps its centre at the same fraction of
  the slide, so what sat in a corner stays in that corner;
* font sizes, line widths, indents and fixed line spacing are scaled by the same
  factor, as PowerPoint's own "Scale" does when a deck changes size.

Group shapes move as one (their children follow the group's extents).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pptx.oxml.ns import qn

from briefing.export.pptx.template_zip import TemplateDamaged

#: A slide's smallest and largest side, in EMU (1 and 56 in: ST_SlideSizeCoordinate).
SIDES = (914_400, 51_206_400)
#: The size PowerPoint gives a presentation that states none (10 x 7.5 in).
UNSTATED = (9_144_000, 6_858_000)
#: A shape at least this share of the slide's width (height) spans it, and is stretched.
SPANNING = 0.9
_TOP_LEVEL = ("p:sp", "p:pic", "p:grpSp", "p:graphicFrame", "p:cxnSp")
_XFRM = "./p:spPr/a:xfrm | ./p:grpSpPr/a:xfrm | ./p:xfrm"
_TEXT_SIZES = ".//a:defRPr[@sz] | .//a:rPr[@sz] | .//a:endParaRPr[@sz]"


@dataclass(frozen=True)
class Fit:
    """How a template of ``old`` size maps onto ``new``."""

    old: tuple[int, int]
    new: tuple[int, int]

    @property
    def ratios(self) -> tuple[float, float]:
        return self.new[0] / self.old[0], self.new[1] / self.old[1]

    @property
    def scale(self) -> float:
        """The uniform factor for shapes, fonts and lines."""
        return min(self.ratios)

    def span(self, start: int, length: int, axis: int) -> tuple[int, int]:
        """The new (start, length) of a shape along ``axis`` (0: x, 1: y)."""
        ratio = self.ratios[axis]
        if length >= SPANNING * self.old[axis]:
            return round(start * ratio), round(length * ratio)
        new_length = round(length * self.scale)
        centre = (start + length / 2) * ratio
        return round(centre - new_length / 2), new_length


def fit_template(presentation: Any, width: int, height: int) -> Fit:
    """Move the artwork of every master and layout onto a ``width`` x ``height`` slide."""
    fit = Fit((presentation.slide_width, presentation.slide_height), (width, height))
    for master in presentation.slide_masters:
        for owner in (master, *master.slide_layouts):
            _fit_part(owner.element, fit)
    return fit


def _fit_part(element: Any, fit: Fit) -> None:
    tree = element.find(qn("p:cSld")).find(qn("p:spTree"))
    for shape in tree:
        if shape.tag not in {qn(tag) for tag in _TOP_LEVEL}:
            continue
        for xfrm in shape.xpath(_XFRM):
            _move(xfrm, fit)
    for size in element.xpath(_TEXT_SIZES):
        size.set("sz", str(_scaled(size.get("sz"), fit.scale, FONT_SIZES)))
    for owner, name, bounds in _SCALED_LENGTHS:
        for node in element.xpath(f".//{owner}[@{name}]"):
            node.set(name, str(_scaled(node.get(name), fit.scale, bounds)))


def _scaled(value: str, scale: float, bounds: tuple[int, int]) -> int:
    """``value`` times ``scale``, kept within the schema's ``bounds``: a 1 x 1 in template's
    60 pt title scaled 7.5 times would be 450 pt, over the 4,000 pt PowerPoint allows."""
    low, high = bounds
    return min(high, max(low, round(int(value) * scale)))


#: The schema's bounds (ECMA-376 Part 1, 20.1.10 and 21.1.10): font sizes in hundredths of a
#: point, line widths and indents in EMU, fixed spacing in hundredths of a point.
FONT_SIZES = (100, 400_000)
_INDENT = "*[starts-with(local-name(), 'lvl') or local-name() = 'pPr']"
#: Lengths that scale with the artwork: line widths, paragraph indents and fixed spacing.
_SCALED_LENGTHS = (
    ("a:ln", "w", (0, 20_116_800)),
    (_INDENT, "marL", (0, 51_206_400)),
    (_INDENT, "indent", (-51_206_400, 51_206_400)),
    ("a:spcPts", "val", (0, 158_400)),
)


def _move(xfrm: Any, fit: Fit) -> None:
    offset, extent = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
    if offset is None or extent is None:
        return
    x, cx = fit.span(int(offset.get("x")), int(extent.get("cx")), 0)
    y, cy = fit.span(int(offset.get("y")), int(extent.get("cy")), 1)
    offset.set("x", str(x))
    offset.set("y", str(y))
    extent.set("cx", str(cx))
    extent.set("cy", str(cy))


def describe(name: str, fit: Fit) -> str:
    """The warning that tells the user what happened to their template."""
    size = " x ".join(_inches(emu) for emu in fit.old)
    if abs(fit.ratios[0] - fit.ratios[1]) < 0.001:
        return (
            f"template {name} is {size} in; its masters and layouts were scaled by "
            f"{fit.scale:.2f} (shapes, fonts, lines) to the deck's 13.33 x 7.5 in"
        )
    return (
        f"template {name} is {size} in, not 16:9; the deck is 13.33 x 7.5 in: full-width and "
        "full-height shapes were stretched, other artwork kept its proportions "
        f"(scaled by {fit.scale:.2f}) and its place on the slide"
    )


def _inches(emu: int) -> str:
    return f"{emu / 914400:.3f}".rstrip("0").rstrip(".")


def check_slide_size(part: str, root: Any) -> None:
    """A template's ``p:sldSz`` (where it has one) is a size PowerPoint can show: whole EMU,
    1 to 56 in on each side; otherwise :class:`TemplateDamaged` says what it states."""
    size = root.find(qn("p:sldSz"))
    if size is None:
        return  # PowerPoint's 10 x 7.5 in (:data:`UNSTATED`)
    sides = (size.get("cx", ""), size.get("cy", ""))
    if all(side.isdigit() and SIDES[0] <= int(side) <= SIDES[1] for side in sides):
        return
    shown = " x ".join(side if side.isprintable() else repr(side) for side in sides)
    raise TemplateDamaged(
        f"{part} gives its slides a size of {shown} EMU; a slide is 1 to 56 in (914400 to "
        "51206400 EMU) on each side"
    )
