"""The figure reader: every written form a report uses, read as one figure.

A figure is (value, scale, kind, unit, currency).

Both `check --source` and `briefing draft` read figures with it, so these
tables are what a cited phrase can prove and what a draft can show.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.storyboard.figures import (
    DIFFERENT,
    SAME,
    Number,
    agreement,
    best_agreement,
    figures_in,
    numbers_in,
    shown_figure,
    slide_form,
)
from briefing.storyboard.numbers import format_number
from tests.property.property_settings import examples

B, M, K = 1e9, 1e6, 1e3


def _read(text: str, words: bool = False) -> list[tuple[float, float, str, str, str]]:
    return [(n.value, n.scale, n.kind, n.unit, n.currency) for n in numbers_in(text, words=words)]


# --------------------------------------------------------------------------- written forms
READ = [
    # money: symbols, codes and words, before or after, with scale words
    ("$48bn", [(48, B, "money", "", "USD")]),
    ("$48 billion", [(48, B, "money", "", "USD")]),
    ("48,000 million dollars", [(48000, M, "money", "", "USD")]),
    ("€48 billion", [(48, B, "money", "", "EUR")]),
    ("€35m", [(35, M, "money", "", "EUR")]),
    ("£2bn", [(2, B, "money", "", "GBP")]),
    ("US$25 million", [(25, M, "money", "", "USD")]),
    ("HK$3.2bn", [(3.2, B, "money", "", "HKD")]),
    ("₦1.2 trillion", [(1.2, 1e12, "money", "", "NGN")]),
    ("NGN 450 billion", [(450, B, "money", "", "NGN")]),
    ("USD 5 million", [(5, M, "money", "", "USD")]),
    ("5 million USD", [(5, M, "money", "", "USD")]),
    ("EUR 12.5m", [(12.5, M, "money", "", "EUR")]),
    ("Rs 500 crore", [(500, 1e7, "money", "", "INR")]),
    ("KSh 650", [(650, 1, "money", "", "KES")]),
    ("50 billion yuan", [(50, B, "money", "", "CNY")]),
    ("RMB 3 billion", [(3, B, "money", "", "CNY")]),
    ("2 trillion renminbi", [(2, 1e12, "money", "", "CNY")]),
    ("¥50bn", [(50, B, "money", "", "¥")]),
    ("￥８０亿", [(80, 1e8, "money", "", "¥")]),
    ("900 billion naira", [(900, B, "money", "", "NGN")]),
    ("$1.5trn", [(1.5, 1e12, "money", "", "USD")]),
    ("$500k", [(500, K, "money", "", "USD")]),
    ("50亿元", [(50, 1e8, "money", "", "CNY")]),
    ("1.2万亿元", [(1.2, 1e12, "money", "", "CNY")]),
    ("人民币300亿元", [(300, 1e8, "money", "", "CNY")]),
    ("500万美元", [(500, 1e4, "money", "", "USD")]),
    ("3亿欧元", [(3, 1e8, "money", "", "EUR")]),
    ("-$5bn", [(-5, B, "money", "", "USD")]),
    # shares: percent, percentage points, basis points
    ("35%", [(35, 1, "percent", "%", "")]),
    ("35 percent", [(35, 1, "percent", "%", "")]),
    ("35 per cent", [(35, 1, "percent", "%", "")]),
    ("２５％", [(25, 1, "percent", "%", "")]),
    ("增长12.5%", [(12.5, 1, "percent", "%", "")]),
    ("百分之三十", [(30, 1, "percent", "%", "")]),
    ("百分之12.5", [(12.5, 1, "percent", "%", "")]),
    ("5‰", [(5, 0.1, "percent", "%", "")]),
    ("-3%", [(-3, 1, "percent", "%", "")]),
    ("−3%", [(-3, 1, "percent", "%", "")]),
    ("58 pp", [(58, 1, "pp", "pp", "")]),
    ("7 percentage points", [(7, 1, "pp", "pp", "")]),
    ("提高3个百分点", [(3, 1, "pp", "pp", "")]),
    ("50 basis points", [(50, 0.01, "pp", "pp", "")]),
    # multiples
    ("3.4x", [(3.4, 1, "multiple", "x", "")]),
    ("3.4 times", [(3.4, 1, "multiple", "x", "")]),
    ("a 2.5-fold rise", [(2.5, 1, "multiple", "x", "")]),
    ("3.4倍", [(3.4, 1, "multiple", "x", "")]),
    ("a threefold rise", [(3, 1, "multiple", "x", "")]),
    ("a three-fold rise", [(3, 1, "multiple", "x", "")]),
    ("增长了三倍", [(3, 1, "multiple", "x", "")]),
    # shares in tenths (成)
    ("约占全国的四成", [(40, 1, "percent", "%", "")]),
    # measures
    ("25 km²", [(25, 1, "measure", "km²", "")]),
    ("25 square kilometers", [(25, 1, "measure", "km²", "")]),
    ("25 square kilometres", [(25, 1, "measure", "km²", "")]),
    ("25 sq km", [(25, 1, "measure", "km²", "")]),
    ("25km2", [(25, 1, "measure", "km²", "")]),
    ("25平方公里", [(25, 1, "measure", "km²", "")]),
    ("25平方千米", [(25, 1, "measure", "km²", "")]),
    ("25 mi²", [(25, 1, "measure", "mi²", "")]),
    ("25 square miles", [(25, 1, "measure", "mi²", "")]),
    ("25 km", [(25, 1, "measure", "km", "")]),
    ("120公里", [(120, 1, "measure", "km", "")]),
    ("3,000 m²", [(3000, 1, "measure", "m²", "")]),
    ("40 hectares", [(40, 1, "measure", "ha", "")]),
    ("1,400 MW", [(1400, 1, "measure", "MW", "")]),
    ("1.4 GW", [(1.4, 1, "measure", "GW", "")]),
    ("300万千瓦", [(300, 1e4, "measure", "kW", "")]),
    ("2 million tonnes", [(2, M, "measure", "t", "")]),
    ("500万吨", [(500, 1e4, "measure", "t", "")]),
    ("45 TWh", [(45, 1, "measure", "TWh", "")]),
    ("每公斤160瓦时", [(160, 1, "measure", "Wh", "")]),
    # counts: plain, scaled, Chinese counters glued to Han characters
    ("16,000 tech firms", [(16000, 1, "count", "", "")]),
    ("5 million people", [(5, M, "count", "", "")]),
    ("达到280万辆", [(280, 1e4, "count", "辆", "")]),
    ("共有1200家企业", [(1200, 1, "count", "家", "")]),
    ("2000家企业", [(2000, 1, "count", "家", "")]),
    ("１２００家", [(1200, 1, "count", "家", "")]),
    ("4K screens", [(4, K, "count", "", "")]),
    # ratios: one figure, not two counts
    ("1 in 5 households", [(1, 1, "ratio", "", "")]),
    ("one in five households", [(1, 1, "ratio", "", "")]),
    ("3 out of 10", [(3, 1, "ratio", "", "")]),
    ("五分之一", [(1, 1, "ratio", "", "")]),
    # ranges and changes: both ends are figures of the same kind
    ("between 30 and 40 percent", [(30, 1, "percent", "%", ""), (40, 1, "percent", "%", "")]),
    ("30–40%", [(30, 1, "percent", "%", ""), (40, 1, "percent", "%", "")]),
    ("30-40 per cent", [(30, 1, "percent", "%", ""), (40, 1, "percent", "%", "")]),
    ("30 to 40 percent", [(30, 1, "percent", "%", ""), (40, 1, "percent", "%", "")]),
    ("$30–40 million", [(30, M, "money", "", "USD"), (40, M, "money", "", "USD")]),
    ("from 12% to 19%", [(12, 1, "percent", "%", ""), (19, 1, "percent", "%", "")]),
    ("从每公斤160瓦时提高到每公斤210瓦时", [(160, 1, "measure", "Wh", ""), (210, 1, "measure", "Wh", "")]),
    ("30%-40%", [(30, 1, "percent", "%", ""), (40, 1, "percent", "%", "")]),
    # a unit written once for a list
    (
        "35, 40 and 45 percent",
        [(35, 1, "percent", "%", ""), (40, 1, "percent", "%", ""), (45, 1, "percent", "%", "")],
    ),
    ("12 or 15 km²", [(12, 1, "measure", "km²", ""), (15, 1, "measure", "km²", "")]),
    (
        "$5 million 1,200 $5 million",
        [(5, M, "money", "", "USD"), (1200, 1, "count", "", ""), (5, M, "money", "", "USD")],
    ),
    ("35 40 percent", [(35, 1, "count", "", ""), (40, 1, "percent", "%", "")]),
    # numbers spelled out, with their unit
    ("five percent", [(5, 1, "percent", "%", "")]),
    ("three times", [(3, 1, "multiple", "x", "")]),
    ("twelve million people", [(12, M, "count", "", "")]),
]


@pytest.mark.parametrize(("text", "expected"), READ, ids=[t for t, _ in READ])
def test_written_form_reads_as_one_figure(text: str, expected: list) -> None:
    wanted = [tuple(float(x) if isinstance(x, int) else x for x in e) for e in expected]
    assert _read(text, words=True) == wanted


NOT_FIGURES = [
    ("Founded in 2023", ["year"]),
    ("the 2023 survey", ["year"]),
    ("2024年", ["year"]),
    ("2024年3月12日", ["year", "date", "date"]),
    ("12 March 2024", ["date", "year"]),
    ("March 12, 2024", ["date", "year"]),
    ("top 100 universities", ["ordinal"]),
    ("ranked No. 3", ["ordinal"]),
    ("#1 in Asia", ["ordinal"]),
    ("第3名", ["ordinal"]),
    ("排名第3", ["ordinal"]),
    ("1. Academic powerhouses", ["ordinal"]),
    ("2) Costs", ["ordinal"]),
    ("3、产业规模", ["ordinal"]),
    ("(4) Risks", ["ordinal"]),
    ("see Section 4 and Table 2", ["ordinal", "ordinal"]),
    ("as page 12 shows", ["ordinal"]),
    ("a record year.[3]", ["ordinal"]),
    ("in five years.[^1] Roughly", ["ordinal"]),
    ("一成不变", []),
    ("成本下降", []),
    ("Section 2.3.1 says", []),
    ("call +86 21 6123 4567 today", []),
    ("Tel 021-6123 4567", []),
    ("on 2024-03-12", []),
    ("at 10:30", []),
    ("COVID-19 hit", []),
    ("the 1990s", []),
    ("the 3rd ring road", []),
    ("5G base stations", []),
    ("FY2023 results", []),
    ("2023/24 season", []),
    ("in 2024-25", ["year", "year"]),
]


@pytest.mark.parametrize(("text", "kinds"), NOT_FIGURES, ids=[t for t, _ in NOT_FIGURES])
def test_years_ranks_dates_and_codes_are_not_figures(text: str, kinds: list[str]) -> None:
    assert [n.kind for n in numbers_in(text)] == kinds
    assert figures_in(text) == []


def test_year_with_a_unit_or_a_comma_is_a_figure() -> None:
    kinds = [n.kind for n in numbers_in("2,023 firms, over 2000 startups and $2000")]
    assert kinds == ["count", "count", "money"]


QUALIFIED = [
    ("about 16,000 firms", "about", 0, ""),
    ("more than 300 centers", "more than", 0, ""),
    ("16,000+ firms", "+", 0, ""),
    ("nearly 40%", "nearly", 0, ""),
    ("约200家", "约", 0, ""),
    ("200多家", "多", 0, ""),
    ("100家以上", "以上", 0, ""),
    ("近三成", "近", 0, ""),
    ("fell 3%", "", -1, ""),
    ("sales dropped by 12 percent", "", -1, ""),
    ("up 7 pp", "", 1, ""),
    ("rose to 19%", "", 0, ""),  # a level reached, not a change
    ("同比下降5%", "", -1, ""),
    ("+3%", "", 1, ""),
    ("between 30 and 40 percent", "", 0, "low"),
    ("从每公斤160瓦时提高到每公斤210瓦时", "", 0, "from"),
]


@pytest.mark.parametrize(("text", "approx", "direction", "role"), QUALIFIED, ids=[q[0] for q in QUALIFIED])
def test_approximation_direction_and_role_are_kept(text: str, approx: str, direction: int, role: str) -> None:
    first = numbers_in(text)[0]
    assert (first.approx, first.direction, first.role) == (approx, direction, role)


def test_fall_keeps_the_written_value_and_a_sign_makes_it_negative() -> None:
    assert [(n.value, n.direction) for n in numbers_in("fell 3%, or -3%")] == [(3.0, -1), (-3.0, -1)]


def test_range_and_ratio_know_their_other_end() -> None:
    low, high = numbers_in("between 30 and 40 percent")
    assert (low.other, high.other, high.role) == (40.0, 30.0, "high")
    (ratio,) = numbers_in("1 in 5 adults")
    assert (ratio.text, ratio.other, ratio.share) == ("1 in 5", 5.0, 20.0)


def test_text_and_offsets_point_at_the_words_read() -> None:
    text = "Investment hit $48 billion, about 3.4x the 2019 level, and 达到280万辆."
    assert [(n.text, text[n.start : n.end]) for n in numbers_in(text) if n.is_figure] == [
        ("$48 billion", "$48 billion"),
        ("3.4x", "3.4x"),
        ("280万辆", "280万辆"),
    ]


def test_a_title_figure_reads_as_money() -> None:
    (number,) = numbers_in("Shanghai firms raised $2bn in AI")
    assert (number.amount, number.kind, number.currency) == (2e9, "money", "USD")


# --------------------------------------------------------------------------- slide side and comparison
COMPARE = [
    # (value, prefix, unit) shown, cited words, verdict
    ((48, "$", "bn"), "$48 billion", SAME),
    ((48, "$", "bn"), "48,000 million dollars", SAME),
    ((48, "$", "bn"), "US$48bn", SAME),
    ((48, "$", "bn"), "€48 billion", "currency"),
    ((48, "$", "bn"), "$48 million", "scale"),
    ((48, "$", "bn"), "$84 billion", DIFFERENT),
    ((48, "€", "bn"), "€48 billion", SAME),
    ((48, "£", "bn"), "€48 billion", "currency"),
    ((58, "", "%"), "58%", SAME),
    ((58, "", "%"), "58 per cent", SAME),
    ((58, "", "%"), "58 pp", "unit"),
    ((58, "", " pp"), "58%", "unit"),
    ((58, "", " pp"), "58 percentage points", SAME),
    ((84, "", "%"), "48%", DIFFERENT),
    ((3.4, "", "x"), "3.4 times", SAME),
    ((3.4, "", "x"), "3.4x", SAME),
    ((3.4, "", "x"), "3.4倍", SAME),
    ((3.4, "", "x"), "3.4%", "unit"),
    ((3, "", "x"), "3.4 times", DIFFERENT),
    ((25, "", " km²"), "25 square kilometers", SAME),
    ((25, "", " km²"), "25平方公里", SAME),
    ((25, "", " km²"), "25 km", "unit"),
    ((25, "", " km²"), "25 square miles", "unit"),
    ((25, "", " mi²"), "25 square kilometers", "unit"),
    ((25, "", " km²"), "25,000,000 m²", SAME),
    ((1.4, "", " GW"), "1,400 MW", SAME),
    ((1.4, "", " MW"), "1.4 GW", "unit"),
    ((20, "", "%"), "1 in 5", SAME),
    ((33, "", "%"), "1 in 3", SAME),
    ((25, "", "%"), "1 in 5", DIFFERENT),
    ((1, "", " in 5"), "one in five", SAME),
    ((20, "", "%"), "五分之一", SAME),
    ((50, "¥", "bn"), "50 billion yuan", SAME),
    ((50, "¥", "bn"), "50 billion yen", SAME),
    ((50, "¥", "bn"), "500亿元", SAME),
    ((50, "¥", "bn"), "50亿元", "scale"),
    ((50, "$", "bn"), "50 billion yuan", "currency"),
    ((1.2, "₦", " trillion"), "NGN 1.2 trillion", SAME),
    ((1.2, "₦", " trillion"), "₦1.2 trillion", SAME),
    ((1.2, "$", " trillion"), "₦1.2 trillion", "currency"),
    ((3, "HK$", "bn"), "HK$3 billion", SAME),
    ((3, "$", "bn"), "HK$3 billion", "currency"),
    ((2.8, "", " million"), "达到280万辆", SAME),
    ((280, "", "万辆"), "达到280万辆", SAME),
    ((-3, "", "%"), "fell 3%", SAME),
    ((3, "-", "%"), "fell 3%", SAME),
    ((-3, "", "%"), "rose 3%", "sign"),
    ((3, "+", "%"), "rose 3%", SAME),
    ((16000, "", "+"), "more than 16,000 firms", SAME),
    ((0.67, "≈$", "M"), "$0.67 million", SAME),
    ((25, "", ""), "$25 million", SAME),
    ((25, "$", "M"), "25", SAME),
    ((40, "", "%"), "between 30 and 40 percent", SAME),
    ((40, "", "%"), "35, 40 and 45 percent", SAME),
    ((5, "", "%"), "five percent", SAME),
    ((16000, "", "+"), "16,000 tech firms", SAME),
    ((16000, "", " pp"), "16,000 tech firms", "unit"),
    ((16000, "", " km²"), "16,000 tech firms", "unit"),
    ((16000, "$", ""), "16,000 tech firms", SAME),  # the currency may be said elsewhere
]


@pytest.mark.parametrize(("shown", "cited", "verdict"), COMPARE, ids=[f"{s}-{c}" for s, c, _ in COMPARE])
def test_shown_figure_compared_with_cited_words(shown: tuple, cited: str, verdict: str) -> None:
    value, prefix, unit = shown
    numbers = figures_in(cited, words=True)
    assert best_agreement(shown_figure(value, prefix, unit), numbers)[0] == verdict


def test_best_agreement_names_the_number_that_differs() -> None:
    cited = figures_in("an area of 25 square kilometers")
    verdict, number = best_agreement(shown_figure(25, "", " mi²"), cited)
    assert (verdict, number.text if number else None) == ("unit", "25 square kilometers")


def test_shown_figure_reads_prefix_and_unit_like_text() -> None:
    shown = shown_figure(48, "$", "bn")
    assert (shown.text, shown.kind, shown.scale, shown.currency) == ("$48bn", "money", 1e9, "USD")
    assert shown_figure(58, "", " pp").kind == "pp"
    assert shown_figure(5, "", " M").scale == 1e6
    assert shown_figure(2024, "", "").kind == "count"  # a value on a slide is never a year


SLIDE_FORMS = [
    ("$25 million", ("$", "M")),
    ("50 billion yuan", ("", " billion yuan")),
    ("₦1.2 trillion", ("₦", "tn")),
    ("USD 5 million", ("USD ", "M")),
    ("280万辆", ("", "万辆")),
    ("50亿元", ("", "亿元")),
    ("25 square kilometers", ("", " km²")),
    ("2 million tonnes", ("", " million t")),
    ("35 per cent", ("", "%")),
    ("7 percentage points", ("", " pp")),
    ("3.4 times", ("", "x")),
    ("1 in 5", ("", " in 5")),
    ("5 million people", ("", " million")),
]


@pytest.mark.parametrize(("text", "form"), SLIDE_FORMS, ids=[t for t, _ in SLIDE_FORMS])
def test_slide_form_shows_the_figure_as_written(text: str, form: tuple[str, str]) -> None:
    (number,) = numbers_in(text)
    assert slide_form(number) == form
    shown = format_number(number.value, prefix=form[0], unit=form[1])
    assert agreement(shown_figure(number.value, *form), numbers_in(shown)[0]) == SAME


# --------------------------------------------------------------------------- generated input
FORMS = [
    ("", ""),
    ("$", "bn"),
    ("$", "M"),
    ("€", "m"),
    ("£", "bn"),
    ("¥", "bn"),
    ("HK$", "bn"),
    ("₦", " trillion"),
    ("US$", "k"),
    ("", "%"),
    ("", " pp"),
    ("", "x"),
    ("", " km²"),
    ("", " mi²"),
    ("", " MW"),
    ("", " ha"),
    ("", " million"),
    ("", " billion yuan"),
    ("", "万辆"),
    ("", "亿元"),
    ("", "万吨"),
    ("", "+"),
    ("≈$", "M"),
    ("+", "%"),
]


@settings(max_examples=examples(2))
@given(
    st.integers(min_value=-(10**9), max_value=10**9),
    st.sampled_from([0, 1, 2]),
    st.sampled_from(FORMS),
)
def test_a_formatted_figure_reads_back_as_the_same_figure(
    whole: int, decimals: int, form: tuple[str, str]
) -> None:
    prefix, unit = form
    value = (abs(whole) if prefix == "+" else whole) / 10**decimals  # "+" is the sign of a rise
    text = format_number(value, prefix=prefix, unit=unit, decimals=decimals)
    shown = shown_figure(value, prefix, unit)
    read = figures_in(text)
    assert len(read) == 1, text
    assert agreement(shown, read[0]) == SAME, text
    got = (read[0].kind, read[0].unit, read[0].scale, read[0].currency, read[0].value)
    assert got == (shown.kind, shown.unit, shown.scale, shown.currency, value), text


BEFORE = ["The total reached", "It was", "Spending hit", "达到", "about", "more than", "—", "(", "预计为"]
AFTER = ["last year.", "in 2023.", ", up from before", "。", ")", "and rising", "per year", "，同比"]


@settings(max_examples=examples(2))
@given(
    st.integers(min_value=-(10**7), max_value=10**7),
    st.sampled_from(FORMS),
    st.sampled_from(BEFORE),
    st.sampled_from(AFTER),
)
def test_a_figure_in_a_sentence_reads_as_itself(
    whole: int, form: tuple[str, str], before: str, after: str
) -> None:
    prefix, unit = form
    value = (abs(whole) if prefix == "+" else whole) / 10
    shown = format_number(value, prefix=prefix, unit=unit, decimals=1)
    text = f"{before} {shown} {after}"
    read = [n for n in figures_in(text) if n.start >= len(before)]
    assert len(read) == 1, text
    figure = shown_figure(value, prefix, unit)
    assert agreement(figure, read[0]) == SAME, text
    assert (read[0].kind, read[0].unit, read[0].scale, read[0].currency) == (
        figure.kind,
        figure.unit,
        figure.scale,
        figure.currency,
    ), text


_PIECES = "0123456789０１９,.-–−+%％$€£¥₦ kmbnxKM²年万亿元倍分之百第()[]:/\n"
_ALPHABET = st.sampled_from([*_PIECES, "per cent", " in ", "between ", " and ", "from ", " to "])


@settings(max_examples=examples(3))
@given(st.one_of(st.text(max_size=60), st.lists(_ALPHABET, max_size=40).map("".join)))
def test_reading_any_text_never_raises(text: str) -> None:
    for number in numbers_in(text, words=True):
        assert isinstance(number, Number)
        assert text[number.start : number.end] == number.text


WRITTEN = [
    "{v} million dollars",
    "US${v} million",
    "€{v}bn",
    "£{v} billion",
    "₦{v} trillion",
    "HK${v}bn",
    "USD {v} million",
    "{v} billion yuan",
    "{v}亿元",
    "{v}万美元",
    "{v}平方公里",
    "{v} square miles",
    "{v} hectares",
    "{v}万辆",
    "{v} million people",
    "{v} per cent",
    "{v} percentage points",
    "{v}个百分点",
    "{v} times",
    "{v}倍",
    "{v} MW",
    "{v}万吨",
]


@settings(max_examples=examples(2))
@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(WRITTEN))
def test_slide_form_of_any_written_figure_reads_back_as_it(whole: int, written: str) -> None:
    text = written.format(v=format_number(whole / 10, decimals=1))
    (number,) = figures_in(text)
    prefix, unit = slide_form(number)
    shown = format_number(number.value, prefix=prefix, unit=unit, decimals=1)
    assert agreement(shown_figure(number.value, prefix, unit), number) == SAME, (text, shown)
    (again,) = figures_in(shown)
    assert agreement(shown_figure(number.value, prefix, unit), again) == SAME, (text, shown)
