"""A PDF's text lines -> paragraphs and headings, as a reader sees the pages.

PDFium gives lines in reading order with their font size and box. From
them: running headers, footers and page numbers are dropped (a line at the
top or foot of a page that repeats on half the pages, digits aside, or that
is only a page number), and so are table of contents entries (dot leaders
and a page number); a page set in two columns is read column by column
(``pdf_columns``); tables are found by ``pdf_tables``; a paragraph ends
where the gap to the next line is larger than the line spacing, the font
size changes, a bullet starts, or a short line ends a sentence; a paragraph
cut by a page break or at the foot of a column is joined again.
A short paragraph set larger than the body text is a heading: the largest
size, once, at the start is the title (``#``), the other sizes rank ``##``,
``###``... Places: the page, and the paragraph's number on that page.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace

from briefing.sources.blocks import Blocks
from briefing.sources.document import Notice, Place
from briefing.sources.pdf_columns import flows
from briefing.sources.pdf_tables import joined_rows, table_runs

# "12", "- 12 -", "Page 12", "12 / 40", "12 of 40", "xiv" (small roman numerals only: "mix" is a word)
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?[-–—(\[]*\s*(?:\d{1,4}|[ivx]{1,5}|[IVX]{1,5})\s*[-–—)\]]*(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
# a table of contents entry: "Costs ........ 3" (its page number is no figure of the report)
_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}$|…{2,}\s*\d{1,4}$")
_BULLET = re.compile(r"^[•●▪■◦○‣∙·*–-]\s+")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)。！？：；」』）]$")
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_JUNK_TITLE = re.compile(r"(?:^Microsoft Word - |\.(?:docx?|pdf|indd|txt)$|^untitled\b)", re.IGNORECASE)
# Kangxi and CJK radicals some PDF fonts map Han characters to (⼴ for 广), and Latin ligatures (ﬁ)
_COMPATIBLE = re.compile("[\u2e80-\u2fdf\ufb00-\ufb06]")
_CJK_SPACE = re.compile(
    "(?<=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]) (?=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])"
)
# CJK Radicals Supplement characters fonts map simplified Han characters to; NFKC leaves them alone
RADICALS = dict(
    zip(
        "⻓⻔⻅⻉⻋⻄⻚⻛⻜⻝⻢⻣⻥⻦⻩⻬⻮⻰⻳⻆⻘⻤⻧⻨⻪⻭⻯⻱⻲",
        "长门见贝车西页风飞食马骨鱼鸟黄齐齿龙龟角青鬼卤麦黾歯竜龜亀",
        strict=True,
    )
)
HEADING_RATIO = 1.12
MAX_HEADING_WORDS = 20


@dataclass(frozen=True)
class PdfLine:
    """One line as PDFium gives it: text, font size (only compared with other sizes), the height of
    its first character's box, where it starts, its baseline and where it ends (PDF units, y up)."""

    text: str
    size: float
    height: float
    left: float
    baseline: float
    right: float
    cells: tuple[tuple[int, float], ...] = ()  # (offset in text, left edge) of words after a wide gap
    gaps: tuple[tuple[int, float, float], ...] = ()  # (offset, left, end of the word before): gutters?


@dataclass
class _Paragraph:
    page: int
    lines: list[PdfLine] = field(default_factory=list)
    bullet: bool = False
    continued: list[int] = field(default_factory=list)  # the pages it goes on to
    table: list[list[str]] | None = None  # the rows of cells of a table
    flow: int = 0  # the column (or stretch across the page) of its page it starts in

    @property
    def size(self) -> float:
        return self.lines[0].size

    @property
    def text(self) -> str:
        parts: list[str] = []  # joined once at the end: a paragraph may run over thousands of lines
        tail = ""  # the last two characters so far, all a seam looks at
        for line in self.lines:
            drop, space = _seam(tail, line.text)
            if drop:  # the character before goes (a soft hyphen): it ends the last part
                parts[-1] = parts[-1][:-1]
            if space + line.text:
                parts.append(space + line.text)
            tail = ((tail[:-1] if drop else tail) + space + line.text)[-2:]
        return plain_glyphs("".join(parts))


