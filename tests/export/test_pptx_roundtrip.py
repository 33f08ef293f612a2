"""The exported deck, re-opened with python-pptx, says what the storyboard says."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn
from pptx.util import Emu

from briefing.export.pptx import export_deck
from briefing.export.pptx.alt_text import alt_text
from briefing.export.pptx.notes import notes_paragraphs
from briefing.layout.citations import citation_notes, speaker_notes
from briefing.storyboard.model import Chart, Image, Storyboard

EXPECTED_TYPES = {
    "bar": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "hbar": XL_CHART_TYPE.BAR_CLUSTERED,
    "stacked": XL_CHART_TYPE.COLUMN_STACKED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "area": XL_CHART_TYPE.AREA,
    "pie": XL_CHART_TYPE.PIE,
    "donut": XL_CHART_TYPE.DOUGHNUT,
    "scatter": XL_CHART_TYPE.XY_SCATTER,
}


@pytest.fixture
def exported(rich_storyboard: Storyboard, tmp_path: Path):
    out = tmp_path / "deck.pptx"
    report = export_deck(rich_storyboard, out)
    return rich_storyboard, Presentation(str(out)), report


def _charts(prs):
    return [shape for slide in prs.slides for shape in slide.shapes if shape.has_chart]


def test_one_16_9_slide_per_storyboard_slide(exported) -> None:
    storyboard, prs, report = exported
    assert len(prs.slides) == len(storyboard.slides) == report.slides  # the closing Sources slide included
    assert prs.slides[len(storyboard.slides) - 1].shapes.title.text == "Sources"
    assert (prs.slide_width, prs.slide_height) == (Emu(12192000), Emu(6858000))
    assert abs(prs.slide_width.inches - 13.333) < 0.001 and prs.slide_height.inches == 7.5


def test_titles_are_in_title_placeholders(exported) -> None:
    storyboard, prs, _ = exported
    for slide, deck_slide in zip(storyboard.slides, list(prs.slides), strict=True):
        title = deck_slide.shapes.title
        assert title is not None and title.is_placeholder
        assert title.text_frame.text == slide.title


def test_notes_go_to_the_notes_page(exported) -> None:
    storyboard, prs, _ = exported
    for slide, deck_slide in zip(storyboard.slides, list(prs.slides), strict=True):
        if slide.notes or slide.sources:  # the notes end with the slide's citations
            paragraphs = [p.text for p in deck_slide.notes_slide.notes_text_frame.paragraphs]
            expected = notes_paragraphs(slide.notes) + list(citation_notes(storyboard, slide))
            if slide.kind == "sources":  # every source with its link, under the slide's notes
                expected = notes_paragraphs(speaker_notes(storyboard, slide))
            assert paragraphs == expected
        else:
            assert not deck_slide.has_notes_slide
    title_notes = [p.text for p in prs.slides[0].notes_slide.notes_text_frame.paragraphs]
    assert title_notes == ["Good morning.", "Second paragraph of the title notes."]


def test_every_chart_type_is_native_with_the_storyboard_data(exported) -> None:
    storyboard, prs, _ = exported
    specs = [s.body for s in storyboard.slides if isinstance(s.body, Chart)]
    frames = _charts(prs)
    assert [f.chart.chart_type for f in frames] == [EXPECTED_TYPES[c.type] for c in specs]
    assert {c.type for c in specs} == set(EXPECTED_TYPES)
    for frame, spec in zip(frames, specs, strict=True):
        plot = frame.chart.plots[0]
        drawn = spec.series[:1] if spec.type in ("pie", "donut") else spec.series
        assert [s.name for s in plot.series] == [s.name for s in drawn]
        for series, expected in zip(plot.series, drawn, strict=True):
            assert list(series.values) == pytest.approx(expected.values)
        if spec.type != "scatter":
            assert list(plot.categories) == list(spec.categories)


def test_scatter_x_values_come_from_the_categories(exported) -> None:
    _, prs, _ = exported
    frame = next(f for f in _charts(prs) if f.chart.chart_type == XL_CHART_TYPE.XY_SCATTER)
    x_values = frame.chart._chartSpace.xpath(".//c:xVal//c:v/text()")
    assert [float(x) for x in x_values] == [1.0, 2.0, 3.5]


def test_charts_embed_an_editable_workbook(exported) -> None:
    _, prs, _ = exported
    for frame in _charts(prs):
        workbook = frame.chart.part.chart_workbook.xlsx_part
        assert workbook is not None, "Edit Data needs the embedded workbook"
        with zipfile.ZipFile(io.BytesIO(workbook.blob)) as xlsx:
            sheet = xlsx.read("xl/worksheets/sheet1.xml").decode()
        for series in frame.chart.plots[0].series:
            for value in series.values:
                assert f"<v>{value:g}</v>" in sheet, "the workbook holds the charted numbers"


def test_number_format_legend_labels_and_axis_titles(exported) -> None:
    storyboard, prs, _ = exported
    specs = {s.title: s.body for s in storyboard.slides if isinstance(s.body, Chart)}
    charts = {s.shapes.title.text: f.chart for s in prs.slides for f in s.shapes if f.has_chart}
    bar = charts["Series A rounds"]
    assert specs["Series A rounds"].number_format == '"$"#,##0"M"'
    labels = bar.plots[0].data_labels
    assert labels.number_format == '"$"#,##0"M"' and not labels.number_format_is_linked
    assert bar.value_axis.tick_labels.number_format == '"$"#,##0"M"'
    assert bar.value_axis.axis_title.text_frame.text == "US$ million"
    assert not bar.has_legend  # one series: no legend
    assert not charts["Shares by field"].plots[0].has_data_labels  # labels: false
    assert charts["Funding mix"].has_legend
    assert charts["Funding mix"].category_axis.axis_title.text_frame.text == "Year"
    assert charts["Growth"].has_legend  # legend: true
    assert charts["Pie"].has_legend and not charts["Donut"].has_legend
    assert charts["Growth"].plots[0].data_labels.number_format == "#,##0.0"


def test_series_colours_come_from_the_palette_or_the_series(exported) -> None:
    from briefing.layout.theme import resolve_theme

    storyboard, prs, _ = exported
    theme = resolve_theme(storyboard.theme)
    charts = {s.shapes.title.text: f.chart for s in prs.slides for f in s.shapes if f.has_chart}
    public, private = charts["Funding mix"].plots[0].series
    assert str(public.format.fill.fore_color.rgb) == theme.palette[0].lstrip("#")
    assert str(private.format.fill.fore_color.rgb) == "FF0000"
    slices = charts["Pie"].plots[0].series[0].points
    assert [str(slices[i].format.fill.fore_color.rgb) for i in range(2)] == [
        c.lstrip("#") for c in theme.palette[:2]
    ]


def test_charts_and_pictures_carry_alt_text(exported) -> None:
    storyboard, prs, _ = exported
    bar = _charts(prs)[0]
    assert alt_text(bar) == "Bar chart (Series A rounds): Average Series A round — Shanghai $25M, Berlin $12M"
    pictures = [s for slide in prs.slides for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    image = next(s.body for s in storyboard.slides if isinstance(s.body, Image))
    assert [alt_text(p) for p in pictures] == [image.alt]
    for frame in _charts(prs):
        assert alt_text(frame)


def test_reading_order_title_first_footer_last(exported) -> None:
    _, prs, _ = exported
    for deck_slide in prs.slides:
        readable = [s for s in deck_slide.shapes if not _decorative(s)]
        assert readable[0].is_placeholder and readable[0] == deck_slide.shapes.title
        names = [s.name for s in readable]
        if any(n.startswith("Footer") for n in names):
            assert names[-2].startswith("Footer") and names[-1].startswith("Slide Number")


def _decorative(shape) -> bool:
    return bool(shape._element.xpath(".//*[local-name()='decorative']"))


def test_sources_become_the_footer_and_slides_are_numbered(exported) -> None:
    _, prs, _ = exported
    deck_slide = prs.slides[2]  # "Bullets with a build"
    footer = next(s for s in deck_slide.shapes if s.name.startswith("Footer"))
    assert "Shanghai as a technology innovation hub" in footer.text_frame.text
    assert "spanning 25 square kilometers" in footer.text_frame.text
    number = next(s for s in deck_slide.shapes if s.name.startswith("Slide Number"))
    assert number.text_frame.text == "3"
    assert number._element.xpath(".//a:fld/@type") == ["slidenum"]


def test_build_slides_show_their_final_state(exported) -> None:
    _, prs, _ = exported
    body = next(s for s in prs.slides[2].shapes if s.name.startswith("Body"))
    assert [p.text for p in body.text_frame.paragraphs] == [
        "Four universities in the global top 100",
        "Over 300 multinational R&D centres",
        "Microsoft Asia",
        "Tesla Gigafactory",
    ]


def test_text_is_fitted_unwrapped_arial_without_autofit(exported) -> None:
    _, prs, _ = exported
    for deck_slide in prs.slides:
        for shape in deck_slide.shapes:
            if not shape.has_text_frame or not shape.text_frame.text:
                continue
            body_pr = shape.text_frame._txBody.bodyPr
            assert body_pr.get("wrap") == "square"
            assert body_pr.find(qn("a:noAutofit")) is not None
            assert body_pr.get("tIns") == "0" and body_pr.get("bIns") == "0"
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    assert run.font.name == "Arial"
                    assert run.font.size is not None


def test_stats_and_quotes_are_text(exported) -> None:
    _, prs, _ = exported
    texts = [s.text_frame.text for slide in prs.slides for s in slide.shapes if s.has_text_frame]
    assert any(t.startswith("25") and t.endswith("km²") for t in texts) and "$48bn" in texts
    assert "We're monetizing innovation itself." in texts


def test_document_properties(exported) -> None:
    storyboard, prs, _ = exported
    props = prs.core_properties
    assert props.title == storyboard.title
    assert props.author == "Briefing team"
    assert props.subject == storyboard.subtitle
    assert props.keywords == "Every body; Every chart"
    assert props.created.date().isoformat() == "2026-11-29"
    assert props.modified == props.created


def test_properties_date_is_fixed_when_the_storyboard_date_does_not_parse(
    rich_storyboard: Storyboard, tmp_path: Path
) -> None:
    from dataclasses import replace

    from briefing.export.pptx.reproducible import FIXED_DATE

    undated = replace(rich_storyboard, date="spring, some year")
    export_deck(undated, tmp_path / "undated.pptx")
    props = Presentation(str(tmp_path / "undated.pptx")).core_properties
    assert props.created == FIXED_DATE and props.modified == FIXED_DATE


def test_progress_reports_every_slide(rich_storyboard: Storyboard, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_deck(rich_storyboard, tmp_path / "deck.pptx", progress=lambda *step: seen.append(step))
    total = len(rich_storyboard.slides)
    assert seen == [(n, total) for n in range(1, total + 1)]


def test_chart_text_uses_the_deck_font_and_theme_colours(exported) -> None:
    from briefing.layout.theme import resolve_theme

    storyboard, prs, _ = exported
    theme = resolve_theme(storyboard.theme)
    for frame in _charts(prs):
        space = frame.chart._chartSpace
        assert space.xpath("./c:txPr//a:defRPr/a:latin/@typeface") == ["Arial"]
        assert space.xpath("./c:txPr//a:defRPr/a:solidFill/a:srgbClr/@val") == [theme.muted.lstrip("#")]
        assert space.xpath("./c:spPr/a:noFill"), "no white chart box over the slide background"


def test_text_the_layout_could_not_fit_may_shrink_in_powerpoint() -> None:
    from briefing.export.pptx.style import DeckStyle
    from briefing.export.pptx.text import text_box_xml
    from briefing.layout import Paragraph, Rect, TextBox
    from briefing.layout.theme import resolve_theme

    box = TextBox("body", Rect(0, 0, 100, 20), (Paragraph("far too long " * 20),), 28, "#FFFFFF")
    style = DeckStyle(resolve_theme())
    assert "<a:noAutofit/>" in text_box_xml(2, box, style)
    from dataclasses import replace

    assert "<a:normAutofit/>" in text_box_xml(2, replace(box, overflow=True), style)


def test_an_image_python_pptx_cannot_read_is_an_export_error(
    rich_storyboard: Storyboard, tmp_path: Path
) -> None:
    from briefing.errors import ExportError

    image = next(s.body for s in rich_storyboard.slides if isinstance(s.body, Image))
    image.path.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    with pytest.raises(ExportError, match=r"cannot put image park\.png into the deck"):
        export_deck(rich_storyboard, tmp_path / "deck.pptx")
    assert not (tmp_path / "deck.pptx").exists()


def test_slides_have_their_own_parts_ids_and_notes_pages(exported) -> None:
    storyboard, prs, _ = exported
    ids = [s.slide_id for s in prs.slides]
    assert len(set(ids)) == len(ids) and ids == sorted(ids)
    parts = {str(s.part.partname) for s in prs.slides}
    assert parts == {f"/ppt/slides/slide{n}.xml" for n in range(1, len(storyboard.slides) + 1)}
    notes_parts = [s.notes_slide.part for s in prs.slides if s.has_notes_slide]
    assert len({str(p.partname) for p in notes_parts}) == len(notes_parts)
    for deck_slide in prs.slides:
        if deck_slide.has_notes_slide:
            assert deck_slide.notes_slide.part.part_related_by(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide"
            ) is deck_slide.part
