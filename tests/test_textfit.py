"""Text is measured with Liberation Sans, wrapped greedily and fitted by size."""

from __future__ import annotations

from briefing.layout.textfit import FitPara, block_height, fit_size, text_width, wrap_lines


def test_width_scales_linearly_with_size():
    assert text_width("Shanghai", 80) == 2 * text_width("Shanghai", 40)
    assert text_width("Shanghai", 40, bold=True) > text_width("Shanghai", 40)
    assert text_width("", 40) == 0


def test_wrap_keeps_every_word_in_order_and_within_width():
    text = "Four universities in the global top 100 and over 300 multinational R&D centres"
    lines = wrap_lines(text, 44, False, 600)
    assert len(lines) > 1
    assert " ".join(lines) == text
    assert all(text_width(line, 44) <= 600 for line in lines)


def test_wrap_breaks_words_wider_than_the_box():
    lines = wrap_lines("x" * 200, 40, True, 300)
    assert "".join(lines) == "x" * 200
    assert all(text_width(line, 40, bold=True) <= 300 for line in lines)


def test_wrap_honours_newlines_and_empty_text():
    assert wrap_lines("one\ntwo", 30, False, 2000) == ["one", "two"]
    assert wrap_lines("", 30, False, 100) == [""]


def test_fit_picks_the_largest_size_that_fits():
    paras = (FitPara("A science city on former farmland, twice as large as planned"),)
    size, overflow = fit_size(paras, 900, 170, max_size=72, min_size=44, bold=True, line_spacing=1.1)
    assert not overflow and 44 <= size < 72
    fits = block_height(paras, size, 900 * 0.96, bold=True, line_spacing=1.1)
    too_big = block_height(paras, size + 1, 900 * 0.96, bold=True, line_spacing=1.1)
    assert fits <= 170 < too_big


def test_fit_flags_overflow_at_the_minimum_size():
    paras = (FitPara("word " * 400),)
    assert fit_size(paras, 800, 100, max_size=44, min_size=28) == (28, True)


def test_unwrapped_text_must_fit_on_one_line():
    paras = (FitPara("16,000+"),)
    size, overflow = fit_size(paras, 400, 400, max_size=160, min_size=40, bold=True, wrap=False)
    assert not overflow
    assert text_width("16,000+", size, bold=True) <= 400 * 0.96


def test_unwrapped_text_measures_each_line_break_as_a_line() -> None:
    two = block_height((FitPara("Short\nlines"),), 40, text_width("Short", 40) + 1, wrap=False)
    assert two == 2 * 40 * 1.15  # fits: each line is measured on its own, not "Short\nlines" as one
