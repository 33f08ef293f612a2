"""A deck shaped as Google Slides exports it (File > Download > Microsoft PowerPoint), after the
deck was uploaded and edited there: no Google here, so :func:`export` reshapes a deck the way
Google Slides is known to write one.

* no custom document properties (the storyboard's hash and the slide fingerprints are gone);
* every shape named ``Google Shape;<id>;p<page>`` (notes: ``...:notes``), so the identity markers
  in shape names are gone too; placeholders keep their type;
* charts become pictures (Google draws an uploaded chart as an image): no chart part, no workbook;
* notes kept in the notes page's body placeholder (``idx="1"``), the slide number dropped;
* text in ``a:r`` runs with explicit fonts (``a:latin``/``a:ea``/``a:cs``/``a:sym``) and
  paragraphs with explicit ``marL``, ``lvl``, ``indent``, ``algn``; positions in whole points;
* its own layouts (``TITLE``, ``TITLE_AND_BODY``...), no comments, no sections, no animations;
* optionally its own page size (``scale``: every position and size scaled with it).

Our own code, written from what Google Slides' downloads contain; test-only.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from lxml import etree
from PIL import Image as PILImage
from pptx.oxml.ns import qn

from tests.review import opc

LAYOUT_NAMES = [
    "TITLE",
    "SECTION_HEADER",
    "TITLE_AND_BODY",
    "TITLE_AND_TWO_COLUMNS",
    "TITLE_ONLY",
    "ONE_COLUMN_TEXT",
    "MAIN_POINT",
    "SECTION_TITLE_AND_DESCRIPTION",
    "CAPTION_ONLY",
    "BIG_NUMBER",
    "BLANK",
]
DEFAULTS = {
    "rels": "application/vnd.openxmlformats-package.relationships+xml",
    "xml": "application/xml",
    "png": "image/png",
    "jpeg": "image/jpeg",
}
_AFTER_FONTS = {qn("a:hlinkClick"), qn("a:hlinkMouseOver"), qn("a:rtl"), qn("a:extLst")}
_FONTS = [qn("a:latin"), qn("a:ea"), qn("a:cs"), qn("a:sym")]
_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def export(deck: Path, out: Path, *, scale: float = 1.0, placeholders: bool = True) -> Path:
    """``placeholders=False``: also turn every placeholder into a plain text box where it stands (what a
    client that keeps no placeholders leaves; not seen from Google, a margin for what may come)."""
    entries = opc.read(deck)
    types = opc.content_types(entries)
    for gone in opc.drop_relationships(
        entries, "", lambda kind, _: kind.endswith(("/custom-properties", "/thumbnail"))
    ):
        entries.pop(gone, None)
        types.pop(gone, None)
    for gone in opc.drop_relationships(entries, "ppt/presentation.xml", lambda kind, _: "uthors" in kind):
        entries.pop(gone, None)
        types.pop(gone, None)
    entries["ppt/presentation.xml"] = _presentation(entries["ppt/presentation.xml"], scale)
    pictures = 0
    for number, slide in enumerate(opc.slide_order(entries), start=1):
        page = f"p{number + 12}"
        for gone in opc.drop_relationships(entries, slide, lambda kind, _: kind.endswith("comments")):
            entries.pop(gone, None)
            types.pop(gone, None)
        root = opc.parse(entries[slide])
        pictures = _charts_to_pictures(entries, types, slide, root, pictures)
        _google_shapes(root, page, scale)
        if not placeholders:
            _plain_boxes(root)
        timing = root.find(qn("p:timing"))
        if timing is not None:
            root.remove(timing)
        entries[slide] = opc.dump(root)
        for _, kind, target in opc.relations(entries, slide):
            if kind.endswith("/notesSlide"):
                entries[target] = _notes(entries[target], page)
    for number, layout in enumerate(
        sorted(n for n in entries if n.startswith("ppt/slideLayouts/slideLayout"))
    ):
        if layout.endswith(".xml"):
            root = opc.parse(entries[layout])
            root.find(qn("p:cSld")).set("name", LAYOUT_NAMES[number % len(LAYOUT_NAMES)])
            _google_shapes(root, f"p{number + 2}", scale)
            entries[layout] = opc.dump(root)
    types = {name: kind for name, kind in types.items() if name in entries}
    opc.write_content_types(entries, types, DEFAULTS)
    return opc.write(entries, out)


def _presentation(blob: bytes, scale: float) -> bytes:
    root = opc.parse(blob)
    for ext_lst in root.iter(qn("p:extLst")):
        ext_lst.getparent().remove(ext_lst)  # sections (and every other extension) dropped
        break
    size = root.find(qn("p:sldSz"))
    for name in ("cx", "cy"):
        size.set(name, str(round(int(size.get(name)) * scale)))
    return opc.dump(root)


def _png() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (32, 18), (66, 133, 244)).save(out, format="PNG")
    return out.getvalue()


def _charts_to_pictures(
    entries: opc.Entries, types: dict[str, str], slide: str, root: Any, count: int
) -> int:
    rels = {rid: target for rid, _, target in opc.relations(entries, slide)}
    for frame in root.iter(qn("p:graphicFrame")):
        chart = frame.find(f".//{{{_CHART}}}chart")
        if chart is None:
            continue
        target = rels[chart.get(qn("r:id"))]
        opc.drop_relationships(entries, slide, lambda _, t, target=target: t == target)
        opc.drop_part(entries, target)
        count += 1
        media = f"ppt/media/image{count}.png"
        entries[media] = _png()
        types[media] = "image/png"
        rid = opc.add_relationship(entries, slide, opc.RT + "image", media)
        c_nv_pr = frame.find(".//" + qn("p:cNvPr"))
        xfrm = frame.find(qn("p:xfrm"))
        off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
        descr = c_nv_pr.get("descr")
        picture = etree.fromstring(
            f'<p:pic xmlns:p="{opc.P}" xmlns:a="{opc.A}" xmlns:r="{opc.R}"><p:nvPicPr>'
            f'<p:cNvPr id="{c_nv_pr.get("id")}" name="chart"/><p:cNvPicPr preferRelativeResize="0"/><p:nvPr/>'
            f'</p:nvPicPr><p:blipFill rotWithShape="1"><a:blip r:embed="{rid}"><a:alphaModFix/></a:blip>'
            "<a:srcRect/><a:stretch/></p:blipFill><p:spPr>"
            f'<a:xfrm><a:off x="{off.get("x")}" y="{off.get("y")}"/>'
            f'<a:ext cx="{ext.get("cx")}" cy="{ext.get("cy")}"/>'
            '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
            "</p:spPr></p:pic>"
        )
        if descr:
            picture.find(".//" + qn("p:cNvPr")).set("descr", descr)
        frame.addprevious(picture)
        frame.getparent().remove(frame)
    return count


def _plain_boxes(root: Any) -> None:
    """Every placeholder a text box at the place its layout gave it (the exporter's own xfrm)."""
    for shape in root.iter(qn("p:sp")):
        nv_pr = shape.find(qn("p:nvSpPr")).find(qn("p:nvPr"))
        ph = nv_pr.find(qn("p:ph"))
        if ph is not None and shape.find(qn("p:spPr")).find(qn("a:xfrm")) is not None:
            nv_pr.remove(ph)
            shape.find(qn("p:nvSpPr")).find(qn("p:cNvSpPr")).set("txBox", "1")


def _google_shapes(root: Any, page: str, scale: float, suffix: str = "") -> None:
    for c_nv_pr in root.iter(qn("p:cNvPr")):
        if c_nv_pr.get("id") == "1" and not c_nv_pr.get("name"):
            continue
        c_nv_pr.set("name", f"Google Shape;{c_nv_pr.get('id')};{page}{suffix}")
    for tag in (qn("a:off"), qn("a:ext"), qn("a:chOff"), qn("a:chExt")):
        for node in root.iter(tag):
            for name in ("x", "y", "cx", "cy"):
                if node.get(name) is not None:
                    node.set(name, str(round(int(node.get(name)) * scale / 12700) * 12700))
    for paragraph in root.iter(qn("a:p")):
        _paragraph(paragraph)


def _paragraph(paragraph: Any) -> None:
    p_pr = paragraph.find(qn("a:pPr"))
    if p_pr is None:
        p_pr = etree.Element(qn("a:pPr"))
        paragraph.insert(0, p_pr)
    for name, default in (("marL", "0"), ("lvl", "0"), ("indent", "0"), ("rtl", "0"), ("algn", "l")):
        if p_pr.get(name) is None:
            p_pr.set(name, default)
    for run in paragraph.findall(qn("a:r")):
        r_pr = run.find(qn("a:rPr"))
        if r_pr is None:
            r_pr = etree.Element(qn("a:rPr"))
            run.insert(0, r_pr)
        r_pr.set("lang", "en")
        r_pr.attrib.pop("dirty", None)
        r_pr.attrib.pop("err", None)
        for font in _FONTS:
            for node in r_pr.findall(font):
                r_pr.remove(node)
        at = next((n for n, child in enumerate(r_pr) if child.tag in _AFTER_FONTS), len(r_pr))
        for offset, font in enumerate(_FONTS):
            node = etree.Element(font, typeface="Arial")
            r_pr.insert(at + offset, node)


def _notes(blob: bytes, page: str) -> bytes:
    root = opc.parse(blob)
    tree = root.find(qn("p:cSld")).find(qn("p:spTree"))
    for shape in tree.findall(qn("p:sp")):
        ph = shape.find(".//" + qn("p:ph"))
        if ph is None:
            continue
        if ph.get("type") == "sldNum":
            tree.remove(shape)
        elif ph.get("type") == "body":
            ph.attrib.pop("sz", None)
            ph.set("idx", "1")
    _google_shapes(root, page, 1.0, ":notes")
    return opc.dump(root)
