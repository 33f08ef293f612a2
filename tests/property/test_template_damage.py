"""Any damage to a valid template, and any hazard added to it: a good deck or an error naming the
template, never a traceback, from ``export`` and ``check --template`` alike; and no deck ever holds
a VBA project, an ActiveX or OLE part, or an external relationship the storyboard did not ask for.

The template is the corporate one (masters, renamed layouts, a sample slide with notes, so a
notes master) plus a picture on its master. Each example applies one to three operations to its
zip entries: truncate, drop or rename a part, flip a byte, garble an attribute's value,
corrupt a relationship's target, duplicate a relationship, garble the content types, or add
macros, a macro button, an ActiveX control, an OLE object, links to a server or an SVG logo that
fetches from one (``template_damage``).
"""

from __future__ import annotations

import contextlib
import re
import tempfile
import textwrap
from collections.abc import Callable
from functools import cache
from pathlib import Path

from hypothesis import event, given, note, settings
from hypothesis import strategies as st
from PIL import Image
from pptx import Presentation
from pptx.oxml import parse_xml
from property_settings import examples

from briefing.errors import ExportError
from briefing.export.pptx.deck import build_deck
from briefing.export.pptx.template_check import template_diagnostics
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Storyboard
from tests.export import template_damage as damage
from tests.export.conftest import build_corporate_template
from tests.export.package_checks import package_problems
from tests.export.template_hazards import deck_hazards

URL = "https://example.org/report"
STORY = f"""
title: Damaged templates
sources:
  report: {{title: A report, url: "{URL}"}}
sections:
  - title: Findings
    slides:
      - {{title: What we found, notes: N., sources: [{{ref: report}}], bullets: [One, Two]}}
      - title: In numbers
        notes: N.
        chart: {{type: bar, categories: [a, b], series: [{{name: S, values: [1, 2]}}]}}
"""
LOGO = (
    f'<p:pic {damage.NS}><p:nvPicPr><p:cNvPr id="90" name="Logo"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
    '<p:blipFill><a:blip r:embed="{r_id}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
    '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="457200" cy="457200"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
)
#: What an error a user cannot act on looks like: a Python exception's name (``KeyError: ...``).
PYTHON_ERROR = re.compile(r"\b[A-Z][A-Za-z]*(Error|Exception): ")
Entries = dict[str, bytes]
Operation = Callable[[Entries], None]


@cache
def _base() -> tuple[tuple[str, bytes], ...]:
    folder = Path(tempfile.mkdtemp(prefix="template-damage-"))
    template = build_corporate_template(folder / "base.pptx")
    prs = Presentation(str(template))
    Image.new("RGB", (8, 8), (200, 30, 30)).save(folder / "logo.png")
    _, r_id = prs.slide_master.part.get_or_add_image_part(str(folder / "logo.png"))
    prs.slide_master.shapes._spTree.append(parse_xml(LOGO.format(r_id=r_id)))
    prs.save(str(template))
    return tuple(damage.read_entries(template).items())


@cache
def _story() -> Storyboard:
    path = Path(tempfile.mkdtemp(prefix="template-damage-")) / "story.yaml"
    path.write_text(textwrap.dedent(STORY).lstrip(), encoding="utf-8")
    return load_storyboard(path)


def _pick(entries: Entries, index: int, rels: bool = False) -> str:
    names = [n for n in entries if n.endswith(".rels") == rels] or list(entries)
    return names[index % len(names)]


@st.composite
def _truncate(draw: st.DrawFn) -> Operation:
    index, share = draw(st.integers(0, 99)), draw(st.floats(0, 1))

    def apply(entries: Entries) -> None:
        name = _pick(entries, index)
        entries[name] = entries[name][: int(len(entries[name]) * share)]

    return apply


@st.composite
def _drop_or_rename(draw: st.DrawFn) -> Operation:
    index, rels = draw(st.integers(0, 99)), draw(st.booleans())
    new = draw(
        st.sampled_from(["", "PPT/x.xml", "ppt/slideMasters/slideMaster2.xml", "ppt/a\u00e9 b.xml", "x/"])
    )

    def apply(entries: Entries) -> None:
        blob = entries.pop(_pick(entries, index, rels))
        if new:
            entries[new] = blob

    return apply


@st.composite
def _flip_byte(draw: st.DrawFn) -> Operation:
    index, where, byte = (
        draw(st.integers(0, 99)),
        draw(st.floats(0, 1)),
        draw(st.sampled_from(b'<>"&x0\x00 ')),
    )

    def apply(entries: Entries) -> None:
        name = _pick(entries, index)
        blob = entries[name]
        if blob:
            at = min(int(len(blob) * where), len(blob) - 1)
            entries[name] = blob[:at] + bytes([byte]) + blob[at + 1 :]

    return apply


@st.composite
def _garble_attribute(draw: st.DrawFn) -> Operation:
    """An attribute value of a master, layout or the presentation replaced: ``x="abc"``, ``id="-1"``."""
    index, which = draw(st.integers(0, 99)), draw(st.integers(0, 400))
    value = draw(st.sampled_from(["", "-1", "abc", "99999999999999999999", "1e3", " 5", "&amp;"]))

    def apply(entries: Entries) -> None:
        names = [n for n in entries if n.startswith(("ppt/slideMasters/", "ppt/slideLayouts/", "ppt/pres"))]
        name = names[index % len(names)] if names else _pick(entries, index)
        text = entries[name].decode("utf-8", "replace")
        values = list(re.finditer(r'(?<=[a-zA-Z]=")[^"]*(?=")', text))
        if values:
            found = values[which % len(values)]
            entries[name] = (text[: found.start()] + value + text[found.end() :]).encode()

    return apply


