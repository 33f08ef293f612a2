"""Templates nobody here wrote: saved by other tools or settings, with parts and properties a deck
must not inherit. Each gives a deck that opens as the storyboard's own, or one clear error."""

from __future__ import annotations

import io
import re
import textwrap
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from briefing.cli import main
from briefing.errors import ExportError
from briefing.export.pptx import export_deck
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Storyboard
from tests.export import template_damage as damage
from tests.export import template_zips as zips
from tests.export.template_harness import URL, corporate_entries, export_on, save_template

STORY = f"""
title: On a template from elsewhere
sources:
  report: {{title: A report, url: "{URL}"}}
sections:
  - title: Findings
    slides:
      - title: What we found
        sources: [{{ref: report}}]
        bullets: [One, Two]
"""


@pytest.fixture
def story(tmp_path: Path) -> Storyboard:
    path = tmp_path / "story.yaml"
    path.write_text(textwrap.dedent(STORY).lstrip(), encoding="utf-8")
    return load_storyboard(path)


@pytest.fixture
def entries(tmp_path: Path) -> dict[str, bytes]:
    return corporate_entries(tmp_path)


_save = save_template


_export = export_on


@pytest.mark.parametrize("rels", [True, False], ids=["strict", "strict-namespaces-only"])
def test_a_strict_open_xml_template_is_refused_with_what_to_do(
    story: Storyboard,
    entries: dict[str, bytes],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    rels: bool,
) -> None:
    template = _save(tmp_path, "strict.pptx", damage.strict(entries, rels))
    out = tmp_path / "deck.pptx"
    assert main(["export", str(story.path), "-o", str(out), "--template", str(template)]) == 1
    assert capsys.readouterr().err == (
        "briefing export: error: cannot use template strict.pptx: it is saved as Strict Open XML, "
        "which a deck cannot be built on; in PowerPoint, save it as a PowerPoint Presentation (.pptx) "
        "or PowerPoint Template (.potx), not as Strict Open XML\n"
    )
    assert not out.exists()


def test_a_password_to_modify_and_slide_show_settings_stay_with_the_template(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path
) -> None:
    """A protected template would make PowerPoint ask the stakeholder for its owner's password;
    its "Set Up Slide Show" would play slides 5 to 6 of the deck, in kiosk mode."""
    damage.add_password_to_modify(entries)
    damage.add_show_settings(entries)
    deck, warnings = _export(story, _save(tmp_path, "protected.pptx", entries))
    assert warnings[0] == (
        "template protected.pptx: left out a password to modify (ppt/presentation.xml) and slide show "
        "settings (browsed at a kiosk, looping, slides 5 to 6 only); a deck never carries macros, "
        "ActiveX controls, embedded objects or links to outside files from a template"
    )
    with zipfile.ZipFile(deck) as package:
        assert b"modifyVerifier" not in package.read("ppt/presentation.xml")
        assert b"showPr" not in package.read("ppt/presProps.xml")


def test_the_templates_own_properties_and_thumbnail_stay_with_the_template(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path
) -> None:
    """File > Info, Explorer's preview and "Mark as Final" describe the deck, not the template."""
    picture = io.BytesIO()
    Image.new("RGB", (64, 36), (200, 0, 0)).save(picture, "JPEG")
    damage.add_thumbnail(entries, picture.getvalue())
    damage.set_core_properties(entries, contentStatus="Final", description="Template v3, do not edit")
    damage.add_custom_properties(entries, {"_MarkAsFinal": True, "Classification": "Internal"})
    deck, warnings = _export(story, _save(tmp_path, "final.pptx", entries))
    assert not [w for w in warnings if "left out" in w]
    with zipfile.ZipFile(deck) as package:
        names = package.namelist()
        core = package.read("docProps/core.xml")
        custom = package.read("docProps/custom.xml")
    assert picture.getvalue() not in [package_blob for package_blob in _blobs(deck)]
    assert "docProps/app.xml" not in names, "no count or titles of the template's own slides"
    assert b"Final" not in core and b"Template v3" not in core
    properties = Presentation(str(deck)).core_properties
    assert (properties.title, properties.content_status, properties.comments) == (
        "On a template from elsewhere",
        "",
        "",
    )
    assert b"_MarkAsFinal" not in custom, "the deck does not open marked as final"
    assert b"Classification" in custom, "the company's own custom properties stay"


