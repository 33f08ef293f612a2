"""A template's theme has what every deck built on it needs: colours, fonts and formats.

A theme part is well-formed XML that python-pptx opens without a look inside, but a theme
without its colour scheme (or with one colour missing), its font scheme or its format scheme
makes a deck PowerPoint refuses to open ("PowerPoint found a problem with content") and our
own colours and fonts unreadable. :func:`check_theme` names what is missing, so the template
is refused with a sentence, as damage is (``template_package``).
"""

from __future__ import annotations

from typing import Any

from briefing.export.pptx.template_zip import TemplateDamaged

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
#: ``a:themeElements``' children, in the order the schema wants them, and how the error names them.
SCHEMES = (("clrScheme", "colour scheme"), ("fontScheme", "font scheme"), ("fmtScheme", "format scheme"))
#: The twelve colours of a colour scheme, in order (ECMA-376 Part 1, 20.1.6.2).
COLORS = (
    "dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6",
    "hlink", "folHlink",
)  # fmt: skip
#: What the major and minor fonts of a font scheme begin with.
FONT_SLOTS = ("latin", "ea", "cs")
#: The four style lists of a format scheme.
FORMAT_LISTS = ("fillStyleLst", "lnStyleLst", "effectStyleLst", "bgFillStyleLst")
#: Each of them holds at least three styles (subtle, moderate, intense).
MIN_STYLES = 3


def check_theme(part: str, root: Any) -> None:
    """Raise :class:`TemplateDamaged` naming what theme part ``part`` lacks, if anything."""
    elements = root.find(f"{_A}themeElements")
    if elements is None:
        raise TemplateDamaged(f"{part} is not a complete theme (it has no theme elements)")
    found = _tags(elements)
    for at, (tag, words) in enumerate(SCHEMES):
        if tag not in found:
            raise TemplateDamaged(f"{part} is not a complete theme (it has no {words})")
        if found[at : at + 1] != [tag]:
            raise TemplateDamaged(f"{part} is not a complete theme (its {words} is out of its place)")
    _expect(part, elements.find(f"{_A}clrScheme"), COLORS, "its colour scheme")
    fonts = elements.find(f"{_A}fontScheme")
    _expect(part, fonts, ("majorFont", "minorFont"), "its font scheme")
    for which in ("majorFont", "minorFont"):
        _expect(part, fonts.find(f"{_A}{which}"), FONT_SLOTS, f"its {which}")
    formats = elements.find(f"{_A}fmtScheme")
    _expect(part, formats, FORMAT_LISTS, "its format scheme")
    for name in FORMAT_LISTS:
        if len(_tags(formats.find(f"{_A}{name}"))) < MIN_STYLES:
            raise TemplateDamaged(
                f"{part} is not a complete theme (its {name} has fewer than {MIN_STYLES} styles)"
            )


def _expect(part: str, element: Any, tags: tuple[str, ...], where: str) -> None:
    """``element``'s first children are ``tags``, in this order."""
    found = _tags(element)
    for at, tag in enumerate(tags):
        if found[at : at + 1] != [tag]:
            raise TemplateDamaged(f"{part} is not a complete theme ({where} has no {tag} in its place)")


def _tags(element: Any) -> list[str]:
    """The local names of ``element``'s child elements (comments left out)."""
    return [child.tag.rsplit("}", 1)[-1] for child in element if isinstance(child.tag, str)]
