"""A deck shaped as PowerPoint (Windows, Mac, 365) saves it: no real PowerPoint runs here.

:func:`resave` is what PowerPoint does to a whole deck when it saves it: parts renamed and
renumbered by order (slides, notes, charts, ``Microsoft_Excel_Worksheet*.xlsx`` workbooks, media),
``[Content_Types].xml`` written with Defaults, ``p14:creationId`` on slides and ``a16:creationId``
on shapes, the section list with new GUIDs, charts with their style parts, ``c16:uniqueId`` and a
``formatCode`` in every number cache, notes pages laid out again, a ``revisionInfo`` part. Custom
document properties and shape names stay (PowerPoint keeps both).

The other helpers are edits as PowerPoint writes them, made with python-pptx before
:func:`resave`: typed text (a run per word with ``lang``, ``dirty``, ``err`` spelling marks, smart
quotes), Shift+Enter line breaks, autofit, Edit Data (Excel's workbook with shared strings and its
own sheet name, a cache with ``formatCode``), modern comments as PowerPoint 365 writes them.
Our own code, written from the file format; test-only.
"""

from __future__ import annotations

import copy
import io
import re
import uuid
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from lxml import etree
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn

from briefing.review.comments import MODERN_AUTHORS, MODERN_COMMENTS
from tests.review import opc

P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
A16 = "http://schemas.microsoft.com/office/drawing/2014/main"
C16 = "http://schemas.microsoft.com/office/drawing/2014/chart"
P188 = "http://schemas.microsoft.com/office/powerpoint/2018/8/main"
PC = "http://schemas.microsoft.com/office/powerpoint/2013/main/command"
CREATION_URI = "{BB962C8B-B14F-4D97-AF65-F5344CB8AC3E}"
SHAPE_ID_URI = "{FF2B5EF4-FFF2-40B4-BE49-F238E27FC236}"
COMMENT_REL_URI = "{6950BFC3-D8DA-4A85-94F7-54DA5524770B}"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DEFAULTS = {
    "rels": "application/vnd.openxmlformats-package.relationships+xml",
    "xml": "application/xml",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "xlsx": XLSX,
}


def _guid(seed: str) -> str:
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, seed)).upper() + "}"


# --------------------------------------------------------------------------- the whole deck, saved
def resave(deck: Path, out: Path) -> Path:
    entries = opc.read(deck)
    _rename_by_order(entries)
    types = opc.content_types(entries)
    for name in [n for n in entries if n.startswith("ppt/slides/slide") and n.endswith(".xml")]:
        entries[name] = _creation_ids(entries[name], name)
    for name in [n for n in entries if n.startswith("ppt/notesSlides/") and n.endswith(".xml")]:
        entries[name] = _notes_page(entries[name])
    entries["ppt/presentation.xml"] = _sections(entries["ppt/presentation.xml"])
    for name in [n for n in entries if re.fullmatch(r"ppt/charts/chart\d+\.xml", n)]:
        entries[name] = _chart(entries[name], name)
        types.update(_chart_styles(entries, name))
    entries.pop("docProps/thumbnail.jpeg", None)
    opc.drop_relationships(entries, "", lambda kind, target: target == "docProps/thumbnail.jpeg")
    types.pop("docProps/thumbnail.jpeg", None)
    entries["ppt/revisionInfo.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<p1510:revInfo xmlns:p1510="http://schemas.microsoft.com/office/powerpoint/2015/10/main">'
        b'<p1510:revLst><p1510:client id="{4D3B1A52-0E0F-4F5E-9D9B-2D9F5B0C1A11}" v="1" '
        b'dt="2026-12-03T09:12:44.113"/>'
        b"</p1510:revLst></p1510:revInfo>"
    )
    types["ppt/revisionInfo.xml"] = "application/vnd.ms-powerpoint.revisioninfo+xml"
    opc.add_relationship(
        entries,
        "ppt/presentation.xml",
        "http://schemas.microsoft.com/office/2015/10/relationships/revisionInfo",
        "ppt/revisionInfo.xml",
    )
    opc.write_content_types(entries, types, DEFAULTS)
    return opc.write(entries, out)


