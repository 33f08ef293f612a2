"""The text lines of a PDF, read by PDFium in a process of their own (run as a script).

A PDF can be a bomb: a one-megabyte file whose streams inflate to gigabytes
costs PDFium minutes and gigabytes of memory, and a damaged one can crash
it. So PDFium runs here, in a child process with a memory and a CPU limit,
and ``briefing.sources.pdf`` waits for it with a timeout: whatever the PDF
does, the reader ends in bounded time with a clear message, and the app or
the command that asked is never taken down with it.

Usage: ``python pdf_worker.py FILE [MEMORY_BYTES]``. Prints JSON on stdout: ``{"title": ...,
"pages": [[[text, size, height, left, baseline, right, cells, gaps], ...], ...]}`` with one
entry per text line (PDF units, y upwards), or ``{"error": kind, "detail":
...}``. Only the standard library and pypdfium2: no import of briefing.
"""

from __future__ import annotations

import ctypes
import json
import re
import sys
from typing import Any

MEMORY_BYTES = 1 << 30
CPU_SECONDS = 60
MAX_PAGES = 2000
MAX_CHARS = 20_000_000
_BREAK = re.compile(r"\r\n|\r|\n")
_CJK_CHARS = "\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_WORD = re.compile(f"[{_CJK_CHARS}]|[^\\s{_CJK_CHARS}]+")  # each CJK character is a word of its own
CELL_GAP = 0.45  # of the line's height: a space is about 0.2, a table's cell padding 0.6 and more
MAX_ROW_WORDS = 10  # longer lines are prose: their gaps are no cells
MAX_GAPS = 32  # a line with more is neither two columns nor a table a person reads
COLUMN_GAP = 0.9  # of the line's height: wider than a justified line's spaces, narrower than a gutter
SHORT_LINE = 200
_UNIT = re.compile(r"(?:\b(?:k|c|m|d)?m|\bft|\bin|\bmi|\byd)$")
_SUPERSCRIPTS = str.maketrans(
    "0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"
)  # a PDFium line this short that starts and ends on one baseline is one line


def _limit(memory: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's timeout is the only bound
        return
    for which, value in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_CPU, CPU_SECONDS)):
        _, hard = resource.getrlimit(which)
        if hard == resource.RLIM_INFINITY or hard > value:
            resource.setrlimit(which, (value, value if hard == resource.RLIM_INFINITY else min(hard, value)))


def _page_lines(textpage: Any, raw: Any) -> list[list[object]]:
    """The page's visual lines: PDFium's lines, split again where a word starts on another baseline
    or in another font size (PDFium joins the lines of some producers, Qt's among them)."""
    count = textpage.count_chars()
    text = textpage.get_text_range() if count > 0 else ""
    lines: list[list[object]] = []
    start = 0
    for match in [*_BREAK.finditer(text), None]:
        end = min(match.start() if match else len(text), count)
        starts = [word.start() for word in _WORD.finditer(text, start, end)]
        if starts:
            lines += _split(textpage, raw, text, starts, end)
        start = match.end() if match else len(text)
    return lines


def _split(textpage: Any, raw: Any, text: str, starts: list[int], end: int) -> list[list[object]]:
    """One PDFium line (its words start at ``starts``) as the visual lines it holds."""
    first = (*_where(textpage, raw, starts[0]), _height(textpage, starts[0]))
    if end - starts[0] <= SHORT_LINE and _same_line(first, _where(textpage, raw, starts[-1])):
        return [_line(textpage, raw, text, starts[0], end, first)]  # the usual case: one line already
    lines = []
    line_start, line = starts[0], first
    for index in starts[1:]:
        here = _where(textpage, raw, index)
        if not _same_line(line, here):
            lines.append(_line(textpage, raw, text, line_start, index, line))
            line_start, line = index, (*here, _height(textpage, index))
    lines.append(_line(textpage, raw, text, line_start, end, line))
    return lines


def _where(textpage: Any, raw: Any, index: int) -> tuple[float, float]:
    """Baseline and font size of character ``index``."""
    return _origin_y(textpage, raw, index), float(raw.FPDFText_GetFontSize(textpage, index))


def _same_line(line: tuple[float, float, float], word: tuple[float, float]) -> bool:
    """True when a word at ``word`` (baseline, size) goes on ``line`` (baseline, size, height)."""
    return abs(word[0] - line[0]) <= 0.5 * line[2] and abs(word[1] - line[1]) <= 0.05 * max(word[1], 0.1)


def _origin_y(textpage: Any, raw: Any, index: int) -> float:
    x, y = ctypes.c_double(), ctypes.c_double()
    raw.FPDFText_GetCharOrigin(textpage, index, x, y)
    return float(y.value)


def _height(textpage: Any, index: int) -> float:
    _, bottom, _, top = textpage.get_charbox(index, loose=True)
    return max(float(top - bottom), 0.1)