def _blobs(deck: Path) -> list[bytes]:
    with zipfile.ZipFile(deck) as package:
        return [package.read(name) for name in package.namelist()]


THEME = "ppt/theme/theme1.xml"
THEME_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
INCOMPLETE_THEMES = {
    "no colour scheme": (r"<a:clrScheme .*</a:clrScheme>", "it has no colour scheme"),
    "no font scheme": (r"<a:fontScheme .*</a:fontScheme>", "it has no font scheme"),
    "no accent3": (r"<a:accent3>.*?</a:accent3>", "its colour scheme has no accent3 in its place"),
    "no major font": (r"<a:majorFont>.*?</a:majorFont>", "its font scheme has no majorFont in its place"),
    "gradient fills gone": (
        r"<a:gradFill rotWithShape=\"1\">.*?</a:gradFill>",
        "its fillStyleLst has fewer than 3 styles",
    ),
}


@pytest.mark.parametrize("case", list(INCOMPLETE_THEMES))
def test_a_theme_missing_its_colours_or_fonts_is_refused_by_name(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path, case: str
) -> None:
    """A theme without its colours or fonts would make a deck PowerPoint cannot open."""
    pattern, reason = INCOMPLETE_THEMES[case]
    theme, count = re.subn(pattern.encode(), b"", entries[THEME], flags=re.S)
    assert count
    template = _save(tmp_path, "plain.pptx", {**entries, THEME: theme})
    with pytest.raises(ExportError) as raised:
        export_deck(story, tmp_path / "deck.pptx", template=template)
    assert str(raised.value) == f"cannot use template plain.pptx: {THEME} is not a complete theme ({reason})"
    assert not (tmp_path / "deck.pptx").exists()


@pytest.mark.parametrize(
    ("latin", "named"),
    [('typeface="Wingdings"', "Wingdings"), ('typeface="Corporate Icons" charset="2"', "Corporate Icons")],
    ids=["wingdings", "symbol-charset"],
)
def test_a_symbol_font_as_the_theme_font_gives_way_to_letters(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path, latin: str, named: str
) -> None:
    """On a machine with Wingdings, every title and bullet would be arrows and ticks."""
    entries[THEME] = entries[THEME].replace(b'typeface="Georgia"', latin.encode())
    deck, warnings = _export(story, _save(tmp_path, "icons.pptx", entries))
    assert warnings[0] == (
        f"template icons.pptx: its theme font {named} is a symbol font (text would show as symbols); "
        "the deck uses Arial instead"
    )
    theme = Presentation(str(deck)).slide_master.part.part_related_by(THEME_RELATIONSHIP).blob
    assert named.encode() not in theme
    assert theme.count(b'<a:latin typeface="Arial"/>') == 2, "headings and body"


def test_a_video_on_the_master_stays_in_the_deck(story: Storyboard, tmp_path: Path) -> None:
    """A video is reached twice (as video and as media), as PowerPoint writes it: no damage."""
    deck, warnings = _export(story, damage.build_video_template(tmp_path / "video.pptx"))
    assert not [w for w in warnings if "left out" in w]
    shapes = Presentation(str(deck)).slide_master.shapes
    assert [s.shape_type for s in shapes].count(MSO_SHAPE_TYPE.MEDIA) == 1
    with zipfile.ZipFile(deck) as package:
        assert [n for n in package.namelist() if n.startswith("ppt/media/") and n.endswith(".mp4")]