def _rename_by_order(entries: opc.Entries) -> None:
    """slideN, notesSlideN, chartN follow the presentation's order; workbooks and media are renamed."""
    mapping: dict[str, str] = {}
    charts = workbooks = media = 0
    for number, slide in enumerate(opc.slide_order(entries), start=1):
        mapping[slide] = f"ppt/slides/slide{number}.xml"
        for _, kind, target in opc.relations(entries, slide):
            if kind.endswith("/notesSlide"):
                mapping[target] = f"ppt/notesSlides/notesSlide{number}.xml"
            elif kind.endswith("/chart"):
                charts += 1
                mapping[target] = f"ppt/charts/chart{charts}.xml"
                for _, inner, book in opc.relations(entries, target):
                    if inner.endswith("/package"):
                        mapping[book] = "ppt/embeddings/Microsoft_Excel_Worksheet" + (
                            f"{workbooks}.xlsx" if workbooks else ".xlsx"
                        )
                        workbooks += 1
            elif kind.endswith("/image") and target not in mapping:
                media += 1
                mapping[target] = f"ppt/media/image{media}{Path(target).suffix}"
    # a two-step rename: names may swap (slide3 <-> slide4 after a move)
    temporary = {old: f"tmp/{n}/{Path(old).name}" for n, old in enumerate(mapping)}
    opc.rename(entries, temporary)
    opc.rename(entries, {temporary[old]: new for old, new in mapping.items()})


def _creation_ids(blob: bytes, name: str) -> bytes:
    root = opc.parse(blob)
    for number, c_nv_pr in enumerate(root.iter(qn("p:cNvPr"))):
        if c_nv_pr.get("id") == "1" and not c_nv_pr.get("name"):
            continue  # the shape tree's own properties
        ext_lst = c_nv_pr.find(qn("a:extLst"))
        if ext_lst is None:
            ext_lst = etree.SubElement(c_nv_pr, qn("a:extLst"))
        ext = etree.SubElement(ext_lst, qn("a:ext"), uri=SHAPE_ID_URI)
        etree.SubElement(ext, f"{{{A16}}}creationId", nsmap={"a16": A16}, id=_guid(f"{name}/{number}"))
    ext_lst = root.find(qn("p:extLst"))
    if ext_lst is None:
        ext_lst = etree.SubElement(root, qn("p:extLst"))
    ext = etree.SubElement(ext_lst, qn("p:ext"), uri=CREATION_URI)
    seed = int(uuid.uuid5(uuid.NAMESPACE_URL, name).int % 4_000_000_000)
    etree.SubElement(ext, f"{{{P14}}}creationId", nsmap={"p14": P14}, val=str(seed))
    return opc.dump(root)


def _sections(blob: bytes) -> bytes:
    """The section list kept, each section with a new GUID (PowerPoint makes them again)."""
    root = opc.parse(blob)
    for number, section in enumerate(root.iter(f"{{{P14}}}section")):
        section.set("id", _guid(f"section/{number}/{section.get('name')}"))
    return opc.dump(root)


def _notes_page(blob: bytes) -> bytes:
    """A notes page laid out again: placeholders with their own positions, the slide number first."""
    root = opc.parse(blob)
    tree = root.find(qn("p:cSld")).find(qn("p:spTree"))
    for shape in tree.findall(qn("p:sp")):
        ph = shape.find(".//" + qn("p:ph"))
        sp_pr = shape.find(qn("p:spPr"))
        if ph is None or sp_pr is None:
            continue
        if ph.get("type") == "sldNum":  # PowerPoint fills in the field and moves it up
            tree.remove(shape)
            tree.insert(2, shape)
            if shape.find(qn("p:txBody")) is None:
                shape.append(
                    etree.fromstring(
                        f'<p:txBody xmlns:p="{opc.P}" xmlns:a="{opc.A}"><a:bodyPr/><a:lstStyle/><a:p>'
                        '<a:fld id="{B8C5E8F0-3E5B-4E43-8A8B-0B5B3C7C5F21}" type="slidenum">'
                        '<a:rPr lang="en-US"/><a:t>3</a:t></a:fld><a:endParaRPr lang="en-US"/></a:p>'
                        "</p:txBody>"
                    )
                )
        xfrm = etree.Element(qn("a:xfrm"))
        sp_pr.insert(0, xfrm)
        etree.SubElement(xfrm, qn("a:off"), x="685800", y="4400550")
        etree.SubElement(xfrm, qn("a:ext"), cx="5486400", cy="3600450")
        body = shape.find(qn("p:txBody"))
        if body is not None and ph.get("type") == "body":
            body_pr = body.find(qn("a:bodyPr"))
            etree.SubElement(body_pr, qn("a:normAutofit"))
            for paragraph in body.findall(qn("a:p")):
                if paragraph.find(qn("a:endParaRPr")) is None:
                    etree.SubElement(paragraph, qn("a:endParaRPr"), lang="en-US", dirty="0")
    return opc.dump(root)


