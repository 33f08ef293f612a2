"""Edits on a small storyboard written every way YAML allows: flow and block style, quoted and plain,
comments on the edited lines' neighbours, an image, a quote, sub-bullets, slides without notes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image as PILImage
from pptx import Presentation

from briefing.cli import main
from briefing.export.pptx import export_deck
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Bullets, Compare, Image, Quote, Stats
from tests.review import stakeholder as sh

SMALL = """\
# Small talk: comments stay
title: Small talk
subtitle: 'A subtitle'
author: Team
notes: Title notes.
sections:
  - title: First part   # section one
    notes: |
      Divider notes.
    slides:
      - title: Points
        build: true
        bullets:
          - One point
          - text: Two point
            bullets: [Child a, Child b]
          - Three point
      - {title: Flow slide, bullets: [alpha, beta], notes: flow notes}
      - title: Picture
        image: {path: park.png, alt: "A red square", caption: The square}
  - title: Second part
    slides:
      - title: Voices
        quote:
          text: "Quoted words."
          who: Ann
          role: CEO  # their title
      - title: Sides
        compare:
          left: {title: Then, bullets: [old way]}
          right:
            title: Now
            bullets:
              - new way
      - title: No notes here
        bullets: [lonely]
"""


@pytest.fixture
def small(tmp_path: Path) -> tuple[Path, Path]:
    PILImage.new("RGB", (64, 48), (200, 30, 30)).save(tmp_path / "park.png")
    story = tmp_path / "talk.yaml"
    story.write_text(SMALL, encoding="utf-8")
    deck = tmp_path / "deck.pptx"
    export_deck(load_storyboard(story), deck)
    return story, deck


def _imported(small: tuple[Path, Path], edit: Callable[[object], None], *options: str) -> str:
    story, deck = small
    prs = Presentation(str(deck))
    edit(prs)
    edited = deck.with_name("edited.pptx")
    prs.save(str(edited))
    assert main(["import", str(edited), "--into", str(story), "--write", *options]) == 0
    return story.read_text(encoding="utf-8")


def test_title_slide_and_divider_edits_go_to_the_top_level_and_the_section(small: tuple[Path, Path]) -> None:
    def edit(prs: object) -> None:
        title = prs.slides[0]  # type: ignore[attr-defined]
        sh.set_paragraph(
            next(s for s in title.shapes if s.name.startswith("Subtitle")), 0, "A better subtitle"
        )
        sh.set_notes(title, ["Title notes, rewritten."])
        sh.set_paragraph(prs.slides[1].shapes.title, 0, "The first part")  # type: ignore[attr-defined]
        sh.set_paragraph(sh.shape_named(title, "Byline"), 0, "Team Blue  ·  2026-12-01")

    text = _imported(small, edit)
    assert 'author: Team Blue\ndate: "2026-12-01"\n' in text  # added under the author, quoted: it is text
    assert "subtitle: 'A better subtitle'\n" in text  # its quotes kept
    assert "notes: Title notes, rewritten.\n" in text
    assert "  - title: The first part   # section one\n" in text


def test_a_tabbed_paragraph_becomes_a_sub_bullet_in_the_lists_own_style(small: tuple[Path, Path]) -> None:
    def edit(prs: object) -> None:
        body = sh.shape_named(sh.slide_with_title(prs, "Points"), "Body")
        body.text_frame.paragraphs[4].level = 1  # Tab on "Three point"
        sh.set_paragraph(body, 2, "Child A")

    text = _imported(small, edit)
    assert "            bullets: [Child A, Child b, Three point]\n" in text
    slide = load_storyboard(small[0]).slides[2]
    assert isinstance(slide.body, Bullets) and slide.body.build
    assert [(b.text, b.children) for b in slide.body.items] == [
        ("One point", ()),
        ("Two point", ("Child A", "Child b", "Three point")),
    ]


def test_flow_mappings_stay_flow_and_new_text_is_quoted_only_where_yaml_needs_it(
    small: tuple[Path, Path],
) -> None:
    def edit(prs: object) -> None:
        sh.add_paragraph_after(
            sh.shape_named(sh.slide_with_title(prs, "Flow slide"), "Body"), 1, "gamma: with colon"
        )
        picture = sh.slide_with_title(prs, "Picture")
        frame = next(s for s in picture.shapes if s.name.startswith("Picture"))
        frame._element.xpath("./p:nvPicPr/p:cNvPr")[0].set("descr", "A red square, 64 by 48 pixels")
        sh.set_paragraph(sh.shape_named(picture, "Caption"), 0, "The square (red)")

    text = _imported(small, edit)
    assert (
        '      - {title: Flow slide, bullets: [alpha, beta, "gamma: with colon"], notes: flow notes}\n'
        in text
    )
    image = load_storyboard(small[0]).slides[4].body
    assert isinstance(image, Image) and (image.alt, image.caption) == (
        "A red square, 64 by 48 pixels",
        "The square (red)",
    )


def test_attribution_compare_and_new_notes(small: tuple[Path, Path]) -> None:
    def edit(prs: object) -> None:
        sh.set_paragraph(sh.shape_named(sh.slide_with_title(prs, "Voices"), "Attribution"), 0, "— Ann Smith")
        sh.add_paragraph_after(sh.shape_named(sh.slide_with_title(prs, "Sides"), "Body", 0), 0, "older way")
        sh.set_notes(sh.slide_with_title(prs, "No notes here"), ["Now it has notes.", "Two paragraphs even."])

    text = _imported(small, edit)
    slides = {s.title: s for s in load_storyboard(small[0]).slides}
    quote = slides["Voices"].body
    assert isinstance(quote, Quote) and (quote.who, quote.role) == ("Ann Smith", "")
    assert "role:" not in text.split("Voices")[1].split("Sides")[0]
    compare = slides["Sides"].body
    assert isinstance(compare, Compare) and compare.left.bullets == ("old way", "older way")
    assert slides["No notes here"].notes.strip() == "Now it has notes.\n\nTwo paragraphs even."
    assert text.startswith("# Small talk: comments stay\n")


def test_a_slide_moved_into_another_section_takes_its_lines_along(small: tuple[Path, Path]) -> None:
    def edit(prs: object) -> None:
        sh.move_slide(prs, sh.slide_with_title(prs, "Sides"), 2)  # first of the first section

    text = _imported(small, edit)
    storyboard = load_storyboard(small[0])
    assert [s.title for s in storyboard.sections[0].slides] == ["Sides", "Points", "Flow slide", "Picture"]
    assert [s.title for s in storyboard.sections[1].slides] == ["Voices", "No notes here"]
    assert (
        "      - title: Sides\n        compare:\n          left: {title: Then, bullets: [old way]}\n" in text
    )


def test_a_section_whose_slides_were_all_deleted_is_removed(
    small: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    def edit(prs: object) -> None:
        for title in ("Voices", "Sides", "No notes here"):
            sh.delete_slide(prs, sh.slide_with_title(prs, title))

    text = _imported(small, edit)
    assert "Second part" not in text and [s.title for s in load_storyboard(small[0]).sections] == [
        "First part"
    ]
    assert "section 'Second part' has no slides left: removed" in capsys.readouterr().err


def test_sections_reordered_in_the_deck_are_reordered_in_the_storyboard(small: tuple[Path, Path]) -> None:
    def edit(prs: object) -> None:
        second = [sh.slide_with_title(prs, t) for t in ("Second part", "Voices", "Sides", "No notes here")]
        for position, slide in enumerate(second, start=1):
            sh.move_slide(prs, slide, position)

    text = _imported(small, edit)
    assert [s.title for s in load_storyboard(small[0]).sections] == ["Second part", "First part"]
    assert "  - title: First part   # section one\n" in text


def test_a_new_slide_on_a_content_layout_brings_its_placeholder_text(small: tuple[Path, Path]) -> None:
    def edit(prs: object) -> None:
        layout = next(x for x in prs.slide_layouts if x.name == "Title and Content")  # type: ignore[attr-defined]
        slide = prs.slides.add_slide(layout)  # type: ignore[attr-defined]
        slide.shapes.title.text = "Added in PowerPoint"
        body = next(p for p in slide.placeholders if p.placeholder_format.idx == 1)
        body.text_frame.text = "Typed into the content placeholder"
        sh.move_slide(prs, slide, 5)  # after "Picture": last of the first section

    _imported(small, edit)
    added = load_storyboard(small[0]).sections[0].slides[-1]
    assert added.title == "Added in PowerPoint"
    assert isinstance(added.body, Bullets) and [b.text for b in added.body.items] == [
        "Typed into the content placeholder"
    ]


def test_a_title_with_a_line_break_is_not_an_edit(tmp_path: Path) -> None:
    story = tmp_path / "talk.yaml"
    story.write_text(
        "title: Talk\nsections:\n  - title: S\n    slides:\n"
        '      - title: "Two\\nlines"\n        bullets: ["a\\nb"]\n',
        encoding="utf-8",
    )
    deck = tmp_path / "deck.pptx"
    export_deck(load_storyboard(story), deck)
    before = story.read_bytes()
    assert main(["import", str(deck), "--into", str(story), "--write"]) == 0
    assert story.read_bytes() == before


def test_a_duplicated_slide_is_a_new_slide_beside_its_original(small: tuple[Path, Path]) -> None:
    def edit(prs: object) -> None:
        import copy

        original = sh.slide_with_title(prs, "No notes here")
        twin = prs.slides.add_slide(original.slide_layout)  # type: ignore[attr-defined]
        for shape in list(twin.shapes):
            shape._element.getparent().remove(shape._element)
        for shape in original.shapes:  # what PowerPoint's Duplicate Slide copies: every shape, names too
            twin.shapes._spTree.append(copy.deepcopy(shape._element))
        sh.set_paragraph(twin.shapes.title, 0, "No notes here, again")

    _imported(small, edit)
    titles = [s.title for s in load_storyboard(small[0]).sections[1].slides]
    assert titles == ["Voices", "Sides", "No notes here", "No notes here, again"]


def test_a_deleted_divider_lets_its_slides_join_the_section_before(
    small: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    def edit(prs: object) -> None:
        sh.delete_slide(prs, sh.slide_with_title(prs, "Second part"))

    _imported(small, edit)
    storyboard = load_storyboard(small[0])
    assert [s.title for s in storyboard.sections] == ["First part"]
    assert [s.title for s in storyboard.sections[0].slides][-3:] == ["Voices", "Sides", "No notes here"]
    err = capsys.readouterr().err
    assert (
        "the divider of section 'Second part' was deleted in the deck: its slides join the section before it"
        in err
    )


def test_a_slide_whose_notes_page_a_client_dropped_keeps_its_notes(small: tuple[Path, Path]) -> None:
    def edit(prs: object) -> None:
        slide = sh.slide_with_title(prs, "First part")
        notes_part = slide.notes_slide.part
        for rel in list(slide.part.rels.values()):
            if rel.target_part is notes_part:
                slide.part.drop_rel(rel.rId)
        assert not slide.has_notes_slide

    _imported(small, edit)
    assert load_storyboard(small[0]).sections[0].notes.strip() == "Divider notes."


def test_deleting_the_title_slide_keeps_the_storyboards_title(
    small: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    before = small[0].read_bytes()

    def edit(prs: object) -> None:
        sh.delete_slide(prs, prs.slides[0])  # type: ignore[attr-defined]

    _imported(small, edit)
    assert small[0].read_bytes() == before
    assert (
        "the title slide was deleted in the deck: the storyboard keeps its title" in capsys.readouterr().err
    )


def test_edited_citations_in_the_notes_are_reported_not_imported_as_notes(
    project: Path, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prs = Presentation(str(exported))
    slide = sh.slide_with_title(prs, "From farmland to a science city")
    paragraphs = [p.text for p in slide.notes_slide.notes_text_frame.paragraphs if p.text.strip()]
    sh.set_notes(slide, [*paragraphs[:-1], paragraphs[-1].replace("square kilometers", "km²")])
    edited = exported.with_name("edited.pptx")
    prs.save(str(edited))
    before = project.read_bytes()
    assert main(["import", str(edited), "--into", str(project), "--write"]) == 0
    assert project.read_bytes() == before
    assert "the sources at the end of its notes were edited" in capsys.readouterr().err


def test_a_slide_whose_text_boxes_lost_their_names_keeps_its_body(
    small: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    def edit(prs: object) -> None:  # what a client that renames every shape leaves
        slide = sh.slide_with_title(prs, "Points")
        for number, shape in enumerate(slide.shapes):
            if not shape.is_placeholder:
                shape.name = f"Google Shape;{number};p3"
        sh.set_paragraph(slide.shapes.title, 0, "Points, renamed")

    _imported(small, edit)
    slide = load_storyboard(small[0]).slides[2]
    assert slide.title == "Points, renamed"
    assert isinstance(slide.body, Bullets) and [b.text for b in slide.body.items] == [
        "One point",
        "Two point",
        "Three point",
    ]
    assert "its text boxes were deleted or renamed in the deck" in capsys.readouterr().err


def test_reordered_bullets_move_their_lines_and_comments_with_them(tmp_path: Path) -> None:
    story = tmp_path / "talk.yaml"
    story.write_text(
        "title: Talk\nsections:\n  - title: S\n    slides:\n      - title: Order\n        bullets:\n"
        "          - First  # keep me\n          - Second\n          - Third\n",
        encoding="utf-8",
    )
    deck = tmp_path / "deck.pptx"
    export_deck(load_storyboard(story), deck)
    prs = Presentation(str(deck))
    body = sh.shape_named(sh.slide_with_title(prs, "Order"), "Body")
    first = body.text_frame.paragraphs[0]._p
    body.text_frame.paragraphs[2]._p.addnext(first)  # drag "First" to the end
    edited = tmp_path / "edited.pptx"
    prs.save(str(edited))
    assert main(["import", str(edited), "--into", str(story), "--write"]) == 0
    assert story.read_text(encoding="utf-8").endswith(
        "        bullets:\n          - Second\n          - Third\n          - First  # keep me\n"
    )


def test_notes_whose_line_breaks_a_client_changed_are_not_an_edit(project: Path, exported: Path) -> None:
    prs = Presentation(str(exported))
    for slide in prs.slides:  # one line per paragraph, as decks exported before notes kept line breaks
        if slide.has_notes_slide:
            frame = slide.notes_slide.notes_text_frame
            sh.set_notes(
                slide, [" ".join(p.text.replace("\v", " ").split()) for p in frame.paragraphs if p.text]
            )
    edited = exported.with_name("edited.pptx")
    prs.save(str(edited))
    before = project.read_bytes()
    assert main(["import", str(edited), "--into", str(project), "--write"]) == 0
    assert project.read_bytes() == before


def test_a_stat_card_deleted_in_the_deck_leaves_the_others_lines(project: Path, exported: Path) -> None:
    prs = Presentation(str(exported))
    slide = sh.slide_with_title(prs, "The trinity in numbers")
    for role in ("Stat Value", "Stat Label"):
        shape = sh.shape_named(slide, role, 1)  # the second card: "300+ multinational R&D centers"
        shape._element.getparent().remove(shape._element)
    edited = exported.with_name("edited.pptx")
    prs.save(str(edited))
    old = project.read_text(encoding="utf-8")
    assert main(["import", str(edited), "--into", str(project), "--write"]) == 0
    new = project.read_text(encoding="utf-8")
    removed = [line for line in old.splitlines() if line not in new.splitlines()]
    assert removed == ['          - {value: 300, unit: "+", label: "multinational R&D centers"}']
    stats = next(s for s in load_storyboard(project).slides if s.id == "trinity-numbers").body
    assert isinstance(stats, Stats) and [s.display() for s in stats.items] == ["4", "¥50bn", "30%"]


def test_a_stat_card_copied_in_the_deck_is_added(project: Path, exported: Path) -> None:
    import copy

    prs = Presentation(str(exported))
    slide = sh.slide_with_title(prs, "From farmland to a science city")
    for role in ("Stat Value", "Stat Label"):
        original = sh.shape_named(slide, role, 1)._element
        twin = copy.deepcopy(original)
        original.addnext(twin)
    value, label = sh.shape_named(slide, "Stat Value", 2), sh.shape_named(slide, "Stat Label", 2)
    sh.set_paragraph(value, 0, "1,200")
    sh.set_paragraph(label, 0, "startups")
    edited = exported.with_name("edited.pptx")
    prs.save(str(edited))
    assert main(["import", str(edited), "--into", str(project), "--write"]) == 0
    assert '          - {value: 1200, label: "startups"}\n' in project.read_text(encoding="utf-8")
    stats = next(s for s in load_storyboard(project).slides if s.id == "park-scale").body
    assert isinstance(stats, Stats) and [s.display() for s in stats.items] == ["25 km²", "16,000+", "1,200"]
