"""A template's colours as our text meets them: scheme, colour map, backgrounds, artwork."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from PIL import Image as PILImage
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.shapes.picture import CT_Picture

from briefing.commands.check import check_file
from briefing.errors import ExportError
from briefing.export.pptx import export_deck
from briefing.export.pptx.color_xml import ColorResolver
from briefing.export.pptx.template_colors import template_backdrop
from briefing.layout import Rect
from briefing.layout.contrast import relative_luminance
from briefing.storyboard.load import load_storyboard
from tests.export.dark_template import build_dark_template

A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _color(fragment: str):
    return etree.fromstring(f'<a:x xmlns:a="{A}">{fragment}</a:x>')[0]


def test_colours_resolve_through_the_map_and_their_modifiers() -> None:
    scheme = {
        "dk1": _color('<a:sysClr val="windowText" lastClr="000000"/>'),
        "lt1": _color('<a:srgbClr val="FFFFFF"/>'),
        "lt2": _color('<a:srgbClr val="EEECE1"/>'),
        "accent1": _color('<a:srgbClr val="4F81BD"/>'),
    }
    colors = ColorResolver(scheme, {"bg1": "dk1", "tx1": "lt1"})  # a dark-slide colour map
    assert colors.hex("tx1") == "#FFFFFF" and colors.hex("bg1") == "#000000"
    assert colors.hex("bg2") == "#EEECE1"
    shaded = _color('<a:schemeClr val="bg2"><a:lumMod val="50000"/></a:schemeClr>')
    assert colors.resolve(shaded) == "#948A54", "PowerPoint's 'Background 2, darker 50%'"
    darker = colors.resolve(_color('<a:schemeClr val="accent1"><a:shade val="50000"/></a:schemeClr>'))
    assert darker is not None and relative_luminance(darker) < relative_luminance("#4F81BD")
    assert colors.resolve(_color('<a:prstClr val="white"/>')) == "#FFFFFF"
    assert colors.resolve(_color('<a:srgbClr val="nothex"/>')) is None
    looping = ColorResolver({"dk1": _color('<a:schemeClr val="dk1"/>')}, {})
    assert looping.hex("tx1") is None, "a scheme colour naming itself does not recurse forever"


def _template(tmp_path: Path, background: str, picture: PILImage.Image | None = None) -> Path:
    prs = Presentation()
    prs.slide_width, prs.slide_height = 12192000, 6858000
    master = prs.slide_master
    master.background.fill.solid()
    master.background.fill.fore_color.rgb = RGBColor.from_string(background.lstrip("#"))
    if picture is not None:
        buffer = io.BytesIO()
        picture.save(buffer, "PNG")
        _, r_id = master.part.get_or_add_image_part(io.BytesIO(buffer.getvalue()))
        pic = CT_Picture.new_pic(90, "Art", "", r_id, 0, 0, prs.slide_width, prs.slide_height)
        master.shapes._spTree.insert(2, pic)
    path = tmp_path / "template.pptx"
    prs.save(str(path))
    return path


def test_a_solid_background_and_a_full_slide_picture_are_read(tmp_path: Path) -> None:
    plain = template_backdrop(_template(tmp_path, "#202020"))
    content = plain.surfaces["content"]
    assert content.fill == "#202020" and content.text == "#000000" and content.artwork is None
    split = PILImage.new("RGB", (200, 100), "white")
    split.paste((0, 0, 0), (100, 0, 200, 100))  # right half black
    art = template_backdrop(_template(tmp_path, "#FFFFFF", split)).surfaces["content"]
    assert art.artwork is not None
    assert art.backgrounds(Rect(100, 400, 400, 100)) == ("#FFFFFF",)
    assert art.backgrounds(Rect(1400, 400, 400, 100)) == ("#000000",)
    assert set(art.backgrounds(Rect(800, 400, 400, 100))) == {"#FFFFFF", "#000000"}


def test_text_across_a_light_and_a_dark_half_is_reported(tmp_path: Path, write_storyboard) -> None:
    split = PILImage.new("RGB", (200, 100), "white")
    split.paste((0, 0, 0), (100, 0, 200, 100))
    template = _template(tmp_path, "#FFFFFF", split)
    path = write_storyboard(
        "title: T\nsections:\n  - title: S\n    slides:\n      - {title: A slide title across both halves, "
        "notes: n, bullets: [x]}\n"
    )
    found = [d for d in check_file(path, template=template) if d.code == "low-contrast"]
    assert any("title text of slide 'A slide title across both halves'" in d.message for d in found)


def test_a_template_that_cannot_be_opened_is_an_error_of_check(tmp_path: Path, write_storyboard) -> None:
    bogus = tmp_path / "bogus.pptx"
    bogus.write_bytes(b"not a zip")
    with pytest.raises(ExportError, match=r"bogus\.pptx"):
        template_backdrop(bogus)


_MUTABLE = ("val", "lastClr", "x", "y", "cx", "cy", "lum", "hue", "sat")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_damaged_colours_and_positions_never_break_check_or_export(tmp_path: Path, data) -> None:
    """Random values in the template's colour and position attributes: what is not understood
    is skipped, and the deck is still written."""
    source = build_dark_template(tmp_path / "dark.pptx")
    prs = Presentation(str(source))
    master = prs.slide_master
    theme = master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    )
    root = etree.fromstring(theme.blob)
    targets = [e for e in root.iter() if any(a in e.attrib for a in _MUTABLE)]
    targets += [e for e in master.element.iter() if any(a in e.attrib for a in _MUTABLE)]
    xml_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=8)
    values = st.one_of(xml_text, st.integers(-(10**12), 10**12).map(str))
    for element in data.draw(st.lists(st.sampled_from(targets), max_size=6)):
        name = next(a for a in _MUTABLE if a in element.attrib)
        element.set(name, data.draw(values))
    theme._blob = etree.tostring(root)
    damaged = tmp_path / "damaged.pptx"
    prs.save(str(damaged))
    backdrop = template_backdrop(damaged)
    for surface in backdrop.surfaces.values():
        assert surface.fill.startswith("#") and len(surface.fill) == 7
    story = tmp_path / "s.yaml"
    story.write_text("title: T\nsections:\n  - title: S\n    slides:\n      - {title: A, bullets: [x]}\n")
    export_deck(load_storyboard(story), tmp_path / "out.pptx", template=damaged)


GROUP = (
    '<p:grpSp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="{a}">'
    '<p:nvGrpSpPr><p:cNvPr id="80" name="Art"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
    '<p:grpSpPr><a:xfrm><a:off x="6096000" y="0"/><a:ext cx="6096000" cy="6858000"/>'
    '<a:chOff x="0" y="0"/><a:chExt cx="100" cy="100"/></a:xfrm></p:grpSpPr>'
    '<p:sp><p:nvSpPr><p:cNvPr id="81" name="Band"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
    '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="100" cy="100"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>'
    '<p:style><a:lnRef idx="0"><a:schemeClr val="accent1"/></a:lnRef>'
    '<a:fillRef idx="1"><a:srgbClr val="101010"/></a:fillRef>'
    '<a:effectRef idx="0"><a:schemeClr val="accent1"/></a:effectRef>'
    '<a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></p:style></p:sp></p:grpSp>'
).replace("{a}", A)


def test_grouped_artwork_is_placed_through_the_group_transform(tmp_path: Path) -> None:
    """A dark band drawn in a group's own coordinates (0..100) over the slide's right half,
    filled by its theme style (``fillRef``), as PowerPoint shapes usually are."""
    path = _template(tmp_path, "#FFFFFF")
    prs = Presentation(str(path))
    prs.slide_master.shapes._spTree.insert(2, etree.fromstring(GROUP))
    prs.save(str(path))
    surface = template_backdrop(path).surfaces["content"]
    assert surface.backgrounds(Rect(100, 400, 400, 100)) == ("#FFFFFF",)
    assert surface.backgrounds(Rect(1400, 400, 400, 100)) == ("#101010",)


def test_a_picture_background_is_sampled(tmp_path: Path) -> None:
    """``p:bg/p:bgPr/a:blipFill``: the layout's background is a picture, dark at the bottom."""
    path = _template(tmp_path, "#FFFFFF")
    prs = Presentation(str(path))
    master = prs.slide_master
    picture = PILImage.new("RGB", (160, 90), "white")
    picture.paste((20, 20, 30), (0, 45, 160, 90))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    _, r_id = master.part.get_or_add_image_part(io.BytesIO(buffer.getvalue()))
    background = master.element.find(f"{{{P}}}cSld/{{{P}}}bg")
    background.getparent().remove(background)
    fill = etree.fromstring(
        f'<p:bg xmlns:p="{P}" xmlns:a="{A}" xmlns:r="{R}"><p:bgPr><a:blipFill><a:blip r:embed="{r_id}"/>'
        "<a:stretch><a:fillRect/></a:stretch></a:blipFill><a:effectLst/></p:bgPr></p:bg>"
    )
    master.element.find(f"{{{P}}}cSld").insert(0, fill)
    prs.save(str(path))
    surface = template_backdrop(path).surfaces["content"]
    assert surface.backgrounds(Rect(96, 56, 1000, 100)) == ("#FFFFFF",)
    assert surface.backgrounds(Rect(96, 900, 1000, 100)) == ("#14141E",)


