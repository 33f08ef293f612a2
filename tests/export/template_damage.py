"""Templates as they arrive by email: with macros, ActiveX, OLE objects, links to servers, bombs, damage.

A template is handled as its zip entries (``dict`` name -> bytes, in order). Each ``add_*``
function puts one kind of hazard into a valid template the way PowerPoint writes it, on the
slide master or the first layout (what a deck is built on), not on a sample slide (which is
deleted anyway). :func:`zip_bytes` writes entries back; :func:`bomb` and :func:`lying_zip`
write entries whose compressed data is given, so a 1 GiB part costs 1 MB and no time.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from lxml import etree

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = f'xmlns:p="{P_NS}" xmlns:a="{A_NS}" xmlns:r="{RT.rstrip("/")}"'
MASTER = "ppt/slideMasters/slideMaster1.xml"
LAYOUT = "ppt/slideLayouts/slideLayout1.xml"
PRESENTATION = "ppt/presentation.xml"
CONTENT_TYPES = "[Content_Types].xml"
MACRO_MAIN = "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"
TEMPLATE_MACRO_MAIN = "application/vnd.ms-powerpoint.template.macroEnabled.main+xml"
PLAIN_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
VBA = b"\xcc\x61" + b'Attribute VB_Name = "Module1"\r\nSub AutoOpen()\r\nShell "calc.exe"\r\nEnd Sub' * 4


def read_entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, blob in entries.items():
            target.writestr(name, blob)
    return out.getvalue()


def rels_name(part: str) -> str:
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"


def add_part(entries: dict[str, bytes], name: str, content_type: str, blob: bytes) -> None:
    entries[name] = blob
    _edit(
        entries,
        CONTENT_TYPES,
        lambda root: root.append(
            etree.fromstring(f'<Override xmlns="{CT_NS}" PartName="/{name}" ContentType="{content_type}"/>')
        ),
    )


def set_main_type(entries: dict[str, bytes], content_type: str) -> None:
    def change(root: etree._Element) -> None:
        for node in root.iter(f"{{{CT_NS}}}Override"):
            if node.get("PartName") == f"/{PRESENTATION}":
                node.set("ContentType", content_type)

    _edit(entries, CONTENT_TYPES, change)


def add_rel(entries: dict[str, bytes], source: str, kind: str, target: str, external: bool = False) -> str:
    """A new relationship of ``source``; its id."""
    name = rels_name(source)
    root = etree.fromstring(entries.get(name, f'<Relationships xmlns="{REL_NS}"/>'.encode()))
    r_id = f"rId{900 + len(root)}"
    rel = etree.SubElement(root, f"{{{REL_NS}}}Relationship", Id=r_id, Type=kind, Target=target)
    if external:
        rel.set("TargetMode", "External")
    entries[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return r_id


def insert_xml(entries: dict[str, bytes], part: str, parent: str, xml: str) -> None:
    """Append ``xml`` (with the p, a, r prefixes) to the first ``parent`` (``p:spTree``...) of ``part``."""

    def change(root: etree._Element) -> None:
        where = root.find(f".//{{{P_NS}}}{parent.split(':')[1]}")
        wrapper = etree.fromstring(f"<w {NS}>{xml}</w>")
        where.extend(list(wrapper))

    _edit(entries, part, change)


def _edit(entries: dict[str, bytes], part: str, change: Callable[[etree._Element], object]) -> None:
    root = etree.fromstring(entries[part])
    change(root)
    entries[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def add_macros(entries: dict[str, bytes], main_type: str = MACRO_MAIN) -> None:
    """What PowerPoint saves as .pptm: a VBA project and the macro-enabled main content type."""
    add_part(entries, "ppt/vbaProject.bin", "application/vnd.ms-office.vbaProject", VBA)
    add_rel(
        entries,
        PRESENTATION,
        "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
        "vbaProject.bin",
    )
    set_main_type(entries, main_type)


def add_activex(entries: dict[str, bytes]) -> None:
    """A command button on the master: ``ppt/activeX/activeX1.xml`` and its binary."""
    add_part(entries, "ppt/activeX/activeX1.bin", "application/vnd.ms-office.activeX", b"\x00ActiveX" * 8)
    control = (
        '<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" '
        'ax:classid="{D7053240-CE69-11CD-A777-00DD01143C57}" ax:persistence="persistStorage" '
        f'r:id="rId1" xmlns:r="{RT.rstrip("/")}"/>'
    )
    add_part(entries, "ppt/activeX/activeX1.xml", "application/vnd.ms-office.activeX+xml", control.encode())
    add_rel(
        entries,
        "ppt/activeX/activeX1.xml",
        "http://schemas.microsoft.com/office/2006/relationships/activeXControlBinary",
        "activeX1.bin",
    )
    entries[rels_name("ppt/activeX/activeX1.xml")] = entries[rels_name("ppt/activeX/activeX1.xml")].replace(
        b"rId900", b"rId1"
    )
    r_id = add_rel(entries, MASTER, RT + "control", "../activeX/activeX1.xml")
    controls = (
        f'<p:controls><p:control name="CommandButton1" r:id="{r_id}" imgW="914400" imgH="457200"/>'
        "</p:controls>"
    )
    _edit(
        entries,
        MASTER,
        lambda root: root.find(f"{{{P_NS}}}cSld").append(etree.fromstring(f"<w {NS}>{controls}</w>")[0]),
    )


def add_ole(entries: dict[str, bytes], disguised: bool = False) -> None:
    """An embedded worksheet (OLE) on the first layout. ``disguised``: stored as a picture
    (``ppt/media/``, ``image/png``, an image relationship) that the ``p:oleObj`` still names."""
    name, content_type, kind = (
        "ppt/embeddings/oleObject1.bin",
        "application/vnd.openxmlformats-officedocument.oleObject",
        "oleObject",
    )
    if disguised:
        name, content_type, kind = "ppt/media/image77.png", "image/png", "image"
    add_part(entries, name, content_type, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    ole = add_rel(entries, LAYOUT, RT + kind, "../" + name.split("/", 1)[1])
    frame = (
        '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="77" name="Object 1"/><p:cNvGraphicFramePr/>'
        "<p:nvPr/>"
        '</p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="457200"/></p:xfrm>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/presentationml/2006/ole">'
        f'<p:oleObj name="Worksheet" r:id="{ole}" imgW="914400" imgH="457200" progId="Excel.Sheet.8">'
        "<p:embed/></p:oleObj></a:graphicData></a:graphic></p:graphicFrame>"
    )
    insert_xml(entries, LAYOUT, "p:spTree", frame)


def add_disguised_ole(entries: dict[str, bytes]) -> None:
    add_ole(entries, disguised=True)


def add_external_image(entries: dict[str, bytes], url: str = "https://tracker.example/logo.png") -> None:
    """A logo on the master linked from a server (a web beacon), and a hyperlink on a master shape."""
    image = add_rel(entries, MASTER, RT + "image", url, external=True)
    link = add_rel(entries, MASTER, RT + "hyperlink", "https://phish.example/login", external=True)
    picture = (
        f'<p:pic><p:nvPicPr><p:cNvPr id="78" name="Linked logo"><a:hlinkClick r:id="{link}"/></p:cNvPr>'
        "<p:cNvPicPr/><p:nvPr/></p:nvPicPr>"
        f'<p:blipFill><a:blip r:link="{image}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
        '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="457200"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
    )
    insert_xml(entries, MASTER, "p:spTree", picture)


def build_charted_template(path: Path) -> Path:
    """The corporate template with a native chart (and its workbook) on its first layout."""
    from pptx import Presentation
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.opc.constants import RELATIONSHIP_TYPE
    from pptx.oxml.ns import qn
    from pptx.util import Inches

    from tests.export.conftest import build_corporate_template

    prs = Presentation(str(build_corporate_template(path)))
    data = CategoryChartData()
    data.categories = ["East", "West"]
    data.add_series("Sales", (19.2, 21.4))
    frame = prs.slides[0].shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, 0, 0, Inches(3), Inches(2), data)
    for axis in frame.chart.element.xpath(".//c:axId | .//c:crossAx"):  # as PowerPoint writes them
        axis.set("val", str(int(axis.get("val")) % 2**31))
    layout = prs.slide_layouts[0]
    r_id = layout.part.relate_to(frame.chart.part, RELATIONSHIP_TYPE.CHART)
    frame._element.xpath(".//c:chart")[0].set(qn("r:id"), r_id)
    layout.shapes._spTree.append(frame._element)  # moved from the sample slide to the layout
    prs.save(str(path))
    return path


def add_macro_button(entries: dict[str, bytes], action: str = "ppaction://macro?name=AutoRun") -> None:
    """A shape on the master whose click runs a macro: an action, no relationship needed."""
    button = (
        '<p:sp><p:nvSpPr><p:cNvPr id="79" name="Run me">'
        f'<a:hlinkClick r:id="" action="{action}"/></p:cNvPr><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="457200"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:sp>'
    )
    insert_xml(entries, MASTER, "p:spTree", button)


def raw_zip(entries: dict[str, bytes], name: str, raw: bytes, crc: int, declared: int) -> bytes:
    """``entries`` plus entry ``name`` whose deflated data is ``raw``, its inflated size
    ``declared`` in the zip headers (true or not): written by hand, as zipfile deflates itself."""
    out = io.BytesIO(zip_bytes(entries))
    with zipfile.ZipFile(out) as package:
        infos = package.infolist()
        bodies = [(info, _local_and_data(out.getvalue(), info)) for info in infos]
    stream = io.BytesIO()
    central = []
    for info, body in bodies:
        central.append(
            _central(info.filename.encode(), info.CRC, info.compress_size, info.file_size, stream.tell())
        )
        stream.write(body)
    offset = stream.tell()
    encoded = name.encode()
    stream.write(
        struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(raw), declared, len(encoded), 0)
        + encoded
        + raw
    )
    central.append(_central(encoded, crc, len(raw), declared, offset))
    start = stream.tell()
    for record in central:
        stream.write(record)
    stream.write(
        struct.pack(
            "<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), stream.tell() - start, start, 0
        )
    )
    return stream.getvalue()


def _local_and_data(data: bytes, info: zipfile.ZipInfo) -> bytes:
    start = info.header_offset
    name_length, extra_length = struct.unpack("<HH", data[start + 26 : start + 30])
    return data[start : start + 30 + name_length + extra_length + info.compress_size]


def _central(name: bytes, crc: int, compressed: int, size: int, offset: int) -> bytes:
    return (
        struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            8,
            0,
            0x21,
            crc,
            compressed,
            size,
            len(name),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        + name
    )


def zeros_deflated(mebibytes: int) -> tuple[bytes, int]:
    """A raw deflate stream of ``mebibytes`` MiB of zeros, and its CRC-32, in milliseconds:
    after a full flush each MiB deflates to the same bytes, so one block is repeated."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(1 << 20)) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    zero = bytes(1 << 20)
    for _ in range(mebibytes):
        crc = zlib.crc32(zero, crc)
    return block * mebibytes + compressor.flush(), crc


