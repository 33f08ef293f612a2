"""Decks shaped as PowerPoint saves them (``powerpoint.py``: parts renamed by order, content types
with Defaults, creation ids, new section GUIDs, chart style parts, notes pages laid out again),
with edits as PowerPoint writes them: typed text split into runs with spelling marks and smart
quotes, Shift+Enter, autofit, Edit Data through Excel, PowerPoint 365's comment threads."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from briefing.cli import main
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Bullets, Chart, Stats
from tests.review import powerpoint as pp
from tests.review import stakeholder as sh

SHARES = "One park: 35% of China's chips, 40% of AI patents"
RENTS = "Zhangjiang office rents: four times 2020"


def _resaved(exported: Path, edit: object = None) -> Path:
    prs = Presentation(str(exported))
    if edit is not None:
        edit(prs)  # type: ignore[operator]
    edited = exported.with_name("edited.pptx")
    prs.save(str(edited))
    return pp.resave(edited, exported.with_name("powerpoint.pptx"))


def _slide(project: Path, slide_id: str):
    return next(s for s in load_storyboard(project).slides if s.id == slide_id)


def test_an_unedited_deck_saved_by_powerpoint_imports_nothing(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = project.read_bytes()
    assert main(["import", str(_resaved(exported)), "--into", str(project), "--write"]) == 0
    assert project.read_bytes() == before
    out, err = capsys.readouterr()
    assert out == "" and "nothing to change" in err
    assert "note:" not in err  # the markers and properties survive: nothing matched by guess


def test_every_edit_comes_back_the_same_from_a_deck_powerpoint_saved(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same review, saved by python-pptx alone and as PowerPoint saves it: the same diff."""
    prs = Presentation(str(exported))
    sh.review_everything(prs)
    plain = exported.with_name("plain.pptx")
    prs.save(str(plain))
    assert main(["import", str(plain), "--into", str(project)]) == 0
    expected = capsys.readouterr()
    shaped = pp.resave(plain, exported.with_name("powerpoint.pptx"))
    assert main(["import", str(shaped), "--into", str(project)]) == 0
    got = capsys.readouterr()
    assert got.out == expected.out and "+Today,410" in got.out
    assert got.err.replace("powerpoint.pptx", "plain.pptx") == expected.err