def layout(
    pages: list[list[PdfLine]], meta_title: str, broken: set[int] | frozenset[int] = frozenset()
) -> tuple[Blocks, str, list[Notice]]:
    """The document's blocks, its title, and notices (pages without text; ``broken`` pages, which
    PDFium could not load)."""
    empty = [number for number, lines in enumerate(pages, start=1) if not lines]
    pages = [
        [line for line in lines if not _LEADER.search(line.text)] for lines in _without_running_lines(pages)
    ]
    body = _body_size(pages)
    page_flows = [flows(lines) for lines in pages]
    leading = _leading([flow for each in page_flows for flow in each])
    paragraphs = _joined_across_pages(
        [
            paragraph
            for n, each in enumerate(page_flows, 1)
            for f, flow in enumerate(each)
            for paragraph in _paragraphs(n, flow, leading, f)
        ],
        body,
    )
    levels, title_paragraph = _heading_levels(paragraphs, body)
    blocks = Blocks()
    counts: Counter[int] = Counter()
    title = ""
    notices: list[Notice] = []
    for paragraph in paragraphs:
        while empty and empty[0] < paragraph.page:
            notices.append(_no_text(blocks, empty.pop(0), broken))
        counts.update([paragraph.page, *paragraph.continued])
        place = Place(paragraph=counts[paragraph.page], page=paragraph.page)
        if paragraph.table is not None:  # every row is a paragraph of its page
            blocks.table(
                [(cells, _row_place(counts, paragraph.page, n)) for n, cells in enumerate(paragraph.table)]
            )
            continue
        text = paragraph.text
        if paragraph is title_paragraph:
            title = " ".join(text.split())
            blocks.heading(text, 1, place)
        elif _is_heading(paragraph, body):
            blocks.heading(text, levels[_size_key(paragraph.size)], place)
        elif paragraph.bullet:
            blocks.item(_BULLET.sub("", text, count=1), place)
        else:
            blocks.paragraph(text, place)
    notices += [_no_text(blocks, page, broken) for page in empty]
    meta = " ".join(meta_title.split())
    return blocks, (meta if meta and not _JUNK_TITLE.search(meta) else title), notices


def _row_place(counts: Counter[int], page: int, row: int) -> Place:
    """The place of row ``row`` of a table (the first row's paragraph is counted already)."""
    if row:
        counts[page] += 1
    return Place(paragraph=counts[page], page=page)


def _no_text(blocks: Blocks, page: int, broken: set[int] | frozenset[int]) -> Notice:
    """A notice for a page without text, at a blank line of its own so the line gives its place."""
    line = blocks.mark(Place(page=page))
    if page in broken:
        return Notice(Place(line=line, page=page), "this page is damaged and could not be read")
    return Notice(
        Place(line=line, page=page), "this page has no text layer (a scanned page?); its text is not read"
    )


def plain_glyphs(text: str) -> str:
    """PDF text as it was typed: no line-end hyphen marks, radicals and ligatures folded to the
    characters they stand for, and no space a line break left between two CJK characters."""
    text = _COMPATIBLE.sub(_fold, text.replace("\ufffe", ""))
    return _CJK_SPACE.sub("", text)


def _fold(match: re.Match[str]) -> str:
    char = match.group()
    return RADICALS.get(char) or unicodedata.normalize("NFKC", char)


def _size_key(size: float) -> float:
    return round(size * 2) / 2


def _body_size(pages: list[list[PdfLine]]) -> float:
    weights: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            weights[_size_key(line.size)] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def _leading(pages: list[list[PdfLine]]) -> float:
    """The usual distance between the baselines of two lines of one paragraph (0 when unknown)."""
    deltas: Counter[float] = Counter()
    for lines in pages:
        for previous, line in itertools.pairwise(lines):
            delta = previous.baseline - line.baseline
            if previous.size == line.size and 0 < delta < 3 * line.height:
                deltas[round(delta, 0)] += 1
    return deltas.most_common(1)[0][0] if deltas else 0.0