def bomb(entries: dict[str, bytes], mebibytes: int = 1024) -> bytes:
    """``entries`` plus a picture of 1 MB that inflates to ``mebibytes`` MiB (1 GiB: a zip bomb)."""
    raw, crc = zeros_deflated(mebibytes)
    return raw_zip(entries, "ppt/media/image99.png", raw, crc, mebibytes << 20)


def lying_zip(entries: dict[str, bytes], part: str, mebibytes: int = 64) -> bytes:
    """``part`` replaced by ``mebibytes`` MiB of zeros whose zip headers claim 1 KB."""
    raw, crc = zeros_deflated(mebibytes)
    rest = {name: blob for name, blob in entries.items() if name != part}
    return raw_zip(rest, part, raw, crc, 1024)


#: Transitional namespaces and relationship types -> their ISO/IEC 29500 Strict forms.
STRICT_NAMES = {
    P_NS: "http://purl.oclc.org/ooxml/presentationml/main",
    A_NS: "http://purl.oclc.org/ooxml/drawingml/main",
    RT.rstrip("/"): "http://purl.oclc.org/ooxml/officeDocument/relationships",
}


def strict(entries: dict[str, bytes], rels: bool = True) -> dict[str, bytes]:
    """``entries`` as PowerPoint saves "Strict Open XML Presentation": the same parts in Strict's
    namespaces, and (``rels``) its relationship types."""
    changed = {}
    for name, blob in entries.items():
        if rels or not name.endswith(".rels"):
            for transitional, iso in STRICT_NAMES.items():
                blob = blob.replace(transitional.encode(), iso.encode())
        changed[name] = blob
    return changed


