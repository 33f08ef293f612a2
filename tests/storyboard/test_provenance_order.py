"""Figures their labels cannot tell apart are bound to the cited numbers by order: a swap is seen at both."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.cli import main

REPORT = "Harbour Town Survey\n\nFreight share was {a}% in the old port and {b}% in the new one.\n"
HEAD = """title: Harbour
sources:
  survey: {title: Harbour survey, file: survey.txt}
sections:
  - title: Freight
    slides:
"""
STATS = """      - title: Freight share
        notes: n
        sources: [{{ref: survey, phrase: "was {a}% in the old port and {b}% in the new one"}}]
        stats:
          - {{value: {first}, unit: "%"{label}}}
          - {{value: {second}, unit: "%"{label}}}
"""
CHART = """      - title: Freight share
        notes: n
        sources: [{{ref: survey, phrase: "was {a}% in the old port and {b}% in the new one"}}]
        chart:
          type: bar
          categories: [Freight share, Freight share]
          unit: "%"
          series:
            - name: Share
              values: [{first}, {second}]
"""


def _check(folder: Path, capsys, slide: str, a: int, b: int) -> tuple[int, list[str]]:
    (folder / "survey.txt").write_text(REPORT.format(a=a, b=b), encoding="utf-8")
    deck = folder / "deck.yaml"
    deck.write_text(HEAD + slide, encoding="utf-8")
    code = main(["check", str(deck)])
    lines = capsys.readouterr().out.splitlines()
    return code, [line.replace(f"{deck.absolute()}:", "deck.yaml:") for line in lines]


def test_two_stats_with_one_label_swapped_are_errors_at_both(tmp_path, capsys) -> None:
    slide = STATS.format(a=12, b=18, first=18, second=12, label=", label: freight share")
    code, out = _check(tmp_path, capsys, slide, 12, 18)
    assert code == 1
    assert out[0] == (
        'deck.yaml:11:21: error: the slide shows 18% before 12% under one label ("freight share"), '
        "but the words it cites give them the other way round (exchanged?)"
    )
    assert out[1].startswith(
        "  hint: figures with the same label are bound to the cited numbers in the order"
    )
    assert out[2] == (
        'deck.yaml:12:21: error: the slide shows 12% after 18% under one label ("freight share"), '
        "but the words it cites give them the other way round (exchanged?)"
    )


def test_two_chart_values_of_one_category_swapped_are_errors_at_both(tmp_path, capsys) -> None:
    code, out = _check(tmp_path, capsys, CHART.format(a=30, b=45, first=45, second=30), 30, 45)
    assert code == 1
    errors = [line for line in out if ": error: " in line]
    assert [line.split(": error: ")[0] for line in errors] == ["deck.yaml:16:24", "deck.yaml:16:28"]
    assert all(line.endswith("the other way round (exchanged?)") for line in errors)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    values=st.lists(st.integers(1, 99), min_size=2, max_size=2, unique=True),
    label=st.sampled_from([", label: freight share", ", label: share of freight handled", ', label: ""']),
)
def test_stats_one_label_cannot_tell_apart_are_proved_in_cited_order_and_caught_reversed(
    tmp_path_factory, capsys, values: list[int], label: str
) -> None:
    a, b = values
    folder = tmp_path_factory.mktemp("order")
    in_order = STATS.format(a=a, b=b, first=a, second=b, label=label)
    assert _check(folder, capsys, in_order, a, b) == (0, [])
    code, out = _check(folder, capsys, STATS.format(a=a, b=b, first=b, second=a, label=label), a, b)
    assert code == 1
    assert [line.split(": error: ")[0] for line in out if ": error: " in line] == [
        "deck.yaml:11:21",
        "deck.yaml:12:21",
    ]


def test_compare_columns_may_list_a_change_in_another_order_than_the_report(tmp_path, capsys) -> None:
    (tmp_path / "rents.txt").write_text(
        "Rents\n\nRents are now €30 a month, up from €20 in 2019.\n", encoding="utf-8"
    )
    deck = tmp_path / "deck.yaml"
    deck.write_text(
        HEAD.replace("survey.txt", "rents.txt") + "      - title: Then and now\n        notes: n\n"
        '        sources: [{ref: survey, phrase: "Rents are now €30 a month, up from €20 in 2019"}]\n'
        "        compare:\n"
        '          left: {title: In 2019, bullets: ["€20 a month"]}\n'
        '          right: {title: Now, bullets: ["€30 a month"]}\n',
        encoding="utf-8",
    )
    assert main(["check", str(deck)]) == 0
    assert capsys.readouterr().out == ""
