"""Templates as companies ship them: ``.potx`` files, Google Slides' 10 x 5.625 in, old 4:3 decks."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml import parse_xml

from briefing.errors import ExportError
from briefing.export.pptx import export_deck
from briefing.storyboard.model import Storyboard
from tests.export import template_damage as damage
from tests.export.conftest import INCH, build_sized_template
from tests.export.package_checks import package_problems

WIDE = (12192000, 6858000)


def _master_shape(deck: Path, name: str) -> tuple[int, int, int, int]:
    shape = next(s for s in Presentation(str(deck)).slide_master.shapes if s.name == name)
    return shape.left, shape.top, shape.width, shape.height


@pytest.mark.parametrize(
    ("size", "scale"), [((9144000, 5143500), 4 / 3), ((9144000, 6858000), 1.0)], ids=["google-16x9", "4x3"]
)
def test_template_artwork_keeps_its_place(
    rich_storyboard: Storyboard, tmp_path: Path, size: tuple[int, int], scale: float
) -> None:
    template = build_sized_template(tmp_path / "template.pptx", *size)
    before = template.read_bytes()
    report = export_deck(rich_storyboard, tmp_path / "deck.pptx", template=template)
    deck = Presentation(str(report.path))
    assert (deck.slide_width, deck.slide_height) == WIDE
    left, top, width, height = _master_shape(report.path, "Logo")
    assert (width, height) == (round(INCH * scale), round(INCH // 2 * scale)), "it keeps its proportions"
    right_gap = WIDE[0] - (left + width)
    assert right_gap / WIDE[0] == pytest.approx((INCH // 4) / size[0], abs=0.02), "in the top-right corner"
    assert top / WIDE[1] == pytest.approx((INCH // 4) / size[1], abs=0.02)
    band = _master_shape(report.path, "Band")
    assert band[0] == 0 and band[2] == WIDE[0], "the band still spans the slide"
    assert band[1] + band[3] == pytest.approx(WIDE[1], abs=2), "and still sits at the bottom"
    (warning,) = [w for w in report.warnings if "template.pptx is" in w]
    assert f"scaled by {scale:.2f}" in warning
    assert ("not 16:9" in warning) == (scale == 1.0)
    assert template.read_bytes() == before, "the template itself is never changed"
    assert package_problems(report.path) == []


@pytest.mark.parametrize("path", [".//p:titleStyle//a:defRPr/@sz", ".//p:bodyStyle/*/@marL"])
def test_fonts_and_indents_of_a_small_template_grow_with_it(
    rich_storyboard: Storyboard, tmp_path: Path, path: str
) -> None:
    template = build_sized_template(tmp_path / "google.pptx", 9144000, 5143500)
    original = Presentation(str(template)).slide_master.element.xpath(path)
    report = export_deck(rich_storyboard, tmp_path / "deck.pptx", template=template)
    scaled = Presentation(str(report.path)).slide_master.element.xpath(path)
    assert original and [int(s) for s in scaled] == [round(int(s) * 4 / 3) for s in original]


def test_a_potx_template_is_accepted(
    rich_storyboard: Storyboard, corporate_template: Path, tmp_path: Path
) -> None:
    potx = tmp_path / "corporate.potx"
    with zipfile.ZipFile(corporate_template) as source, zipfile.ZipFile(potx, "w") as target:
        for info in source.infolist():
            blob = source.read(info)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(b"presentation.main+xml", b"template.main+xml")
            target.writestr(info, blob)
    with pytest.raises(ValueError, match="not a PowerPoint file"):
        Presentation(str(potx))  # python-pptx alone refuses it
    before = potx.read_bytes()
    report = export_deck(rich_storyboard, tmp_path / "deck.pptx", template=potx)
    deck = Presentation(str(report.path))
    assert len(deck.slides) == len(rich_storyboard.slides)  # the closing Sources slide included
    assert deck.slides[0].slide_layout.name == "Corporate Cover", "the template's own layouts are used"
    with zipfile.ZipFile(report.path) as package:
        assert b"presentationml.presentation.main+xml" in package.read("[Content_Types].xml")
    assert potx.read_bytes() == before
    assert package_problems(report.path) == []


BIG_TEXT = (
    '<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<p:nvSpPr><p:cNvPr id="95" name="Big"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
    '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="457200" cy="457200"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:ln w="3000000"/></p:spPr>'
    '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:pPr marL="8000000" indent="-8000000">'
    '<a:lnSpc><a:spcPts val="150000"/></a:lnSpc></a:pPr>'
    '<a:r><a:rPr sz="100000"/><a:t>1000 pt</a:t></a:r></a:p></p:txBody></p:sp>'
)


def test_a_tiny_template_grows_no_further_than_powerpoint_allows(
    rich_storyboard: Storyboard, tmp_path: Path
) -> None:
    """A 1 x 1 in template (the smallest slide there is) grows 7.5 times; its 1000 pt text,
    8.75 in indent and 3.3 in line stop at PowerPoint's largest (4000 pt, 56 in, 22 in)."""
    template = build_sized_template(tmp_path / "tiny.pptx", INCH, INCH)
    prs = Presentation(str(template))
    prs.slide_master.shapes._spTree.append(parse_xml(BIG_TEXT))
    prs.save(str(template))
    report = export_deck(rich_storyboard, tmp_path / "deck.pptx", template=template)
    assert any("tiny.pptx is 1 x 1 in" in w and "scaled by 7.50" in w for w in report.warnings)
    big = next(s for s in Presentation(str(report.path)).slide_master.shapes if s.name == "Big")
    paragraph = big.text_frame.paragraphs[0]
    assert paragraph.runs[0].font.size.pt == 4000
    assert big.line.width == 20_116_800
    properties = paragraph._p.pPr
    assert (int(properties.get("marL")), int(properties.get("indent"))) == (51_206_400, -51_206_400)
    assert paragraph.line_spacing.pt == 1584
    assert package_problems(report.path) == []


