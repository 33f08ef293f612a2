"""The presentation a deck starts from: python-pptx's default, or a company template.

A company template is untrusted input: it is cleaned and checked first
(:mod:`template_package`: no macros, ActiveX, OLE objects or external links, its own
slides left out; damage refused with a sentence), and only the clean copy is opened
by python-pptx. The deck keeps the template's masters, theme fonts and colours.
Slide layouts are picked by name, then by the
layout's type, then by a fallback; every fallback is reported as a warning so
the user knows why a slide looks the way it does.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn

from briefing.errors import ExportError
from briefing.export.pptx.template_package import CleanPackage, clean_package
from briefing.export.pptx.template_repair import repair_template
from briefing.export.pptx.template_size import UNSTATED, describe, fit_template
from briefing.export.pptx.template_zip import TemplateDamaged
from briefing.export.pptx.theme_fonts import replace_symbol_fonts
from briefing.layout import CANVAS_H, CANVAS_W, EMU_PER_UNIT

SLIDE_W = CANVAS_W * EMU_PER_UNIT  # 13.333 in
SLIDE_H = CANVAS_H * EMU_PER_UNIT  # 7.5 in
#: The font a deck names where a template's theme names a symbol font (as a deck without one does).
DECK_FONT = "Arial"
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
#: ``p:sldSz/@type`` values whose size python-pptx or a template may bring, in EMU.
SIZE_TYPES = {
    "screen4x3": (9144000, 6858000),
    "screen16x9": (9144000, 5143500),
    "screen16x10": (9144000, 5715000),
}


@dataclass(frozen=True)
class LayoutWish:
    """Which template layout a slide role wants, most wanted first."""

    names: tuple[str, ...]
    types: tuple[str, ...]  # the ``type`` attribute of ``p:sldLayout``


# Slide role -> layouts to try. A content slide places its own body, so "Title Only" fits best.
# Failing its own, a title or section slide takes a layout with a title placeholder before Blank:
# a title in a text box is no slide title to a screen reader or PowerPoint's Accessibility Checker
# (LibreOffice's templates have no "Section Header").
TITLED = LayoutWish(("Title Only",), ("titleOnly",))
WISHES: dict[str, tuple[LayoutWish, ...]] = {
    "title": (LayoutWish(("Title Slide",), ("title",)), TITLED),
    "section": (
        LayoutWish(("Section Header",), ("secHead",)),
        TITLED,
        LayoutWish(("Title Slide",), ("title",)),
    ),
    "content": (
        LayoutWish(("Title Only",), ("titleOnly",)),
        LayoutWish(("Title and Content",), ("obj",)),
    ),
}
FALLBACK = LayoutWish(("Blank",), ("blank",))


@dataclass
class Base:
    """The opened presentation and the layout chosen for each slide role."""

    presentation: Any
    layouts: dict[str, Any]
    templated: bool
    warnings: list[str] = field(default_factory=list)


def open_base(template: Path | None) -> Base:
    """The default presentation, or ``template`` cleaned (:mod:`template_package`) and opened.

    Anything wrong with a template ends in :class:`ExportError` naming it, never a traceback.
    """
    if template is None:
        presentation = Presentation()
        set_slide_size(presentation, SLIDE_W, SLIDE_H)
        return Base(presentation, {role: _pick(presentation, role, [])[0] for role in WISHES}, False)
    path = Path(template)
    clean = _clean_template(path)
    dropped = clean.dropped.warning(path.name)
    try:
        base = _template_base(path.name, Presentation(io.BytesIO(clean.data)))
    except Exception as error:  # well-formed XML python-pptx (or our fitting) cannot use
        reason = f"its XML holds what cannot be used ({type(error).__name__}: {error})"
        raise template_error(path, reason) from error
    base.warnings[:0] = [dropped] if dropped else []
    return base


def template_error(path: Path, reason: str) -> ExportError:
    return ExportError(f"cannot use template {path.name}: {reason}")


def _template_base(name: str, presentation: Any) -> Base:
    warnings = replace_symbol_fonts(presentation.part.package, name, DECK_FONT)
    unique_shape_ids(presentation)
    if presentation.slide_width is None or presentation.slide_height is None:
        set_slide_size(presentation, *UNSTATED)  # as PowerPoint opens it
    if (presentation.slide_width, presentation.slide_height) != (SLIDE_W, SLIDE_H):
        warnings.append(describe(name, fit_template(presentation, SLIDE_W, SLIDE_H)))
    set_slide_size(presentation, SLIDE_W, SLIDE_H)
    repair_template(presentation)
    layouts = {role: _pick(presentation, role, warnings)[0] for role in WISHES}
    return Base(presentation, layouts, True, warnings)


def set_slide_size(presentation: Any, width: int, height: int) -> None:
    """Set the slide size; a named size type (``screen4x3``...) that no longer fits is dropped
    (no type: a custom size, as PowerPoint writes its own 13.33 x 7.5 in "Widescreen")."""
    presentation.slide_width, presentation.slide_height = width, height
    size = presentation.element.find(qn("p:sldSz"))
    if size.get("type") is not None and SIZE_TYPES.get(size.get("type")) != (width, height):
        del size.attrib["type"]


def unique_shape_ids(presentation: Any) -> None:
    """Give every shape of each master and layout its own id (LibreOffice's templates reuse
    some), keeping the first holder of an id; the format wants them unique per part."""
    for master in presentation.slide_masters:
        for owner in (master, *master.slide_layouts):
            properties = owner.element.xpath(".//p:cNvPr")
            seen: set[str] = set()
            last = max((int(p.get("id")) for p in properties if p.get("id", "").isdigit()), default=0)
            for prop in properties:
                if prop.get("id") in seen:
                    last += 1
                    prop.set("id", str(last))
                seen.add(prop.get("id"))


def _clean_template(path: Path) -> CleanPackage:
    if not path.is_file():
        raise template_error(path, "file not found")
    try:
        return clean_package(path.read_bytes())
    except OSError as error:
        raise template_error(path, str(error.strerror or error)) from error
    except TemplateDamaged as error:
        raise template_error(path, str(error)) from error


def _layouts(presentation: Any) -> list[Any]:
    return [layout for master in presentation.slide_masters for layout in master.slide_layouts]


def _find(layouts: list[Any], wish: LayoutWish) -> Any | None:
    for name in wish.names:
        for layout in layouts:
            if layout.name.strip().lower() == name.lower():
                return layout
    for layout in layouts:
        if layout.element.get("type") in wish.types:
            return layout
    return None


def _pick(presentation: Any, role: str, warnings: list[str]) -> tuple[Any, str]:
    layouts = _layouts(presentation)
    wishes = WISHES[role]
    for rank, wish in enumerate((*wishes, FALLBACK)):
        layout = _find(layouts, wish)
        if layout is None:
            continue
        if rank:
            wanted = wishes[0].names[0]
            how = "" if has_title_placeholder(layout) else " plus a text box for the title"
            warnings.append(f"template has no '{wanted}' layout; {role} slides use '{layout.name}'{how}")
        return layout, layout.name
    layout = layouts[0]
    warnings.append(
        f"template has neither '{wishes[0].names[0]}' nor 'Blank' layout; {role} slides use '{layout.name}'"
    )
    return layout, layout.name


def has_title_placeholder(layout: Any) -> bool:
    return any(p.placeholder_format.type in TITLE_TYPES for p in layout.placeholders)
