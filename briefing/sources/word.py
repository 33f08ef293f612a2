"""A Word document (.docx) -> Markdown-like lines, every one at its paragraph.

What is read: the body in order, paragraphs and tables where they stand
(content controls opened), text boxes after the paragraph they are anchored
in; a paragraph's runs including inserted revisions, hyperlinks and field
results, but no deleted text, field codes or footnote reference marks.
After the body: footnotes, endnotes, headers and footers, as asides that
``check --source`` may cite and ``draft`` leaves out (see ``word_parts``).
Styles decide structure, followed through
``basedOn`` in ``word/styles.xml`` so renamed and localised styles count:
Title -> ``#``, an outline level (Heading 1 = level 0) -> ``##`` and deeper,
Quote -> ``>``, list styles and numbered paragraphs -> ``-``, code styles ->
a fence. Tables become pipe rows. The title is the first Title paragraph,
else the document's own title in ``docProps/core.xml``.

Places: ``paragraph N`` counts the paragraphs of the body from the top, as
Ctrl+Down steps through them in Word: empty paragraphs and the paragraphs
in table cells included (a table row is at its first cell's paragraph), the
paragraphs of text boxes not (``text box at paragraph N``); ``footnote 3``,
``endnote ii``, ``header``, ``footer``.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from briefing.sources.archive import MAX_MEMBER_BYTES, open_archive, read_member
from briefing.sources.blocks import Blocks
from briefing.sources.document import Place, SourceDocument, SourceError
from briefing.sources.styles import Style, read_styles
from briefing.sources.word_parts import (
    FALLBACK,
    MAX_DEPTH,
    TEXT_BOX,
    cell_paragraphs,
    header_footer_names,
    note_formats,
    note_marks,
    notes_by_id,
    number,
    text_boxes,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CORE_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_SKIPPED = (
    TEXT_BOX,
    FALLBACK,
    f"{W}del",
    f"{W}moveFrom",
    f"{W}instrText",
    f"{W}delText",
    f"{W}rPr",
    f"{W}pPr",
)
_CONTAINERS = (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo", f"{W}smartTag")
_UNIT = re.compile(r"(?:\b(?:k|c|m|d)?m|\bft|\bin|\bmi|\byd)$")
_MARKER = re.compile(r"[\d\s,*†‡§¹²³⁰-⁹-]+")
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_GENERATED_TITLE = re.compile(r"^(?:Microsoft Word - |untitled\b|document\d*$)", re.IGNORECASE)


def read_word(path: Path, head: bytes) -> SourceDocument:
    """The body of the .docx at ``path`` (``head``: its first bytes) as lines at their paragraphs."""
    with open_archive(path, head) as archive:
        body_xml = read_member(archive, "word/document.xml", path)
        if body_xml is None:
            raise SourceError(f"{path}: not a Word document (it has no word/document.xml)")
        styles = read_styles(_parse_optional(read_member(archive, "word/styles.xml", path)))
        core = _parse_optional(read_member(archive, "docProps/core.xml", path))
        budget = _Budget(archive, path)  # notes, settings, headers and footers share one limit
        parts = {
            name: budget.read(name)
            for name in ("word/footnotes.xml", "word/endnotes.xml", "word/settings.xml")
        }
        margins = [(kind, budget.read(name)) for kind, name in header_footer_names(archive.namelist())]
    root = _parse(body_xml, path)
    body = root.find(f"{W}body")
    reader = _Reader(styles)
    if body is not None:
        reader.blocks_of(body)
        reader.notes(body, parts)
    reader.margins(margins)
    core_title = (core.findtext(_CORE_TITLE) or "").strip() if core is not None else ""
    if _GENERATED_TITLE.match(core_title):
        core_title = ""
    title = reader.title or " ".join(core_title.split())
    return SourceDocument(path, "word", tuple(reader.out.lines), title=title)


class _Budget:
    """Reads parts of the archive within one shared limit, so many small parts cannot add up to a
    bomb that no single part is."""

    def __init__(self, archive: zipfile.ZipFile, path: Path) -> None:
        self.archive, self.path, self.left = archive, path, MAX_MEMBER_BYTES

    def read(self, name: str) -> ElementTree.Element | None:
        data = read_member(self.archive, name, self.path, self.left)
        self.left -= len(data or b"")
        return _parse_optional(data)


def _parse(data: bytes, path: Path) -> ElementTree.Element:
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise SourceError(f"{path}: the Word document is damaged (word/document.xml: {error})") from None


def _parse_optional(data: bytes | None) -> ElementTree.Element | None:
    """A part that helps (styles, properties): a damaged one is read as absent."""
    if data is None:
        return None
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return None


@dataclass
class _Run:
    text: str
    superscript: bool


class _Reader:
    def __init__(self, styles: dict[str, Style]) -> None:
        self.styles = styles
        self.out = Blocks()
        self.count = 0  # paragraphs so far: the place a person counts to
        self.title = ""
        self._code: list[str] = []
        self._code_place = Place()
        self.box: Place | None = None  # the place of every paragraph while a text box or note is read
        self.depth = 0

    def next_place(self) -> Place:
        self.count += 1
        return self.box or Place(paragraph=self.count)

    def within(self, container: ElementTree.Element, place: Place) -> None:
        """The blocks of ``container`` (a text box, a note, a header) all at ``place``, not counted
        as body paragraphs."""
        if self.depth >= MAX_DEPTH:
            return
        saved, outer = self.count, self.box
        self.box, self.depth = place, self.depth + 1
        self.blocks_of(container)
        self.count, self.box, self.depth = saved, outer, self.depth - 1

    def notes(self, body: ElementTree.Element, parts: dict[str, ElementTree.Element | None]) -> None:
        """Footnotes, then endnotes, each in the order of its mark in the body."""
        formats = note_formats(body, parts["word/settings.xml"])
        marks = note_marks(body)
        for kind in ("footnote", "endnote"):
            notes = notes_by_id(parts[f"word/{kind}s.xml"], kind)
            shown = 0
            for mark_kind, note_id, custom in marks:
                note = notes.pop(note_id, None) if mark_kind == kind else None
                if note is None:
                    continue
                if not custom:
                    shown += 1
                label = f"{kind} with its own mark" if custom else f"{kind} {number(shown, formats[kind])}"
                self.within(note, Place(part=label, aside=True))

    def margins(self, parts: list[tuple[str, ElementTree.Element | None]]) -> None:
        """Each distinct header and footer once."""
        seen: set[tuple[str, str]] = set()
        for kind, root in parts:
            if root is None:
                continue
            words = " ".join(" ".join(paragraph_text(p, self.styles).split()) for p in root.iter(f"{W}p"))
            if words.strip() and (kind, words) not in seen:
                seen.add((kind, words))
                self.within(root, Place(part=kind, aside=True))

    def blocks_of(self, container: ElementTree.Element) -> None:
        for kind, element in _blocks(container):
            if kind == "p":
                self.paragraph(element)
            else:
                self.flush_code()
                self.table(element)
        self.flush_code()

    def paragraph(self, element: ElementTree.Element) -> None:
        place = self.next_place()
        style = self.style_of(element)
        if style.kind == "toc":
            return  # a table of contents: headings again, with page numbers that are no figures
        text = paragraph_text(element, self.styles)
        if style.kind == "code":
            if not self._code:
                self._code_place = place
            self._code.append(text)
            return
        self.flush_code()
        if style.kind == "title" and not place.aside:
            self.title = self.title or " ".join(text.split())
            self.out.heading(text, 1, place)
        elif style.kind == "heading":
            self.out.heading(text, style.level + 2, place)
        elif style.kind == "quote":
            self.out.quote(text, place)
        elif style.kind == "list" or element.find(f"{W}pPr/{W}numPr") is not None:
            self.out.item(text, place)
        else:
            self.out.paragraph(text, place)
        for box in text_boxes(element):
            self.within(box, self.box or Place(paragraph=self.count, part="text box"))

    def style_of(self, element: ElementTree.Element) -> Style:
        """The paragraph's style, with an outline level set on the paragraph itself winning."""
        properties = element.find(f"{W}pPr")
        if properties is None:
            return Style()
        style_id = properties.find(f"{W}pStyle")
        name = style_id.get(f"{W}val", "") if style_id is not None else ""
        # a style styles.xml does not define (or no styles.xml): its id is all there is
        style = self.styles[name] if name in self.styles else Style.from_name(name)
        level = properties.find(f"{W}outlineLvl")
        if level is not None and style.kind not in ("title",):
            value = _int(level.get(f"{W}val", ""))
            if value is not None and 0 <= value < 9:
                return Style("heading", value)
            if value == 9:
                return Style()
        return style

    def flush_code(self) -> None:
        if self._code:
            self.out.code(self._code, self._code_place)
            self._code = []

    def table(self, element: ElementTree.Element) -> None:
        rows = []
        for row in element.findall(f"{W}tr"):
            cells: list[str] = []
            place = self.box or Place(paragraph=self.count + 1)
            for cell in row.findall(f"{W}tc"):
                paragraphs = cell_paragraphs(cell)
                self.count += len(paragraphs)
                cells.append(" ".join(self.cell_text(p) for p in paragraphs))
                cells += [""] * (_span(cell) - 1)
            rows.append((cells, place))
        if rows:
            self.out.table(rows)

    def cell_text(self, paragraph: ElementTree.Element, depth: int = 0) -> str:
        """A paragraph of a cell, with the text of the text boxes anchored in it (and in them)."""
        texts = [paragraph_text(paragraph, self.styles)]
        if depth < MAX_DEPTH:
            for box in text_boxes(paragraph):
                texts += [self.cell_text(inner, depth + 1) for inner in cell_paragraphs(box)]
        return " ".join(texts)


