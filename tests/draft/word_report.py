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


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> Path:
    """``blocks``: ("Title"|"Heading1"|"Heading2"|"", text or [runs]) or ("table", rows)."""
    body = []
    for kind, content in blocks:
        if kind == "table":
            body.append(_table(content))  # type: ignore[arg-type]
        else:
            body.append(_paragraph(kind, [content] if isinstance(content, str) else list(content)))  # type: ignore[arg-type]
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>'
        + "".join(body)
        + "</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        archive.writestr("word/styles.xml", _styles())
        archive.writestr("word/document.xml", document)
    return path
