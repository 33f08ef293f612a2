"""Sources in the deck: linked footers, a closing Sources slide, citations in the notes; the same
details in the app's footer and the PDF handout."""

from __future__ import annotations

import subprocess
import textwrap
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from briefing.export.pptx import export_deck
from briefing.storyboard.load import analyze_text, load_storyboard, load_text
from briefing.storyboard.model import Storyboard

NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"

YAML = """
title: Linked sources
sources:
  report: {title: The hub report, publisher: Example Press, date: "2026-11-01", url: "https://example.org/hub?a=1&b=2"}
  survey: {title: Founder survey, url: "https://example.com/survey"}
  unused: {title: Never cited, url: "https://example.net/unused"}
  book: {title: Plain book, publisher: Old House}
sections:
  - title: First part
    slides:
      - title: Two sources
        notes: The notes text.
        sources:
          - {ref: report, phrase: twice as large}
          - {ref: survey, note: "n = 40"}
          - {ref: report, phrase: second phrase}
        build: true
        bullets: [One, Two, Three]
  - title: Second part
    slides:
      - title: A book
        sources: [{ref: book}]
        bullets: [Alpha]
      - title: No sources
        notes: Nothing cited here.
        bullets: [Beta]
      - title: The report again
        notes: Same report.
        sources: [{ref: report}]
        bullets: [Gamma]
"""


@pytest.fixture
def storyboard(tmp_path: Path) -> Storyboard:
    path = tmp_path / "linked.yaml"
    path.write_text(textwrap.dedent(YAML).lstrip(), encoding="utf-8")
    return load_storyboard(path)


class Deck:
    """The exported package, read back: slide XML, each slide's relationships, notes text."""

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as package:
            self.files = {name: package.read(name) for name in package.namelist()}
        count = sum(1 for n in self.files if n.startswith("ppt/slides/slide") and n.endswith(".xml"))
        self.slides = [etree.fromstring(self.files[f"ppt/slides/slide{n}.xml"]) for n in range(1, count + 1)]

    def rels(self, number: int) -> dict[str, etree._Element]:
        root = etree.fromstring(self.files[f"ppt/slides/_rels/slide{number}.xml.rels"])
        return {rel.get("Id"): rel for rel in root.xpath("./rel:Relationship", namespaces=NS)}

    def links(self, number: int) -> list[tuple[str, str]]:
        """(linked text, target) for every hyperlinked run of slide ``number`` (1-based)."""
        rels = self.rels(number)
        found = []
        for run in self.slides[number - 1].xpath(".//a:r[a:rPr/a:hlinkClick]", namespaces=NS):
            rel = rels[run.xpath("./a:rPr/a:hlinkClick/@r:id", namespaces=NS)[0]]
            assert rel.get("Type") == HYPERLINK and rel.get("TargetMode") == "External"
            found.append((run.xpath("string(./a:t)", namespaces=NS), rel.get("Target")))
        return found

    def shape_text(self, number: int, name_start: str) -> list[str]:
        shapes = self.slides[number - 1].xpath(
            f".//p:sp[starts-with(.//p:cNvPr/@name, '{name_start}')]", namespaces=NS
        )
        return [p.xpath("string(.)") for shape in shapes for p in shape.xpath(".//a:p", namespaces=NS)]

    def title(self, number: int) -> str:
        return "".join(
            self.slides[number - 1].xpath(".//p:sp[.//p:ph[@type='title']]//a:t/text()", namespaces=NS)
        )

    def notes(self, number: int) -> list[str]:
        rels = self.rels(number)
        target = next((r.get("Target") for r in rels.values() if r.get("Type").endswith("/notesSlide")), None)
        if target is None:
            return []
        root = etree.fromstring(self.files["ppt/notesSlides/" + target.rsplit("/", 1)[1]])
        body = root.xpath(".//p:sp[.//p:ph[@type='body']]", namespaces=NS)[0]
        return [p.xpath("string(.)") for p in body.xpath(".//a:p", namespaces=NS)]


@pytest.fixture
def deck(storyboard: Storyboard, tmp_path: Path) -> Deck:
    out = tmp_path / "linked.pptx"
    export_deck(storyboard, out)
    return Deck(out)


def test_every_cited_url_is_an_external_hyperlink_in_the_footer(storyboard: Storyboard, deck: Deck) -> None:
    number = 1 + [s.title for s in storyboard.slides].index("Two sources")
    assert deck.shape_text(number, "Footer") == [
        "Source: The hub report (Example Press, 2026-11-01) — “twice as large”; “second phrase”",
        "Source: Founder survey — (n = 40)",
    ]
    assert deck.links(number) == [
        (deck.shape_text(number, "Footer")[0], "https://example.org/hub?a=1&b=2"),
        ("Source: Founder survey — (n = 40)", "https://example.com/survey"),
    ]
    book = 1 + [s.title for s in storyboard.slides].index("A book")
    assert deck.shape_text(book, "Footer") == ["Source: Plain book (Old House)"]
    assert deck.links(book) == [], "a source without url is not a link"
    cited_urls = {url for n in range(1, len(deck.slides) + 1) for _, url in deck.links(n)}
    assert cited_urls == {"https://example.org/hub?a=1&b=2", "https://example.com/survey"}


def test_the_deck_ends_with_every_cited_source_once(storyboard: Storyboard, deck: Deck) -> None:
    last = len(deck.slides)
    assert last == len(storyboard.slides)  # the Sources slide is the storyboard's last slide, as in the app
    assert storyboard.slides[-1].kind == "sources" and storyboard.slides[-1].title == "Sources"
    assert deck.title(last) == "Sources"
    assert deck.shape_text(last, "Body") == [
        "The hub report (Example Press, 2026-11-01)",
        "https://example.org/hub?a=1&b=2",
        "Founder survey",
        "https://example.com/survey",
        "Plain book (Old House)",
    ]
    assert deck.links(last) == [  # the link's text says what the source is, not its address
        ("The hub report (Example Press, 2026-11-01)", "https://example.org/hub?a=1&b=2"),
        ("Founder survey", "https://example.com/survey"),
    ]
    assert not any("Never cited" in text for text in deck.shape_text(last, "Body"))
    assert deck.shape_text(last, "Slide Number") == [str(last)]


