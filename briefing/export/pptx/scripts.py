"""The deck's side of languages: which language and fonts a paragraph's runs name, and its direction.

PowerPoint picks a font per character class from the run's ``a:latin`` (Latin,
digits), ``a:ea`` (Chinese, Japanese, Korean) and ``a:cs`` (Arabic, Hebrew).
An English paragraph names Arial three times, as it always did; a paragraph in
(or a deck written in) another script names the Noto font the layout measured it
with (``briefing.i18n.fonts``): Noto Sans CJK SC/TC/HK/JP/KR by the language's
regional form, Noto Sans Arabic, Noto Sans Hebrew. ``lang`` is the paragraph's
language (the storyboard's tag with its region, or the script's language for a
paragraph written in another script), so spell checking and kinsoku use the
right rules.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lxml import etree
from pptx.oxml.ns import qn

from briefing.export.pptx import xml
from briefing.i18n import LanguageTag, is_rtl, paragraph_language, parse_tag, slot_of
from briefing.i18n.fonts import SCRIPT_FONTS

_CJK_LANGUAGES = frozenset({"zh", "ja", "ko"})


@lru_cache(maxsize=64)
def deck_tag(language: str) -> LanguageTag:
    """The storyboard's tag (checked at load); English for anything that is not one."""
    parsed = parse_tag(language or "en")
    return parsed if isinstance(parsed, LanguageTag) else LanguageTag("en", "en")


def text_language(text: str, language: str) -> str:
    """The ``lang`` of a paragraph of ``text`` in a deck written in ``language``."""
    return paragraph_language(text, deck_tag(language)).tag


@lru_cache(maxsize=4096)
def font_names(text: str, language: str, latin: str | None) -> tuple[str | None, str | None, str | None]:
    """(latin, east Asian, complex script) typefaces for a paragraph (None: leave to the theme)."""
    deck = deck_tag(language)
    slots = {slot_of(char) for char in text}
    tag = paragraph_language(text, deck)
    ea, cs = latin, latin
    if "cjk" in slots or deck.language in _CJK_LANGUAGES:
        ea = SCRIPT_FONTS["cjk"].family(tag.han if "cjk" in slots else deck.han)
    if "arabic" in slots or ("hebrew" not in slots and deck.rtl and deck.language != "he"):
        cs = SCRIPT_FONTS["arabic"].family()
    elif "hebrew" in slots or deck.language == "he":
        cs = SCRIPT_FONTS["hebrew"].family()
    return latin, ea, cs


def font_faces(text: str, language: str, latin: str | None) -> str:
    """``a:latin``, ``a:ea``, ``a:cs`` elements (in schema order) for a paragraph of ``text``."""
    names = font_names(text, language, latin)
    return "".join(
        f"<a:{kind} typeface={xml.attr(name)}/>"
        for kind, name in zip(("latin", "ea", "cs"), names, strict=True)
        if name
    )


def paragraph_flags(text: str, language: str) -> str:
    """Paragraph attributes: ``rtl="1"`` for right-to-left text; East Asian line breaking for CJK.

    ``eaLnBrk`` lets PowerPoint break CJK text between characters (with kinsoku)
    as the layout does; ``hangingPunct="0"`` keeps punctuation inside the box,
    where the layout measured it, instead of letting it hang past the margin.
    """
    flags = ' rtl="1"' if is_rtl(text) else ""
    if deck_tag(language).language in _CJK_LANGUAGES or any(slot_of(char) == "cjk" for char in text):
        flags += ' eaLnBrk="1" hangingPunct="0"'
    return flags


def chart_faces(text: str, language: str, latin: str | None) -> str:
    """A chart's default fonts: the Latin one alone for Latin text (as ever), the script's beside it."""
    if set(font_names(text, language, latin)) == {latin}:
        return f"<a:latin typeface={xml.attr(latin)}/>" if latin else ""
    return font_faces(text, language, latin)


def add_script_faces(r_pr: Any, text: str, language: str, latin: str | None) -> None:
    """Add ``a:ea`` / ``a:cs`` to a run python-pptx styled, when its text or the deck needs them."""
    _latin, ea, cs = font_names(text, language, latin)
    for kind, face in (("ea", ea), ("cs", cs)):
        if face and face != latin:
            etree.SubElement(r_pr, qn(f"a:{kind}")).set("typeface", face)


def set_chart_lang(space: Any, lang: str) -> None:
    """``c:lang``: a chart's editing language (after ``c:date1904``, as the schema orders it)."""
    for old in space.findall(qn("c:lang")):
        space.remove(old)
    element = etree.Element(qn("c:lang"))
    element.set("val", lang)
    date = space.find(qn("c:date1904"))
    if date is not None:
        date.addnext(element)
    else:
        space.insert(0, element)
