"""Word documents for tests, written as the zip of XML parts Word itself writes."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def p(text: str, style: str = "", *, numbered: bool = False, runs: str = "") -> str:
    """A paragraph: ``style`` is a style id, ``runs`` raw run XML appended after the text."""
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    if numbered:
        properties += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    ppr = f"<w:pPr>{properties}</w:pPr>" if properties else ""
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{run}{runs}</w:p>"


def table(*rows: list[str]) -> str:
    body = "".join("<w:tr>" + "".join(f"<w:tc>{p(cell)}</w:tc>" for cell in row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{body}</w:tbl>"


def style(style_id: str, name: str, *, based_on: str = "", outline: int | None = None) -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    level = f'<w:pPr><w:outlineLvl w:val="{outline}"/></w:pPr>' if outline is not None else ""
    head = f'<w:style w:type="paragraph" w:styleId="{style_id}">'
    return f'{head}<w:name w:val="{name}"/>{based}{level}</w:style>'


WORD_STYLES = "".join(
    [
        style("Title", "Title"),
        style("Heading1", "heading 1", outline=0),
        style("Heading2", "heading 2", outline=1),
        style("Quote", "Quote"),
        style("ListParagraph", "List Paragraph"),
        '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
        "</w:style>",
    ]
)


def write_docx(path: Path, body: str, *, styles: str | None = WORD_STYLES, core_title: str = "") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<w:document {NS}><w:body>{body}</w:body></w:document>")
        if styles is not None:
            archive.writestr("word/styles.xml", f"<w:styles {NS}>{styles}</w:styles>")
        if core_title:
            archive.writestr(
                "docProps/core.xml",
                '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
                'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                f"<dc:title>{escape(core_title)}</dc:title></cp:coreProperties>",
            )
    return path
