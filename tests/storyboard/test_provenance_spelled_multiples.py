"""Multiples a slide spells out ("four times as many", "doubled", "twice") are figures: a changed one
is caught against the cited words, or against the change they state; how often ("three times a
day") is not a multiple."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.cli import main

REPORT = """Harbour City review

The district now hosts 16,000 firms and 400 labs, three times as many labs as in 2015.

Venture funding reached $4.2 billion in 2024, up from $1.4 billion in 2020.

Ferries between the islands run twice a day, and buses three times an hour.
"""
HEAD = """title: Harbour City
sources:
  r: {title: Harbour City review, file: review.txt}
sections:
  - title: Firms
    slides:
"""
LABS = """      - title: TITLE
        notes: n
        sources: [{ref: r, phrase: "three times as many labs as in 2015"}]
        bullets: ["BULLET"]
"""
FUNDING = """      - title: Funding in four years
        notes: n
        sources:
          - {ref: r, phrase: "Venture funding reached $4.2 billion in 2024, up from $1.4 billion in 2020"}
        bullets: ["BULLET"]
"""
WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def _check(folder: Path, capsys, slide: str) -> tuple[int, list[str]]:
    (folder / "review.txt").write_text(REPORT, encoding="utf-8")
    deck = folder / "deck.yaml"
    deck.write_text(HEAD + slide, encoding="utf-8")
    code = main(["check", str(deck)])
    lines = capsys.readouterr().out.splitlines()
    return code, [line.replace(f"{deck.absolute()}:", "deck.yaml:") for line in lines]


def _labs(title: str, bullet: str) -> str:
    return LABS.replace("TITLE", title).replace("BULLET", bullet)


def test_a_spelled_multiple_changed_from_the_cited_one_is_an_error_at_it(tmp_path, capsys) -> None:
    code, out = _check(tmp_path, capsys, _labs("Labs since 2015", "Four times as many labs as in 2015"))
    assert code == 1
    assert out[:2] == [
        "deck.yaml:10:20: error: the slide shows Four times but the phrase it cites says three times",
        "  hint: copy the figure from the cited words, or cite the words it comes from",
    ]


def test_a_verb_or_twice_for_another_multiple_is_an_error(tmp_path, capsys) -> None:
    code, out = _check(tmp_path, capsys, _labs("Labs doubled since 2015", "Twice as many labs as in 2015"))
    assert code == 1
    errors = [line for line in out if ": error: " in line]
    assert errors == [
        "deck.yaml:7:21: error: the slide shows doubled but the phrase it cites says three times",
        "deck.yaml:10:20: error: the slide shows Twice but the phrase it cites says three times",
    ]


def test_the_cited_multiple_in_any_form_is_clean(tmp_path, capsys) -> None:
    for title, bullet in [
        ("Labs tripled since 2015", "Three-fold the labs of 2015"),
        ("Three times the labs of 2015", "3x the labs of 2015"),
        ("Labs since 2015", "Three times as many labs as in 2015"),
    ]:
        assert _check(tmp_path, capsys, _labs(title, bullet)) == (0, []), (title, bullet)


def test_a_multiple_is_computed_from_the_change_the_cited_words_state(tmp_path, capsys) -> None:
    assert _check(tmp_path, capsys, FUNDING.replace("BULLET", "Funding tripled to $4.2 billion")) == (0, [])
    assert _check(tmp_path, capsys, FUNDING.replace("BULLET", "Funding up 3x to $4.2 billion")) == (0, [])
    code, out = _check(tmp_path, capsys, FUNDING.replace("BULLET", "Funding doubled to $4.2 billion"))
    assert code == 1
    assert out[:2] == [
        "deck.yaml:11:28: error: the slide states doubled, but the figures it is computed from give 3 times",
        "  hint: computed as $4.2 billion / $1.4 billion = 3 times (the change the cited words state); "
        "correct the figure or the figures it is computed from",
    ]


def test_how_often_is_not_a_multiple(tmp_path, capsys) -> None:
    slide = """      - title: Getting around
        notes: n
        sources: [{ref: r, phrase: "Ferries between the islands run twice a day"}]
        bullets: ["Ferries run twice a day", "Buses come three times per hour"]
"""
    assert _check(tmp_path, capsys, slide) == (0, [])
    funding = FUNDING.replace("BULLET", "Funding reached $4.2 billion; the board meets four times a year")
    assert _check(tmp_path, capsys, funding) == (0, [])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(shown=st.sampled_from(WORDS), form=st.sampled_from(["{} times as many labs", "{}-fold the labs"]))
def test_any_spelled_multiple_is_proved_only_when_it_is_the_cited_one(tmp_path, capsys, shown, form) -> None:
    bullet = form.format(shown.capitalize()) + " of 2015"
    code, out = _check(tmp_path, capsys, _labs("Labs since 2015", bullet))
    if shown == "three":
        assert (code, out) == (0, [])
    else:
        assert code == 1
        assert out[0].startswith("deck.yaml:10:20: error: the slide shows ")
        assert out[0].endswith("but the phrase it cites says three times")
