"""The exported decks of the example storyboards name the right language, fonts and direction, and
an English deck names Arial as it always did."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from briefing.export.pptx import export_deck
from briefing.storyboard.load import load_storyboard
from tests.i18n.language_decks import load

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NS = {"a": A, "c": C}
ARABIC = re.compile("[\u0600-\u06ff]")
HAN = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")


def _export(language: str, tmp_path: Path) -> zipfile.ZipFile:
    out = tmp_path / f"{language}.pptx"
    export_deck(load(language) if language != "en" else load_storyboard(None), out)
    return zipfile.ZipFile(out)


def _parts(deck: zipfile.ZipFile, prefix: str) -> list[etree._Element]:
    names = sorted(n for n in deck.namelist() if n.startswith(prefix) and n.endswith(".xml"))
    return [etree.fromstring(deck.read(name)) for name in names]


def _paragraphs(deck: zipfile.ZipFile) -> list[tuple[etree._Element, str]]:
    found = []
    for slide in _parts(deck, "ppt/slides/slide"):
        for para in slide.iter(f"{{{A}}}p"):
            text = "".join(para.itertext())
            if text.strip():
                found.append((para, text))
    return found


@pytest.mark.parametrize(("language", "face"), [("zh-CN", "Noto Sans CJK SC"), ("ja", "Noto Sans CJK JP")])
def test_cjk_runs_carry_the_tag_and_name_the_noto_font(language: str, face: str, tmp_path: Path) -> None:
    deck = _export(language, tmp_path)
    runs = [r for para, _ in _paragraphs(deck) for r in para.iter(f"{{{A}}}rPr")]
    assert runs and {r.get("lang") for r in runs} == {language}
    assert {r.find("a:ea", NS).get("typeface") for r in runs} == {face}
    assert {r.find("a:latin", NS).get("typeface") for r in runs} == {"Arial"}
    for para, text in _paragraphs(deck):
        if HAN.search(text):
            p_pr = para.find("a:pPr", NS)
            assert (p_pr.get("eaLnBrk"), p_pr.get("hangingPunct"), p_pr.get("rtl")) == ("1", "0", None)


def test_arabic_paragraphs_run_right_to_left_on_the_right(tmp_path: Path) -> None:
    deck = _export("ar", tmp_path)
    arabic = [(para, text) for para, text in _paragraphs(deck) if ARABIC.search(text)]
    assert len(arabic) > 25
    wrong = [text for para, text in arabic if para.find("a:pPr", NS).get("rtl") != "1"]
    assert not wrong
    aligned = {para.find("a:pPr", NS).get("algn") for para, text in arabic}
    assert aligned == {"r", "ctr"}  # stats and their labels are centred, everything else on the right
    for para, _text in arabic:
        for r_pr in para.iter(f"{{{A}}}rPr"):
            assert r_pr.get("lang") == "ar"
            assert r_pr.find("a:cs", NS).get("typeface") == "Noto Sans Arabic"


def test_the_latin_sources_list_in_an_arabic_deck_stays_left_to_right(tmp_path: Path) -> None:
    deck = _export("ar", tmp_path)
    last = _parts(deck, "ppt/slides/slide")[-1]
    label = next(p for p in last.iter(f"{{{A}}}p") if "investigative report" in "".join(p.itertext()))
    assert label.find("a:pPr", NS).get("rtl") is None and label.find("a:pPr", NS).get("algn") == "l"


@pytest.mark.parametrize(
    ("language", "face", "kind"), [("zh-CN", "Noto Sans CJK SC", "ea"), ("ar", "Noto Sans Arabic", "cs")]
)
def test_chart_text_has_the_language_and_its_font(
    language: str, face: str, kind: str, tmp_path: Path
) -> None:
    deck = _export(language, tmp_path)
    (chart,) = _parts(deck, "ppt/charts/chart")
    assert chart.find("c:lang", NS).get("val") == language
    defaults = list(chart.iter(f"{{{A}}}defRPr"))
    assert defaults and {d.get("lang") for d in defaults} == {language}
    assert chart.find("c:txPr//a:defRPr", NS).find(f"a:{kind}", NS).get("typeface") == face
    title_runs = chart.findall(".//c:valAx/c:title//a:r/a:rPr", NS)
    assert title_runs and all(r.get("lang") == language for r in title_runs)
    assert all(r.find(f"a:{kind}", NS).get("typeface") == face for r in title_runs)


@pytest.mark.parametrize(
    ("language", "ea", "cs"),
    [
        ("zh-CN", "Noto Sans CJK SC", ""),
        ("ja", "Noto Sans CJK JP", ""),
        ("ar", "", "Noto Sans Arabic"),
        ("en", "", ""),
    ],
)
def test_the_theme_names_a_noto_font_per_script(language: str, ea: str, cs: str, tmp_path: Path) -> None:
    deck = _export(language, tmp_path)
    themes = _parts(deck, "ppt/theme/theme")
    assert len(themes) == 2  # the slide master's and the notes master's
    for theme in themes:
        for scheme in (*theme.iter(f"{{{A}}}majorFont"), *theme.iter(f"{{{A}}}minorFont")):
            scripts = {f.get("script"): f.get("typeface") for f in scheme.findall("a:font", NS)}
            assert scripts["Hans"] == "Noto Sans CJK SC" and scripts["Jpan"] == "Noto Sans CJK JP"
            assert scripts["Hant"] == "Noto Sans CJK TC" and scripts["Hang"] == "Noto Sans CJK KR"
            assert scripts["Arab"] == "Noto Sans Arabic" and scripts["Hebr"] == "Noto Sans Hebrew"
            assert scheme.find("a:ea", NS).get("typeface") == ea
            assert scheme.find("a:cs", NS).get("typeface") == cs


def test_notes_carry_the_language(tmp_path: Path) -> None:
    deck = _export("ar", tmp_path)
    notes = _parts(deck, "ppt/notesSlides/notesSlide")
    langs = {r.get("lang") for page in notes for r in page.iter(f"{{{A}}}rPr")}
    assert langs == {"ar"}


def test_english_runs_name_arial_three_times_as_before(tmp_path: Path) -> None:
    deck = _export("en", tmp_path)
    paragraphs = _paragraphs(deck)
    runs = [r for para, _ in paragraphs for r in para.iter(f"{{{A}}}rPr")]
    assert {r.get("lang") for r in runs} == {"en"}
    for kind in ("latin", "ea", "cs"):
        assert {r.find(f"a:{kind}", NS).get("typeface") for r in runs} == {"Arial"}
    assert not [p for p, _ in paragraphs if {"rtl", "eaLnBrk"} & set(p.find("a:pPr", NS).keys())]


SMALL = """
title: {title}
language: {language}
sections:
  - title: {title}
    notes: n
    slides:
      - title: {title}
        notes: n
        bullets: ["{bullet}", "A Latin line"]
