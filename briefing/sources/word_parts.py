"""The parts of a Word document outside its body paragraphs: text boxes, notes, headers and footers.

A text box (``w:txbxContent``, in a DrawingML shape or an old VML one) is
part of the report: a callout with a key figure. It is read where it is
anchored, after the paragraph that holds it, at that paragraph's place
("text box at paragraph 12"). A shape Word saves twice, as DrawingML inside
``mc:Choice`` and as VML inside ``mc:Fallback`` for older readers, is read
once: the fallback copy is never read.

Footnotes and endnotes are read after the body, footnotes first, each in
the order of its mark in the body, at the place Word shows as its number
("footnote 3", "endnote ii": Word numbers endnotes i, ii, iii unless the
document says otherwise; numbering that restarts on each page or section is
counted on through the document, and a note with a mark of its own is
"footnote with its own mark"). Headers and footers follow, each distinct one
once ("header", "footer"). Notes, headers and footers are asides
(``Place.aside``): ``check --source`` may cite them, ``draft`` leaves them
out (their figures are sources, dates and page numbers, not the report's
findings). Comments are a reviewer's words, not the report's: not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
TEXT_BOX = f"{W}txbxContent"
# never read: the older copy of a shape, text that was deleted or moved away
_NOT_THERE = (FALLBACK, f"{W}del", f"{W}moveFrom")
_REFERENCES = {f"{W}footnoteReference": "footnote", f"{W}endnoteReference": "endnote"}
_NOT_NOTES = ("separator", "continuationSeparator", "continuationNotice")
_PART_NAME = re.compile(r"^word/(header|footer)(\d{0,4})\.xml$")
MAX_DEPTH = 64
MAX_PARTS = 32  # headers or footers: Word writes at most three a section


def walk(element: ElementTree.Element, stop: tuple[str, ...]) -> Iterator[ElementTree.Element]:
    """Every element under ``element`` in document order, the older copies of shapes and deleted
    text left out; an element whose tag is in ``stop`` is yielded but not entered."""
    stack = [iter(element)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag in _NOT_THERE:
            continue
        else:
            yield child
            if child.tag not in stop and len(stack) < MAX_DEPTH:
                stack.append(iter(child))


def text_boxes(paragraph: ElementTree.Element) -> list[ElementTree.Element]:
    """The text boxes anchored in ``paragraph`` (not those inside them: they are read with theirs)."""
    return [element for element in walk(paragraph, (TEXT_BOX,)) if element.tag == TEXT_BOX]


def cell_paragraphs(cell: ElementTree.Element) -> list[ElementTree.Element]:
    """The paragraphs of a table cell as Word counts them: nested tables in, text boxes out."""
    return [element for element in walk(cell, (TEXT_BOX, f"{W}p")) if element.tag == f"{W}p"]


def note_marks(body: ElementTree.Element) -> list[tuple[str, str, str]]:
    """(kind, id, custom mark) of each footnote and endnote mark in the body, in order."""
    marks = []
    for element in walk(body, ()):
        kind = _REFERENCES.get(element.tag)
        if kind is not None:
            custom = element.get(f"{W}customMarkFollows", "") in ("1", "true", "on")
            marks.append((kind, element.get(f"{W}id", ""), "custom" if custom else ""))
    return marks


def notes_by_id(root: ElementTree.Element | None, kind: str) -> dict[str, ElementTree.Element]:
    """The notes of footnotes.xml or endnotes.xml by id, Word's separators left out."""
    if root is None:
        return {}
    return {
        note.get(f"{W}id", ""): note
        for note in root.findall(f"{W}{kind}")
        if note.get(f"{W}type", "normal") not in _NOT_NOTES
    }


def note_formats(body: ElementTree.Element | None, settings: ElementTree.Element | None) -> dict[str, str]:
    """How the document numbers its footnotes and endnotes: the last section's setting, else the
    document's, else Word's default (1, 2, 3 for footnotes; i, ii, iii for endnotes)."""
    formats = {"footnote": "decimal", "endnote": "lowerRoman"}
    places = [body.find(f"{W}sectPr") if body is not None else None, settings]
    for kind in formats:
        for place in places:
            found = place.find(f"{W}{kind}Pr/{W}numFmt") if place is not None else None
            if found is not None and found.get(f"{W}val"):
                formats[kind] = found.get(f"{W}val", "")
                break
    return formats


def number(value: int, style: str) -> str:
    """``value`` (from 1) as Word shows it in number format ``style``."""
    if style in ("lowerRoman", "upperRoman"):
        text = _roman(value)
        return text if style == "upperRoman" else text.lower()
    if style in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if style == "lowerLetter" else letter.upper()
    if style == "chicago":
        return "*†‡§"[(value - 1) % 4] * ((value - 1) // 4 + 1)
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for amount, digits in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, value = divmod(value, amount)
        out += digits * count
    return out


def header_footer_names(names: list[str]) -> list[tuple[str, str]]:
    """(kind, member name) of the archive's headers, then its footers, in their own order."""
    found = [
        (match.group(1), int(match.group(2) or 0), name)
        for name in names
        if (match := _PART_NAME.match(name))
    ]
    found.sort(key=lambda item: (item[0] != "header", item[1]))
    return [(kind, name) for kind, _, name in found[: 2 * MAX_PARTS]]
