"""A quote's speaker is the one the source gives it, not anybody its paragraph names: a quote moved
to another person of the same paragraph (a misattribution) is an error at ``who``."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.cli import main

HEAD = """title: Harbour
sources:
  r: {title: Harbour review, file: review.txt}
sections:
  - title: People
    slides:
"""
SLIDE = """      - title: Voices
        notes: n
        sources: [{ref: r}]
        quote: {text: "QUOTE", who: "WHO"}
"""
# Each paragraph names two people; the first is the speaker, the second is only mentioned.
FORMS = [
    ('"We are building the future here," said Ana Ruiz, director of the lab, after a visit by Mayor Li Wei.',
     "We are building the future here", "Ana Ruiz", "Li Wei"),
    ('Mayor Li Wei opened the lab. "This city bets on science," Ruiz added.',
     "This city bets on science", "Ana Ruiz", "Li Wei"),
    ('According to Tom Berg, the port\'s chief, "ships come back when the work is here." Ana Ruiz disagreed.',
     "ships come back when the work is here", "Tom Berg", "Ana Ruiz"),
    ('Unlike Mayor Li Wei, venture capitalist Jenny Qian says: "Talent follows the money."',
     "Talent follows the money", "Jenny Qian", "Li Wei"),
    ('"The capital depth here is staggering," notes Sequoia partner Michael Yu. '
     '"A round here is twice one in Berlin." Li Wei agreed.',
     "A round here is twice one in Berlin", "Michael Yu", "Li Wei"),
    ("“充电桩不是越多越好，关键在于布局合理，”林佳怡说。王伟没有发言。",
     "充电桩不是越多越好，关键在于布局合理", "林佳怡", "王伟"),
]  # fmt: skip


def _check(folder: Path, capsys, paragraph: str, quote: str, who: str) -> tuple[int, list[str]]:
    (folder / "review.txt").write_text(f"Harbour review\n\n{paragraph}\n", encoding="utf-8")
    deck = folder / "deck.yaml"
    head = HEAD if quote.isascii() else HEAD.replace("title: Harbour\n", "title: Harbour\nlanguage: zh\n")
    deck.write_text(head + SLIDE.replace("QUOTE", quote).replace("WHO", who), encoding="utf-8")
    code = main(["check", str(deck)])
    lines = capsys.readouterr().out.splitlines()
    return code, [line.replace(f"{deck.absolute()}:", "deck.yaml:") for line in lines]


@pytest.mark.parametrize(("paragraph", "quote", "speaker", "other"), FORMS)
def test_the_speaker_the_source_gives_checks_clean(
    tmp_path, capsys, paragraph, quote, speaker, other
) -> None:
    assert _check(tmp_path, capsys, paragraph, quote, speaker) == (0, [])


@pytest.mark.parametrize(("paragraph", "quote", "speaker", "other"), FORMS)
def test_a_quote_given_to_another_person_of_its_paragraph_is_an_error(
    tmp_path, capsys, paragraph, quote, speaker, other
) -> None:
    code, out = _check(tmp_path, capsys, paragraph, quote, other)
    assert code == 1
    assert out[0].startswith("deck.yaml:10:" if quote.isascii() else "deck.yaml:11:")
    assert "error: source 'r' attributes this quote to " in out[0]
    assert out[0].endswith(f"(line 3), not to '{other}'")


def test_a_quote_the_paragraph_attributes_to_nobody_by_name_needs_who_named_there(tmp_path, capsys) -> None:
    paragraph = 'Ana Ruiz met Li Wei at the pier. "We will build it," she said.'
    for who in ("Ana Ruiz", "Li Wei"):  # "she" could be either: named in the paragraph is all we know
        assert _check(tmp_path, capsys, paragraph, "We will build it", who) == (0, []), who
    code, out = _check(tmp_path, capsys, paragraph, "We will build it", "Tom Berg")
    assert code == 1
    assert "'Tom Berg' is not named in the paragraph of source 'r'" in out[0]
