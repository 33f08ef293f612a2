"""The fonts the scene draws with, registered with Qt once: the very files the layout measured.

Latin text: the bundled Liberation Sans (``briefing.layout.textfit`` measured
every line with it), no hinting, no kerning. Chinese, Japanese and Korean:
Noto Sans CJK in the language's regional form (SC, TC, HK, JP, KR), with its
real bold face; Arabic and Hebrew: Noto Sans Arabic / Hebrew, shaped by Qt's
HarfBuzz as the layout's raqm shaped them (``briefing.i18n.fonts`` finds the
files). Text items draw each run with the font of its script
(:func:`script_font`); charts ask for a family list (:func:`chart_families`)
so Qt takes each character from the first family that has it.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase

from briefing.i18n import LanguageTag, Slot, parse_tag, slot_of
from briefing.i18n import fonts as script_fonts
from briefing.resources import font_file

FALLBACK_FAMILY = "Liberation Sans"
# Charts' Han form, whether CJK leads their family list, the scripts they hold (use_language)
_CHART_LANGUAGE: list[tuple[str, bool, frozenset[Slot]]] = [("SC", False, frozenset())]
_CJK_LANGUAGES = ("zh", "ja", "ko")


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


@lru_cache(maxsize=8)
def script_family(slot: Slot, form: str = "SC") -> str:
    """The family ``slot`` is drawn with ("" if missing): one the system has (fontconfig knows the
    installed Noto fonts), else its files registered with Qt once (``$BRIEFING_FONT_PATH``)."""
    if slot == "latin":
        return font_family()
    wanted = script_fonts.SCRIPT_FONTS[slot].family(form)
    if QFontDatabase.hasFamily(wanted):
        return wanted
    for bold in (False, True):
        path = script_fonts.font_file(slot, bold=bold)
        if path is not None:
            _register(str(path))
    return wanted if QFontDatabase.hasFamily(wanted) else ""


@lru_cache(maxsize=16)
def _register(path: str) -> tuple[str, ...]:
    font_id = QFontDatabase.addApplicationFont(path)
    return tuple(QFontDatabase.applicationFontFamilies(font_id)) if font_id >= 0 else ()


def _settle(font: QFont, size: float, bold: bool, italic: bool, *, kerning: bool = False) -> QFont:
    font.setPixelSize(max(1, int(size)))
    font.setBold(bold)
    font.setItalic(italic)
    font.setKerning(kerning)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


@lru_cache(maxsize=256)
def slide_font(size: int, bold: bool = False, italic: bool = False) -> QFont:
    """A font of ``size`` canvas units (= scene pixels), metrics as measured by the layout."""
    return _settle(QFont(font_family()), size, bold, italic)


@lru_cache(maxsize=256)
def script_font(slot: Slot, size: int, bold: bool = False, italic: bool = False, form: str = "SC") -> QFont:
    """The font a run of ``slot`` is drawn with; Arabic and Hebrew keep their kerning, as measured."""
    family = script_family(slot, form) or font_family()
    return _settle(QFont(family), size, bold, italic, kerning=slot in ("arabic", "hebrew"))


def use_language(language: str, text: str = "") -> None:
    """Charts from now on draw ``text`` (their words) for a storyboard in ``language`` (BCP 47)."""
    tag = parse_tag(language)
    if not isinstance(tag, LanguageTag):
        tag = LanguageTag("en", "en")
    slots = {slot_of(char) for char in text} | _language_slots(tag)
    _CHART_LANGUAGE[0] = (tag.han, tag.language in _CJK_LANGUAGES, frozenset(slots))


def _language_slots(tag: LanguageTag) -> set[Slot]:
    if tag.language in _CJK_LANGUAGES:
        return {"cjk"}
    if tag.rtl:
        return {"hebrew" if tag.language in ("he", "yi") else "arabic"}
    return set()


def chart_families() -> list[str]:
    """The families chart text is drawn with: Qt takes each character from the first that has it.

    Liberation Sans leads, then the font of each other script the chart's words
    or the talk's language need; in a Chinese, Japanese or Korean talk the CJK
    font leads (its regional form must win: Qt keeps the fallback it found first
    for a leading family, whatever the list says after it).
    """
    form, cjk_first, slots = _CHART_LANGUAGE[0]
    families = [font_family()]
    for slot, slot_form in (("cjk", form), ("arabic", "SC"), ("hebrew", "SC")):
        family = script_family(slot, slot_form) if slot in slots else ""  # type: ignore[arg-type]
        if family:
            families.append(family)
    if cjk_first and len(families) > 1 and families[1].startswith("Noto Sans CJK"):
        families[0], families[1] = families[1], families[0]
    return families