def _with_slide_size(template: Path, size: bytes) -> Path:
    entries = damage.read_entries(template)
    entries[damage.PRESENTATION] = re.sub(rb"<p:sldSz[^>]*/>", size, entries[damage.PRESENTATION])
    template.write_bytes(damage.zip_bytes(entries))
    return template


@pytest.mark.parametrize(
    ("cx", "cy"),
    [("0", "0"), ("-9144000", "6858000"), ("99999999999", "6858000"), ("abc", "6858000"), ("", "")],
)
def test_a_slide_size_no_powerpoint_can_show_is_refused_by_name(
    rich_storyboard: Storyboard, corporate_template: Path, tmp_path: Path, cx: str, cy: str
) -> None:
    template = _with_slide_size(corporate_template, f'<p:sldSz cx="{cx}" cy="{cy}"/>'.encode())
    with pytest.raises(ExportError) as raised:
        export_deck(rich_storyboard, tmp_path / "deck.pptx", template=template)
    assert str(raised.value) == (
        f"cannot use template corporate.pptx: ppt/presentation.xml gives its slides a size of {cx} x {cy} "
        "EMU; a slide is 1 to 56 in (914400 to 51206400 EMU) on each side"
    )
    assert not (tmp_path / "deck.pptx").exists()


def test_a_template_stating_no_slide_size_is_taken_as_powerpoint_opens_it(
    rich_storyboard: Storyboard, corporate_template: Path, tmp_path: Path
) -> None:
    """No ``p:sldSz`` (it is optional): PowerPoint shows 10 x 7.5 in, and so is the template fitted."""
    template = _with_slide_size(corporate_template, b"")
    report = export_deck(rich_storyboard, tmp_path / "deck.pptx", template=template)
    assert any(w.startswith("template corporate.pptx is 10 x 7.5 in, not 16:9") for w in report.warnings)
    deck = Presentation(str(report.path))
    assert (deck.slide_width, deck.slide_height) == WIDE
    assert package_problems(report.path) == []
