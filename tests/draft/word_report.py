"""A small Word document built from plain blocks, for the drafter's ground-truth tests.

No python-docx: a .docx is a zip of a few XML parts, and a test that builds its
own file shows exactly what the reader is given (styles, tables, runs).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/></Relationships>'
)
STYLES = {"Title": ("Title", 56), "Heading1": ("heading 1", 36), "Heading2": ("heading 2", 28)}


def _styles() -> str:
    parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">']
    parts.append(
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    )
    for style_id, (name, size) in STYLES.items():
        parts.append(
            f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
            f'<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="'
            f'{0 if style_id == "Heading1" else 1}"/></w:pPr>'
            f'<w:rPr><w:b/><w:sz w:val="{size}"/></w:rPr></w:style>'
        )
    parts.append("</w:styles>")
    return "".join(parts)


def _runs(runs: list[str]) -> str:
    return "".join(f'<w:r><w:t xml:space="preserve">{escape(run)}</w:t></w:r>' for run in runs)


def _paragraph(style: str, runs: list[str]) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{_runs(runs)}</w:p>"


def _table(rows: list[list[str]]) -> str:
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc>{_paragraph('', [cell])}</w:tc>" for cell in row) + "</w:tr>"
        for row in rows
    )
    borders = '<w:tblBorders><w:insideH w:val="single"/></w:tblBorders>'
    return f"<w:tbl><w:tblPr>{borders}</w:tblPr>{cells}</w:tbl>"


def _text_box(paragraph: str) -> str:
    """An empty paragraph anchoring a text box that holds ``paragraph``, saved as Word 2010 saves
    one: a DrawingML shape, and the same text again in a VML shape for older readers."""
    content = f"<w:txbxContent>{paragraph}</w:txbxContent>"
    choice = (
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp>'
        f"<wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        "</mc:Choice>"
    )
    fallback = (
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>"
    )
    return f"<w:p><w:r><mc:AlternateContent>{choice}{fallback}</mc:AlternateContent></w:r></w:p>"


NAMESPACES = (
    f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"'
)


def build_docx(
    path: Path, blocks: list[tuple[str, object]], *, margins: dict[str, str] | None = None
) -> Path:
    """``blocks``: ("Title"|"Heading1"|"Heading2"|"", text or [runs]), ("TextBox", text): a paragraph
    set in a text box, or ("table", rows). ``margins``: "header" and "footer" text."""
    body = []
    for kind, content in blocks:
        if kind == "table":
            body.append(_table(content))  # type: ignore[arg-type]
        elif kind == "TextBox":
            body.append(_text_box(_paragraph("", [content] if isinstance(content, str) else list(content))))  # type: ignore[arg-type]
        else:
            body.append(_paragraph(kind, [content] if isinstance(content, str) else list(content)))  # type: ignore[arg-type]
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NAMESPACES}><w:body>'
        + "".join(body)
        + "</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        archive.writestr("word/styles.xml", _styles())
        archive.writestr("word/document.xml", document)
        for kind, text in (margins or {}).items():
            tag = "w:hdr" if kind == "header" else "w:ftr"
            archive.writestr(f"word/{kind}1.xml", f'<{tag} xmlns:w="{W}">{_paragraph("", [text])}</{tag}>')
    return path