def _line(
    textpage: Any, raw: Any, text: str, first: int, end: int, start: tuple[float, float, float]
) -> list[object]:
    """[text, font size, height, left, baseline, right, cells, gaps] of chars ``first`` up to ``end``;
    ``cells``: [offset in the text, left] of each word after a gap wider than a space can be, on a
    line short enough to be a table's row; ``gaps``: [offset, left, end of the word before] of each
    word after a gap as wide as a column's gutter, on any line (two columns PDFium read as one)."""
    left = textpage.get_charbox(first, loose=True)[0]
    right = textpage.get_charbox(first + len(text[first:end].rstrip()) - 1, loose=True)[2]
    baseline, size, height = start
    found = list(_WORD.finditer(text, first, end))
    marks = _superscripts(textpage, raw, text, found, height)
    words, shift = (
        _rewritten(text, first, end, marks) if marks else (text[first:end], list(range(end - first)))
    )
    cells: list[list[float]] = []
    gaps: list[list[float]] = []
    previous_end = None
    for word in found if len(found) > 1 else ():
        word_left = textpage.get_charbox(word.start(), loose=True)[0]
        gap = word_left - previous_end if previous_end is not None else 0.0
        offset = shift[word.start() - first]
        if gap > CELL_GAP * height and len(found) <= MAX_ROW_WORDS:  # a line of prose is no row
            cells.append([offset, round(word_left, 1)])
        if gap > COLUMN_GAP * height and len(gaps) < MAX_GAPS:
            gaps.append([offset, round(word_left, 1), round(previous_end or 0.0, 1)])
        previous_end = textpage.get_charbox(word.end() - 1, loose=True)[2]
    return [
        words.strip(),
        round(size, 2),
        round(height, 2),
        round(left, 1),
        round(baseline, 1),
        round(right, 1),
        cells,
        gaps,
    ]


def _superscripts(textpage: Any, raw: Any, text: str, found: list[re.Match[str]], height: float) -> set[int]:
    """The digits at the end of a word that are set smaller and higher than its first character:
    a footnote mark ("growth¹", "2020¹"), an area (km²) or a power (10⁶)."""
    marks: set[int] = set()
    for word in found:
        if word.end() - word.start() < 2 or not text[word.end() - 1].isdigit():
            continue
        size = raw.FPDFText_GetFontSize(textpage, word.start())
        base = _origin_y(textpage, raw, word.start())
        index = word.end() - 1
        while index > word.start() and text[index].isdigit():
            if raw.FPDFText_GetFontSize(textpage, index) >= 0.85 * size:
                break
            if _origin_y(textpage, raw, index) <= base + 0.15 * height:
                break
            marks.add(index)
            index -= 1
    return marks


def _rewritten(text: str, first: int, end: int, marks: set[int]) -> tuple[str, list[int]]:
    """Chars ``first`` up to ``end`` with raised digits as superscript digits after a digit or a
    unit, and dropped elsewhere (footnote marks); and where each old offset went."""
    out = ""
    shift: list[int] = []
    index = first
    dropped = False
    while index < end:
        if index not in marks:
            shift.append(len(out))
            if not (dropped and text[index] == " " and text[index + 1 : index + 2] in tuple(".,;:)!?")):
                out += text[index]  # (PDFium spaces a dropped mark from the stop after it)
            dropped = False
            index += 1
            continue
        stop = index
        while stop < end and stop in marks:
            stop += 1
        digits = text[index:stop]
        dropped = not (out[-1:].isdigit() or (digits in ("2", "3") and _UNIT.search(out)))
        if not dropped:
            out += digits.translate(_SUPERSCRIPTS)
        shift += [len(out)] * (stop - index)
        index = stop
    return out, shift


def read(path: str) -> dict[str, object]:
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except (ImportError, OSError) as error:  # not installed, or no memory left to load PDFium
        return {"error": "reader", "detail": f"{type(error).__name__}: {error}"}
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        kind = "password" if "password" in str(error).lower() else "damaged"
        return {"error": kind, "detail": str(error)}
    pages = len(document)
    if pages > MAX_PAGES:
        return {"error": "pages", "detail": str(pages)}
    title = (document.get_metadata_dict().get("Title") or "").strip()
    out: list[list[list[object]]] = []
    broken: list[int] = []  # pages PDFium could not load: the others are still read
    chars = 0
    for index in range(pages):
        try:
            page = document[index]
            textpage = page.get_textpage()
        except pdfium.PdfiumError:
            broken.append(index + 1)
            out.append([])
            continue
        chars += textpage.count_chars()
        if chars > MAX_CHARS:
            return {"error": "chars", "detail": str(index + 1)}
        out.append(_page_lines(textpage, raw))
        textpage.close()
        page.close()
    document.close()
    return {"title": title, "pages": out, "broken": broken}


def main() -> int:
    _limit(int(sys.argv[2]) if len(sys.argv) > 2 else MEMORY_BYTES)
    try:
        result = read(sys.argv[1])
    except MemoryError:
        result = {"error": "memory", "detail": ""}
    except Exception as error:  # PDFium's errors on a damaged file; reported, not raised
        result = {"error": "damaged", "detail": f"{type(error).__name__}: {error}"}
    sys.stdout.write(json.dumps(result, ensure_ascii=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
