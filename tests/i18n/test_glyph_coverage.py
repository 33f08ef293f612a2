"""No tofu: every character the example storyboards show has a glyph in the font that draws it.

Proved from the fonts' character maps (fontTools), not by eye: the layout and
the app draw each run with the font of its script (``briefing.i18n.scripts``),
Latin with the bundled Liberation Sans, the rest with Noto Sans CJK / Arabic.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTCollection, TTFont

from briefing.i18n import fonts, slot_of
from briefing.i18n.tags import han_form
from briefing.layout import BULLET
from briefing.layout.citations import speaker_notes
from briefing.resources import font_file
from tests.i18n.language_decks import LANGUAGES, chart_words, load, text_boxes


@cache
def _cmap(path: Path, family: str = "") -> frozenset[int]:
    if path.suffix.lower() == ".ttc":
        with TTCollection(str(path), lazy=True) as collection:
            for face in collection.fonts:
                if face["name"].getBestFamilyName() == family:
                    return frozenset(face.getBestCmap())
        raise AssertionError(f"{family} is not in {path}")
    with TTFont(str(path), lazy=True) as font:
        return frozenset(font.getBestCmap())


def _font_for(char: str, bold: bool, form: str) -> tuple[Path, str]:
    slot = slot_of(char)
    if slot == "latin":
        return font_file(bold=bold), ""
    path = fonts.font_file(slot, bold=bold)
    assert path is not None, f"no {slot} font installed (see the README's commands)"
    return path, fonts.SCRIPT_FONTS[slot].family(form)


def _missing(text: str, bold: bool, form: str) -> set[str]:
    missing = set()
    for char in set(text):
        if char.isspace():
            continue
        path, family = _font_for(char, bold, form)
        if ord(char) not in _cmap(path, family):
            missing.add(f"{char} U+{ord(char):04X} in {path.name} {family}")
    return missing


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_character_on_a_slide_has_a_glyph_in_its_font(language: str) -> None:
    storyboard = load(language)
    form = han_form(storyboard.language)
    missing: set[str] = set()
    for box in text_boxes(storyboard):
        missing |= _missing(
            box.text + (BULLET if any(p.bullet for p in box.paragraphs) else ""), box.bold, form
        )
    for word in chart_words(storyboard):
        missing |= _missing(word, False, form) | _missing(word, True, form)
    assert not missing


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_character_of_the_notes_has_a_glyph_in_its_font(language: str) -> None:
    storyboard = load(language)
    notes = "".join(speaker_notes(storyboard, slide) for slide in storyboard.slides)
    assert not _missing(notes, False, han_form(storyboard.language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_examples_use_the_script_they_are_written_in(language: str) -> None:
    slots = {slot_of(char) for box in text_boxes(load(language)) for char in box.text}
    assert slots == {"latin", "arabic" if language == "ar" else "cjk"}
