"""Warnings: missing notes, too many bullets, unsourced figures, text in a foreign script."""

from __future__ import annotations

from pathlib import Path

from briefing.errors import Diagnostic
from briefing.storyboard import check
from briefing.storyboard.lint import script_of

HEAD = "title: T\nlanguage: {language}\nsources: {{r: {{title: R}}}}\nsections:\n  - title: S\n    slides:\n"


def warnings(write, body: str, language: str = "en") -> list[Diagnostic]:
    board, diagnostics = check(write(HEAD.format(language=language) + body))
    assert board is not None, [d.format() for d in diagnostics]
    assert all(d.severity == "warning" for d in diagnostics)
    return diagnostics


def codes(found: list[Diagnostic]) -> list[tuple[int, int, str]]:
    return [(d.line, d.col, d.code) for d in found]


def test_clean_slide_has_no_warnings(write_storyboard) -> None:
    assert warnings(write_storyboard, "      - {title: A, notes: n, bullets: [x]}\n") == []


def test_slide_without_notes(write_storyboard) -> None:
    found = warnings(write_storyboard, "      - title: A\n        bullets: [x]\n")
    assert codes(found) == [(7, 9, "no-notes")]
    assert found[0].message == "slide 'A' has no speaker notes"


def test_more_than_six_bullets(write_storyboard) -> None:
    found = warnings(
        write_storyboard, "      - title: A\n        notes: n\n        bullets: [a, b, c, d, e, f, g]\n"
    )
    assert codes(found) == [(7, 9, "too-many-bullets")]
    assert "7 bullets" in found[0].message


def test_six_bullets_are_fine(write_storyboard) -> None:
    assert warnings(write_storyboard, "      - {title: A, notes: n, bullets: [a, b, c, d, e, f]}\n") == []


def test_figures_without_sources(write_storyboard) -> None:
    body = (
        "      - {title: A, notes: n, stats: [{value: 1, label: L}]}\n"
        "      - {title: B, notes: n, chart: {type: pie, categories: [a], series: [{name: s, values: [1]}]}}"
        "\n"
        "      - {title: C, notes: n, sources: [{ref: r}], stats: [{value: 1, label: L}]}\n"
    )
    assert codes(warnings(write_storyboard, body)) == [(7, 9, "unsourced-figure"), (8, 9, "unsourced-figure")]


def test_chinese_spam_in_an_english_storyboard_is_located(write_storyboard) -> None:
    body = (
        "      - title: Growth\n        notes: |\n          Say this.\n          Call now 加微信 for deals\n"
    )
    found = warnings(write_storyboard, body + "        bullets: [x]\n")
    assert codes(found) == [(10, 20, "foreign-script")]
    assert found[0].message.startswith("Han text in a storyboard whose language is 'en'")


def test_foreign_script_in_a_flow_list_item(write_storyboard) -> None:
    found = warnings(write_storyboard, "      - {title: A, notes: n, bullets: [fine, Купить сейчас]}\n")
    assert codes(found) == [(7, 46, "foreign-script")]
    assert found[0].key_path == ("sections", 0, "slides", 0, "bullets", 1)


def test_hangul_and_arabic_are_foreign_in_english(write_storyboard) -> None:
    body = "      - {title: 안녕, notes: n, bullets: [مرحبا]}\n"
    assert codes(warnings(write_storyboard, body)) == [(7, 17, "foreign-script"), (7, 41, "foreign-script")]


def test_chinese_storyboard_accepts_chinese_and_latin(write_storyboard) -> None:
    body = "      - {title: 上海创新, notes: 张江 Zhangjiang, bullets: [AI 芯片]}\n"
    assert warnings(write_storyboard, body, language="zh") == []


def test_accented_latin_and_symbols_are_not_foreign(write_storyboard) -> None:
    body = "      - {title: Zürich café, notes: 25 km² → €3bn “quoted” ±5 µm π Ω, bullets: [x]}\n"
    assert warnings(write_storyboard, body) == []


def test_script_of() -> None:
    assert script_of("上") == "Han" and script_of("한") == "Hangul" and script_of("Ж") == "Cyrillic"
    assert script_of("é") == "Latin" and script_of("5") is None and script_of("€") is None


def test_warnings_are_reported_even_when_there_are_errors(write_storyboard) -> None:
    path: Path = write_storyboard(HEAD.format(language="en") + "      - {title: 广告, bullets: 5}\n")
    _, diagnostics = check(path)
    assert [(d.line, d.col, d.severity) for d in diagnostics] == [(7, 17, "warning"), (7, 30, "error")]