P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _master_xml(tmp_path: Path, background: str, shapes: str = "") -> Path:
    """A template whose master has ``background`` (a ``p:bgPr`` fill) and ``shapes`` on it."""
    path = _template(tmp_path, "#FFFFFF")
    prs = Presentation(str(path))
    master = prs.slide_master.element
    common = master.find(f"{{{P}}}cSld")
    common.remove(common.find(f"{{{P}}}bg"))
    common.insert(
        0,
        etree.fromstring(
            f'<p:bg xmlns:p="{P}" xmlns:a="{A}"><p:bgPr>{background}<a:effectLst/></p:bgPr></p:bg>'
        ),
    )
    tree = common.find(f"{{{P}}}spTree")
    for shape in etree.fromstring(f'<x xmlns:p="{P}" xmlns:a="{A}">{shapes}</x>'):
        tree.insert(2, shape)
    prs.save(str(path))
    return path


def test_a_gradient_background_is_painted_along_its_angle(tmp_path: Path) -> None:
    gradient = (
        '<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="000000"/></a:gs>'
        '<a:gs pos="100000"><a:srgbClr val="FFFFFF"/></a:gs></a:gsLst><a:lin ang="5400000"/></a:gradFill>'
    )
    surface = template_backdrop(_master_xml(tmp_path, gradient)).surfaces["content"]
    top, bottom = surface.backgrounds(Rect(0, 0, 1920, 20)), surface.backgrounds(Rect(0, 1060, 1920, 20))
    assert max(relative_luminance(c) for c in top) < 0.01 < 0.9 < min(relative_luminance(c) for c in bottom)


def test_a_translucent_ellipse_veils_the_background_inside_its_outline_only(tmp_path: Path) -> None:
    bubble = (
        '<p:sp><p:nvSpPr><p:cNvPr id="70" name="Bubble"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>'
        '<a:xfrm><a:off x="0" y="0"/><a:ext cx="6096000" cy="6858000"/></a:xfrm>'
        '<a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom>'
        '<a:solidFill><a:srgbClr val="FFFFFF"><a:alpha val="50000"/></a:srgbClr></a:solidFill>'
        "</p:spPr></p:sp>"
    )
    dark = '<a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
    surface = template_backdrop(_master_xml(tmp_path, dark, bubble)).surfaces["content"]
    assert surface.backgrounds(Rect(470, 530, 20, 20)) == ("#808080",), "half white over black"
    assert surface.backgrounds(Rect(0, 0, 20, 20)) == ("#000000",), "outside the ellipse's outline"
