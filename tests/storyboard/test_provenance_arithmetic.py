"""Arithmetic a slide's text states is computed from the figures it names; a derived chart value
swapped with a caption number is caught at the chart and at the caption."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from briefing.cli import main

REPORT = """Harbour Town Survey

The harbour's share of the region's freight rose from 12% in 2019 to 18% in 2024.

Average cargo fees climbed from $12 million to $25 million.

The port subsidizes 30% of the fuel costs for ferries.
"""
HEAD = """title: Harbour
sources:
  survey: {title: Harbour survey, file: survey.txt}
sections:
  - title: Freight
    slides:
"""
CHANGE = """      - title: Freight share
        notes: n
        sources: [{ref: survey, phrase: "rose from 12% in 2019 to 18% in 2024"}]
        bullets:
          - "BULLET"
"""
DERIVED = """      - title: Fuel costs
        notes: n
        sources:
          - ref: survey
            phrase: "subsidizes 30% of the fuel costs for ferries"
            note: "derived: the ferries' 70% share is the remainder, 100% - 30%"
        chart:
          type: donut
          categories: [Paid by the port subsidy, Paid by the ferries]
          series:
            - name: Fuel costs
              values: [VALUES]
          unit: "%"
          caption: "CAPTION"
"""


def _check(folder: Path, capsys, slide: str) -> tuple[int, list[str]]:
    (folder / "survey.txt").write_text(REPORT, encoding="utf-8")
    deck = folder / "deck.yaml"
    deck.write_text(HEAD + slide, encoding="utf-8")
    code = main(["check", str(deck)])
    lines = capsys.readouterr().out.splitlines()
    return code, [line.replace(f"{deck.absolute()}:", "deck.yaml:") for line in lines]


def test_a_stated_difference_that_computes_proves_its_figure(tmp_path, capsys) -> None:
    slide = CHANGE.replace("BULLET", "Up from 12% in 2019 to 18% in 2024, a 6-point rise")
    assert _check(tmp_path, capsys, slide) == (0, [])


def test_a_wrong_difference_is_an_error_at_it_with_how_it_was_computed(tmp_path, capsys) -> None:
    slide = CHANGE.replace("BULLET", "Up from 12% in 2019 to 18% in 2024, a 7-point rise")
    code, out = _check(tmp_path, capsys, slide)
    assert code == 1
    assert out[:2] == [
        "deck.yaml:11:52: error: the slide states 7-point, but the figures it is computed from give 6 points",
        "  hint: computed as 18% - 12% = 6 points (the change from 12% to 18%); "
        "correct the figure or the figures it is computed from",
    ]


def test_a_wrong_relative_change_and_a_wrong_multiple_are_errors(tmp_path, capsys) -> None:
    slide = (
        "      - title: Fees\n        notes: n\n"
        '        sources: [{ref: survey, phrase: "climbed from $12 million to $25 million"}]\n'
        "        bullets:\n"
        '          - "Fees rose 80% from $12 million to $25 million"\n'
        '          - "From $12 million to $25 million: three times the fee"\n'
        '          - "From $12 million to $25 million: they doubled"\n'
    )
    code, out = _check(tmp_path, capsys, slide)
    assert code == 1
    errors = [line for line in out if ": error: " in line]
    assert errors == [
        "deck.yaml:11:24: error: the slide states 80%, but the figures it is computed from give 108.33%",
        "deck.yaml:12:47: error: the slide states three times, "
        "but the figures it is computed from give 2.08 times",
    ]  # "doubled" is 2.08 at the precision a word states


def test_a_multiple_in_a_title_is_computed_from_the_slides_two_values(tmp_path, capsys) -> None:
    slide = (
        "      - title: Fees are three times what they were\n        notes: n\n"
        '        sources: [{ref: survey, phrase: "climbed from $12 million to $25 million"}]\n'
        "        stats:\n"
        '          - {value: 12, prefix: "$", unit: "M", label: "before"}\n'
        '          - {value: 25, prefix: "$", unit: "M", label: "after"}\n'
    )
    code, out = _check(tmp_path, capsys, slide)
    assert code == 1
    assert out[0] == (
        "deck.yaml:7:25: error: the slide states three times, "
        "but the figures it is computed from give 2.08 times"
    )
    assert out[1].startswith("  hint: computed as $25M / $12M = 2.08 times (the slide's values)")
    assert _check(tmp_path, capsys, slide.replace("three times", "twice")) == (0, [])


def test_a_derived_chart_value_swapped_with_a_caption_number_is_caught_at_both(tmp_path, capsys) -> None:
    caption = "The 70% is derived: 100% minus the 30% subsidy"
    clean = DERIVED.replace("VALUES", "30, 70").replace("CAPTION", caption)
    assert _check(tmp_path, capsys, clean) == (0, [])
    swapped = DERIVED.replace("VALUES", "30, 30").replace("CAPTION", caption.replace("the 30%", "the 70%"))
    code, out = _check(tmp_path, capsys, swapped)
    assert code == 1
    twice = (
        'the slide shows 30% for "Paid by the port subsidy" and "Paid by the ferries", '
        "but the words it cites state 30% once"
    )
    assert [line for line in out if ": error: " in line] == [
        f"deck.yaml:18:24: error: {twice}",
        'deck.yaml:18:28: error: the slide shows 30% for "Paid by the ferries" '
        "but the phrase it cites gives 70% for it (exchanged with 70%?)",
        f"deck.yaml:18:28: error: {twice}",
        "deck.yaml:20:25: error: the slide states 70%, but the figures it is computed from give 30%",
        'deck.yaml:20:56: error: the slide shows 70% for "minus the subsidy" '
        "but the phrase it cites gives 30% for it (exchanged with 30%?)",
    ]
    assert (
        "  hint: computed as 100% minus the 70% = 30%; correct the figure or the figures it is computed from"
        in out
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=st.integers(1, 60), b=st.integers(61, 99), stated=st.integers(1, 98))
def test_a_stated_point_difference_is_an_error_exactly_when_it_does_not_compute(
    tmp_path_factory, capsys, a: int, b: int, stated: int
) -> None:
    folder = tmp_path_factory.mktemp("points")
    report = f"Survey\n\nThe share rose from {a}% in 2019 to {b}% in 2024.\n"
    slide = (
        "      - title: Share\n        notes: n\n"
        f'        sources: [{{ref: survey, phrase: "rose from {a}% in 2019 to {b}% in 2024"}}]\n'
        f'        bullets: ["Up from {a}% to {b}%, a {stated}-point rise"]\n'
    )
    (folder / "survey.txt").write_text(report, encoding="utf-8")
    deck = folder / "deck.yaml"
    deck.write_text(HEAD + slide, encoding="utf-8")
    code = main(["check", str(deck)])
    out = capsys.readouterr().out
    if stated == b - a:
        assert code == 0, out
    else:
        assert code == 1
        assert (
            f"error: the slide states {stated}-point, but the figures it is computed from give {b - a} points"
            in out
        )


@settings(max_examples=200, deadline=None)
@given(a=st.integers(1, 500), b=st.integers(1, 5000), n=st.integers(2, 9))
def test_a_stated_multiple_holds_exactly_when_the_ratio_rounds_to_it(a: int, b: int, n: int) -> None:
    from briefing.storyboard.provenance.arithmetic import text_claims

    ratio = max(a, b) / min(a, b)
    assume(abs(ratio - int(ratio) - 0.5) > 1e-9)  # no tie at the precision a whole multiple states
    (claim,) = text_claims(f"From ${a} million to ${b} million: {n} times as much")
    assert claim.text == f"{n} times" and claim.holds() == (round(b / a) == n)


TOKENS = ["from", "to", "in 2019", "12%", "0%", "18%", "$0", "$12M", "1e308", "9" * 30, "0.5", "a",
          "6-point", "points", "rise", "up", "times", "3x", "twice", "halved", "by half", "minus", "-", "+",
          "/", "×", "=", "(", ")", ",", ":", "of", "is", "x", "%", "four", "pp", "€25", "1,150"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=14) | st.text(max_size=60).map(lambda t: [t]))
def test_any_text_is_read_for_arithmetic_without_an_exception(words: list[str]) -> None:
    from briefing.storyboard.provenance.arithmetic import body_claims, text_claims
    from briefing.storyboard.provenance.measures import shown_measure

    body = [shown_measure(0.0, "", "", 0, "0"), shown_measure(1e15, "", "", 0, "1e15")]
    for claim in text_claims(" ".join(words)):
        claim = body_claims(claim, body)
        assert isinstance(claim.holds(), bool) and claim.text


def test_a_chinese_multiple_in_a_caption_is_computed_and_a_rise_may_count_the_increase(
    tmp_path, capsys
) -> None:
    head = HEAD.replace("title: Harbour\n", "title: 港口\nlanguage: zh-CN\n").replace(
        "- title: Freight", "- title: 费用"
    )
    slide = (
        "      - title: 货运费用\n        notes: 说明\n"
        '        sources: [{ref: survey, phrase: "climbed from $12 million to $25 million"}]\n'
        "        chart:\n          type: bar\n          categories: [之前, 之后]\n"
        '          prefix: "$"\n          unit: "M"\n'
        "          series: [{name: 费用, values: [12, 25]}]\n"
        "          caption: CAPTION\n"
    )
    (tmp_path / "survey.txt").write_text(REPORT, encoding="utf-8")
    deck = tmp_path / "deck.yaml"
    for caption, code in (("约为之前的两倍", 0), ("增长了1.1倍", 0), ("约为之前的三倍", 1)):
        deck.write_text(head + slide.replace("CAPTION", caption), encoding="utf-8")
        assert main(["check", str(deck)]) == code, caption
        out = capsys.readouterr().out.replace(f"{deck.absolute()}:", "deck.yaml:")
        if code:
            assert out.startswith(
                "deck.yaml:17:25: error: the slide states 三倍, "
                "but the figures it is computed from give 2.08 times"
            )
        else:
            assert ": error: " not in out


def test_prose_between_figures_and_a_period_of_years_are_no_arithmetic() -> None:
    from briefing.storyboard.provenance.arithmetic import text_claims

    assert text_claims("16,000 firms make 35% of China's 2,000 chips") == ()
    assert [c.expected for c in text_claims("From 2019 to 2024, exports doubled to $6.8bn")] == [()]
    assert text_claims("Sales rose from €2.1m to €2.3m, and 40% of them online") == ()
