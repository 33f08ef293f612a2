"""Derivation notes are computed by a small parser: any note is read without an exception, and the
arithmetic it finds is the arithmetic a person reads (checked against exact fractions)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.storyboard.provenance.derivations import computations

OPERATORS = {"+": Fraction.__add__, "-": Fraction.__sub__, "×": Fraction.__mul__, "/": Fraction.__truediv__}


@st.composite
def expressions(draw: st.DrawFn) -> tuple[str, Fraction]:
    """A left-to-right sum or difference of products and quotients of whole numbers, and its value."""
    terms = draw(st.lists(st.tuples(st.sampled_from("+-"), _term()), min_size=1, max_size=4))
    text, value = terms[0][1]
    for sign, (term_text, term_value) in terms[1:]:
        text += f" {sign} {term_text}"
        value = OPERATORS[sign](value, term_value)
    return text, value


def _term() -> st.SearchStrategy[tuple[str, Fraction]]:
    def build(parts: list[tuple[str, int]], first: int) -> tuple[str, Fraction]:
        text, value = f"{first:,}", Fraction(first)
        for operator, number in parts:
            text += f" {operator} {number:,}"
            value = OPERATORS[operator](value, Fraction(number))
        return text, value

    part = st.tuples(st.sampled_from("×/"), st.integers(1, 9_999))
    return st.builds(build, st.lists(part, max_size=2), st.integers(1, 99_999))


@settings(max_examples=200, deadline=None)
@given(expressions())
def test_arithmetic_in_a_note_computes_as_written(case: tuple[str, Fraction]) -> None:
    text, value = case
    found = computations(f"derived: the total is {text}, as the report's figures give")
    if "+" not in text and "-" not in text and "×" not in text and "/" not in text:
        assert found == []  # a single figure is no computation
        return
    assert len(found) == 1 and found[0].problem == ""
    assert found[0].result is not None
    assert abs(Fraction(found[0].result.value) - value) <= abs(value) * Fraction(1, 10**9) + Fraction(
        1, 10**9
    )


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
def test_any_note_is_read_without_an_exception(note: str) -> None:
    for computation in computations("derived: " + note):
        assert computation.problem or computation.result is not None


TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@settings(max_examples=60, deadline=None)
@given(report=TEXT, phrase=TEXT, note=TEXT, title=TEXT, who=TEXT, quote=TEXT, value=st.floats(-1e6, 1e6))
def test_any_storyboard_text_against_any_report_is_checked_without_an_exception(
    tmp_path_factory, report: str, phrase: str, note: str, title: str, who: str, quote: str, value: float
) -> None:
    import json

    from briefing.commands.check import check_file

    folder = tmp_path_factory.mktemp("any")
    (folder / "report.txt").write_text(report, encoding="utf-8", errors="replace")
    cite = {"ref": "r", "phrase": phrase, "note": "derived: " + note}
    slides = [
        {"title": title or "t", "notes": "n", "sources": [cite],
         "stats": [{"value": value, "unit": "%", "label": who or "l"}]},
        {"title": "q", "notes": "n", "quote": {"text": quote or "q", "who": who or "w"}},
    ]  # fmt: skip
    deck = {"title": "T", "sources": {"r": {"title": "R", "file": "report.txt"}},
            "sections": [{"title": "S", "slides": slides}]}  # fmt: skip
    (folder / "deck.yaml").write_text(json.dumps(deck, ensure_ascii=False), encoding="utf-8")
    for diagnostic in check_file(folder / "deck.yaml"):
        assert diagnostic.line >= 1 and diagnostic.message
