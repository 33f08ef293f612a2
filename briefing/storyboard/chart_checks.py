"""Chart data every output can draw, checked once after the values are read.

The app, the PNG/PDF renderer and the deck each draw a chart from the same
categories and series; what one of them cannot draw sensibly is refused here,
at the value that causes it (the YAML node, or the CSV cell):

* no categories, or a category with an empty name (a gap on the axis and in
  the deck's workbook);
* a negative slice in a pie or donut (a share of a whole cannot be negative),
  or a pie whose values are all zero (nothing to divide);
* a stacked total or a pie total beyond the number range (see ``numbers``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing.errors import Diagnostic
from briefing.storyboard.csv_data import CsvData
from briefing.storyboard.model import Series
from briefing.storyboard.numbers import format_number, total_problem
from briefing.storyboard.reader import Fields, KeyPath, Reader

PIE_HINT = "a pie shows parts of a whole; use a bar chart for values below zero"


@dataclass(frozen=True)
class ChartProblem:
    """What is wrong, and where: ``column`` 0 is the categories, ``s + 1`` series ``s``; ``row`` a point."""

    column: int | None
    row: int | None
    message: str
    hint: str
    code: str


def chart_problems(
    chart_type: str, categories: Sequence[str], series: Sequence[Series]
) -> list[ChartProblem]:
    """Every reason the outputs could not draw this chart as the editor means it."""
    if not categories:
        return [ChartProblem(0, None, "'categories' is empty", "add at least one category", "empty")]
    problems = [
        ChartProblem(0, row, f"category {row + 1} has no name", "name every category", "empty-category")
        for row, name in enumerate(categories)
        if chart_type != "scatter" and not name.strip()
    ]
    if chart_type in ("pie", "donut") and series:
        problems.extend(_pie_problems(chart_type, categories, series[0]))
    if chart_type == "stacked":
        for row, name in enumerate(categories):
            message = total_problem((abs(s.values[row]) for s in series if row < len(s.values)), "the stack")
            if message:
                problems.append(ChartProblem(0, row, f"{message} for '{name}'", "", "out-of-range"))
    return problems


def _pie_problems(chart_type: str, categories: Sequence[str], first: Series) -> list[ChartProblem]:
    problems = [
        ChartProblem(
            1,
            row,
            f"{chart_type} slice '{categories[row]}' is {format_number(value)}: a share cannot be negative",
            PIE_HINT,
            "negative-slice",
        )
        for row, value in enumerate(first.values)
        if value < 0
    ]
    if problems:
        return problems
    if not any(first.values):
        message = f"every value of '{first.name}' is 0: the {chart_type} has nothing to divide"
        return [ChartProblem(1, None, message, "give at least one value above zero", "zero-pie")]
    total = total_problem(first.values, f"the {chart_type}")
    return [ChartProblem(1, None, total, "", "out-of-range")] if total else []


# --------------------------------------------------------------------------- locating
def report_inline(reader: Reader, fields: Fields, kp: KeyPath, problems: Sequence[ChartProblem]) -> None:
    """Report problems at the YAML value that causes each (the chart itself when none does)."""
    for problem in problems:
        node, key_path = _node_of(fields, kp, problem)
        reader.error(node, problem.message, hint=problem.hint, kp=key_path, code=problem.code)


def _node_of(fields: Fields, kp: KeyPath, problem: ChartProblem) -> tuple[Node, KeyPath]:
    if problem.column is None:
        return fields.mapping_node, kp
    if problem.column == 0:
        node, key_path = fields.node("categories"), (*kp, "categories")
    else:
        series, index = fields.node("series"), problem.column - 1
        key_path = (*kp, "series", index, "values")
        node = _item(series, index)
        node = _value_of(node, "values") if node is not None else None
    if node is None:
        return fields.mapping_node, kp
    row = problem.row
    item = _item(node, row) if row is not None else None
    return (item, (*key_path, row)) if item is not None and row is not None else (node, key_path)


def _item(node: Node | None, index: int) -> Node | None:
    if isinstance(node, SequenceNode) and 0 <= index < len(node.value):
        item: Node = node.value[index]
        return item
    return None


def _value_of(node: Node, key: str) -> Node | None:
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == key:
                found: Node = value_node
                return found
    return None


def report_csv(reader: Reader, path: Path, data: CsvData, problems: Sequence[ChartProblem]) -> None:
    """Report problems at the CSV cell that causes each (a column's header for whole-series ones)."""
    for problem in problems:
        row = -1 if problem.row is None else problem.row
        line, col = data.cells.get((problem.column or 0, row), (1, 1))
        reader.diagnostics.append(
            Diagnostic(path, line, col, problem.message, problem.hint, (), "error", problem.code)
        )
