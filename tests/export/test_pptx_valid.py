"""Decks PowerPoint accepts: every body and chart type, on ten kinds of template (one with
macros, ActiveX, OLE and links to a server, all left out; one with a chart on a layout, whose
workbook is left out; a protected, oddly written one; one with a video; a 1 x 1 in one), and
the bundled briefing pass Microsoft's Open XML SDK validator and the package checks a schema
cannot express."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.export.pptx import export_deck
from briefing.resources import default_storyboard
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Chart, Image, Storyboard
from tests.export import template_damage as damage
from tests.export.conftest import build_sized_template
from tests.export.dark_template import build_dark_template
from tests.export.ooxml_sdk import validate
from tests.export.package_checks import package_problems


@pytest.fixture
def libreoffice_template(corporate_template: Path, to_pdf: Callable[..., Path], tmp_path: Path) -> Path:
    """The corporate template as LibreOffice saves it (its layouts reuse shape ids)."""
    saved = to_pdf(corporate_template, "pptx")
    return saved.rename(tmp_path / "libreoffice-template.pptx")


@pytest.fixture
def libreoffice_potx(corporate_template: Path, to_pdf: Callable[..., Path], tmp_path: Path) -> Path:
    """The corporate template saved by LibreOffice as a .potx (LibreOffice misspells the
    core-properties relationship type in templates)."""
    saved = to_pdf(corporate_template, "potx")
    return saved.rename(tmp_path / "libreoffice-template.potx")


def _hazardous(template: Path) -> Path:
    """``template`` with macros, an ActiveX control, OLE objects, links to a server and a macro
    button, all left out; and a second master for a layout and a second theme for the master,
    both ignored."""
    entries = damage.read_entries(template)
    for add in (damage.add_macros, damage.add_activex, damage.add_ole, damage.add_external_image,
                damage.add_macro_button, damage.add_disguised_ole):
        add(entries)
    damage.add_rel(entries, damage.LAYOUT, damage.RT + "slideMaster", "../slideMasters/slideMaster1.xml")
    damage.add_rel(entries, damage.MASTER, damage.RT + "theme", "../theme/theme1.xml")
    path = template.with_name("hazards.pptm")
    path.write_bytes(damage.zip_bytes(entries))
    return path


def _odd(template: Path) -> Path:
    """``template`` as an outside tester might send it: protected, set to a kiosk show, marked as
    final, with an SVG logo that calls a server, an animated linked logo, a symbol theme font;
    and written by a tool that left out the notes size and the master's colour map and listed a
    layout twice."""
    entries = damage.read_entries(template)
    damage.add_password_to_modify(entries)
    damage.add_show_settings(entries)
    damage.add_custom_properties(entries, {"_MarkAsFinal": True, "Classification": "Internal"})
    damage.add_svg_logo(entries)
    damage.add_external_image(entries)
    damage.add_master_animation(entries, 78)
    theme = "ppt/theme/theme1.xml"
    entries[theme] = entries[theme].replace(b'typeface="Georgia"', b'typeface="Wingdings"')
    presentation, master = entries[damage.PRESENTATION], entries[damage.MASTER]
    entries[damage.PRESENTATION] = re.sub(rb"<p:notesSz[^>]*/>", b"", presentation)
    master = re.sub(rb"<p:clrMap [^>]*/>", b"", master)
    layout = re.search(rb"<p:sldLayoutId [^>]*/>", master)
    assert layout is not None
    entries[damage.MASTER] = master.replace(layout.group(), layout.group() * 2, 1)
    path = template.with_name("odd-template.pptx")
    path.write_bytes(damage.zip_bytes(entries))
    return path


@pytest.mark.slow
def test_decks_on_every_template_pass_the_open_xml_sdk(
    rich_storyboard: Storyboard,
    corporate_template: Path,
    libreoffice_template: Path,
    libreoffice_potx: Path,
    tmp_path: Path,
) -> None:
    kinds = {s.kind for s in rich_storyboard.slides}
    charts = {s.body.type for s in rich_storyboard.slides if isinstance(s.body, Chart)}
    assert kinds == {"title", "section", "bullets", "stats", "quote", "compare", "image", "chart", "sources"}
    assert charts == {"bar", "hbar", "stacked", "line", "area", "pie", "donut", "scatter"}
    assert any(isinstance(s.body, Image) and s.body.caption for s in rich_storyboard.slides)
    decks = []
    google = build_sized_template(tmp_path / "google-slides.pptx", 9144000, 5143500)
    dark = build_dark_template(tmp_path / "dark-template.pptx")  # our text recoloured to read on it
    for name, template in (("default", None), ("python-pptx", corporate_template),
                           ("libreoffice", libreoffice_template), ("libreoffice-potx", libreoffice_potx),
                           ("google-size", google), ("hazards", _hazardous(corporate_template)),
                           ("layout-chart", damage.build_charted_template(tmp_path / "charted.pptx")),
                           ("dark-artwork", dark), ("odd", _odd(corporate_template)),
                           ("video", damage.build_video_template(tmp_path / "video-template.pptx")),
                           ("tiny", build_sized_template(tmp_path / "tiny-template.pptx", 914400, 914400))):
        decks.append(tmp_path / f"{name}.pptx")
        export_deck(rich_storyboard, decks[-1], template=template)
    decks.append(tmp_path / "bundled.pptx")
    export_deck(load_storyboard(default_storyboard()), decks[-1])
    assert {str(deck): package_problems(deck) for deck in decks} == {str(deck): [] for deck in decks}
    assert validate(*decks) == {str(deck): [] for deck in decks}


def test_the_validator_finds_what_it_should(tmp_path: Path) -> None:
    """A deck with a known fault: the SDK and the package checks both report it."""
    import zipfile

    from pptx import Presentation

    deck = tmp_path / "broken.pptx"
    Presentation().save(str(deck))
    with zipfile.ZipFile(deck) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    master = "ppt/slideMasters/slideMaster1.xml"
    entries[master] = entries[master].replace(b'<p:cNvPr id="3"', b'<p:cNvPr id="2"', 1)
    entries[master] = entries[master].replace(b'<p:sldLayoutId id="2147483649"', b'<p:sldLayoutId id="-1"', 1)
    presentation = "ppt/presentation.xml"
    entries[presentation] = entries[presentation].replace(b'r:id="rId1"', b'r:id="rId99"', 1)
    with zipfile.ZipFile(deck, "w") as target:
        for name, blob in entries.items():
            target.writestr(name, blob)
    problems = package_problems(deck)
    assert any("shape id 2 used 2 times" in p for p in problems)
    assert any("rId99 is not a relationship" in p for p in problems)
    found = validate(deck)[str(deck)]
    assert any("sldLayoutId" in p for p in found), found