def _chart(blob: bytes, name: str) -> bytes:
    """What PowerPoint writes for a chart it did not change: c16:uniqueId per series, formatCode."""
    root = opc.parse(blob)
    for number, ser in enumerate(root.iter(qn("c:ser"))):
        ext_lst = ser.find(qn("c:extLst"))
        if ext_lst is None:
            ext_lst = etree.SubElement(ser, qn("c:extLst"))
        ext = etree.SubElement(ext_lst, qn("c:ext"), uri="{C3380CC4-5D6E-409C-BE32-E72D297353CC}")
        etree.SubElement(ext, f"{{{C16}}}uniqueId", nsmap={"c16": C16}, val=_guid(f"{name}/{number}"))
    for cache in root.iter(qn("c:numCache")):
        if cache.find(qn("c:formatCode")) is None:
            code = etree.Element(qn("c:formatCode"))
            code.text = "General"
            cache.insert(0, code)
    return opc.dump(root)


def _chart_styles(entries: opc.Entries, chart: str) -> dict[str, str]:
    number = re.search(r"(\d+)\.xml$", chart).group(1)  # type: ignore[union-attr]
    cs = "http://schemas.microsoft.com/office/drawing/2012/chartStyle"
    parts = {
        f"ppt/charts/style{number}.xml": (
            f'<cs:chartStyle xmlns:cs="{cs}" xmlns:a="{opc.A}" id="201"/>',
            "application/vnd.ms-office.chartstyle+xml",
            "http://schemas.microsoft.com/office/2011/relationships/chartStyle",
        ),
        f"ppt/charts/colors{number}.xml": (
            f'<cs:colorStyle xmlns:cs="{cs}" xmlns:a="{opc.A}" meth="cycle" id="10"/>',
            "application/vnd.ms-office.chartcolorstyle+xml",
            "http://schemas.microsoft.com/office/2011/relationships/chartColorStyle",
        ),
    }
    types = {}
    for part, (xml, kind, rel) in parts.items():
        entries[part] = xml.encode()
        types[part] = kind
        opc.add_relationship(entries, chart, rel, part)
    return types


# --------------------------------------------------------------------------- edits as PowerPoint writes them
def smart_quotes(text: str) -> str:
    """PowerPoint's AutoCorrect as one types: straight quotes become curly ones."""
    text = re.sub(r'(^|[\s(\[])"', "\\1\u201c", text)
    text = text.replace('"', "\u201d")
    text = re.sub(r"(^|[\s(\[])'", "\\1\u2018", text)
    return text.replace("'", "\u2019")


def type_paragraph(paragraph: Any, text: str, *, lang: str = "en-US") -> None:
    """Retype a paragraph: a run per word (PowerPoint splits runs where spelling and language
    marks change), ``dirty="0"``, ``err="1"`` on words the speller does not know."""
    p = paragraph._p if hasattr(paragraph, "_p") else paragraph
    runs = p.findall(qn("a:r"))
    template = runs[0].find(qn("a:rPr")) if runs else None
    for node in [*runs, *p.findall(qn("a:br")), *p.findall(qn("a:fld"))]:
        p.remove(node)
    end = p.find(qn("a:endParaRPr"))
    words = re.findall(r"\S+\s*", smart_quotes(text))
    for word in words:
        run = etree.Element(qn("a:r"))
        r_pr = copy.deepcopy(template) if template is not None else etree.Element(qn("a:rPr"))
        r_pr.tag = qn("a:rPr")
        r_pr.set("lang", lang)
        r_pr.set("dirty", "0")
        if len(word.strip()) > 9:
            r_pr.set("err", "1")
        run.append(r_pr)
        etree.SubElement(run, qn("a:t")).text = word
        if end is not None:
            end.addprevious(run)
        else:
            p.append(run)
    if end is None:
        etree.SubElement(p, qn("a:endParaRPr"), lang=lang, dirty="0")


