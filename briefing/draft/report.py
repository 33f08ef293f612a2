"""Reading a report: bytes of unknown quality -> numbered lines of clean text.

A report is untrusted: it may be large, not UTF-8, carry control characters
or come from Word. Whatever it is, the drafter sees plain lines with the
line numbers the user's editor shows, so every warning can point at them.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from briefing.errors import BriefingError
from briefing.storyboard.source_text import INVISIBLE

MAX_REPORT_BYTES = 20_000_000
_SPACE = re.compile(r"\s")
_WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class ReportError(BriefingError):
    """The report cannot be read at all (missing, too large, not a document)."""


@dataclass(frozen=True)
class Line:
    """One line of the report: its 1-based number, the column its ``text`` starts at, and the text."""

    number: int
    col: int
    text: str


@dataclass(frozen=True)
class ReportText:
    lines: tuple[Line, ...]
    notices: tuple[tuple[int, int, str], ...] = ()  # (line, col, message) found while reading


def read_report(path: Path) -> ReportText:
    """The report's lines, whatever its encoding; Word files become Markdown-like lines."""
    try:
        size = path.stat().st_size
        if size > MAX_REPORT_BYTES:
            raise ReportError(f"{path}: the report is larger than {MAX_REPORT_BYTES // 1_000_000} MB")
        if path.suffix.lower() == ".docx":
            return split_lines(_docx_text(path))
        data = path.read_bytes()
    except OSError as error:
        raise ReportError(f"{path}: cannot read the report: {error.strerror or error}") from None
    return decode(data)


def decode(data: bytes) -> ReportText:
    """UTF-8 (with or without BOM), else Windows-1252, which every byte sequence decodes as."""
    notices: list[tuple[int, int, str]] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        notices.append((line, 1, "the report is not UTF-8; read it as Windows-1252"))
        text = data.decode("cp1252", errors="replace")
    report = split_lines(text)
    return ReportText(report.lines, tuple(notices))


def split_lines(text: str) -> ReportText:
    lines = []
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        cleaned = _SPACE.sub(" ", INVISIBLE.sub("", unicodedata.normalize("NFC", raw)))
        stripped = cleaned.lstrip()
        lines.append(Line(number, len(cleaned) - len(stripped) + 1, stripped.rstrip()))
    return ReportText(tuple(lines))


def _docx_text(path: Path) -> str:
    """Paragraph text of a Word document; heading styles become Markdown ``#`` lines."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_REPORT_BYTES * 5:
                raise ReportError(f"{path}: the document is too large")
            root = ElementTree.fromstring(archive.read(info))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as error:
        raise ReportError(f"{path}: not a Word document ({error})") from None
    paragraphs: list[str] = []
    for paragraph in root.iter(f"{_WORD}p"):
        text = "".join(node.text or "" for node in paragraph.iter(f"{_WORD}t")).strip()
        style = paragraph.find(f"{_WORD}pPr/{_WORD}pStyle")
        name = (style.get(f"{_WORD}val", "") if style is not None else "").lower()
        level = re.fullmatch(r"heading(\d)", name)
        if text and (level or name == "title"):
            text = "#" * (int(level.group(1)) + 1 if level else 1) + " " + text
        paragraphs.append(text)
    return "\n\n".join(paragraphs)