def test_notes_end_with_the_slides_citations_in_full(storyboard: Storyboard, deck: Deck) -> None:
    titles = [s.title for s in storyboard.slides]
    assert deck.notes(1 + titles.index("Two sources")) == [
        "The notes text.",
        "Source: The hub report (Example Press, 2026-11-01), https://example.org/hub?a=1&b=2"
        " — “twice as large”; “second phrase”",
        "Source: Founder survey, https://example.com/survey — (n = 40)",
    ]
    assert deck.notes(1 + titles.index("A book")) == ["Source: Plain book (Old House)"]
    assert deck.notes(1 + titles.index("No sources")) == ["Nothing cited here."]
    assert deck.notes(1 + titles.index("The report again")) == [
        "Same report.",
        "Source: The hub report (Example Press, 2026-11-01), https://example.org/hub?a=1&b=2",
    ]
    assert deck.notes(len(deck.slides))[1:] == [
        "The hub report (Example Press, 2026-11-01), https://example.org/hub?a=1&b=2",
        "Founder survey, https://example.com/survey",
        "Plain book (Old House)",
    ]


def test_sources_slide_false_leaves_it_out(tmp_path: Path) -> None:
    text = textwrap.dedent(YAML).lstrip().replace("sections:", "sources_slide: false\nsections:", 1)
    storyboard = load_text(text, tmp_path / "off.yaml")
    assert storyboard.sources_slide is False
    out = tmp_path / "off.pptx"
    report = export_deck(storyboard, out)
    deck = Deck(out)
    assert len(deck.slides) == len(storyboard.slides) == report.slides
    assert deck.title(len(deck.slides)) == "The report again"
    assert deck.links(3), "footers still link"


def test_sources_slide_must_be_true_or_false(tmp_path: Path) -> None:
    text = textwrap.dedent(YAML).lstrip().replace("sections:", "sources_slide: maybe\nsections:", 1)
    result = analyze_text(text, tmp_path / "bad.yaml")
    assert result.storyboard is None
    assert [(d.line, d.key_path) for d in result.diagnostics] == [(7, ("sources_slide",))]


def test_a_storyboard_citing_nothing_gets_no_sources_slide(tmp_path: Path) -> None:
    text = "title: Plain\nsections:\n  - title: Only\n    slides:\n      - {title: One, bullets: [a]}\n"
    storyboard = load_text(text, tmp_path / "plain.yaml")
    out = tmp_path / "plain.pptx"
    assert export_deck(storyboard, out).slides == len(storyboard.slides) == len(Deck(out).slides)


def test_app_footer_shows_the_same_source_details_as_the_deck(
    storyboard: Storyboard, deck: Deck, qtbot
) -> None:
    from briefing.layout.theme import resolve_theme
    from briefing.render.scene import SlideScene

    index = [s.title for s in storyboard.slides].index("Two sources")
    scene = SlideScene(storyboard, index, resolve_theme(storyboard.theme), animate=False)
    (footer,) = scene.texts("footer")
    shown = [footer.box.paragraphs[line.paragraph].text for line in footer.lines()]
    assert list(dict.fromkeys(shown)) == deck.shape_text(index + 1, "Footer")


def test_pdf_handout_notes_carry_the_citations(storyboard: Storyboard, tmp_path: Path, qtbot) -> None:
    from briefing.export.images import render_pdf

    pdf = render_pdf(storyboard, tmp_path / "handout.pdf", notes=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "Source: The hub report (Example Press, 2026-11-01)" in flat
    assert "https://example.com/survey — (n = 40)" in flat


@pytest.mark.slow
def test_linked_deck_passes_the_open_xml_sdk(
    storyboard: Storyboard, corporate_template: Path, tmp_path
) -> None:
    """Hyperlinks (with the colour extension), the Sources slide, builds and sections validate."""
    from tests.export.ooxml_sdk import validate
    from tests.export.package_checks import package_problems

    decks = [tmp_path / "plain.pptx", tmp_path / "templated.pptx"]
    export_deck(storyboard, decks[0])
    export_deck(storyboard, decks[1], template=corporate_template)
    assert {str(d): package_problems(d) for d in decks} == {str(d): [] for d in decks}
    assert validate(*decks) == {str(d): [] for d in decks}


def test_an_address_with_spaces_or_other_scripts_is_linked_as_a_uri(tmp_path: Path) -> None:
    """A relationship's target is a URI: the host in punycode, the rest percent-encoded as UTF-8
    (PowerPoint and the Open XML SDK refuse a target with a space or a 报)."""
    text = YAML.replace("https://example.org/hub?a=1&b=2", "https://例子.cn/报告 2024?q=a b").replace(
        "https://example.com/survey", "https://example.com/already%20encoded/straße"
    )
    path = tmp_path / "linked.yaml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    out = tmp_path / "linked.pptx"
    export_deck(load_storyboard(path), out)
    deck = Deck(out)
    targets = {url for n in range(1, len(deck.slides) + 1) for _, url in deck.links(n)}
    assert targets == {
        "https://xn--fsqu00a.cn/%E6%8A%A5%E5%91%8A%202024?q=a%20b",
        "https://example.com/already%20encoded/stra%C3%9Fe",
    }
    from tests.export.ooxml_sdk import validate

    assert validate(out) == {str(out): []}
