"""Reading a source document: bytes of unknown quality -> a ``SourceDocument``.

A source is untrusted: it may be large, not UTF-8, carry control characters
or come from Word. Whatever it is, the drafter and the checker see plain
lines, and each line knows the place the user finds it.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from briefing.sources.document import Line, Notice, Place, SourceDocument, SourceError
from briefing.sources.text import INVISIBLE

MAX_SOURCE_BYTES = 20_000_000
_SPACE = re.compile(r"\s")
_WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FORMATS = {".md": "markdown", ".markdown": "markdown", ".docx": "word"}


def read_source(path: Path) -> SourceDocument:
    """The document at ``path`` as lines with places; ``SourceError`` when it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise SourceError(f"{path}: the document is larger than {MAX_SOURCE_BYTES // 1_000_000} MB")
        kind = FORMATS.get(path.suffix.lower(), "text")
        if kind == "word":
            return _word_document(path)
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(f"{path}: cannot read the document: {error.strerror or error}") from None
    lines, notices = decode(data)
    return SourceDocument(path, kind, lines, notices=notices)


def decode(data: bytes) -> tuple[tuple[Line, ...], tuple[Notice, ...]]:
    """UTF-8 (with or without BOM), else Windows-1252, which every byte sequence decodes as."""
    notices: list[Notice] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        notices.append(Notice(Place(line, 1), "the report is not UTF-8; read it as Windows-1252"))
        text = data.decode("cp1252", errors="replace")
    return split_lines(text), tuple(notices)


def clean(raw: str) -> tuple[int, str]:
    """``raw`` without invisible characters, one space per whitespace character; (indent + 1, text)."""
    cleaned = _SPACE.sub(" ", INVISIBLE.sub("", unicodedata.normalize("NFC", raw)))
    stripped = cleaned.lstrip()
    return len(cleaned) - len(stripped) + 1, stripped.rstrip()


def split_lines(text: str) -> tuple[Line, ...]:
    lines = []
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        col, cleaned = clean(raw)
        lines.append(Line(number, col, cleaned))
    return tuple(lines)


def _word_document(path: Path) -> SourceDocument:
    """Paragraphs of a Word document, a blank line between; heading styles become ``#`` lines."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_SOURCE_BYTES * 5:
                raise SourceError(f"{path}: the document is too large")
            root = ElementTree.fromstring(archive.read(info))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as error:
        raise SourceError(f"{path}: not a Word document ({error})") from None
    lines: list[Line] = []
    for index, paragraph in enumerate(root.iter(f"{_WORD}p"), start=1):
        _, text = clean("".join(node.text or "" for node in paragraph.iter(f"{_WORD}t")))
        style = paragraph.find(f"{_WORD}pPr/{_WORD}pStyle")
        name = (style.get(f"{_WORD}val", "") if style is not None else "").lower()
        level = re.fullmatch(r"heading(\d)", name)
        if text and (level or name == "title"):
            text = "#" * (int(level.group(1)) + 1 if level else 1) + " " + text
        place = Place(paragraph=index)
        if lines:
            lines.append(Line(len(lines) + 1, 1, "", place))
        lines.append(Line(len(lines) + 1, 1, text, place))
    return SourceDocument(path, "word", tuple(lines))
