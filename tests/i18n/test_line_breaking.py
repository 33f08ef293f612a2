"""CJK text wraps between characters under the kinsoku rules; Latin text wraps where it always did;
each script is measured with its own font (Arabic shaped)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import ImageFont

from briefing.i18n import fonts
from briefing.i18n.breaking import CLOSING, OPENING, breaks_kinsoku
from briefing.layout.textfit import REF_SIZE, text_width, wrap_lines

HAN = "浦东张江高科技园区曾经是一片农田如今聚集了上万家企业"
KANA = "ひらがなカタカナのテキストです"
PUNCT_CLOSE = "，。、）」』！？：；"
PUNCT_OPEN = "（「『"

cjk_text = st.lists(
    st.one_of(
        st.sampled_from(HAN + KANA),
        st.builds(lambda w, c: w + c, st.sampled_from(HAN + KANA), st.sampled_from(PUNCT_CLOSE)),
        st.builds(
            lambda o, w, c: o + w + c,
            st.sampled_from(PUNCT_OPEN),
            st.sampled_from(HAN),
            st.sampled_from("）」』"),
        ),
        st.sampled_from(["2025", "AI", "58%"]),
    ),
    min_size=1,
    max_size=80,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=cjk_text, width=st.integers(min_value=160, max_value=900))
def test_cjk_lines_never_start_with_closing_or_end_with_opening_punctuation(text: str, width: int) -> None:
    lines = wrap_lines(text, 40, False, float(width))
    # At least four characters a line (real boxes hold ten and more)
    assert "".join(lines) == text  # nothing lost, no spaces added between characters
    assert not breaks_kinsoku(lines), lines
    for line in lines:
        assert text_width(line, 40) <= width


def test_chinese_wraps_between_characters_without_spaces() -> None:
    text = "浦东张江高科技园区所在的地方，过去是一片农田；如今它被称为「科学城」，中芯国际等企业都在这里。"
    lines = wrap_lines(text, 52, False, 600.0)
    assert len(lines) > 3 and "".join(lines) == text
    assert all(line[:1] not in CLOSING for line in lines[1:])
    assert all(line[-1:] not in OPENING for line in lines)


def test_japanese_quote_mark_stays_with_the_quoted_word() -> None:
    text = "報告書によれば、園内は「24時間眠らない」。技術者は研究開発棟の間を行き来する。"
    for width in range(200, 900, 13):
        lines = wrap_lines(text, 40, False, float(width))
        assert not breaks_kinsoku(lines), (width, lines)


def test_latin_text_wraps_only_at_spaces_as_before() -> None:
    text = "State-owned funds de-risk private capital in Zhangjiang's well-known park"
    lines = wrap_lines(text, 52, False, 500.0)
    assert all(not line.endswith("-") for line in lines)
    assert " ".join(lines) == text


def test_an_ideograph_is_one_em_wide_in_noto_sans_cjk() -> None:
    assert text_width("上海", 100) == 200.0
    assert text_width("上海", 100, bold=True) == 200.0


def test_arabic_is_measured_shaped_with_its_own_font() -> None:
    word = "الابتكار"
    path = fonts.font_file("arabic")
    assert path is not None
    shaped = ImageFont.truetype(str(path), REF_SIZE, layout_engine=ImageFont.Layout.RAQM)
    assert text_width(word, REF_SIZE) == shaped.getlength(word, direction="rtl")
    isolated = sum(shaped.getlength(char, direction="rtl") for char in word)
    assert text_width(word, REF_SIZE) < isolated  # joined letters are narrower


def test_latin_runs_inside_other_scripts_keep_the_latin_font() -> None:
    assert text_width("上海AI", 100) == text_width("上海", 100) + text_width("AI", 100)