"""


def _small_deck(write_storyboard, tmp_path: Path, **values: str) -> zipfile.ZipFile:
    out = tmp_path / "small.pptx"
    export_deck(load_storyboard(write_storyboard(SMALL.format(**values))), out)
    return zipfile.ZipFile(out)


@pytest.mark.parametrize(
    ("language", "text", "kind", "face", "lang"),
    [
        ("zh-TW", "臺北的新創公司很多。", "ea", "Noto Sans CJK TC", "zh-TW"),
        ("ko", "서울의 스타트업이 많다.", "ea", "Noto Sans CJK KR", "ko"),
        ("he", "שנגחאי היא מרכז חדשנות.", "cs", "Noto Sans Hebrew", "he"),
        ("en", "上海是创新中心。", "ea", "Noto Sans CJK SC", "zh"),  # a Chinese paragraph in an English deck
        ("en", "التقرير", "cs", "Noto Sans Arabic", "ar"),
    ],
)
def test_each_paragraph_names_its_scripts_font_and_language(
    write_storyboard, tmp_path: Path, language: str, text: str, kind: str, face: str, lang: str
) -> None:
    deck = _small_deck(write_storyboard, tmp_path, title="T", language=language, bullet=text)
    para = next(p for p, t in _paragraphs(deck) if t == text)
    r_pr = para.find(".//a:rPr", NS)
    assert r_pr.get("lang") == lang
    assert r_pr.find(f"a:{kind}", NS).get("typeface") == face
    assert (para.find("a:pPr", NS).get("rtl") == "1") == (kind == "cs")
    latin = next(p for p, t in _paragraphs(deck) if t == "A Latin line")
    assert latin.find(".//a:rPr", NS).get("lang") == language
    assert latin.find("a:pPr", NS).get("rtl") is None


def _theme_scripts(deck: zipfile.ZipFile) -> dict[str, str]:
    theme = _parts(deck, "ppt/theme/theme")[0]
    scheme = theme.find(".//a:minorFont", NS)
    return {f.get("script"): f.get("typeface") for f in scheme.findall("a:font", NS)}


def test_a_company_templates_theme_changes_only_for_the_talks_script(tmp_path: Path) -> None:
    from tests.export.conftest import build_corporate_template

    template = build_corporate_template(tmp_path / "corporate.pptx")
    with zipfile.ZipFile(template) as original:
        before = _theme_scripts(original)
    english, chinese = tmp_path / "en.pptx", tmp_path / "zh.pptx"
    export_deck(load_storyboard(None), english, template=template)
    export_deck(load("zh-CN"), chinese, template=template)
    with zipfile.ZipFile(english) as deck:
        assert _theme_scripts(deck) == before
    with zipfile.ZipFile(chinese) as deck:
        assert _theme_scripts(deck) == before | {"Hans": "Noto Sans CJK SC"}
        runs = [r for para, text in _paragraphs(deck) if HAN.search(text) for r in para.iter(f"{{{A}}}rPr")]
        assert runs and {r.find("a:ea", NS).get("typeface") for r in runs} == {"Noto Sans CJK SC"}
        assert all(r.find("a:latin", NS) is None for r in runs)  # Latin text keeps the template's font
