"""The deck's PowerPoint sections are the storyboard's: same names, same slides, in order."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation

from briefing.export.pptx import export_deck
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Storyboard

NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "p14": "http://schemas.microsoft.com/office/powerpoint/2010/main",
}


def read_sections(deck: Path) -> list[tuple[str, list[int]]]:
    """(name, deck positions of its slides) per section, read from presentation.xml."""
    with zipfile.ZipFile(deck) as package:
        root = etree.fromstring(package.read("ppt/presentation.xml"))
    order = [int(i) for i in root.xpath("./p:sldIdLst/p:sldId/@id", namespaces=NS)]
    sections = root.xpath("./p:extLst/p:ext/p14:sectionLst/p14:section", namespaces=NS)
    return [
        (
            section.get("name"),
            [order.index(int(i)) for i in section.xpath("./p14:sldIdLst/p14:sldId/@id", namespaces=NS)],
        )
        for section in sections
    ]


def expected_sections(storyboard: Storyboard, deck_slides: int) -> list[tuple[str, list[int]]]:
    """Title slide in the first section; slides after the storyboard's (Sources) in the last."""
    expected: list[tuple[str, list[int]]] = [(s.title, []) for s in storyboard.sections]
    for position, slide in enumerate(storyboard.slides):
        expected[max(0, slide.section)][1].append(position)
    expected[-1][1].extend(range(len(storyboard.slides), deck_slides))
    return expected


def test_bundled_briefing_sections_match_the_storyboard(tmp_path: Path) -> None:
    storyboard = load_storyboard(None)
    deck = tmp_path / "bundled.pptx"
    export_deck(storyboard, deck)
    sections = read_sections(deck)
    deck_slides = len(Presentation(str(deck)).slides)
    assert [name for name, _ in sections] == [s.title for s in storyboard.sections]
    assert sections == expected_sections(storyboard, deck_slides)
    assert sections[0][1][0] == 0, "the title slide opens the first section"
    every = [position for _, members in sections for position in members]
    assert every == list(range(deck_slides)), "every slide is in exactly one section, in order"


def test_rich_storyboard_sections(rich_storyboard: Storyboard, tmp_path: Path) -> None:
    deck = tmp_path / "rich.pptx"
    export_deck(rich_storyboard, deck)
    deck_slides = len(Presentation(str(deck)).slides)
    assert read_sections(deck) == expected_sections(rich_storyboard, deck_slides)
    assert [name for name, _ in read_sections(deck)] == ["Every body", "Every chart"]


def test_template_sections_are_replaced_by_the_storyboards(
    rich_storyboard: Storyboard, corporate_template: Path, tmp_path: Path
) -> None:
    """A template whose sample slide sits in its own section: the deck has only our sections."""
    prs = Presentation(str(corporate_template))
    sample_id = prs.slides[0].slide_id
    prs.part._element.append(
        etree.fromstring(
            f'<p:extLst xmlns:p="{NS["p"]}"><p:ext uri="{{521415D9-36F7-43E2-AB2F-B90AF26B5E84}}">'
            f'<p14:sectionLst xmlns:p14="{NS["p14"]}"><p14:section name="Template samples" '
            f'id="{{11111111-2222-3333-4444-555555555555}}"><p14:sldIdLst><p14:sldId id="{sample_id}"/>'
            "</p14:sldIdLst></p14:section></p14:sectionLst></p:ext></p:extLst>"
        )
    )
    prs.save(str(corporate_template))
    deck = tmp_path / "corporate-deck.pptx"  # not the template: export refuses to overwrite it
    export_deck(rich_storyboard, deck, template=corporate_template)
    deck_slides = len(Presentation(str(deck)).slides)
    assert read_sections(deck) == expected_sections(rich_storyboard, deck_slides)


def test_unusual_section_names_survive(tmp_path: Path) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text(
        'title: Odd\nsections:\n  - title: "Q&A <live> \\"now\\""\n    slides:\n'
        "      - {title: One, bullets: [a]}\n"
        "  - title: 上海\n    slides:\n      - {title: Two, bullets: [b]}\n",
        encoding="utf-8",
    )
    storyboard = load_storyboard(path)
    deck = tmp_path / "odd.pptx"
    export_deck(storyboard, deck)
    assert [name for name, _ in read_sections(deck)] == ['Q&A <live> "now"', "上海"]