TARGETS = [
    "",
    "/",
    "#",
    "../nope.xml",
    "../../../../etc/passwd",
    "[Content_Types].xml",
    "../_rels/.rels",
    "slideLayouts/slideLayout1.xml",
    "../slideMasters/slideMaster1.xml",
    "theme/theme1.xml",
    "docProps/core.xml",
    "%2e%2e/x",
    "http://example.net/x.png",
    "\u00e9.xml",
]


@st.composite
def _corrupt_rels(draw: st.DrawFn) -> Operation:
    index, which = draw(st.integers(0, 99)), draw(st.integers(0, 30))
    how = draw(st.sampled_from(["target", "duplicate", "same-id", "type", "external"]))
    target = draw(st.sampled_from(TARGETS) | st.text(max_size=8))

    def apply(entries: Entries) -> None:
        name = _pick(entries, index, rels=True)
        text = entries[name].decode("utf-8", "replace")
        rels = re.findall(r"<Relationship [^>]*/>", text)
        if not rels:
            return
        rel = rels[which % len(rels)]
        if how == "target":
            new = re.sub(r'Target="[^"]*"', f'Target="{_attr(target)}"', rel)
        elif how == "duplicate":
            new = rel + re.sub(r'Id="[^"]*"', 'Id="rId999"', rel)
        elif how == "same-id":
            new = rel + rel
        elif how == "type":
            new = re.sub(r'Type="[^"]*"', f'Type="{_attr(target)}"', rel)
        else:
            new = rel.replace("/>", ' TargetMode="External"/>')
        entries[name] = text.replace(rel, new, 1).encode()

    return apply


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


@st.composite
def _garble_content_types(draw: st.DrawFn) -> Operation:
    how = draw(st.sampled_from(["bare", "bytes", "no-default", "no-override", "wrong-main"]))
    junk, which = draw(st.binary(max_size=40)), draw(st.integers(0, 30))

    def apply(entries: Entries) -> None:
        text = entries.get(damage.CONTENT_TYPES, b"").decode("utf-8", "replace")
        nodes = re.findall(r"<(?:Default|Override) [^>]*/>", text)
        if how == "bare":
            entries[damage.CONTENT_TYPES] = f'<Types xmlns="{damage.CT_NS}"/>'.encode()
        elif how == "bytes":
            entries[damage.CONTENT_TYPES] = junk
        elif how == "wrong-main":
            entries[damage.CONTENT_TYPES] = text.replace(
                "presentation.main+xml", "document.main+xml"
            ).encode()
        elif nodes:
            kind = "Default" if how == "no-default" else "Override"
            chosen = [n for n in nodes if n.startswith(f"<{kind}")] or nodes
            entries[damage.CONTENT_TYPES] = text.replace(chosen[which % len(chosen)], "").encode()

    return apply


def _hazard(add: Callable[[Entries], None]) -> Operation:
    def apply(entries: Entries) -> None:
        with contextlib.suppress(Exception):  # earlier damage may leave no place for it: no hazard then
            add(entries)

    return apply


HAZARDS = st.sampled_from(
    [
        damage.add_macros,
        damage.add_activex,
        damage.add_ole,
        damage.add_external_image,
        damage.add_macro_button,
        damage.add_disguised_ole,
        damage.add_svg_logo,
    ]
)
operation = st.one_of(
    _truncate(),
    _drop_or_rename(),
    _flip_byte(),
    _corrupt_rels(),
    _garble_content_types(),
    _garble_attribute(),
    HAZARDS.map(_hazard),
)


@settings(max_examples=examples(0.6))
@given(
    st.lists(HAZARDS.map(_hazard), max_size=4),
    st.lists(operation, max_size=3),
    st.sampled_from(["t.pptx", "t.pptm", "t.potx"]),
)
def test_a_damaged_template_gives_a_clean_deck_or_an_error_naming_it(
    hazards: list[Operation], operations: list[Operation], name: str
) -> None:
    entries = dict(_base())
    for apply in [*hazards, *operations]:
        apply(entries)
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / name
        template.write_bytes(damage.zip_bytes(entries))
        judge_template(template)


def judge_template(template: Path) -> None:
    """A template, however damaged, gives a deck free of hazards and package damage, or an error
    naming it that says what a user can act on; `check --template` says the same as export."""
    said = template_diagnostics(_story(), template)
    note(f"check --template said: {[d.format() for d in said]}")
    try:
        deck, _ = build_deck(_story(), template=template)
    except ExportError as error:
        assert str(error).startswith(f"cannot use template {template.name}: "), error
        assert not PYTHON_ERROR.search(str(error)), (
            f"a Python exception is no reason a user can act on: {error}"
        )
        event("refused")
        assert (said[0].severity, said[0].message) == ("error", str(error)), "check says what export says"
        return
    assert not [d for d in said if d.severity == "error"], "check finds no error where export succeeds"
    event("deck")
    assert deck_hazards(deck, {URL}) == []
    written = template.parent / "deck.pptx"
    written.write_bytes(deck)
    assert package_problems(written) == []