def soft_break(paragraph: Any, first: str, second: str) -> None:
    """Shift+Enter: one paragraph, two lines (``a:br`` between two runs)."""
    type_paragraph(paragraph, first)
    p = paragraph._p if hasattr(paragraph, "_p") else paragraph
    last = p.findall(qn("a:r"))[-1]
    br = etree.Element(qn("a:br"))
    etree.SubElement(br, qn("a:rPr"), lang="en-US", dirty="0")
    last.addnext(br)
    after = etree.Element(qn("a:r"))
    etree.SubElement(after, qn("a:rPr"), lang="en-US", dirty="0")
    etree.SubElement(after, qn("a:t")).text = smart_quotes(second)
    br.addnext(after)


def shrink_on_overflow(shape: Any) -> None:
    """The text grew: PowerPoint's autofit writes the font scale it used."""
    body_pr = shape.text_frame._txBody.find(qn("a:bodyPr"))
    for child in list(body_pr):
        if child.tag in (qn("a:spAutoFit"), qn("a:noAutofit"), qn("a:normAutofit")):
            body_pr.remove(child)
    etree.SubElement(body_pr, qn("a:normAutofit"), fontScale="92500", lnSpcReduction="10000")


def type_notes(slide: Any, paragraphs: list[str]) -> None:
    """Retype the notes: each paragraph typed, a line break kept as Shift+Enter."""
    frame = slide.notes_slide.notes_text_frame
    frame.text = "\n".join(p.split("\n")[0] for p in paragraphs)
    for paragraph, text in zip(frame.paragraphs, paragraphs, strict=True):
        lines = text.split("\n")
        if len(lines) == 2:
            soft_break(paragraph, lines[0], lines[1])
        else:
            type_paragraph(paragraph, text)


# --------------------------------------------------------------------------- Edit Data
def edit_data(
    slide: Any, categories: list[str], series: list[tuple[str, list[float]]], *, sheet: str = "Sheet1"
) -> None:
    """Edit Data: Excel saves its workbook (shared strings, ``sheet`` named as the user's Excel
    names it), PowerPoint writes the chart's cache again with references into that sheet."""
    chart = next(s for s in slide.shapes if s.has_chart).chart
    chart.part.chart_workbook.update_from_xlsx_blob(excel_workbook(categories, series, sheet))
    rows = len(categories) + 1
    for column, (ser, (name, values)) in enumerate(
        zip(chart._chartSpace.iter(qn("c:ser")), series, strict=True)
    ):
        letter = chr(ord("B") + column)
        _replace(ser, "c:tx", _str_ref(f"{sheet}!${letter}$1", [name], "c:tx"))
        _replace(ser, "c:cat", _categories(f"{sheet}!$A$2:$A${rows}", categories))
        _replace(ser, "c:val", _num_ref(f"{sheet}!${letter}$2:${letter}${rows}", values, "c:val"))


def _replace(ser: Any, tag: str, new: Any) -> None:
    old = ser.find(qn(tag))
    old.addprevious(new)
    ser.remove(old)


def _str_ref(formula: str, texts: list[str], tag: str) -> Any:
    points = "".join(f'<c:pt idx="{n}"><c:v>{escape(t)}</c:v></c:pt>' for n, t in enumerate(texts))
    local = tag.split(":")[1]
    return etree.fromstring(
        f'<c:{local} xmlns:c="{opc.C}"><c:strRef><c:f>{escape(formula)}</c:f><c:strCache>'
        f'<c:ptCount val="{len(texts)}"/>{points}</c:strCache></c:strRef></c:{local}>'
    )


def _num_ref(formula: str, values: list[float], tag: str) -> Any:
    points = "".join(f'<c:pt idx="{n}"><c:v>{v:g}</c:v></c:pt>' for n, v in enumerate(values))
    local = tag.split(":")[1]
    return etree.fromstring(
        f'<c:{local} xmlns:c="{opc.C}"><c:numRef><c:f>{escape(formula)}</c:f><c:numCache>'
        f'<c:formatCode>General</c:formatCode><c:ptCount val="{len(values)}"/>{points}'
        f"</c:numCache></c:numRef></c:{local}>"
    )