def add_password_to_modify(entries: dict[str, bytes]) -> None:
    """What "General Options > Password to modify" saves in PowerPoint: a salted hash."""
    verifier = (
        f'<p:modifyVerifier xmlns:p="{P_NS}" cryptProviderType="rsaAES" cryptAlgorithmClass="hash" '
        'cryptAlgorithmType="typeAny" cryptAlgorithmSid="14" spinCount="100000" '
        'saltData="c2FsdHNhbHRzYWx0c2FsdA==" hashData="aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g="/>'
    )

    def change(root: etree._Element) -> None:
        style = root.find(f"{{{P_NS}}}defaultTextStyle")
        style.addnext(etree.fromstring(verifier))

    _edit(entries, PRESENTATION, change)


def add_show_settings(entries: dict[str, bytes]) -> None:
    """What "Set Up Slide Show" saves: browsed at a kiosk, looping, slides 5 to 6 only."""
    show = (
        f'<p:showPr xmlns:p="{P_NS}" loop="1" showNarration="1"><p:kiosk/>'
        '<p:sldRg st="5" end="6"/></p:showPr>'
    )
    _edit(entries, "ppt/presProps.xml", lambda root: root.insert(0, etree.fromstring(show)))


THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def add_thumbnail(entries: dict[str, bytes], blob: bytes) -> None:
    """A thumbnail of the template's first slide, as PowerPoint saves one (replacing one it has)."""
    name = "docProps/thumbnail.jpeg"
    if name not in entries:
        add_part(entries, name, "image/jpeg", blob)
        add_rel(entries, "", THUMBNAIL, name)
    entries[name] = blob


CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def add_custom_properties(entries: dict[str, bytes], properties: dict[str, str | bool]) -> None:
    """``docProps/custom.xml`` holding ``properties`` (text or yes/no)."""
    items = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name="{name}">'
        + (
            f"<vt:bool>{str(value).lower()}</vt:bool>"
            if isinstance(value, bool)
            else f"<vt:lpwstr>{value}</vt:lpwstr>"
        )
        + "</property>"
        for pid, (name, value) in enumerate(properties.items(), start=2)
    )
    blob = f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}">{items}</Properties>'.encode()
    add_part(
        entries,
        "docProps/custom.xml",
        "application/vnd.openxmlformats-officedocument.custom-properties+xml",
        blob,
    )
    add_rel(entries, "", RT + "custom-properties", "docProps/custom.xml")


def set_core_properties(entries: dict[str, bytes], **values: str) -> None:
    """Core properties (``contentStatus="Final"``, ``description=...``) of the template itself."""
    names = {"contentStatus": "cp", "description": "dc", "title": "dc", "identifier": "dc", "version": "cp"}
    namespaces = {
        "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "dc": "http://purl.org/dc/elements/1.1/",
    }

    def change(root: etree._Element) -> None:
        for name, value in values.items():
            element = etree.SubElement(root, f"{{{namespaces[names[name]]}}}{name}")
            element.text = value

    _edit(entries, "docProps/core.xml", change)