def test_text_typed_in_powerpoint_comes_back_as_typed(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Runs split per word with spelling marks, AutoCorrect's curly quotes, a Shift+Enter line break
    inside a bullet and a notes paragraph, autofit: the words as the deck shows them, nothing more."""

    def edit(prs: object) -> None:
        stats = sh.slide_with_title(prs, "From farmland to a science city")
        pp.type_paragraph(stats.shapes.title.text_frame.paragraphs[0], 'From farmland to a "science city"')
        pp.type_paragraph(sh.shape_named(stats, "Stat Value", 1).text_frame.paragraphs[0], "17,500+")
        bullets = sh.slide_with_title(prs, "Three forces pulling in one direction")
        body = sh.shape_named(bullets, "Body")
        pp.soft_break(body.text_frame.paragraphs[0], "Academia: top universities", "inside industry")
        pp.shrink_on_overflow(body)
        pp.type_notes(bullets, ["The speaker's first point.", "Second paragraph\nwith a line break."])

    before = project.read_text(encoding="utf-8")
    assert main(["import", str(_resaved(exported, edit)), "--into", str(project), "--write"]) == 0
    err = capsys.readouterr().err
    assert "briefing import: imported 4 edits" in err
    stats = _slide(project, "park-scale")
    assert stats.title == "From farmland to a \u201cscience city\u201d"
    assert isinstance(stats.body, Stats) and stats.body.items[1].display() == "17,500+"
    bullets = _slide(project, "three-forces")
    assert isinstance(bullets.body, Bullets)
    assert bullets.body.items[0].text == "Academia: top universities inside industry"
    assert bullets.notes.rstrip() == "The speaker\u2019s first point.\n\nSecond paragraph\nwith a line break."
    after = project.read_text(encoding="utf-8")
    changed = [line for line in after.splitlines() if line not in before.splitlines()]
    assert changed == [
        "      - title: From farmland to a \u201cscience city\u201d",
        '          - {value: 17500, unit: "+", label: "tech firms, incl. SMIC and SenseTime"}',
        "          The speaker\u2019s first point.",
        "          Second paragraph",
        "          with a line break.",
        '          - "Academia: top universities inside industry"',
    ]


def test_edit_data_through_excel_comes_back_into_the_yaml_and_the_csv(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel's workbook (shared strings, a German sheet name), a cache with formatCode and years
    as numbers: the values as edited, the CSV rewritten, nothing else."""

    def edit(prs: object) -> None:
        pp.edit_data(
            sh.slide_with_title(prs, SHARES),
            ["Integrated circuit production", "AI patent applications"],
            [("Zhangjiang's share of China's total", [36, 40.5])],
            sheet="Tabelle1",
        )
        pp.edit_data(
            sh.slide_with_title(prs, RENTS),
            ["2020", "2024"],
            [("Office rent index (2020 = 100)", [100, 410])],
        )

    before = project.read_text(encoding="utf-8")
    assert main(["import", str(_resaved(exported, edit)), "--into", str(project), "--write"]) == 0
    chart = _slide(project, "national-shares").body
    assert isinstance(chart, Chart) and chart.series[0].values == (36.0, 40.5)
    rents = (project.parent / "data" / "rent-index.csv").read_text(encoding="utf-8")
    assert rents == "Period,Office rent index (2020 = 100)\n2020,100\n2024,410\n"
    changed = [
        line for line in project.read_text(encoding="utf-8").splitlines() if line not in before.splitlines()
    ]
    assert changed == ["              values: [36, 40.5]"]


def test_a_value_edited_only_in_excels_workbook_comes_back(project: Path, exported: Path) -> None:
    """PowerPoint did not refresh the chart (the cache still says 40): the workbook holds the edit,
    wherever Excel keeps its first sheet."""

    def edit(prs: object) -> None:
        chart = next(s for s in sh.slide_with_title(prs, SHARES).shapes if s.has_chart).chart
        book = pp.excel_workbook(
            ["Integrated circuit production", "AI patent applications"],
            [("Zhangjiang's share of China's total", [35, 42])],
            "Data",
            sheet_path="xl/worksheets/sheet3.xml",
        )
        chart.part.chart_workbook.update_from_xlsx_blob(book)

    assert main(["import", str(_resaved(exported, edit)), "--into", str(project), "--write"]) == 0
    chart = _slide(project, "national-shares").body
    assert isinstance(chart, Chart) and chart.series[0].values == (35.0, 42.0)


def test_powerpoint_365_comment_threads_are_notes_at_their_slides(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def edit(prs: object) -> None:
        stats = sh.slide_with_title(prs, "From farmland to a science city")
        pp.add_comment(prs, stats, "Anna Lee", "Is this 2024 or 2023?", replies=(("Bo Kim", "2024"),))
        bullets = sh.slide_with_title(prs, "Three forces pulling in one direction")
        pp.add_comment(prs, bullets, "Bo Kim", "Say who the three are", resolved=True)

    before = project.read_bytes()
    assert main(["import", str(_resaved(exported, edit)), "--into", str(project)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and project.read_bytes() == before
    lines = before.decode().splitlines()
    at = {title: n for n, line in enumerate(lines, 1) for title in [line.strip()[len("- title: ") :]]}
    stats_line = at["From farmland to a science city"]
    bullets_line = at["Three forces pulling in one direction"]
    name = project.name
    assert f'{name}:{stats_line}:9: note: comment by Anna Lee on slide 3: "Is this 2024 or 2023?"' in err
    assert f'{name}:{stats_line}:9: note: reply by Bo Kim on slide 3: "2024"' in err
    assert (
        f'{name}:{bullets_line}:9: note: comment by Bo Kim on slide 8 (resolved): "Say who the three are"'
        in err
    )
    assert "3 comments" in err


def test_diff_of_the_storyboard_and_a_deck_powerpoint_saved(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def edit(prs: object) -> None:
        stats = sh.slide_with_title(prs, "From farmland to a science city")
        pp.type_paragraph(sh.shape_named(stats, "Stat Value", 1).text_frame.paragraphs[0], "17,500+")
        pp.edit_data(
            sh.slide_with_title(prs, RENTS),
            ["2020", "2024"],
            [("Office rent index (2020 = 100)", [100, 410])],
        )

    deck = _resaved(exported, edit)
    assert main(["diff", str(project), str(deck)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith("2 slides differ")
    assert "    - 16,000+: tech firms, incl. SMIC and SenseTime" in out
    assert "    + 17,500+: tech firms, incl. SMIC and SenseTime" in out
    assert (
        "  chart: Office rent index (2020 = 100): 2020 100, Now 400 -> "
        "Office rent index (2020 = 100): 2020 100, 2024 410"
    ) in out


def test_a_powerpoint_saved_deck_of_an_older_storyboard_text_is_refused_and_nothing_is_written(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = _resaved(
        exported,
        lambda prs: pp.type_paragraph(
            sh.slide_with_title(prs, SHARES).shapes.title.text_frame.paragraphs[0], "Shares"
        ),
    )
    edited = project.read_text(encoding="utf-8").replace("duration: 50s", "duration: 55s", 1)
    project.write_text(edited, encoding="utf-8")
    assert main(["import", str(deck), "--into", str(project), "--write"]) == 1
    assert project.read_text(encoding="utf-8") == edited
    err = capsys.readouterr().err
    assert "was edited since powerpoint.pptx was exported from it: nothing was imported" in err
    assert "Traceback" not in err


def test_a_section_renamed_in_powerpoints_section_list_is_the_sections_new_title(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rename Section in the slide sorter: the section's title changes; a section added there has no
    divider slide, so it is said and not added."""

    def edit(prs: object) -> None:
        pp.rename_section(prs, "Talent magnetism", "Talent")
        pp.add_section(prs, "Money", sh.slide_with_title(prs, "A record year for venture capital"))

    before = project.read_text(encoding="utf-8")
    assert main(["import", str(_resaved(exported, edit)), "--into", str(project), "--write"]) == 0
    after = project.read_text(encoding="utf-8")
    assert [line for line in after.splitlines() if line not in before.splitlines()] == ["  - title: Talent"]
    assert [s.title for s in load_storyboard(project).sections][3] == "Talent"
    err = capsys.readouterr().err
    assert "slide 19: section 'Talent magnetism' was renamed 'Talent' in the deck's section list" in err
    assert (
        "slide 14: section 'Money' was added in the deck's section list: not imported (a storyboard section "
        "starts at its divider slide), its slides stay in the section before it"
    ) in err


def _retyped(deck: Path, out: Path, member: str, old: bytes, new: bytes) -> Path:
    from tests.review import opc

    entries = opc.read(deck)
    entries[member] = entries[member].replace(old, new)
    return opc.write(entries, out)


def test_a_deck_saved_as_a_powerpoint_show_imports_like_the_deck(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """File > Save As > PowerPoint Show (.ppsx): the same parts, the main one typed as a slide show."""
    deck = _resaved(
        exported, lambda prs: sh.set_paragraph(sh.slide_with_title(prs, SHARES).shapes.title, 0, "Shares")
    )
    show = _retyped(
        deck,
        exported.with_name("reviewed.ppsx"),
        "[Content_Types].xml",
        b"presentationml.presentation.main+xml",
        b"presentationml.slideshow.main+xml",
    )
    assert main(["import", str(show), "--into", str(project), "--write"]) == 0
    assert _slide(project, "national-shares").title == "Shares"
    assert "imported 1 edit" in capsys.readouterr().err


def test_a_deck_saved_as_strict_open_xml_is_refused_with_how_to_save_it(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = project.read_bytes()
    strict = _retyped(
        exported,
        exported.with_name("strict.pptx"),
        "ppt/presentation.xml",
        b"http://schemas.openxmlformats.org/presentationml/2006/main",
        b"http://purl.oclc.org/ooxml/presentationml/main",
    )
    assert main(["import", str(strict), "--into", str(project), "--write"]) == 1
    assert project.read_bytes() == before
    err = capsys.readouterr().err
    assert err.strip().endswith(
        "was saved as Strict Open XML, which this command cannot read: save it in PowerPoint as a "
        "PowerPoint Presentation (.pptx) and import that"
    )
    assert "Traceback" not in err


def test_a_chart_value_cleared_in_edit_data_keeps_the_storyboards_value_and_says_so(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel leaves no cell, PowerPoint's cache no point: a blank is not a 0."""

    def edit(prs: object) -> None:
        slide = sh.slide_with_title(prs, SHARES)
        pp.edit_data(
            slide,
            ["Integrated circuit production", "AI patent applications"],
            [("Zhangjiang's share of China's total", [36, 40])],
        )
        chart = next(s for s in slide.shapes if s.has_chart).chart
        (point,) = chart._chartSpace.xpath(".//c:ser/c:val//c:pt[@idx='1']")
        point.getparent().remove(point)

    assert main(["import", str(_resaved(exported, edit)), "--into", str(project), "--write"]) == 0
    chart = _slide(project, "national-shares").body
    assert isinstance(chart, Chart) and chart.series[0].values == (36.0, 40.0)
    assert (
        "slide 6: the chart's value for 'Zhangjiang's share of China's total', 'AI patent applications' "
        "is blank or not a number in the deck: kept 40"
    ) in capsys.readouterr().err
    assert main(["diff", str(exported), str(exported.with_name("powerpoint.pptx")), "--format", "json"]) == 0
    import json

    (slide,) = json.loads(capsys.readouterr().out)["slides"]
    assert slide["changes"][0]["new"]["series"][0]["values"] == [36.0, None]


def test_a_table_and_a_picture_added_in_powerpoint_are_said_not_imported(
    project: Path, exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from PIL import Image as PILImage
    from pptx.util import Inches

    photo = tmp_path / "photo.png"
    PILImage.new("RGB", (40, 30), (10, 120, 200)).save(photo)

    def edit(prs: object) -> None:
        slide = sh.slide_with_title(prs, "Three forces pulling in one direction")
        table = slide.shapes.add_table(2, 2, Inches(1), Inches(5), Inches(4), Inches(1)).table
        table.cell(0, 0).text = "Force"
        slide.shapes.add_picture(str(photo), Inches(9), Inches(5), Inches(2), Inches(1.5))
        new = sh.add_bullet_slide(prs, 9, "A photo", ["Look at this"], [])
        new.shapes.add_picture(str(photo), Inches(5), Inches(4), Inches(2), Inches(1.5))

    before = project.read_text(encoding="utf-8")
    assert main(["import", str(_resaved(exported, edit)), "--into", str(project), "--write"]) == 0
    err = capsys.readouterr().err
    assert "slide 8: a picture on the slide is not imported (the storyboard slide cannot hold it)" in err
    assert "slide 8: a table on the slide is not imported (the storyboard slide cannot hold it)" in err
    assert "slide 10: a picture on the slide is not imported (the storyboard slide cannot hold it)" in err
    after = project.read_text(encoding="utf-8")
    assert [line for line in after.splitlines() if line not in before.splitlines()] == [
        "      - title: A photo",
        "          - Look at this",
    ]  # (and a "bullets:" line like others before it)


def test_a_slide_hidden_in_powerpoint_is_said_and_kept(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def edit(prs: object) -> None:
        sh.slide_with_title(prs, SHARES).element.set("show", "0")  # Hide Slide

    before = project.read_bytes()
    assert main(["import", str(_resaved(exported, edit)), "--into", str(project), "--write"]) == 0
    assert project.read_bytes() == before
    err = capsys.readouterr().err
    assert (
        "slide 6: it is hidden in the deck: a storyboard has no hidden slides, "
        "so it stays (delete it to cut it)"
    ) in err


def test_a_title_box_deleted_in_powerpoint_keeps_the_title_and_says_so(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A deleted title box is not a title typed empty (which would have to be written as "")."""

    def edit(prs: object) -> None:
        slide = sh.slide_with_title(prs, "Three forces pulling in one direction")
        title = slide.shapes.title.element
        title.getparent().remove(title)
        sh.set_paragraph(sh.shape_named(slide, "Body"), 0, sh.EDITED_BULLET)

    assert main(["import", str(_resaved(exported, edit)), "--into", str(project), "--write"]) == 0
    slide = _slide(project, "three-forces")
    assert slide.title == "Three forces pulling in one direction"
    assert isinstance(slide.body, Bullets) and slide.body.items[0].text == sh.EDITED_BULLET
    assert "slide 8: its title box was deleted in the deck: the title stays" in capsys.readouterr().err


CHART_TYPES = """\
title: Every chart
sections:
  - title: Charts
    slides:
{slides}
"""


def _chart_slide(kind: str) -> str:
    categories = "[1, 2, 3]" if kind == "scatter" else "[A, B, C]"
    data = f"categories: {categories}\n            series: [{{name: S, values: [3, 1, 2]}}]"
    return f"      - title: A {kind} chart\n        chart:\n            type: {kind}\n            {data}\n"


def test_every_chart_type_saved_by_powerpoint_is_no_edit_and_a_type_changed_in_the_deck_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kinds = ["bar", "hbar", "stacked", "line", "area", "pie", "donut", "scatter"]
    story = tmp_path / "talk.yaml"
    story.write_text(CHART_TYPES.format(slides="".join(_chart_slide(k) for k in kinds)), encoding="utf-8")
    deck = tmp_path / "talk.pptx"
    assert main(["export", str(story), "-o", str(deck)]) == 0
    shaped = pp.resave(deck, tmp_path / "powerpoint.pptx")
    capsys.readouterr()
    assert main(["import", str(shaped), "--into", str(story)]) == 0
    err = capsys.readouterr().err
    assert "would import 0 edits" in err and "note:" not in err
    prs = Presentation(str(deck))
    chart = next(s for s in sh.slide_with_title(prs, "A bar chart").shapes if s.has_chart).chart
    (bar_dir,) = chart._chartSpace.xpath(".//c:barDir")
    bar_dir.set("val", "bar")  # Change Chart Type > Bar
    prs.save(str(deck))
    assert main(["import", str(pp.resave(deck, tmp_path / "powerpoint.pptx")), "--into", str(story)]) == 0
    assert (
        "slide 3: its chart is a hbar chart in the deck and a bar chart in the storyboard: "
        "a chart type is not taken back"
    ) in capsys.readouterr().err


def test_ink_drawn_in_powerpoint_is_said_not_imported(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = project.read_bytes()
    deck = _resaved(exported, lambda prs: pp.draw_ink(sh.slide_with_title(prs, SHARES)))
    assert main(["import", str(deck), "--into", str(project), "--write"]) == 0
    assert project.read_bytes() == before
    assert "slide 6: ink on the slide is not imported (the storyboard slide cannot hold it)" in (
        capsys.readouterr().err
    )