def _categories(formula: str, categories: list[str]) -> Any:
    """Numbers typed as categories (years) are numbers to Excel: PowerPoint writes a numRef."""
    if all(re.fullmatch(r"\d+", c) for c in categories):
        return _num_ref(formula, [float(c) for c in categories], "c:cat")
    return _str_ref(formula, categories, "c:cat")


def excel_workbook(
    categories: list[str],
    series: list[tuple[str, list[float]]],
    sheet: str,
    *,
    sheet_path: str = "xl/worksheets/sheet1.xml",
) -> bytes:
    """A workbook as Excel saves it: text in shared strings, the data in ``sheet`` (stored at
    ``sheet_path``: Excel keeps a sheet's file name when sheets are deleted, added or renamed)."""
    strings: list[str] = []

    def text(value: str) -> str:
        if value not in strings:
            strings.append(value)
        return str(strings.index(value))

    def cell(ref: str, value: object) -> str:
        if isinstance(value, str) and not re.fullmatch(r"\d+", value):
            return f'<c r="{ref}" t="s"><v>{text(value)}</v></c>'
        return f'<c r="{ref}"><v>{float(value):g}</v></c>'  # type: ignore[arg-type]

    rows = [[" ", *(name for name, _ in series)]]
    rows += [[category, *(values[n] for _, values in series)] for n, category in enumerate(categories)]
    sheet_rows = "".join(
        f'<row r="{r + 1}">' + "".join(cell(f"{chr(65 + c)}{r + 1}", v) for c, v in enumerate(row)) + "</row>"
        for r, row in enumerate(rows)
    )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    files = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f'<Override PartName="/{sheet_path}" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{opc.REL_NS}"><Relationship Id="rId1" '
            f'Type="{opc.RT}officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{opc.R}"><sheets>'
            f'<sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{opc.REL_NS}">'
            f'<Relationship Id="rId1" Type="{opc.RT}worksheet" Target="{sheet_path[3:]}"/>'
            f'<Relationship Id="rId2" Type="{opc.RT}sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        ),
        sheet_path: f'<worksheet xmlns="{main}"><sheetData>{sheet_rows}</sheetData></worksheet>',
    }
    shared = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    files["xl/sharedStrings.xml"] = (
        f'<sst xmlns="{main}" count="{len(strings)}" uniqueCount="{len(strings)}">{shared}</sst>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, xml in files.items():
            archive.writestr(name, xml)
    return out.getvalue()


# --------------------------------------------------------------------------- PowerPoint 365's comments
def add_comment(
    prs: Any,
    slide: Any,
    author: str,
    text: str,
    *,
    replies: tuple[tuple[str, str], ...] = (),
    resolved: bool = False,
) -> None:
    """A modern comment thread on ``slide`` (``ppt/comments/modernComment_<slide id>_<n>.xml``, one
    ``ppt/authors.xml`` for the deck, the slide's ``p188:commentRel`` extension)."""
    package = prs.part.package
    authors_part = next((r.target_part for r in prs.part.rels.values() if r.reltype == MODERN_AUTHORS), None)
    names = [author, *(who for who, _ in replies)]
    if authors_part is None:
        authors_part = Part(
            PackURI("/ppt/authors.xml"),
            "application/vnd.ms-powerpoint.authors+xml",
            package,
            f'<p188:authorLst xmlns:p188="{P188}"/>'.encode(),
        )
        prs.part.relate_to(authors_part, MODERN_AUTHORS)
    root = etree.fromstring(authors_part.blob)
    known = {a.get("name"): a.get("id") for a in root}
    for name in names:
        if name not in known:
            known[name] = _guid(f"author/{name}")
            etree.SubElement(
                root, f"{{{P188}}}author", id=known[name], name=name,
                initials="".join(w[0] for w in name.split()),
                userId=f"S::{name.lower().replace(' ', '.')}@example.com::{_guid(name)}",
                providerId="AD",
            )  # fmt: skip
    authors_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    slide_id = slide.slide_id
    count = len([p for p in package.iter_parts() if "modernComment_" in str(p.partname)])
    status = ' status="resolved"' if resolved else ""

    def body(words: str) -> str:
        return (
            f'<p188:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US"/><a:t>{escape(words)}</a:t>'
            "</a:r></a:p></p188:txBody>"
        )

    reply_xml = "".join(
        f'<p188:reply id="{_guid(f"reply/{count}/{n}")}" authorId="{known[who]}" '
        f'created="2026-12-02T10:0{n}:00.000">{body(words)}</p188:reply>'
        for n, (who, words) in enumerate(replies)
    )
    xml = (
        f'<p188:cmLst xmlns:a="{opc.A}" xmlns:r="{opc.R}" xmlns:p188="{P188}">'
        f'<p188:cm id="{_guid(f"comment/{count}")}" authorId="{known[author]}" '
        f'created="2026-12-02T09:30:00.000"{status}>'
        f'<pc:sldMkLst xmlns:pc="{PC}"><pc:docMk/><pc:sldMk cId="1234567" sldId="{slide_id}"/></pc:sldMkLst>'
        + (f"<p188:replyLst>{reply_xml}</p188:replyLst>" if reply_xml else "")
        + f'<p188:pos x="10" y="10"/>{body(text)}</p188:cm></p188:cmLst>'
    )
    part = Part(
        PackURI(f"/ppt/comments/modernComment_{slide_id:X}_{count + 1:X}.xml"),
        "application/vnd.ms-powerpoint.comments+xml",
        package,
        xml.encode(),
    )
    rid = slide.part.relate_to(part, MODERN_COMMENTS)
    ext_lst = slide.element.find(qn("p:extLst"))
    if ext_lst is None:
        ext_lst = etree.SubElement(slide.element, qn("p:extLst"))
    ext = etree.SubElement(ext_lst, qn("p:ext"), uri=COMMENT_REL_URI)
    rel = etree.SubElement(ext, f"{{{P188}}}commentRel", nsmap={"p188": P188})
    rel.set(qn("r:id"), rid)


# --------------------------------------------------------------------------- the slide sorter's sections
def _section_list(prs: Any) -> Any:
    return next(e for e in prs.part._element.iter(f"{{{P14}}}sectionLst"))


def rename_section(prs: Any, old: str, new: str) -> None:
    """Right click a section > Rename Section."""
    section = next(s for s in _section_list(prs) if s.get("name") == old)
    section.set("name", new)


def add_section(prs: Any, name: str, first: Any) -> None:
    """Right click a slide > Add Section: the slides from ``first`` on leave their section for a new one."""
    for section in _section_list(prs):
        ids = section.find(f"{{{P14}}}sldIdLst")
        members = list(ids)
        at = next((n for n, m in enumerate(members) if int(m.get("id")) == first.slide_id), None)
        if at is None:
            continue
        new = etree.Element(f"{{{P14}}}section", name=name, id=_guid(f"added/{name}"))
        moved = etree.SubElement(new, f"{{{P14}}}sldIdLst")
        for member in members[at:]:
            moved.append(member)
        section.addnext(new)
        return
    raise LookupError(first)


def draw_ink(slide: Any) -> None:
    """Draw > Pen on the slide: PowerPoint 2010+ wraps the ink (a ``p:contentPart``) for newer
    versions, with a picture of it for older ones."""
    p14 = P14
    slide.shapes._spTree.append(
        etree.fromstring(
            f'<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            f'xmlns:p="{opc.P}" xmlns:a="{opc.A}" xmlns:r="{opc.R}" xmlns:p14="{p14}">'
            '<mc:Choice Requires="p14"><p:contentPart p14:bwMode="auto" r:id="rId99">'
            '<p14:nvContentPartPr><p14:cNvPr id="90" name="Ink 89"/><p14:cNvContentPartPr/><p14:nvPr/>'
            '</p14:nvContentPartPr><p14:xfrm><a:off x="100" y="100"/><a:ext cx="900" cy="900"/></p14:xfrm>'
            '</p:contentPart></mc:Choice><mc:Fallback><p:pic><p:nvPicPr><p:cNvPr id="90" name="Ink 89"/>'
            "<p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip/></p:blipFill><p:spPr/></p:pic>"
            "</mc:Fallback></mc:AlternateContent>"
        )
    )
