"""Ink drawn during the talk, exported as freeform drawings on the slides it was drawn on."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn

from briefing.export.pptx import export_deck
from briefing.export.pptx.ink import ink_shapes
from briefing.ink import InkBook, InkPen
from briefing.storyboard.model import Storyboard
from tests.export.ooxml_sdk import validate

PEN = InkPen("pen", "#FF4D4D", 6.0)
HIGHLIGHTER = InkPen("highlighter", "#FFE14D", 30.0, 0.4)


def _book() -> InkBook:
    book = InkBook()
    underline = book.begin(2, PEN, (300.0, 600.0))
    for x in range(320, 1201, 20):
        underline.add((float(x), 600.0 + (x % 60) / 6))
    circle = book.begin(2, PEN, (1500.0, 200.0))
    for point in ((1600.0, 260.0), (1560.0, 380.0), (1440.0, 340.0), (1500.0, 200.0)):
        circle.add(point)
    marker = book.begin(4, HIGHLIGHTER, (200.0, 300.0))
    marker.add((900.0, 300.0))
    book.begin(4, PEN, (960.0, 540.0))  # a tap: one point
    return book


def test_ink_becomes_freeform_shapes_on_its_own_slides(rich_storyboard: Storyboard, tmp_path: Path) -> None:
    out = tmp_path / "inked.pptx"
    export_deck(rich_storyboard, out, ink=_book().snapshot())
    deck = Presentation(str(out))
    per_slide = {index: ink_shapes(slide) for index, slide in enumerate(deck.slides)}
    assert {index for index, shapes in per_slide.items() if shapes} == {2, 4}
    assert len(per_slide[2]) == 2 and len(per_slide[4]) == 2
    assert all(shape.shape_type == MSO_SHAPE_TYPE.FREEFORM for shape in per_slide[2] + per_slide[4])


def test_exported_ink_sits_where_it_was_drawn_in_the_pens_colour(
    rich_storyboard: Storyboard, tmp_path: Path
) -> None:
    out = tmp_path / "inked.pptx"
    export_deck(rich_storyboard, out, ink=_book().snapshot())
    deck = Presentation(str(out))
    emu_per_px = deck.slide_width / 1920
    underline, circle = ink_shapes(deck.slides[2])
    assert underline.left == pytest.approx(300 * emu_per_px, abs=emu_per_px)
    assert underline.width == pytest.approx(900 * emu_per_px, abs=emu_per_px)
    assert circle.top == pytest.approx(200 * emu_per_px, abs=emu_per_px)
    assert circle.height == pytest.approx(180 * emu_per_px, abs=emu_per_px)
    assert str(underline.line.color.rgb) == "FF4D4D"
    assert underline.line.width == pytest.approx(6 * emu_per_px, abs=1)
    assert underline.element.find(qn("p:spPr")).find(qn("a:noFill")) is not None  # a line, not a blob


def test_the_highlighter_stays_wide_and_translucent(rich_storyboard: Storyboard, tmp_path: Path) -> None:
    out = tmp_path / "inked.pptx"
    export_deck(rich_storyboard, out, ink=_book().snapshot())
    marker, dot = ink_shapes(Presentation(str(out)).slides[4])
    alpha = marker.element.find(".//" + qn("a:alpha"))
    assert alpha is not None and alpha.get("val") == "40000"
    assert marker.line.width > 4 * dot.line.width
    assert dot.width > 0  # a tap is still a visible dot


def test_no_ink_leaves_the_deck_as_it_was(rich_storyboard: Storyboard, tmp_path: Path) -> None:
    plain, empty = tmp_path / "plain.pptx", tmp_path / "empty.pptx"
    export_deck(rich_storyboard, plain)
    export_deck(rich_storyboard, empty, ink=InkBook().snapshot())
    assert plain.read_bytes() == empty.read_bytes()


@pytest.mark.slow
def test_an_inked_deck_passes_the_open_xml_sdk(rich_storyboard: Storyboard, tmp_path: Path) -> None:
    out = tmp_path / "inked.pptx"
    export_deck(rich_storyboard, out, ink=_book().snapshot())
    assert validate(out) == {str(out): []}
