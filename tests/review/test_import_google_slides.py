"""Decks shaped as Google Slides downloads them (``google_slides.py``): no custom properties, every
shape renamed ``Google Shape;<id>;p<page>``, charts turned into pictures, its own layouts, no
comments, no sections, explicit fonts on every run, maybe its own page size. The words still
come back to their fields (found by where the export placed each box), a chart's values that
cannot come back are said to be so, and nothing is guessed silently."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Inches

from briefing.cli import main
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Bullets, Chart, Compare, Image, Quote, Stats
from tests.review import google_slides as google
from tests.review import stakeholder as sh
from tests.review.test_import_edits import SMALL

PICTURE = (
    "its chart is a picture in this deck (Google Slides turns charts into pictures): the chart's values "
    "cannot be read back, the storyboard keeps its data"
)


def _downloaded(
    exported: Path, edit: object = None, *, scale: float = 1.0, placeholders: bool = True
) -> Path:
    prs = Presentation(str(exported))
    if edit is not None:
        edit(prs)  # type: ignore[operator]
    edited = exported.with_name("edited.pptx")
    prs.save(str(edited))
    return google.export(edited, exported.with_name("google.pptx"), scale=scale, placeholders=placeholders)


def _slide(project: Path, slide_id: str):
    return next(s for s in load_storyboard(project).slides if s.id == slide_id)


@pytest.mark.parametrize(("scale", "placeholders"), [(1.0, True), (0.75, True), (1.0, False)])
def test_an_unedited_google_slides_download_imports_nothing_and_says_why_charts_stay(
    scale: float, placeholders: bool, project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Also on Google's own page size (10 x 5.625 in), every position scaled with it, and with the
    titles as plain text boxes (a client that keeps no placeholders)."""
    before = project.read_bytes()
    deck = _downloaded(exported, scale=scale, placeholders=placeholders)
    assert main(["import", str(deck), "--into", str(project), "--write"]) == 0
    assert project.read_bytes() == before
    out, err = capsys.readouterr()
    assert out == "" and "nothing to change" in err
    assert "deleted" not in err and "added" not in err and "renamed or deleted" not in err
    lines = before.decode().splitlines()
    for number, title in (
        (6, "One park: 35% of China's chips, 40% of AI patents"),
        (27, "Zhangjiang office"),
    ):
        line = next(
            n for n, text in enumerate(lines, 1) if text.strip().startswith(f'- title: "{title}'[:30])
        )
        assert f"{project.name}:{line}:9: note: slide {number}: {PICTURE}" in err
    assert "a client renamed the text boxes of 37 slides (as Google Slides does)" in err
    assert "the deck does not say which storyboard text it came from" in err


