"""Languages: one place that the storyboard, the layout, the renderer and the exporter ask.

Pure Python (no Qt, no pptx) and below the storyboard: it imports nothing of
briefing's (import-linter holds it there), so every layer may import it.

Modules: ``tags`` (BCP 47 ``language:`` tags, checked with a hint), ``scripts``
(the script of a character and of a paragraph, its direction), ``fonts`` (the
font each script is measured and drawn with, where it lives, what the deck
names), ``breaking`` (where a line may break: UAX #14 from ``uniseg``, with the
CJK rules of kinsoku), ``strings`` (the one table of generated text per
language, for translators to extend).
"""

from __future__ import annotations

from briefing.i18n.scripts import Slot, is_rtl, paragraph_language, slot_of, slot_runs
from briefing.i18n.strings import Strings, strings_for
from briefing.i18n.tags import LanguageTag, TagProblem, parse_tag

__all__ = [
    "LanguageTag",
    "Slot",
    "Strings",
    "TagProblem",
    "is_rtl",
    "paragraph_language",
    "parse_tag",
    "slot_of",
    "slot_runs",
    "strings_for",
]