def _without_running_lines(pages: list[list[PdfLine]]) -> list[list[PdfLine]]:
    """Pages without their running headers, footers and page numbers: a line at the top or the foot
    of a page that is only a page number, or that stands at the same height on half the pages with
    the same words (digits aside)."""

    def key(line: PdfLine) -> tuple[str, float]:
        return re.sub(r"\d+", "#", line.text.lower()), round(line.baseline / 4)

    def edges(lines: list[PdfLine]) -> list[PdfLine]:
        reach = 2 if len(lines) >= 6 else 1
        return lines[:reach] + lines[-reach:]

    seen = Counter(k for lines in pages for k in {key(line) for line in edges(lines)})
    enough = max(3, len(pages) // 2)

    def running(line: PdfLine, lines: list[PdfLine]) -> bool:
        return line in edges(lines) and (bool(_PAGE_NUMBER.match(line.text)) or seen[key(line)] >= enough)

    return [[line for line in lines if not running(line, lines)] for lines in pages]


def _paragraphs(page: int, lines: list[PdfLine], leading: float, flow: int = 0) -> list[_Paragraph]:
    lines = joined_rows(lines)
    right = max((line.right for line in lines), default=0.0)
    paragraphs: list[_Paragraph] = []
    previous: PdfLine | None = None
    marked = False  # a bullet set apart (another font or size) starts the next line's item
    tables = {first: (end, table) for first, end, table in table_runs(lines)}
    skip_to = 0
    for index, line in enumerate(lines):
        if index < skip_to:
            continue
        if index in tables:
            skip_to, table = tables[index]
            paragraphs.append(_Paragraph(page, list(lines[index:skip_to]), table=table, flow=flow))
            previous, marked = None, False
            continue
        if _BULLET.match(line.text + " ") and len(line.text) == 1:
            marked = True
            continue
        bullet = marked or bool(_BULLET.match(line.text))
        if previous is None or bullet or _breaks(previous, line, right, leading):
            paragraphs.append(_Paragraph(page, bullet=bullet, flow=flow))
        paragraphs[-1].lines.append(line if not marked else replace(line, text="• " + line.text))
        previous, marked = line, False
    return paragraphs


def _breaks(previous: PdfLine, line: PdfLine, right: float, leading: float) -> bool:
    """True when ``line`` starts a new paragraph after ``previous``."""
    if abs(previous.size - line.size) > 0.05 * max(previous.size, line.size):
        return True
    height = max(previous.height, 1.0)
    delta = previous.baseline - line.baseline
    if delta > max(leading * 1.3, height * 1.1) or delta < -2 * height:  # spacing, or a new column
        return True
    ended = bool(_SENTENCE_END.search(previous.text))
    short = previous.right < right - 3 * height
    indented = line.left > previous.left + 1.5 * height
    return ended and (short or indented)


def _joined_across_pages(paragraphs: list[_Paragraph], body: float) -> list[_Paragraph]:
    """A body paragraph cut by a page break or at the foot of a column (no sentence end, the next page
    or column goes on in lower case) is one."""
    out: list[_Paragraph] = []
    for paragraph in paragraphs:
        last = out[-1] if out else None
        if (
            last is not None
            and (last.page, last.flow) != (paragraph.page, paragraph.flow)
            and not last.bullet
            and last.table is None
            and paragraph.table is None
            and _size_key(last.size) == body == _size_key(paragraph.size)
            and not _SENTENCE_END.search(last.lines[-1].text)
            and paragraph.lines[0].text[:1].islower()
        ):
            last.lines.extend(paragraph.lines)
            if paragraph.page != last.page and paragraph.page not in last.continued:
                last.continued.append(paragraph.page)
            continue
        out.append(paragraph)
    return out


def _is_heading(paragraph: _Paragraph, body: float) -> bool:
    return (
        paragraph.table is None
        and body > 0
        and paragraph.size >= body * HEADING_RATIO
        and len(paragraph.lines) <= 3
        and len(paragraph.text.split()) <= MAX_HEADING_WORDS
    )


def _heading_levels(paragraphs: list[_Paragraph], body: float) -> tuple[dict[float, int], _Paragraph | None]:
    """Heading level per font size (largest first, from ``##``), and the title paragraph if there is
    one: the first heading, in the largest size, used by no other heading."""
    headings = [p for p in paragraphs if _is_heading(p, body)]
    sizes = sorted({_size_key(p.size) for p in headings}, reverse=True)
    title = None
    if headings and _size_key(headings[0].size) == sizes[0]:
        if sum(1 for p in headings if _size_key(p.size) == sizes[0]) == 1 and headings[0].page == 1:
            title = headings[0]
            sizes = sizes[1:]
    return {size: min(2 + rank, 6) for rank, size in enumerate(sizes)}, title


def _seam(text: str, more: str) -> tuple[bool, str]:
    """How a line ``more`` joins the text before it (``text``: its last characters): whether that
    text's last character goes, and the space between. A space, but none after a line-end hyphen
    (a soft one goes), between CJK characters, or before a stop PDFium put on a line of its own
    (after a superscript it ends the line)."""
    if not text:
        return False, ""
    if more[:1] in tuple(".,;:!?)") and (len(more) == 1 or more[1] == " "):
        return False, ""
    if text.endswith("\ufffe"):
        return True, ""
    if (text.endswith("-") and text[-2:-1].isalpha()) or (_CJK.match(text[-1]) and _CJK.match(more[:1])):
        return False, ""
    return False, " "
