"""A text-based PDF -> Markdown-like lines at their page and paragraph.

PDFium (through pypdfium2) reads the text, in a child process with memory,
CPU and time limits (see ``pdf_worker``); before it starts, the file's
compressed streams are measured here, so a decompression bomb is refused in
well under a second without being inflated past a budget. The lines PDFium
gives are rebuilt into paragraphs and headings by ``pdf_layout``.

Why PDFium: it is Chrome's PDF engine (BSD/Apache licensed, maintained by
Google), pypdfium2 ships wheels for Linux, macOS and Windows, and it gives
each character's font size and box, which headings, paragraphs and tables
are rebuilt from. Measured on the benchmark's 100-page PDF (plain text of
every page, CPU time): PDFium 0.52 s, pypdf 9.4 s, pdfminer.six 13.9 s; the
two pure-Python readers alone would break the 3-second budget for a draft.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

from briefing.sources.document import SourceDocument, SourceError
from briefing.sources.pdf_layout import PdfLine, layout

# all streams together but images and attachments; a 1,000-page text PDF needs about 10 MB, three
# embedded full CJK fonts about 50 MB
MAX_INFLATED = 128_000_000
TIMEOUT_SECONDS = 30
MEMORY_BYTES = 1 << 30  # the reader's address space; a 100-page report reads in under 200 MB
WORKER = Path(__file__).with_name("pdf_worker.py")
_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_CHUNK = 1 << 16
OCR_HINT = (
    "this PDF has no text layer (a scan?); run OCR first, e.g. `ocrmypdf in.pdf out.pdf`, and read that"
)


def read_pdf(path: Path) -> SourceDocument:
    data = path.read_bytes()
    if b"%PDF-" not in data[:1024]:  # the header may follow up to 1 KB of other bytes
        raise SourceError(f"{path}: not a PDF (a PDF file starts with %PDF-; this one does not)")
    check_streams(data, path)
    del data
    result = _run_worker(path)
    pages = [[_line(line) for line in page] for page in result["pages"]]
    if not any(pages):
        raise SourceError(f"{path}: {OCR_HINT}")
    broken = {n for n in result.get("broken", []) if isinstance(n, int)}
    blocks, title, notices = layout(pages, str(result.get("title") or ""), broken)
    return SourceDocument(path, "pdf", tuple(blocks.lines), title=title, notices=tuple(notices))


def _line(data: list[Any]) -> PdfLine:
    """A line as the reader sent it: six fields, then the (offset, left) of its cells and the
    (offset, left, end before) of its gaps."""
    cells = tuple((int(offset), float(left)) for offset, left in data[6]) if len(data) > 6 else ()
    gaps = tuple((int(o), float(left), float(end)) for o, left, end in data[7]) if len(data) > 7 else ()
    size, height, left, baseline, right = (float(value) for value in data[1:6])
    return PdfLine(str(data[0]), size, height, left, baseline, right, cells, gaps)


def check_streams(data: bytes, path: Path) -> None:
    """``SourceError`` when the PDF's deflated streams (images aside) inflate past ``MAX_INFLATED``."""
    budget = MAX_INFLATED
    for match in _STREAM.finditer(data):
        header = data[max(0, match.start() - 2048) : match.start()]
        header = header[header.rfind(b" obj") + 1 :]
        if b"/Image" in header or b"/DCTDecode" in header or b"/EmbeddedFile" in header:
            continue  # images and attachments are not decoded to read text
        budget -= _inflated(data, match.end(), budget)
        if budget < 0:
            raise SourceError(
                f"{path}: the PDF's streams inflate past {MAX_INFLATED // 1_000_000} MB "
                "(a decompression bomb?); not read"
            )


def _inflated(data: bytes, start: int, budget: int) -> int:
    """How many bytes the zlib stream at ``start`` inflates to, counted up to ``budget`` + 1."""
    inflater = zlib.decompressobj()
    total = 0
    position = start
    while position < len(data) and total <= budget:
        pending = data[position : position + _CHUNK]
        position += len(pending)
        while pending and total <= budget:
            try:
                total += len(inflater.decompress(pending, budget + 1 - total))
            except zlib.error:
                return total  # not deflated, or the end of a damaged stream
            pending = inflater.unconsumed_tail
        if inflater.eof:
            break
    return total


def _run_worker(path: Path) -> dict:
    command = [sys.executable, "-I", str(WORKER), str(path.absolute()), str(MEMORY_BYTES)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        raise SourceError(
            f"{path}: reading the PDF took longer than {TIMEOUT_SECONDS} s (a PDF bomb?); stopped"
        ) from None
    except OSError as error:
        raise SourceError(f"{path}: the PDF reader could not start: {error}") from None
    try:
        result = json.loads(done.stdout)
    except ValueError:
        result = {"error": "crashed", "detail": done.stderr.decode("utf-8", "replace")[-300:]}
    if not isinstance(result, dict):
        result = {"error": "crashed", "detail": ""}
    if "error" in result:
        raise SourceError(f"{path}: {_error_message(str(result['error']), str(result.get('detail', '')))}")
    if not isinstance(result.get("pages"), list):
        raise SourceError(f"{path}: the PDF reader gave no pages")
    return result


def _error_message(kind: str, detail: str) -> str:
    if kind == "password":
        return "the PDF is password-protected; save a copy without a password and read that"
    if kind == "pages":
        return f"the PDF has {int(detail):,} pages; more than 2,000 are not read (a PDF bomb?)"
    if kind == "chars":
        return f"the PDF holds more than 20 million characters by page {detail} (a PDF bomb?); not read"
    if kind == "reader":
        return f"the PDF reader (pypdfium2) could not start: {detail}"
    if kind in ("memory", "crashed"):
        return (
            "the PDF needs more memory or time than a report may (a PDF bomb?), "
            "or it crashed the PDF reader; not read"
        )
    return f"the PDF is damaged and cannot be read ({detail})"
