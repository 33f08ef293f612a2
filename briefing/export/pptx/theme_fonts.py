"""The deck theme's fonts per script, so notes, charts and new text never fall back to 宋体.

Text we write names its fonts run by run (``scripts.py``); what inherits from
the theme (speaker notes, chart text PowerPoint adds, text a stakeholder types
into a new box) takes the theme's font for its script. python-pptx's default
theme names ＭＳ Ｐゴシック, 宋体, 新細明體, 맑은 고딕 and Times New Roman, which
most machines outside East Asian Windows lack; every theme part in the deck
(slide and notes masters, a template's too) names the Noto fonts the layout
measured with instead, and a deck in Chinese, Japanese, Korean, Arabic or
Hebrew makes its font the theme's East Asian (``a:ea``) or complex-script
(``a:cs``) font. A company template's theme is the company's: only the entries
for the script the talk is written in change there.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.oxml.ns import qn

from briefing.export.pptx.internals import edit_part_xml
from briefing.export.pptx.scripts import deck_tag, font_names
from briefing.i18n.fonts import SCRIPT_FONTS, THEME_SCRIPTS


def set_theme_fonts(package: Any, language: str, *, templated: bool = False) -> None:
    """Name the Noto fonts per script in every theme part of ``package`` (on a template: only
    for the talk's own script)."""
    _latin, ea, cs = font_names("", language, None)
    scripts = _talk_scripts(language) if templated else None

    def edit(root: Any) -> None:
        for scheme in (*root.iter(qn("a:majorFont")), *root.iter(qn("a:minorFont"))):
            _script_entries(scheme, scripts)
            for kind, face in (("ea", ea), ("cs", cs)):
                element = scheme.find(qn(f"a:{kind}"))
                if face and element is not None:
                    element.set("typeface", face)

    for part in package.iter_parts():
        if part.content_type == CT.OFC_THEME:
            edit_part_xml(part, edit)


def _talk_scripts(language: str) -> frozenset[str]:
    """The ISO 15924 scripts a talk in ``language`` is written in (none for a Latin-script one)."""
    tag = deck_tag(language)
    by_language = {"ja": {"Jpan"}, "ko": {"Hang"}, "he": {"Hebr"}, "yi": {"Hebr"}}
    if tag.language == "zh":
        return frozenset({"Hant" if tag.han in ("TC", "HK") else "Hans"})
    if tag.language in by_language:
        return frozenset(by_language[tag.language])
    return frozenset({"Arab"}) if tag.rtl else frozenset()


def _script_entries(scheme: Any, only: frozenset[str] | None) -> None:
    fonts = {element.get("script"): element for element in scheme.findall(qn("a:font"))}
    for script, slot, form in THEME_SCRIPTS:
        if only is not None and script not in only:
            continue
        element = fonts.get(script)
        if element is None:
            element = etree.SubElement(scheme, qn("a:font"))
            element.set("script", script)
        element.set("typeface", SCRIPT_FONTS[slot].family(form))


#: Fonts whose letters are pictures (arrows, ticks, icons): a theme naming one as its Latin font
#: would set every title and bullet of the deck in symbols on a machine that has it.
SYMBOL_FONTS = frozenset(
    name.casefold()
    for name in (
        "Wingdings", "Wingdings 2", "Wingdings 3", "Webdings", "Symbol", "Marlett", "MT Extra",
        "Bookshelf Symbol 7", "MS Reference Specialty", "Zapf Dingbats", "ZapfDingbats",
        "ITC Zapf Dingbats", "Monotype Sorts", "OpenSymbol", "Segoe MDL2 Assets", "Segoe Fluent Icons",
        "Material Icons", "Noto Sans Symbols", "Noto Sans Symbols2", "Standard Symbols PS",
    )
)  # fmt: skip
#: ``a:latin/@charset`` of a font with no letters (Windows' SYMBOL_CHARSET).
SYMBOL_CHARSET = "2"


def is_symbol_font(typeface: str, charset: str | None = None) -> bool:
    face = typeface.strip().casefold()
    return charset == SYMBOL_CHARSET or face in SYMBOL_FONTS or face.startswith("font awesome")


def replace_symbol_fonts(package: Any, template: str, face: str) -> list[str]:
    """Name ``face`` instead of a symbol font as a theme's Latin heading or body font; one
    warning for each font replaced."""
    replaced: list[str] = []

    def edit(root: Any) -> None:
        for scheme in (*root.iter(qn("a:majorFont")), *root.iter(qn("a:minorFont"))):
            latin = scheme.find(qn("a:latin"))
            if latin is None or not is_symbol_font(latin.get("typeface", ""), latin.get("charset")):
                continue
            if latin.get("typeface") not in replaced:
                replaced.append(latin.get("typeface"))
            for name in ("panose", "pitchFamily", "charset"):
                latin.attrib.pop(name, None)
            latin.set("typeface", face)

    for part in package.iter_parts():
        if part.content_type == CT.OFC_THEME:
            edit_part_xml(part, edit)
    return [
        f"template {template}: its theme font {name} is a symbol font (text would show as symbols); "
        f"the deck uses {face} instead"
        for name in replaced
    ]
