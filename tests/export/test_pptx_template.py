"""--template: a company's template, its sample slides gone, its layouts and fonts used."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from briefing.errors import ExportError
from briefing.export.pptx import export_deck
from briefing.storyboard.model import Storyboard


@pytest.fixture
def templated(rich_storyboard: Storyboard, corporate_template: Path, tmp_path: Path):
    out = tmp_path / "corporate-deck.pptx"
    report = export_deck(rich_storyboard, out, template=corporate_template)
    return rich_storyboard, Presentation(str(out)), report, out


def test_sample_slides_are_deleted_with_their_parts(templated) -> None:
    storyboard, prs, _, out = templated
    assert len(prs.slides) == len(storyboard.slides)  # the closing Sources slide included
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert "Sample slide that must disappear" not in titles
    import zipfile

    with zipfile.ZipFile(out) as package:
        slide_parts = [n for n in package.namelist() if n.startswith("ppt/slides/slide")]
        notes_text = b"".join(package.read(n) for n in package.namelist() if "notesSlide" in n)
    assert len(slide_parts) == len(storyboard.slides)
    assert b"sample notes" not in notes_text


def test_layouts_are_picked_by_name_then_type(templated) -> None:
    _, prs, _, _ = templated
    layouts = [s.slide_layout.name for s in prs.slides]
    assert layouts[0] == "Corporate Cover"  # renamed "Title Slide", found by its type
    assert layouts[1] == "Corporate Chapter"  # renamed "Section Header"
    assert set(layouts[2:]) - {"Corporate Chapter"} == {"Title and Content"}


def test_a_missing_layout_falls_back_and_says_so(templated) -> None:
    _, _, report, _ = templated
    assert report.warnings == ("template has no 'Title Only' layout; content slides use 'Title and Content'",)


def test_template_fonts_and_colours_apply(templated) -> None:
    _, prs, _, _ = templated
    for deck_slide in prs.slides:
        assert not deck_slide.background._cSld.xpath("./p:bg"), "the template's background shows"
        for shape in deck_slide.shapes:
            if shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    for run in paragraph.runs:
                        assert run.font.name is None, "the template's theme font applies"
    titles = [s.shapes.title for s in prs.slides]
    assert all(t.is_placeholder for t in titles)


def test_blank_only_template_gets_title_text_boxes(rich_storyboard: Storyboard, tmp_path: Path) -> None:
    prs = Presentation()
    prs.slide_width, prs.slide_height = 12192000, 6858000
    for layout in list(prs.slide_layouts):
        if layout.name != "Blank":
            prs.slide_layouts.remove(layout)
    template = tmp_path / "blank-only.pptx"
    prs.save(str(template))
    report = export_deck(rich_storyboard, tmp_path / "deck.pptx", template=template)
    assert len(report.warnings) == 3
    assert all("'Blank' plus a text box for the title" in w for w in report.warnings)
    deck = Presentation(str(tmp_path / "deck.pptx"))
    first = deck.slides[2]
    texts = [s.text_frame.text for s in first.shapes if s.has_text_frame and s.text_frame.text]
    assert texts[0] == rich_storyboard.slides[2].title  # still read first


def test_a_4_3_template_is_widened_with_a_warning(rich_storyboard: Storyboard, tmp_path: Path) -> None:
    template = tmp_path / "old.pptx"
    Presentation().save(str(template))  # python-pptx's default is 4:3
    report = export_deck(rich_storyboard, tmp_path / "deck.pptx", template=template)
    assert any("not 16:9" in w for w in report.warnings)
    deck = Presentation(str(tmp_path / "deck.pptx"))
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)


def test_a_template_that_is_not_a_deck_is_an_error(rich_storyboard: Storyboard, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.pptx"
    bogus.write_text("not a zip")
    with pytest.raises(ExportError, match=r"cannot use template bogus\.pptx"):
        export_deck(rich_storyboard, tmp_path / "deck.pptx", template=bogus)
    assert not (tmp_path / "deck.pptx").exists()


@pytest.mark.parametrize("kept", ["Title Only", "Title Slide"])
def test_section_slides_without_a_section_layout_still_have_a_slide_title(
    rich_storyboard: Storyboard, tmp_path: Path, kept: str
) -> None:
    """As in LibreOffice's templates (no "Section Header"): a divider's title is its slide title
    (a title placeholder), which screen readers and PowerPoint's Accessibility Checker look for."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = 12192000, 6858000
    for layout in list(prs.slide_layouts):
        if layout.name not in (kept, "Blank", "Title and Content"):
            prs.slide_layouts.remove(layout)
    template = tmp_path / "impress.pptx"
    prs.save(str(template))
    report = export_deck(rich_storyboard, tmp_path / "deck.pptx", template=template)
    assert f"template has no 'Section Header' layout; section slides use '{kept}'" in report.warnings
    deck = Presentation(str(tmp_path / "deck.pptx"))
    sections = [
        s for s, source in zip(deck.slides, rich_storyboard.slides, strict=True) if source.kind == "section"
    ]
    assert sections and all(s.slide_layout.name == kept for s in sections)
    titles = [s.shapes.title.text_frame.text if s.shapes.title is not None else None for s in sections]
    assert titles == [source.title for source in rich_storyboard.slides if source.kind == "section"]
