"""Templates that are valid but unlike any we wrote: any slide size PowerPoint allows, layouts
renamed, untyped, hidden or removed, placeholders removed or of another kind, pictures and fills
on masters and layouts, a dark, symbol-font or CJK theme, the template's own settings and
animations, hazards to leave out. Each gives a deck, never an error (a valid template is usable),
and ``check --template`` agrees; the deck holds nothing from outside and passes the package checks.
"""

from __future__ import annotations

import io
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import given, note, settings
from hypothesis import strategies as st
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from property_settings import examples
from test_template_damage import URL, _story

from briefing.export.pptx.deck import build_deck
from briefing.export.pptx.template_check import template_diagnostics
from tests.export import template_damage as damage
from tests.export.conftest import build_corporate_template
from tests.export.package_checks import package_problems
from tests.export.template_hazards import deck_hazards

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
#: Slide sizes PowerPoint offers or allows (EMU): 4:3, 16:9 at 10 in, 16:10, A4, portrait, banner,
#: the smallest, the largest, and the deck's own.
SIZES = [
    (9144000, 6858000), (9144000, 5143500), (9144000, 5715000), (10826750, 7559675), (6858000, 9144000),
    (7315200, 914400), (914400, 914400), (51206400, 51206400), (51206400, 914400), (12192000, 6858000),
]  # fmt: skip
PLACEHOLDER_TYPES = [
    "title", "body", "ctrTitle", "subTitle", "dt", "sldNum", "ftr", "obj", "chart", "tbl", "clipArt",
    "dgm", "media", "pic",
]  # fmt: skip
NAMES = st.sampled_from(
    ["Title Slide", "Title Only", "Section Header", "Blank", "title only", "  Blank  ", ""]
) | (st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=12))
Change = Callable[[Any, Path], None]
EntryChange = Callable[[dict[str, bytes]], None]


@st.composite
def _layout_change(draw: st.DrawFn) -> Change:
    index = draw(st.integers(0, 20))
    how = draw(
        st.sampled_from(["rename", "untype", "remove", "placeholder type", "drop placeholder", "hide"])
    )
    name, kind = draw(NAMES), draw(st.sampled_from(PLACEHOLDER_TYPES))

    def apply(prs: Any, _: Path) -> None:
        layouts = list(prs.slide_layouts)
        layout = layouts[index % len(layouts)]
        placeholders = layout.element.findall(f".//{P}ph")
        if how == "rename":
            layout.element.find(f"{P}cSld").set("name", name)
        elif how == "untype":
            layout.element.attrib.pop("type", None)
        elif how == "remove" and len(layouts) > 1 and layout.used_by_slides == ():
            prs.slide_layouts.remove(layout)
        elif how == "placeholder type" and placeholders:
            placeholders[index % len(placeholders)].set("type", kind)
        elif how == "drop placeholder" and placeholders:
            shape = placeholders[index % len(placeholders)].getparent().getparent().getparent()
            shape.getparent().remove(shape)
        elif how == "hide":
            layout.element.set("showMasterSp", "0")

    return apply


@st.composite
def _artwork(draw: st.DrawFn) -> Change:
    """A picture (or a background colour) on the master or a layout, anywhere, of any shape."""
    on_master, index = draw(st.booleans()), draw(st.integers(0, 20))
    colour = draw(st.tuples(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255)))
    pixels = draw(st.sampled_from([(1, 1), (8, 8), (300, 20)]))
    box = draw(
        st.tuples(st.floats(-0.5, 1.2), st.floats(-0.5, 1.2), st.floats(0.0, 1.5), st.floats(0.0, 1.5))
    )
    background = draw(st.booleans())

    def apply(prs: Any, folder: Path) -> None:
        owner = prs.slide_master if on_master else list(prs.slide_layouts)[index % len(prs.slide_layouts)]
        if background:
            owner.background.fill.solid()
            owner.background.fill.fore_color.rgb = RGBColor(*colour)
            return
        picture = folder / f"art{len(list(folder.iterdir()))}.png"
        Image.new("RGB", pixels, colour).save(picture)
        _, r_id = owner.part.get_or_add_image_part(str(picture))
        width, height = prs.slide_width, prs.slide_height
        x, y = round(box[0] * width), round(box[1] * height)
        w, h = round(box[2] * width), round(box[3] * height)
        ids = [int(i) for i in owner.element.xpath(".//p:cNvPr/@id") if i.isdigit()]
        owner.shapes._spTree.append(etree.fromstring(_picture(max(ids, default=1) + 1, r_id, x, y, w, h)))

    return apply


def _picture(shape_id: int, r_id: str, x: int, y: int, w: int, h: int) -> str:
    return (
        f'<p:pic {damage.NS}><p:nvPicPr><p:cNvPr id="{shape_id}" name="Art"/><p:cNvPicPr/><p:nvPr/>'
        f'</p:nvPicPr><p:blipFill><a:blip r:embed="{r_id}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
    )


THEMES: dict[str, Callable[[bytes], bytes]] = {
    "dark": lambda theme: re.sub(
        rb"<a:dk1>.*?</a:dk1>(.*?)<a:lt1>.*?</a:lt1>",
        rb'<a:dk1><a:srgbClr val="F0F0F0"/></a:dk1>\1<a:lt1><a:srgbClr val="101820"/></a:lt1>',
        theme,
        count=1,
        flags=re.S,
    ),
    "symbol": lambda theme: theme.replace(b'typeface="Georgia"', b'typeface="Webdings"'),
    "cjk": lambda theme: re.sub(
        rb'<a:latin typeface="[^"]*"', '<a:latin typeface="ＭＳ 明朝"'.encode(), theme
    ),
    "plain": lambda theme: theme,
}
SETTINGS: list[EntryChange] = [
    damage.add_password_to_modify,
    damage.add_show_settings,
    lambda entries: damage.add_custom_properties(entries, {"_MarkAsFinal": True, "Label": "Internal"}),
    damage.add_svg_logo,
    damage.add_external_image,
    damage.add_ole,
    damage.add_macros,
    lambda entries: damage.add_master_animation(entries, 2),
]


@settings(max_examples=examples(0.4), deadline=None)
@given(
    st.sampled_from(SIZES),
    st.lists(st.one_of(_layout_change(), _artwork()), max_size=6),
    st.sampled_from(sorted(THEMES)),
    st.lists(st.sampled_from(SETTINGS), max_size=3, unique=True),
)
def test_a_valid_template_of_any_make_gives_a_deck(
    size: tuple[int, int], changes: list[Change], theme: str, extras: list[EntryChange]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "art").mkdir()
        prs = Presentation(str(build_corporate_template(folder / "base.pptx")))
        prs.slide_width, prs.slide_height = size
        for change in changes:
            change(prs, folder / "art")
        prs.save(str(folder / "made.pptx"))
        entries = damage.read_entries(folder / "made.pptx")
        entries["ppt/theme/theme1.xml"] = THEMES[theme](entries["ppt/theme/theme1.xml"])
        for extra in extras:
            extra(entries)
        template = folder / "t.pptx"
        template.write_bytes(damage.zip_bytes(entries))
        said = template_diagnostics(_story(), template)
        note(f"check --template said: {[d.format() for d in said]}")
        deck, _ = build_deck(_story(), template=template)  # a valid template never fails
        assert not [d for d in said if d.severity == "error"]
        assert deck_hazards(deck, {URL}) == []
        (folder / "deck.pptx").write_bytes(deck)
        assert package_problems(folder / "deck.pptx") == []
        Presentation(io.BytesIO(deck))