def _span(cell: ElementTree.Element) -> int:
    span = cell.find(f"{W}tcPr/{W}gridSpan")
    value = _int(span.get(f"{W}val", "1")) if span is not None else 1
    return max(1, min(value or 1, 64))


def _blocks(container: ElementTree.Element) -> Iterator[tuple[str, ElementTree.Element]]:
    """Paragraphs and tables in body order, content controls and custom XML opened."""
    stack = [iter(container)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
        elif element.tag == f"{W}p":
            yield "p", element
        elif element.tag == f"{W}tbl":
            yield "tbl", element
        elif element.tag in _CONTAINERS and len(stack) < 64:
            stack.append(iter(element))


def paragraph_text(paragraph: ElementTree.Element, styles: dict[str, Style]) -> str:
    """The text a reader sees in ``paragraph``: footnote marks dropped, m² and 10⁶ kept."""
    text = ""
    for run in _runs(paragraph, styles):
        if run.superscript and _MARKER.fullmatch(run.text):
            if (run.text in ("2", "3") and _UNIT.search(text)) or (
                text[-1:].isdigit() and run.text.isdigit()
            ):
                text += run.text.translate(_SUPERSCRIPTS)  # an area, a volume, a power of ten
            continue  # a footnote mark typed as a superscript number
        text += run.text
    return text


def _runs(paragraph: ElementTree.Element, styles: dict[str, Style]) -> Iterator[_Run]:
    stack = [iter(paragraph)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
        elif element.tag == f"{W}r":
            run = _run(element, styles)
            if run is not None:
                yield run
        elif element.tag not in _SKIPPED and element.tag != f"{W}p" and len(stack) < 64:
            stack.append(iter(element))


def _run(run: ElementTree.Element, styles: dict[str, Style]) -> _Run | None:
    properties = run.find(f"{W}rPr")
    superscript = False
    if properties is not None:
        style = properties.find(f"{W}rStyle")
        if style is not None and styles.get(style.get(f"{W}val", ""), Style()).kind == "note-mark":
            return None
        align = properties.find(f"{W}vertAlign")
        superscript = align is not None and align.get(f"{W}val") == "superscript"
    parts = []
    for child in run:
        tag = child.tag
        if tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
            return None
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag in (f"{W}tab", f"{W}br", f"{W}cr"):
            parts.append(" ")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
    return _Run("".join(parts), superscript)


def _int(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None
