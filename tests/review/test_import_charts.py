"""Chart data comes back from the chart's cached values or from its embedded workbook, whichever
a client changed; a chart read from a CSV gets its CSV updated, never inline data."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.chart.data import CategoryChartData

from briefing.cli import main
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Chart
from tests.review import stakeholder as sh

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
SHARES = "One park: 35% of China's chips, 40% of AI patents"


def _chart_slide_values(
    project: Path, slide_id: str
) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[float, ...]], ...]]:
    chart = next(s for s in load_storyboard(project).slides if s.id == slide_id).body
    assert isinstance(chart, Chart)
    return chart.categories, tuple((s.name, s.values) for s in chart.series)


def _save_and_import(prs: object, exported: Path, project: Path) -> None:
    edited = exported.with_name("edited.pptx")
    prs.save(str(edited))  # type: ignore[attr-defined]
    assert main(["import", str(edited), "--into", str(project), "--write"]) == 0


def test_values_changed_only_in_the_charts_cache_come_back(project: Path, exported: Path) -> None:
    prs = Presentation(str(exported))
    chart = next(s for s in sh.slide_with_title(prs, SHARES).shapes if s.has_chart).chart
    value = chart._chartSpace.xpath(".//c:ser/c:val//c:pt[@idx='1']/c:v")[0]
    value.text = "41"
    series_name = chart._chartSpace.xpath(".//c:ser/c:tx//c:v")[0]
    series_name.text = "Share of the national total"
    _save_and_import(prs, exported, project)
    assert _chart_slide_values(project, "national-shares") == (
        ("Integrated circuit production", "AI patent applications"),
        (("Share of the national total", (35.0, 41.0)),),
    )


def test_values_changed_only_in_the_embedded_workbook_come_back(project: Path, exported: Path) -> None:
    prs = Presentation(str(exported))
    chart = next(s for s in sh.slide_with_title(prs, SHARES).shapes if s.has_chart).chart
    data = CategoryChartData()
    data.categories = ["Integrated circuit production", "AI patent applications"]
    data.add_series("Zhangjiang's share of China's total", (35, 42))
    chart.part.chart_workbook.update_from_xlsx_blob(data.xlsx_blob)  # the cache still says 40
    _save_and_import(prs, exported, project)
    assert _chart_slide_values(project, "national-shares")[1] == (
        ("Zhangjiang's share of China's total", (35.0, 42.0)),
    )


def test_a_csv_chart_gets_its_csv_rewritten_and_the_yaml_keeps_its_csv_key(
    project: Path, exported: Path
) -> None:
    before = project.read_text(encoding="utf-8")
    prs = Presentation(str(exported))
    sh.set_chart(
        sh.slide_with_title(prs, "Series A rounds: Shanghai vs Berlin"),
        ["Shanghai", "Berlin", "Paris"],
        [("Average Series A round (US$ M)", [25, 12.5, 9])],
    )
    _save_and_import(prs, exported, project)
    assert project.read_text(encoding="utf-8") == before
    csv = (project.parent / "data" / "series-a.csv").read_text(encoding="utf-8")
    assert csv == "City,Average Series A round (US$ M)\nShanghai,25\nBerlin,12.5\nParis,9\n"


def test_a_series_added_in_the_deck_is_added_to_the_inline_data(project: Path, exported: Path) -> None:
    prs = Presentation(str(exported))
    sh.set_chart(
        sh.slide_with_title(prs, SHARES),
        ["Integrated circuit production", "AI patent applications"],
        [("Zhangjiang's share of China's total", [35, 40]), ("Another", [1, 2])],
    )
    _save_and_import(prs, exported, project)
    text = project.read_text(encoding="utf-8")
    assert (
        "            - name: Zhangjiang's share of China's total\n              values: [35, 40]\n"
        "            - name: Another\n              values: [1, 2]\n"
    ) in text
    assert _chart_slide_values(project, "national-shares")[1][1] == ("Another", (1.0, 2.0))