def build_video_template(path: Path) -> Path:
    """The corporate template with a video (embedded, with its poster frame) on its master."""
    from pptx import Presentation
    from pptx.oxml import parse_xml
    from pptx.util import Inches

    from tests.export.conftest import build_corporate_template

    prs = Presentation(str(build_corporate_template(path)))
    video = path.with_suffix(".mp4")
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(64))
    sample = prs.slides[0]
    movie = sample.shapes.add_movie(str(video), 0, 0, Inches(1), Inches(1), mime_type="video/mp4")
    master = prs.slide_master
    xml = etree.tostring(movie._element).decode()
    for r_id, rel in list(sample.part.rels.items()):  # the master relates to the same parts
        if rel.reltype.endswith(("/video", "/media", "/image")):
            xml = xml.replace(f'"{r_id}"', f'"{master.part.relate_to(rel.target_part, rel.reltype)}"')
    master.shapes._spTree.append(parse_xml(xml))
    prs.save(str(path))
    return path


SVG_BLIP = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
#: An SVG that fetches a picture from a server when drawn (a web beacon) and carries a script.
BEACON_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    b'width="10" height="10"><script>alert(1)</script><rect width="10" height="10" fill="#c00"/>'
    b'<image xlink:href="https://tracker.example/pixel.png" width="1" height="1"/></svg>'
)


def add_svg_logo(entries: dict[str, bytes], svg: bytes = BEACON_SVG) -> None:
    """A logo on the master as PowerPoint 2016+ saves an SVG: a PNG for older readers, the SVG
    in the picture's ``asvg:svgBlip`` extension."""
    from PIL import Image

    png = io.BytesIO()
    Image.new("RGB", (10, 10), (200, 0, 0)).save(png, "PNG")
    add_part(entries, "ppt/media/logo-fallback.png", "image/png", png.getvalue())
    add_part(entries, "ppt/media/logo.svg", "image/svg+xml", svg)
    fallback = add_rel(entries, MASTER, RT + "image", "../media/logo-fallback.png")
    vector = add_rel(entries, MASTER, RT + "image", "../media/logo.svg")
    picture = (
        '<p:pic><p:nvPicPr><p:cNvPr id="83" name="Vector logo"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
        f'<p:blipFill><a:blip r:embed="{fallback}"><a:extLst>'
        '<a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}">'
        f'<asvg:svgBlip xmlns:asvg="{SVG_BLIP}" r:embed="{vector}"/></a:ext></a:extLst></a:blip>'
        "<a:stretch><a:fillRect/></a:stretch></p:blipFill>"
        '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="457200" cy="457200"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
    )
    insert_xml(entries, MASTER, "p:spTree", picture)


def add_master_animation(entries: dict[str, bytes], shape_id: int) -> None:
    """An entrance animation on the master for shape ``shape_id`` (shown on each slide's click)."""
    effect = (
        '<p:par><p:cTn id="5" presetID="1" presetClass="entr" fill="hold" nodeType="clickEffect">'
        '<p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst><p:set><p:cBhvr>'
        '<p:cTn id="6" dur="1" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst></p:cTn>'
        f'<p:tgtEl><p:spTgt spid="{shape_id}"/></p:tgtEl><p:attrNameLst><p:attrName>style.visibility'
        '</p:attrName></p:attrNameLst></p:cBhvr><p:to><p:strVal val="visible"/></p:to></p:set>'
        "</p:childTnLst></p:cTn></p:par>"
    )
    timing = (
        f'<p:timing xmlns:p="{P_NS}"><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" '
        'nodeType="tmRoot"><p:childTnLst><p:seq concurrent="1" nextAc="seek"><p:cTn id="2" dur="indefinite" '
        'nodeType="mainSeq"><p:childTnLst><p:par><p:cTn id="3" fill="hold"><p:stCondLst><p:cond '
        'delay="indefinite"/></p:stCondLst><p:childTnLst><p:par><p:cTn id="4" fill="hold"><p:stCondLst>'
        f'<p:cond delay="0"/></p:stCondLst><p:childTnLst>{effect}</p:childTnLst></p:cTn></p:par>'
        "</p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:seq></p:childTnLst></p:cTn></p:par>"
        "</p:tnLst></p:timing>"
    )
    _edit(
        entries, MASTER, lambda root: root.find(f"{{{P_NS}}}txStyles").addprevious(etree.fromstring(timing))
    )
