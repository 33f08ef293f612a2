"""Generated text comes from one table per language, and every language fills every entry."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from briefing.i18n import strings_for
from briefing.i18n.strings import CHART_KINDS, TABLE, Strings

REQUIRED = ("en", "zh-CN", "zh-TW", "ja", "ko", "ar", "de", "fr", "es")


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", text))


def test_the_table_has_every_language_the_issue_names() -> None:
    assert set(REQUIRED) <= set(TABLE)


@pytest.mark.parametrize("key", sorted(TABLE))
def test_every_language_fills_every_entry_with_the_same_placeholders(key: str) -> None:
    entry = TABLE[key]
    assert set(entry) == {f.name for f in fields(Strings)}
    for name, english in TABLE["en"].items():
        if name in ("date", "months"):
            continue
        assert _placeholders(entry[name]) == _placeholders(english), (key, name)
    assert entry["months"] == "" or len(entry["months"].split()) == 12
    assert len(entry["charts"].split("|")) == len(CHART_KINDS) + 1


@pytest.mark.parametrize(
    ("tag", "title", "section", "source", "date", "credit"),
    [
        ("en", "Sources", "Section 1 of 2", "Source: R", "2026-11-29", "— Chen Lin, Dean"),
        ("zh-CN", "资料来源", "第1部分，共2部分", "来源：R", "2026年11月29日", "——Chen Lin，Dean"),
        ("zh-Hant-TW", "資料來源", "第1部分，共2部分", "來源：R", "2026年11月29日", "——Chen Lin，Dean"),
        ("ja", "出典", "セクション 1/2", "出典：R", "2026年11月29日", "――Chen Lin（Dean）"),
        ("ko", "출처", "섹션 1/2", "출처: R", "2026년 11월 29일", "— Chen Lin, Dean"),
        ("ar-EG", "المصادر", "القسم 1 من 2", "المصدر: R", "29 نوفمبر 2026", "— Chen Lin، Dean"),
        ("de-AT", "Quellen", "Abschnitt 1 von 2", "Quelle: R", "29. November 2026", "— Chen Lin, Dean"),
        ("fr", "Sources", "Section 1 sur 2", "Source\u00a0: R", "29 novembre 2026", "— Chen Lin, Dean"),
        ("es", "Fuentes", "Sección 1 de 2", "Fuente: R", "29 de noviembre de 2026", "— Chen Lin, Dean"),
    ],
)
def test_generated_text_is_in_the_talks_language(
    tag: str, title: str, section: str, source: str, date: str, credit: str
) -> None:
    strings = strings_for(tag)
    assert strings.sources_title == title
    assert strings.section_label(1, 2) == section
    assert strings.source_line("R") == source
    assert strings.format_date("2026-11-29") == date
    assert strings.attribution_line("Chen Lin", "Dean") == credit


def test_chinese_without_region_is_simplified_and_an_unknown_language_is_english() -> None:
    assert strings_for("zh").sources_title == "资料来源"
    assert strings_for("zh-SG").sources_title == "资料来源"
    assert strings_for("pt-BR").sources_title == "Sources"


def test_a_date_that_is_not_iso_stays_as_written() -> None:
    assert strings_for("de").format_date("Spring 2026") == "Spring 2026"
    assert strings_for("de").format_date("2026-13-01") == "2026-13-01"


def test_chart_types_are_named_in_the_talks_language() -> None:
    assert strings_for("en").chart_kind("hbar") == "Horizontal bar chart"
    assert strings_for("zh-CN").chart_kind("pie") == "饼图"
    assert strings_for("ar").chart_kind("line") == "مخطط خطي"
    assert strings_for("de").chart_kind("unknown") == "Diagramm"
