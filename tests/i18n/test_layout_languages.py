"""The layout of the example storyboards: right-to-left paragraphs sit on the right with the bullet
on the right, generated text is in the talk's language, and a missing font is a located warning."""

from __future__ import annotations

import pytest

from briefing.i18n import fonts
from briefing.layout import TextBox, layout_slide
from briefing.layout.fit import TITLE_RECT
from briefing.layout.textfit import WIDTH_SAFETY, text_width
from briefing.layout.theme import resolve_theme
from briefing.storyboard import check
from briefing.storyboard.load import load_storyboard
from tests.i18n.language_decks import deck_path, load, sources_index


def _slide(language: str, title: str):
    storyboard = load(language)
    index = next(n for n, slide in enumerate(storyboard.slides) if slide.title == title)
    return layout_slide(storyboard, index, resolve_theme(storyboard.theme))


def _body(language: str, title: str) -> TextBox:
    return _slide(language, title).text("body")[0]


def test_arabic_bullets_are_right_aligned_with_the_bullet_on_the_right() -> None:
    box = _body("ar", "من الأراضي الزراعية إلى مدينة للعلوم")
    lines = box.lines()
    assert lines and all(line.rtl for line in lines)
    for line in lines:
        right = line.x + text_width(line.text, line.size, box.bold, box.italic)
        assert right == pytest.approx(box.rect.right - box.text_indent(box.paragraphs[line.paragraph]))
        if line.bullet_x is not None:
            assert line.bullet_x > right  # the bullet stands right of the text
    assert box.side == "right"


def test_arabic_title_is_right_aligned_and_english_stays_left() -> None:
    title = _slide("ar", "حجم حديقة واحدة").text("title")[0]
    line = title.lines()[0]
    assert line.x + text_width(line.text, line.size, bold=True) == pytest.approx(title.rect.right)
    english = layout_slide(load_storyboard(None), 2, resolve_theme(None)).text("title")[0].lines()[0]
    assert english.x == TITLE_RECT.x and not english.rtl


def test_a_latin_line_in_an_arabic_box_keeps_left_of_the_free_band() -> None:
    storyboard = load("ar")
    sources = layout_slide(storyboard, sources_index(storyboard), resolve_theme(storyboard.theme))
    body = sources.text("body")[0]
    line = body.lines()[0]
    assert not line.rtl and line.x < body.rect.x + body.rect.w * (1 - WIDTH_SAFETY) + 60


@pytest.mark.parametrize(
    ("language", "label", "title", "footer", "byline", "credit"),
    [
        (
            "zh-CN",
            "第1部分，共2部分",
            "资料来源",
            "来源：",
            "简报小组  ·  2026年11月29日",
            "——陈林博士，复旦大学创新研究院院长",
        ),
        (
            "ja",
            "セクション 1/2",
            "出典",
            "出典：",
            "ブリーフィング・チーム  ·  2026年11月29日",
            "――陳林博士（復旦大学イノベーション研究院院長）",
        ),
        (
            "ar",
            "القسم 1 من 2",
            "المصادر",
            "المصدر: ",
            "فريق الإحاطة  ·  29 نوفمبر 2026",
            "— د. تشن لين، عميد معهد الابتكار في جامعة فودان",
        ),
    ],
)
def test_generated_text_is_in_the_storyboards_language(
    language: str, label: str, title: str, footer: str, byline: str, credit: str
) -> None:
    storyboard = load(language)
    theme = resolve_theme(storyboard.theme)
    layouts = [layout_slide(storyboard, n, theme) for n in range(len(storyboard.slides))]
    texts = [box.text for layout in layouts for box in layout.texts]
    sources = layouts[sources_index(storyboard)]
    assert sources.text("title")[0].text == title
    assert label in texts and byline in texts and credit in texts
    footers = [box.text for layout in layouts for box in layout.text("footer")]
    assert footers and all(text.startswith(footer) for text in footers)
    assert not any(word in " ".join(texts) for word in ("Section 1 of", "Source:", "Sources"))


def test_a_missing_font_is_a_warning_at_language(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(fonts, "font_dirs", lambda: (tmp_path,))
    _, diagnostics = check(deck_path("ja"))
    warnings = [d for d in diagnostics if d.code == "missing-font"]
    assert [(d.line, d.col, d.severity) for d in warnings] == [
        (7, 11, "warning")
    ]  # the value of `language: ja`
    assert "Noto Sans CJK" in warnings[0].message and "fonts-noto-cjk" in warnings[0].hint


def test_installed_fonts_give_no_warning() -> None:
    for language in ("zh-CN", "ja", "ar"):
        _, diagnostics = check(deck_path(language))
        assert not diagnostics, [d.format() for d in diagnostics]


def test_arabic_slides_put_the_title_rule_and_quote_mark_on_the_right() -> None:
    quote = _slide("ar", "من تصنيع الهواتف إلى ابتكار الرقائق")
    (mark,) = quote.text("quote-mark")
    (text,) = quote.text("quote")
    assert mark.rect.x > text.rect.right - 1 and mark.align == "right"
    (rule,) = [shape for shape in quote.shapes if shape.role == "rule"]
    assert rule.rect.right == pytest.approx(TITLE_RECT.right)
    english = layout_slide(load_storyboard(None), 2, resolve_theme(None))
    (english_rule,) = [shape for shape in english.shapes if shape.role == "rule"]
    assert english_rule.rect.x == TITLE_RECT.x


def test_an_english_citation_in_an_arabic_footer_keeps_its_closing_quote_at_its_end() -> None:
    footer = _slide("ar", "من تصنيع الهواتف إلى ابتكار الرقائق").text("footer")[0].text
    label = "Shanghai as a technology innovation hub (investigative report)"
    assert footer.startswith(f"المصدر: {label}\u200e — “")
    assert footer.endswith("Innovation Institute”\u200e")
    english = layout_slide(load_storyboard(None), 2, resolve_theme(None)).text("footer")[0].text
    assert "\u200e" not in english


@pytest.mark.parametrize("language", ["zh-CN", "ja", "ar"])
def test_the_examples_check_clean_against_the_report(
    language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every figure they show is the report's, proved by `check --source` (strict: no warning)."""
    from briefing.cli import main
    from tests.shared_report import shared_report

    assert main(["check", "--strict", str(deck_path(language)), "--source", f"report={shared_report()}"]) == 0
    captured = capsys.readouterr()
    assert "no problems" in captured.err + captured.out
