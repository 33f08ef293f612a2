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


def write_docx(
    path: Path,
    body: str,
    *,
    styles: str | None = WORD_STYLES,
    core_title: str = "",
    parts: dict[str, str] | None = None,
) -> Path:
    """``parts``: more members by name (``word/footnotes.xml``...), their XML without the namespace."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name, xml in (parts or {}).items():
            archive.writestr(name, _with_ns(xml))
        archive.writestr(
            "word/document.xml", f"<w:document {NS} {MC_NS}><w:body>{body}</w:body></w:document>"
        )
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


def _with_ns(xml: str) -> str:
    """The namespaces declared on the root element of ``xml`` (damaged XML left as it is)."""
    end = xml.find(">")
    if end < 1:
        return xml
    closed = xml[end - 1] == "/"
    head = xml[: end - 1] if closed else xml[:end]
    return f"{head} {NS} {MC_NS}{xml[end - 1 :] if closed else xml[end:]}"


MC_NS = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def text_box(*paragraphs: str, fallback: bool = True) -> str:
    """A run holding a text box as Word 2010 and later saves it: a DrawingML shape, and (with
    ``fallback``) the same text again in a VML shape for older readers."""
    content = f"<w:txbxContent>{''.join(paragraphs)}</w:txbxContent>"
    choice = (
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp>'
        f"<wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        "</mc:Choice>"
    )
    old = f"<mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>"
    return f"<w:r><mc:AlternateContent>{choice}{old if fallback else ''}</mc:AlternateContent></w:r>"


def vml_box(*paragraphs: str) -> str:
    """A text box as Word 2003-2007 saved it: a VML shape alone."""
    content = f"<w:txbxContent>{''.join(paragraphs)}</w:txbxContent>"
    return f"<w:r><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict></w:r>"


def note_mark(note_id: int, kind: str = "footnote") -> str:
    mark = f'<w:{kind}Reference w:id="{note_id}"/>'
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>{mark}</w:r>'


def notes(kind: str, *texts: tuple[int, str]) -> str:
    """footnotes.xml or endnotes.xml: Word's two separators, then a note of each (id, text)."""
    separators = (
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
        f"</w:p></w:{kind}>"
    )
    own = "".join(
        f'<w:{kind} w:id="{note_id}"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        f'<w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:{kind}>'
        for note_id, text in texts
    )
    return f"<w:{kind}s>{separators}{own}</w:{kind}s>"
