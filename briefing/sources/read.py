"""Reading a source document: bytes of unknown quality -> a ``SourceDocument``.

A source is untrusted: it may be large, not UTF-8, damaged, a zip or PDF
bomb, or not what its name says. Whatever it is, the drafter and the checker
see plain lines, each line knows the place the user finds it, and anything
that cannot be read is a ``SourceError`` with a message a user can act on.

The format is the file's suffix (.txt and anything else: text; .md and
.markdown: Markdown; .docx: Word; .pdf: PDF; .html and .htm: a web page),
except that a PDF, a Word document or an old .doc named otherwise is read as
what its first bytes say it is, with a notice.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from pathlib import Path

from briefing.sources.archive import OLE_MAGIC, ZIP_MAGICS
from briefing.sources.document import Notice, Place, SourceDocument, SourceError
from briefing.sources.plain import decode, split_lines

MAX_SOURCE_BYTES = 20_000_000
FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "word",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
NAMES = {"word": "a Word document", "pdf": "a PDF", "html": "a web page", "text": "text"}
_HEAD = 1024
CACHED = 4
_CACHE: OrderedDict[tuple[str, bytes], SourceDocument | SourceError] = OrderedDict()
_LOCK = threading.Lock()


def read_source(path: Path) -> SourceDocument:
    """The document at ``path`` as lines with places; ``SourceError`` when it cannot be read.

    The last few documents read are kept while their bytes are the same (a hash of them), so
    checking a storyboard on every save does not read a 100-page PDF again.
    """
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise SourceError(f"{path}: the document is larger than {MAX_SOURCE_BYTES // 1_000_000} MB")
        digest = hashlib.blake2b(path.read_bytes()[: MAX_SOURCE_BYTES + 1], digest_size=16).digest()
    except OSError as error:
        raise SourceError(f"{path}: cannot read the document: {error.strerror or error}") from None
    key = (str(path), digest)
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is not None:
            _CACHE.move_to_end(key)
    if isinstance(cached, SourceError):
        raise SourceError(str(cached))
    if cached is not None:
        return cached
    try:
        result: SourceDocument | SourceError = _read_file(path, size)
    except SourceError as error:
        result = error
    with _LOCK:
        _CACHE[key] = result
        while len(_CACHE) > CACHED:
            _CACHE.popitem(last=False)
    if isinstance(result, SourceError):
        raise SourceError(str(result)) from None
    return result


def _read_file(path: Path, size: int) -> SourceDocument:
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
        named = FORMATS.get(path.suffix.lower(), "text")
        kind = _sniffed(head) or named
        if size == 0 and kind in ("word", "pdf", "html"):
            raise SourceError(f"{path}: the file is empty (0 bytes), not {NAMES[kind]}")
        document = _read(path, kind, head)
    except OSError as error:
        raise SourceError(f"{path}: cannot read the document: {error.strerror or error}") from None
    except RecursionError:
        raise SourceError(f"{path}: the document is nested too deeply to read") from None
    except MemoryError:
        raise SourceError(f"{path}: the document needs more memory than this computer has") from None
    if kind != named:
        notice = Notice(Place(1, 1), f"this file is {NAMES[kind]} although its name ends in {path.suffix}")
        document = _with_notice(document, notice)
    return document


def _sniffed(head: bytes) -> str:
    """What the first bytes say the file is: "pdf", "word" (zip or OLE), or "" (let the name say)."""
    if head.lstrip(b"\x00\t\r\n \xef\xbb\xbf").startswith(b"%PDF-"):
        return "pdf"
    if head.startswith((*ZIP_MAGICS, OLE_MAGIC)):
        return "word"
    return ""


def _read(path: Path, kind: str, head: bytes) -> SourceDocument:
    if kind == "word":
        from briefing.sources.word import read_word

        return read_word(path, head)
    if kind == "pdf":
        from briefing.sources.pdf import read_pdf

        return read_pdf(path)
    data = path.read_bytes()[: MAX_SOURCE_BYTES + 1]
    if kind == "html":
        from briefing.sources.html import read_html

        return read_html(path, data)
    text, notices = decode(data)
    return SourceDocument(path, kind, split_lines(text), notices=tuple(notices))


def _with_notice(document: SourceDocument, notice: Notice) -> SourceDocument:
    return SourceDocument(
        document.path, document.format, document.lines, document.title, (notice, *document.notices)
    )


__all__ = ["MAX_SOURCE_BYTES", "SourceError", "read_source"]
