"""What the writer does with text at PowerPoint's limits: long properties, line breaks, any str."""

from __future__ import annotations

import dataclasses
import textwrap
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation

from briefing.export.pptx import export_deck
from briefing.export.pptx.properties import PROPERTY_LIMIT, fit_property, keywords
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Storyboard

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _load(tmp_path: Path, text: str) -> Storyboard:
    path = tmp_path / "deck.yaml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return load_storyboard(path)


def _slide_texts(deck: Path) -> list[str]:
    """Every ``a:t`` of every slide and notes page."""
    with zipfile.ZipFile(deck) as package:
        names = [n for n in package.namelist() if n.startswith(("ppt/slides/s", "ppt/notesSlides/n"))]
        parts = [package.read(n) for n in names]
    return [t.text or "" for part in parts for t in etree.fromstring(part).iter(f"{{{A_NS}}}t")]


def test_ten_sections_and_a_long_title_fit_the_property_limits(tmp_path: Path) -> None:
    sections = "\n".join(
        f"  - title: Section {n} on the innovation ecosystem of the city\n"
        f"    slides: [{{title: Slide {n}, bullets: [Point {n}]}}]"
        for n in range(1, 11)
    )
    long_title = " ".join(["Shanghai"] * 40)  # 359 characters
    storyboard = _load(tmp_path, f"title: {long_title}\nauthor: {'Team ' * 60}\nsections:\n{sections}\n")
    report = export_deck(storyboard, tmp_path / "deck.pptx")
    props = Presentation(str(report.path)).core_properties
    for value in (props.title, props.keywords, props.author, props.last_modified_by):
        assert len(value) <= PROPERTY_LIMIT
        assert value.endswith("\u2026")
    assert props.title.startswith("Shanghai Shanghai") and props.title[:-1].endswith("Shanghai")
    full, kept = keywords(storyboard), props.keywords[:-1]
    assert full.startswith(kept) and full[len(kept)] in " ;", "cut at a word boundary"
    assert kept.startswith("Section 1 on the innovation ecosystem of the city; Section 2")


def test_fit_property_cuts_at_a_word_or_a_character() -> None:
    assert fit_property("short title") == "short title"
    words = fit_property("word " * 100)
    assert words == "word " * 50 + "word\u2026" and len(words) == PROPERTY_LIMIT
    one_word = fit_property("x" * 400)
    assert one_word == "x" * (PROPERTY_LIMIT - 1) + "\u2026"
    assert fit_property("two\nlines\x00") == "two lines"


def test_a_newline_is_a_line_break_in_every_text(tmp_path: Path) -> None:
    (tmp_path / "pic.png").write_bytes(_png())
    storyboard = _load(
        tmp_path,
        r"""
        title: "Deck\nsubtitle line"
        sections:
          - title: "Section\none"
            slides:
              - title: "First line\nsecond line"
                bullets: ["Bullet one\nbullet two"]
              - title: Stats
                stats: [{value: 25, label: "Park\narea"}]
              - title: Quote
                quote: {text: "We said\nthis", who: Someone}
              - title: Picture
                image: {path: pic.png, alt: "A picture", caption: "Caption\nsecond line"}
        """,
    )
    report = export_deck(storyboard, tmp_path / "deck.pptx")
    texts = _slide_texts(report.path)
    assert not [t for t in texts if "\n" in t or "\r" in t], "no raw line feed in a:t"
    prs = Presentation(str(report.path))
    shown = [shape.text_frame.text for slide in prs.slides for shape in slide.shapes if shape.has_text_frame]
    # python-pptx reads a:br as a vertical tab
    for expected in (
        "First line\vsecond line",
        "Bullet one\vbullet two",
        "Park\varea",
        "Caption\vsecond line",
        "Section\vone",
    ):
        assert any(expected in text for text in shown), (expected, shown)
    assert any("We said\vthis" in text for text in shown)


def test_any_str_reaches_the_deck_without_a_crash(rich_storyboard: Storyboard, tmp_path: Path) -> None:
    """Control characters, NUL, U+FFFE, lone surrogates and odd line ends: dropped or broken, never fatal."""
    nasty = "A\x00B\x0bC\x1fD\ufffeE\ud800F\r\nG\u2028H"
    first, charts = rich_storyboard.sections
    slide = dataclasses.replace(first.slides[0], title=nasty, notes=nasty)
    picture = first.slides[-1]
    picture = dataclasses.replace(picture, body=dataclasses.replace(picture.body, alt=nasty, caption=nasty))
    section = dataclasses.replace(first, slides=(slide, *first.slides[1:-1], picture))
    bar = charts.slides[0]
    chart = dataclasses.replace(bar.body, categories=(nasty, "B"), caption=nasty, y_title=nasty)
    chart = dataclasses.replace(chart, series=(dataclasses.replace(chart.series[0], name=nasty),))
    charts = dataclasses.replace(charts, slides=(dataclasses.replace(bar, body=chart), *charts.slides[1:]))
    sections = (section, charts)
    storyboard = dataclasses.replace(rich_storyboard, sections=sections, title=nasty, author=nasty)
    report = export_deck(storyboard, tmp_path / "deck.pptx")
    prs = Presentation(str(report.path))
    assert prs.slides[2].shapes.title.text_frame.text == "ABCDEF\vG\vH"
    assert prs.core_properties.title == "ABCDEF G H"
    frame = next(s for slide in prs.slides for s in slide.shapes if s.has_chart)
    assert list(frame.chart.plots[0].categories) == ["ABCDEF\nG\u2028H", "B"]  # XML reads \\r\\n as \\n
    # notes: every line end (\v and U+2028 included) is a line break, as the app and the handout show it
    notes = prs.slides[2].notes_slide.notes_text_frame.paragraphs
    assert notes[0].text == "AB\vCDEF\vG\vH"
    assert [p.text for p in notes[1:]] == [  # then the slide's citation (see test_pptx_sources)
        "Source: Shanghai as a technology innovation hub — “spanning 25 square kilometers”"
    ]


def _png() -> bytes:
    import io

    from PIL import Image as PILImage

    out = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 40, 40)).save(out, format="PNG")
    return out.getvalue()


def test_the_deck_says_nothing_of_python_pptx_in_its_properties(tmp_path: Path) -> None:
    storyboard = _load(
        tmp_path, "title: Harbour\nsections:\n  - title: A\n    slides:\n      - {title: B, bullets: [c]}\n"
    )
    report = export_deck(storyboard, tmp_path / "deck.pptx")
    props = Presentation(str(report.path)).core_properties
    assert props.comments == ""  # File > Info > Comments in PowerPoint
    with zipfile.ZipFile(report.path) as package:
        assert not any(
            b"python-pptx" in package.read(name) for name in package.namelist() if name.endswith(".xml")
        )