@pytest.mark.parametrize("placeholders", [True, False])
def test_every_text_edit_comes_back_from_google_slides_and_the_charts_keep_their_data(
    placeholders: bool, project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rents_before = (project.parent / "data" / "rent-index.csv").read_bytes()
    deck = _downloaded(exported, sh.review_everything, placeholders=placeholders)
    assert main(["import", str(deck), "--into", str(project), "--write"]) == 0
    err = capsys.readouterr().err
    stats = _slide(project, "park-scale")
    assert stats.title == sh.EDITED_TITLE
    assert isinstance(stats.body, Stats)
    assert [(s.display(), s.label) for s in stats.body.items] == [
        ("25 km²", sh.EDITED_LABEL),
        (sh.EDITED_STAT, "tech firms, incl. SMIC and SenseTime"),
    ]
    assert stats.notes.split("\n\n")[0].strip() == sh.EDITED_NOTES
    quote = _slide(project, "metamorphosis").body
    assert isinstance(quote, Quote) and (quote.text, quote.role) == (sh.EDITED_QUOTE, sh.EDITED_ROLE)
    compare = _slide(project, "then-and-now").body
    assert isinstance(compare, Compare) and compare.right.bullets[0] == sh.EDITED_COLUMN
    bullets = _slide(project, "three-forces").body
    assert isinstance(bullets, Bullets) and [b.text for b in bullets.items] == [
        sh.EDITED_BULLET,
        sh.ADDED_BULLET,
        "Industry: domestic champions alongside global research labs",
    ]
    storyboard = load_storyboard(project)
    assert [s.id for s in storyboard.sections[1].slides] == [
        "trinity-numbers",
        "three-forces",
        "academia-industry",
        "what-the-stakeholders-want",
        "ai-plus",
    ]
    assert "policy" not in {s.id for s in storyboard.slides}
    chart = _slide(project, "national-shares").body  # the edit made in the chart cannot come back
    assert isinstance(chart, Chart) and chart.series[0].values == (35.0, 40.0)
    assert (project.parent / "data" / "rent-index.csv").read_bytes() == rents_before
    assert f"slide 6: {PICTURE}" in err and f"slide 27: {PICTURE}" in err
    assert "slide 3: matched to 'From farmland to a science city' by its words" in err
    assert f"slide 11 '{sh.NEW_TITLE}' was added in the deck" in err


def test_a_stakeholders_own_text_box_on_a_google_slide_is_read_as_bullets(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def edit(prs: object) -> None:
        slide = sh.slide_with_title(prs, "Three forces pulling in one direction")
        box = slide.shapes.add_textbox(Inches(1), Inches(6.4), Inches(4), Inches(0.5))
        box.text_frame.text = "Ask the audience which force matters most"

    assert main(["import", str(_downloaded(exported, edit)), "--into", str(project), "--write"]) == 0
    bullets = _slide(project, "three-forces").body
    assert isinstance(bullets, Bullets) and len(bullets.items) == 4
    assert bullets.items[3].text == "Ask the audience which force matters most"


@pytest.fixture
def small(tmp_path: Path) -> tuple[Path, Path]:
    from PIL import Image as PILImage

    from briefing.export.pptx import export_deck

    PILImage.new("RGB", (64, 48), (200, 30, 30)).save(tmp_path / "park.png")
    story = tmp_path / "talk.yaml"
    story.write_text(SMALL, encoding="utf-8")
    deck = tmp_path / "deck.pptx"
    export_deck(load_storyboard(story), deck)
    return story, deck


def test_title_slide_sub_bullets_image_and_quote_come_back_from_google_slides(
    small: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    def edit(prs: object) -> None:
        title = prs.slides[0]  # type: ignore[attr-defined]
        sh.set_paragraph(
            next(s for s in title.shapes if s.name.startswith("Subtitle")), 0, "A better subtitle"
        )
        sh.set_paragraph(sh.shape_named(title, "Byline"), 0, "Team Blue  ·  2026-12-01")
        sh.set_paragraph(sh.shape_named(sh.slide_with_title(prs, "Points"), "Body"), 2, "Child A")
        picture = sh.slide_with_title(prs, "Picture")
        sh.set_paragraph(sh.shape_named(picture, "Caption"), 0, "The square (red)")
        sh.set_paragraph(
            sh.shape_named(sh.slide_with_title(prs, "Voices"), "Attribution"), 0, "— Ann Smith, COO"
        )

    story, deck = small
    before = story.read_text(encoding="utf-8")
    assert main(["import", str(_downloaded(deck, edit)), "--into", str(story), "--write"]) == 0
    after = story.read_text(encoding="utf-8")
    changed = [line for line in after.splitlines() if line not in before.splitlines()]
    assert changed == [
        "subtitle: 'A better subtitle'",
        "author: Team Blue",
        'date: "2026-12-01"',
        "            bullets: [Child A, Child b]",
        '        image: {path: park.png, alt: "A red square", caption: The square (red)}',
        "          who: Ann Smith",
        "          role: COO  # their title",
    ]
    slides = {s.title: s for s in load_storyboard(story).slides}
    points = slides["Points"].body
    assert isinstance(points, Bullets) and points.items[1].children == ("Child A", "Child b")
    image = slides["Picture"].body
    assert isinstance(image, Image) and image.alt == "A red square"
    assert "Traceback" not in capsys.readouterr().err


def test_a_google_slides_download_of_another_storyboard_is_refused(
    project: Path, small: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    before = project.read_bytes()
    deck = google.export(small[1], small[1].with_name("other-google.pptx"))
    assert main(["import", str(deck), "--into", str(project), "--write"]) == 1
    assert project.read_bytes() == before
    err = capsys.readouterr().err
    assert "does not look like a deck exported from" in err and "nothing was imported" in err
    assert "Traceback" not in err


def test_diff_of_the_storyboard_and_a_google_slides_download_lists_the_edits_and_what_it_cannot_compare(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def edit(prs: object) -> None:
        stats = sh.slide_with_title(prs, "From farmland to a science city")
        sh.set_paragraph(sh.shape_named(stats, "Stat Value", 1), 0, sh.EDITED_STAT)
        sh.set_paragraph(stats.shapes.title, 0, sh.EDITED_TITLE)

    deck = _downloaded(exported, edit)
    for old in (project, exported):  # the storyboard, or the deck it was exported as
        assert main(["diff", str(old), str(deck)]) == 0
        out = capsys.readouterr().out
        assert f"slide 3 '{sh.EDITED_TITLE}':\n  title: 'From farmland to a science city' -> " in out
        assert "    - 16,000+: tech firms, incl. SMIC and SenseTime\n" in out
        assert f"    + {sh.EDITED_STAT}: tech firms, incl. SMIC and SenseTime\n" in out
        assert (
            "slide 6 'One park: 35% of China's chips, 40% of AI patents':\n"
            "  (the chart is a picture in the new deck: its values cannot be read, "
            "so they are not compared)\n"
        ) in out
        assert "Sources" not in out and "added" not in out and "removed" not in out
        assert out.splitlines()[0].endswith("6 slides differ")  # the edited one and the five charts


def test_a_slide_added_with_one_text_box_where_exports_put_the_footer_keeps_its_words(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One box alone on a slide of a new title is the stakeholder's own, not a generated footer."""

    def edit(prs: object) -> None:
        footer = sh.shape_named(sh.slide_with_title(prs, "From farmland to a science city"), "Footer")
        slide = sh.add_bullet_slide(prs, 3, "Questions so far", ["placeholder"], [])
        box = next(s for s in slide.shapes if s.has_text_frame and s.text_frame.text == "placeholder")
        box.left, box.top, box.width, box.height = footer.left, footer.top, footer.width, footer.height
        box.text_frame.text = "Ask for questions here"

    assert main(["import", str(_downloaded(exported, edit)), "--into", str(project), "--write"]) == 0
    added = _slide(project, "questions-so-far")
    assert isinstance(added.body, Bullets) and [b.text for b in added.body.items] == [
        "Ask for questions here"
    ]
    assert (
        "slide 4 'Questions so far' was added in the deck: added as a bullet slide" in capsys.readouterr().err
    )


def test_a_slide_retitled_and_reworded_in_google_slides_is_matched_by_its_place(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No marker and too few words in common: the one slide left between the same two neighbours."""

    def edit(prs: object) -> None:
        slide = sh.slide_with_title(prs, "Three forces pulling in one direction")
        sh.set_paragraph(slide.shapes.title, 0, "Who drives it")
        body = sh.shape_named(slide, "Body")
        sh.set_paragraph(body, 0, "Universities")
        sh.set_paragraph(body, 1, "Companies")

    before = project.read_text(encoding="utf-8")
    assert main(["import", str(_downloaded(exported, edit)), "--into", str(project), "--write"]) == 0
    slide = _slide(project, "three-forces")
    assert slide.title == "Who drives it" and slide.duration is not None
    assert isinstance(slide.body, Bullets) and [b.text for b in slide.body.items][:2] == [
        "Universities",
        "Companies",
    ]
    after = project.read_text(encoding="utf-8")
    assert len([line for line in after.splitlines() if line not in before.splitlines()]) == 3
    err = capsys.readouterr().err
    assert "slide 8: matched to 'Three forces pulling in one direction' by its place" in err


def test_a_slide_replaced_by_a_new_one_in_google_slides_is_deleted_and_added(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new slide where a deleted one was shares too few words to be taken for it."""

    def edit(prs: object) -> None:
        old = sh.slide_with_title(prs, "Three forces pulling in one direction")
        sh.add_bullet_slide(prs, 8, "Lunch break", ["Back at two"], [])
        sh.delete_slide(prs, old)

    assert main(["import", str(_downloaded(exported, edit)), "--into", str(project), "--write"]) == 0
    ids = [s.id for s in load_storyboard(project).slides]
    assert "three-forces" not in ids and "lunch-break" in ids
    err = capsys.readouterr().err
    assert "slide 'Three forces pulling in one direction' (line" in err and "was deleted in the deck" in err
    assert "slide 8 'Lunch break' was added in the deck" in err


def test_diff_of_a_google_slides_download_and_a_damaged_deck_blames_the_damaged_one(
    exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = _downloaded(exported)
    damaged = exported.with_name("damaged.pptx")
    damaged.write_bytes(exported.read_bytes()[:5000])
    assert main(["diff", str(deck), str(damaged)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"briefing diff: error: {damaged} is damaged") and "google.pptx" not in err


def test_a_google_slides_download_of_a_deck_exported_on_a_template_imports_its_edits(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.export.pptx import export_deck
    from tests.export.conftest import build_corporate_template

    deck = tmp_path / "templated.pptx"
    export_deck(
        load_storyboard(project), deck, template=build_corporate_template(tmp_path / "corporate.pptx")
    )

    def edit(prs: object) -> None:
        stats = sh.slide_with_title(prs, "From farmland to a science city")
        sh.set_paragraph(sh.shape_named(stats, "Stat Value", 1), 0, sh.EDITED_STAT)

    assert main(["import", str(_downloaded(deck, edit)), "--into", str(project), "--write"]) == 0
    stats = _slide(project, "park-scale").body
    assert isinstance(stats, Stats) and stats.items[1].display() == sh.EDITED_STAT
    assert "imported 1 edit" in capsys.readouterr().err


def test_a_slide_pasted_back_from_the_exported_deck_into_a_google_download_keeps_the_rest_readable(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One slide with our names (and its marker) among Google's: the others still read by place."""
    from tests.review import opc

    def edit(prs: object) -> None:
        stats = sh.slide_with_title(prs, "From farmland to a science city")
        sh.set_paragraph(sh.shape_named(stats, "Stat Value", 1), 0, sh.EDITED_STAT)

    deck = _downloaded(exported, edit)
    entries = opc.read(deck)
    entries["ppt/slides/slide8.xml"] = opc.read(exported)["ppt/slides/slide8.xml"]  # "Three forces"
    opc.write(entries, deck)
    before = project.read_text(encoding="utf-8")
    assert main(["import", str(deck), "--into", str(project), "--write"]) == 0
    after = project.read_text(encoding="utf-8")
    assert [line for line in after.splitlines() if line not in before.splitlines()] == [
        '          - {value: 17500, unit: "+", label: "tech firms, incl. SMIC and SenseTime"}'
    ]
    err = capsys.readouterr().err
    assert "deleted" not in err and "added" not in err


def test_a_section_divider_retitled_in_google_slides_renames_its_section(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def edit(prs: object) -> None:
        sh.set_paragraph(sh.slide_with_title(prs, "Talent magnetism").shapes.title, 0, "People")

    before = project.read_text(encoding="utf-8")
    assert main(["import", str(_downloaded(exported, edit)), "--into", str(project), "--write"]) == 0
    after = project.read_text(encoding="utf-8")
    assert [line for line in after.splitlines() if line not in before.splitlines()] == ["  - title: People"]
    assert "slide 19: matched to 'Talent magnetism' by its place" in capsys.readouterr().err