ODP = damage.zip_bytes(
    {
        "mimetype": b"application/vnd.oasis.opendocument.presentation",
        "content.xml": b"<office:document-content/>",
    }
)
NOT_TEMPLATES = {
    "empty": (b"", "it is empty (0 bytes)"),
    "an Impress file": (
        ODP,
        "it is an OpenDocument file (application/vnd.oasis.opendocument.presentation), not a PowerPoint "
        "one; in LibreOffice, save it as PowerPoint (.pptx or .potx)",
    ),
}


@pytest.mark.parametrize("case", list(NOT_TEMPLATES))
def test_a_file_that_is_no_template_says_what_it_is(
    story: Storyboard, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    data, reason = NOT_TEMPLATES[case]
    template = _save(tmp_path, "corporate.pptx", data)
    assert (
        main(["export", str(story.path), "-o", str(tmp_path / "deck.pptx"), "--template", str(template)]) == 1
    )
    assert (
        capsys.readouterr().err == f"briefing export: error: cannot use template corporate.pptx: {reason}\n"
    )
    assert main(["check", str(story.path), "--template", str(template)]) == 1
    assert f"{template}:1:1: error: cannot use template corporate.pptx: {reason}" in capsys.readouterr().out


def _odd_zip(entries: dict[str, bytes], how: str) -> bytes:
    archive = zips.archive_of(entries)
    at = [name for name, _, _ in archive].index(damage.MASTER)
    if how == "twice":
        archive.append((damage.MASTER, b"<p:sldMaster/>", zipfile.ZIP_DEFLATED))
    elif how == "case":
        archive.append((damage.MASTER.upper(), b"<p:sldMaster/>", zipfile.ZIP_DEFLATED))
    else:
        archive[at] = (damage.MASTER, entries[damage.MASTER], zips.ENCRYPTED)
    return zips.archive_bytes(archive)


ODD_ZIPS = {
    "twice": "it holds two entries named ppt/slideMasters/slideMaster1.xml",
    "case": (
        "it holds two entries whose names differ only in case (ppt/slideMasters/slideMaster1.xml and "
        "PPT/SLIDEMASTERS/SLIDEMASTER1.XML); part names ignore case, so neither is the part"
    ),
    "encrypted": "ppt/slideMasters/slideMaster1.xml is encrypted",
}


@pytest.mark.parametrize("how", list(ODD_ZIPS))
def test_a_zip_naming_a_part_twice_or_hiding_it_is_refused(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path, how: str
) -> None:
    """Which of two masters would PowerPoint show? Neither: it refuses the file, and so do we."""
    template = _save(tmp_path, "twins.pptx", _odd_zip(entries, how))
    with pytest.raises(ExportError) as raised:
        export_deck(story, tmp_path / "deck.pptx", template=template)
    assert str(raised.value) == f"cannot use template twins.pptx: {ODD_ZIPS[how]}"


SVG_HAZARDS = {  # (before the svg element, inside it)
    "a picture from a server": (
        b"",
        b'<image href="https://tracker.example/pixel.png" width="1" height="1"/>',
    ),
    "a script": (b"", b"<script>fetch('https://tracker.example/')</script>"),
    "an event handler": (b"", b'<rect width="1" height="1" onload="alert(1)"/>'),
    "embedded HTML": (b"", b'<foreignObject width="9" height="9"><p xmlns="urn:x">x</p></foreignObject>'),
    "a style from a server": (b"", b"<style>@import url(https://tracker.example/a.css);</style>"),
    "a fill from another file": (
        b"",
        b'<rect width="9" height="9" fill="url(https://tracker.example/g.svg#g)"/>',
    ),
    "a linked style sheet": (b'<?xml-stylesheet href="https://tracker.example/a.css"?>', b""),
    "its own entities": (b'<!DOCTYPE svg [<!ENTITY e "x">]>', b""),
    "a DTD on a server": (b'<!DOCTYPE svg SYSTEM "https://tracker.example/svg.dtd">', b""),
}


def _svg(inside: bytes, before: bytes = b"") -> bytes:
    return (
        before + b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/>'
        b'</defs><rect width="10" height="10" fill="url(#g)"/>' + inside + b"</svg>"
    )


def _vector_logo(deck: Path) -> tuple[list[str], bytes]:
    """The master's logo picture's XML and the deck's SVG parts."""
    logo = next(s for s in Presentation(str(deck)).slide_master.shapes if s.name == "Vector logo")
    with zipfile.ZipFile(deck) as package:
        svgs = [package.read(n) for n in package.namelist() if n.endswith(".svg")]
    return svgs, etree.tostring(logo._element)


@pytest.mark.parametrize("case", list(SVG_HAZARDS))
def test_an_svg_logo_that_fetches_or_runs_something_keeps_only_its_png(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path, case: str
) -> None:
    """PowerPoint saves an SVG picture with a PNG copy; an SVG that would call a server when
    drawn (a web beacon) or run a script is left out, and the picture shows its PNG."""
    before, inside = SVG_HAZARDS[case]
    damage.add_svg_logo(entries, _svg(inside, before))
    deck, warnings = _export(story, _save(tmp_path, "vector.pptx", entries))
    assert warnings[0] == (
        "template vector.pptx: left out SVG pictures that run scripts or fetch from outside (their PNG "
        "copies stay) (ppt/media/logo.svg); a deck never carries macros, ActiveX controls, embedded "
        "objects or links to outside files from a template"
    )
    svgs, logo = _vector_logo(deck)
    assert svgs == [] and b"svgBlip" not in logo and b"r:embed" in logo, "the picture stays, with its PNG"


def test_an_svg_logo_saved_by_illustrator_stays(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path
) -> None:
    """Illustrator's SVG names the SVG 1.1 DTD, which nothing reads: no reason to refuse the template."""
    doctype = (
        b'<?xml version="1.0" encoding="utf-8"?>\n<!-- Generator: Adobe Illustrator 24.0.0 -->\n'
        b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
    )
    damage.add_svg_logo(entries, _svg(b'<use href="#g"/>', before=doctype))
    deck, warnings = _export(story, _save(tmp_path, "vector.pptx", entries))
    assert not [w for w in warnings if "left out" in w]
    svgs, logo = _vector_logo(deck)
    assert len(svgs) == 1 and b"svgBlip" in logo
    assert b"<!DOCTYPE" not in svgs[0] and b'fill="url(#g)"' in svgs[0]


@pytest.mark.parametrize(
    "target", ["https://phish.example/login", "mailto:boss@corp.example", "file:///C:/plan.xlsx"]
)
def test_a_link_to_outside_not_marked_external_is_still_left_out(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path, target: str
) -> None:
    """A relationship to an address (it has a scheme) is external whatever its TargetMode says."""
    link = damage.add_rel(entries, damage.MASTER, damage.RT + "hyperlink", target)
    damage.insert_xml(
        entries,
        damage.MASTER,
        "p:spTree",
        f'<p:sp><p:nvSpPr><p:cNvPr id="84" name="Linked"><a:hlinkClick r:id="{link}"/></p:cNvPr><p:cNvSpPr/>'
        "<p:nvPr/></p:nvSpPr><p:spPr/></p:sp>",
    )
    deck, warnings = _export(story, _save(tmp_path, "linked.pptx", entries))
    assert warnings[0].startswith(f"template linked.pptx: left out links to outside files ({target}); ")
    linked = next(s for s in Presentation(str(deck)).slide_master.shapes if s.name == "Linked")
    assert linked.click_action.hyperlink.address is None, "the shape stays, without its link"


def test_an_animation_of_a_shape_left_out_goes_with_it(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path
) -> None:
    """The master animates its linked logo; the logo is left out, so is the animation (PowerPoint
    would otherwise find an animation of a shape that is not there, and repair the deck)."""
    damage.add_external_image(entries)  # the "Linked logo", shape 78
    damage.add_master_animation(entries, 78)
    deck, _ = _export(story, _save(tmp_path, "animated.pptx", entries))
    master = Presentation(str(deck)).slide_master
    assert "Linked logo" not in [s.name for s in master.shapes]
    assert master.element.xpath("./p:timing") == []


def test_an_animation_of_a_shape_kept_stays(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path
) -> None:
    title = Presentation(str(_save(tmp_path, "plain.pptx", entries))).slide_master.shapes[0].shape_id
    damage.add_master_animation(entries, title)
    deck, _ = _export(story, _save(tmp_path, "animated.pptx", entries))
    assert Presentation(str(deck)).slide_master.element.xpath("./p:timing//p:spTgt/@spid") == [str(title)]


def test_what_a_script_written_template_lacks_is_put_back(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path
) -> None:
    """No notes size, a master without its colour map, a layout listed twice, an id out of range:
    python-pptx reads past all four, PowerPoint would repair the deck."""
    entries[damage.PRESENTATION] = re.sub(rb"<p:notesSz[^>]*/>", b"", entries[damage.PRESENTATION])
    entries[damage.PRESENTATION] = re.sub(
        rb'sldMasterId id="\d+"', b'sldMasterId id="7"', entries[damage.PRESENTATION]
    )
    master = re.sub(rb"<p:clrMap [^>]*/>", b"", entries[damage.MASTER])
    first = re.search(rb"<p:sldLayoutId [^>]*/>", master)
    assert first is not None
    entries[damage.MASTER] = master.replace(first.group(), first.group() * 2, 1)
    deck, _ = _export(story, _save(tmp_path, "scripted.pptx", entries))
    presentation = Presentation(str(deck))
    assert presentation.element.xpath("./p:notesSz/@cx") == ["6858000"]
    master_element = presentation.slide_master.element
    assert master_element.xpath("./p:clrMap/@tx1") == ["dk1"]
    layout_ids = master_element.xpath("./p:sldLayoutIdLst/p:sldLayoutId/@r:id")
    assert len(layout_ids) == len(set(layout_ids)) == len(presentation.slide_layouts)
    ids = [int(i) for i in presentation.element.xpath("./p:sldMasterIdLst/p:sldMasterId/@id")]
    ids += [int(i) for i in master_element.xpath("./p:sldLayoutIdLst/p:sldLayoutId/@id")]
    assert len(set(ids)) == len(ids) and min(ids) >= 2**31


def test_a_layout_that_lost_its_relationships_belongs_to_the_master_listing_it(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path
) -> None:
    """As python-pptx's own ``missing_rels_item.pptx``: a layout's ``.rels`` is gone."""
    del entries[damage.rels_name(damage.LAYOUT)]  # the title layout, which the deck uses
    deck, _ = _export(story, _save(tmp_path, "lost.pptx", entries))
    presentation = Presentation(str(deck))
    assert presentation.slides[0].slide_layout.slide_master == presentation.slide_master


NOTES_MASTER = "ppt/notesMasters/notesMaster1.xml"


@pytest.mark.parametrize(
    "shapes", [rb'<p:sp>(?:(?!</p:sp>).)*type="body"(?:(?!</p:sp>).)*</p:sp>', rb"<p:sp>.*</p:sp>"]
)
def test_notes_on_a_notes_master_without_a_body_placeholder(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path, shapes: bytes
) -> None:
    """A designer unticked "Body" in Notes Master view (or cleared it): the notes still come."""
    entries[NOTES_MASTER], count = re.subn(shapes, b"", entries[NOTES_MASTER], flags=re.S)
    assert count
    deck, _ = _export(story, _save(tmp_path, "no-notes-body.pptx", entries))
    notes = [s.notes_slide.notes_text_frame.text for s in Presentation(str(deck)).slides if s.has_notes_slide]
    assert "Source: A report, https://example.org/report" in notes, "the citations are on the notes pages"
