"""Stacked charts: the deck labels each stack with its net total beyond the stack's end, as the app
and the PNG do, with hidden series that stay editable (Edit Data shows them as formulas of their row)
and have no legend entry."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

from briefing.export.pptx import export_deck
from briefing.storyboard.load import load_text
from tests.export.ooxml_sdk import validate
from tests.export.package_checks import package_problems
from tests.export.stack_totals_deck import (
    GAINS_AND_LOSSES,
    NET_LOSSES,
    NO_LABELS,
    NS,
    SHARES,
    TotalLabel,
    bar_ends,
    chart,
    chart_xml,
    export,
    total_labels,
    workbook_cells,
)
from tests.property.property_settings import examples


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    return export(tmp_path)


def test_each_stack_is_labelled_with_its_net_total(deck: Path) -> None:
    gains_and_losses = chart(deck, GAINS_AND_LOSSES)
    bars, _ = gains_and_losses.plots
    assert [s.name for s in bars.series] == ["Gains", "Losses"]  # the stacks are unchanged
    labels = total_labels(chart_xml(deck, GAINS_AND_LOSSES))
    assert [label.shows for label in labels] == [13, 38, 11]  # net: gains minus losses, not 57, 71, 23


def test_a_mixed_stacks_total_sits_just_beyond_its_gains_not_inside_the_bars(deck: Path) -> None:
    chart_space = chart_xml(deck, GAINS_AND_LOSSES)
    ends = bar_ends(chart_space)
    assert ends == [(-17, 30), (-12, 50), (-9, 20)]
    assert total_labels(chart_space) == [
        TotalLabel(shows=13, at=30, position="t"),  # above the top of the gains, where the app draws it
        TotalLabel(shows=38, at=50, position="t"),
        TotalLabel(shows=11, at=20, position="t"),
    ]


def test_a_stack_that_nets_a_loss_has_its_total_below_its_losses(deck: Path) -> None:
    labels = total_labels(chart_xml(deck, NET_LOSSES))
    assert labels == [
        TotalLabel(shows=20, at=30, position="t"),
        TotalLabel(shows=-15, at=-20, position="b"),  # under the bottom of the losses
        TotalLabel(shows=0, at=10, position="t"),  # a net of zero: above the gains, as in the app
    ]


def test_a_stack_of_gains_only_has_its_total_on_top(deck: Path) -> None:
    chart_space = chart_xml(deck, SHARES)
    assert [(label.shows, label.at, label.position) for label in total_labels(chart_space)] == [
        (101, 101, "t"), (104, 104, "t"), (35, 35, "t"),
    ]
    assert [high for _, high in bar_ends(chart_space)] == [101, 104, 35]


def test_the_hidden_series_have_no_legend_entry_and_only_the_totals_are_labelled(deck: Path) -> None:
    chart_space = chart_xml(deck, GAINS_AND_LOSSES)
    hidden = chart_space.xpath("//c:lineChart/c:ser", namespaces=NS)
    assert [s.xpath("string(c:tx//c:v)", namespaces=NS) for s in hidden] == ["Total label offset", "Total"]
    deleted = chart_space.xpath("//c:legend/c:legendEntry[c:delete/@val='1']/c:idx/@val", namespaces=NS)
    assert sorted(deleted) == [s.xpath("string(c:idx/@val)", namespaces=NS) for s in hidden]
    assert not hidden[0].xpath(".//c:showVal[@val='1']", namespaces=NS)
    for ser in hidden:  # drawn as nothing but the labels
        assert ser.xpath("c:spPr/a:ln/a:noFill", namespaces={**NS, "a": _A})
        assert ser.xpath("string(c:marker/c:symbol/@val)", namespaces=NS) == "none"


_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def test_the_workbook_totals_are_formulas_of_their_row_with_their_values(deck: Path) -> None:
    cells = workbook_cells(chart(deck, GAINS_AND_LOSSES))
    assert [cells[f"{c}1"][1] for c in "BCDE"] == ["Gains", "Losses", "Total label offset", "Total"]
    assert [cells[f"E{row}"] for row in (2, 3, 4)] == [
        ("SUM(B2:C2)", "13"), ("SUM(B3:C3)", "38"), ("SUM(B4:C4)", "11"),
    ]
    assert cells["D2"] == ('IF(SUM(B2:C2)>=0,SUMIF(B2:C2,">0"),SUMIF(B2:C2,"<0"))-SUM(B2:C2)', "17")
    assert cells["B2"] == ("", "30")  # the stakeholder's figures stay plain values


def test_the_workbook_totals_sum_every_stacked_series(deck: Path) -> None:
    cells = workbook_cells(chart(deck, SHARES))
    assert [cells[f"{c}1"][1] for c in "BCDEF"] == ["One", "Two", "Three", "Total label offset", "Total"]
    assert [cells[f"F{row}"] for row in (2, 3, 4)] == [
        ("SUM(B2:D2)", "101"), ("SUM(B3:D3)", "104"), ("SUM(B4:D4)", "35"),
    ]


def test_a_chart_without_value_labels_has_no_totals(deck: Path) -> None:
    no_labels = chart(deck, NO_LABELS)
    assert len(no_labels.plots) == 1
    assert sorted(workbook_cells(no_labels)) == ["A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3"]


def test_the_deck_with_totals_is_valid(deck: Path) -> None:
    assert package_problems(deck) == []
    assert validate(deck) == {str(deck): []}


_STACK_VALUES = st.integers(-1000, 1000).map(lambda v: v / 4)  # gains and losses, quarters included


@settings(max_examples=examples(0.3))
@given(
    columns=st.integers(1, 5).flatmap(
        lambda n: st.lists(st.lists(_STACK_VALUES, min_size=n, max_size=n), min_size=2, max_size=4)
    )
)
def test_any_stack_is_labelled_with_its_net_total_beyond_the_end_it_points_to(
    columns: list[list[float]],
) -> None:
    categories = [f"C{i}" for i in range(len(columns[0]))]
    series = "".join(f"\n            - {{name: S{s}, values: {values}}}" for s, values in enumerate(columns))
    text = (
        "title: T\nsections:\n  - title: S\n    slides:\n      - title: Stacks\n        notes: n\n"
        f"        chart:\n          type: stacked\n          categories: {categories}\n"
        f"          series:{series}\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        deck = Path(folder) / "deck.pptx"
        export_deck(load_text(text, Path(folder) / "deck.yaml"), deck)
        stacks, cells = chart_xml(deck, 2), workbook_cells(chart(deck, 2))
    note(text)
    last = chr(ord("A") + len(columns))
    for i, ((low, high), label) in enumerate(zip(bar_ends(stacks), total_labels(stacks), strict=True)):
        net = sum(values[i] for values in columns)
        assert label.shows == pytest.approx(net)
        if net >= 0:  # above the highest bar, as the app draws it
            assert (label.at, label.position) == (pytest.approx(high), "t")
        else:  # below the lowest
            assert (label.at, label.position) == (pytest.approx(low), "b")
        formula, value = cells[f"{chr(ord(last) + 2)}{i + 2}"]
        assert formula == f"SUM(B{i + 2}:{last}{i + 2})" and float(value) == pytest.approx(net)
