"""PDF pages set in two columns read column by column, and table cells that wrap read as one cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.sources import SourceText, read_source
from briefing.sources.pdf_layout import PdfLine, layout
from tests.sources.qt_pdfs import READ, table_pdf, two_column_pdf


def _texts(path: Path) -> list[str]:
    return [line.text for line in read_source(path).lines if line.text]


@pytest.mark.parametrize("across", [False, True], ids=["column by column", "line by line across"])
def test_a_two_column_page_reads_left_column_then_right_under_its_full_width_heading(
    qapp, tmp_path, across
) -> None:
    path = two_column_pdf(tmp_path / "two.pdf", across=across)
    assert _texts(path) == READ  # a sentence cut at the foot of the left column is joined again
    text = SourceText.read(path)
    assert text.contains("Exports from the harbour rose 42% in 2024")
    assert text.contains("took ships of every size and cost $12 million")
    assert not text.contains("rose 42% in 2024, the port says, Rents")


def test_a_table_cell_that_wraps_is_one_cell_in_its_row(qapp, tmp_path) -> None:
    rows = [
        ["Project", "Capacity", "Cost"],
        ["Offshore North wind farm, phase two of the coastal programme", "1,400 MW", "$12 million"],
        ["Solar park on the roofs of the old fish market", "85 MW", "$3 million"],
        ["Grid link", "10 MW", "$1 million"],
    ]
    path = table_pdf(tmp_path / "t.pdf", rows, before="The projects.", after="Costs were high.", width=160)
    texts = _texts(path)
    assert texts == [
        "The projects.",
        "| Project | Capacity | Cost |",
        "|---|---|---|",
        "| Offshore North wind farm, phase two of the coastal programme | 1,400 MW | $12 million |",
        "| Solar park on the roofs of the old fish market | 85 MW | $3 million |",
        "| Grid link | 10 MW | $1 million |",
        "Costs were high.",
    ]
    places = [line.place.label for line in read_source(path).lines if line.text.startswith("| ")]
    assert places[-1] == "page 1, paragraph 5"  # a row is a paragraph, however many lines it takes


def _line(text: str, left: float, baseline: float, right: float, size: float = 10.0) -> PdfLine:
    return PdfLine(text, size, size * 1.17, left, baseline, right)


def test_a_table_in_two_places_is_no_pair_of_columns() -> None:
    """Short cells standing where a right column would start are a table's, not a column's."""
    rows = [("Port", "Tonnes"), ("Dunmore", "1,200"), ("Kilbeg", "900"), ("Ardmore", "450")] * 2
    lines = [
        PdfLine(
            f"{a} {b}",
            10.0,
            11.7,
            72.0,
            700.0 - 14 * n,
            400.0,
            cells=((len(a) + 1, 300.0),),
            gaps=((len(a) + 1, 300.0, 72.0 + 6 * len(a)),),
        )
        for n, (a, b) in enumerate(rows)
    ]
    blocks, _, _ = layout([lines], "")
    assert [line.text for line in blocks.lines if line.text][:3] == [
        "| Port | Tonnes |",
        "|---|---|",
        "| Dunmore | 1,200 |",
    ]


WORD = st.text(alphabet="abcdefghjkmnopqrstuwyz", min_size=2, max_size=9)


@settings(max_examples=60, deadline=None)
@given(
    left=st.lists(st.lists(WORD, min_size=4, max_size=7), min_size=3, max_size=12),
    right=st.lists(st.lists(WORD, min_size=4, max_size=7), min_size=3, max_size=12),
    drawn=st.sampled_from(["column by column", "line by line", "read as one line"]),
)
def test_every_word_of_two_columns_comes_out_once_left_column_first(left, right, drawn) -> None:
    lines = [_line(" ".join(w), 72.0, 700.0 - 14 * n, 250.0 + len(w)) for n, w in enumerate(left)]
    lines += [_line(" ".join(w), 310.0, 700.0 - 14 * n, 520.0 - len(w)) for n, w in enumerate(right)]
    if drawn != "column by column":
        lines.sort(key=lambda line: (-line.baseline, line.left))
    if drawn == "read as one line":  # PDFium's one line from the left column into the right
        lines = _merged(lines)
    blocks, _, _ = layout([lines], "")
    out = " ".join(line.text for line in blocks.lines if line.text).split()
    assert out == [w for words in left + right for w in words]


def _merged(lines: list[PdfLine]) -> list[PdfLine]:
    out: list[PdfLine] = []
    for line in lines:
        if out and out[-1].baseline == line.baseline:
            first = out.pop()
            offset = len(first.text) + 1
            gap = ((offset, line.left, first.right),)
            line = PdfLine(
                f"{first.text} {line.text}",
                10.0,
                first.height,
                first.left,
                line.baseline,
                line.right,
                gaps=gap,
            )
        out.append(line)
    return out


def test_justified_prose_with_wide_spaces_is_no_table() -> None:
    words = "the harbour took more ships than ever before and the council says it will build another pier"
    lines = [
        PdfLine(
            words,
            10.0,
            11.7,
            72.0,
            700.0 - 14 * n,
            520.0,
            gaps=((12 + 9 * n, 180.0 + 40 * n, 160.0 + 40 * n),),
        )
        for n in range(3)
    ]
    blocks, _, _ = layout([lines], "")
    assert [line.text for line in blocks.lines if line.text] == [" ".join([words] * 3)]


PLACED = st.tuples(
    st.lists(WORD, min_size=1, max_size=12),
    st.sampled_from([72.0, 72.0, 300.0, 310.0, 180.0]),  # left edges: a margin, a column, a cell
    st.sampled_from([0.0, 14.0, 14.0, 28.0]),  # the next baseline down: same line, next, a gap
    st.lists(st.integers(min_value=1, max_value=11), max_size=3),  # words followed by a wide gap
)


@settings(max_examples=150, deadline=None)
@given(raw=st.lists(PLACED, min_size=1, max_size=30))
def test_any_placement_of_lines_keeps_every_word_once(raw) -> None:
    """Columns, tables and wrapped cells found anywhere: no word is lost or read twice."""
    lines, baseline = [], 760.0
    for n, (words, left, down, gapped) in enumerate(raw):
        words = [f"{word}{'abcdefghjk'[n % 10]}" for word in words]
        text = " ".join(words)
        offsets = [len(" ".join(words[:k])) + 1 for k in sorted(set(gapped)) if k < len(words)]
        gaps = tuple((o, left + 6.0 * o + 30.0, left + 6.0 * o) for o in offsets)
        cells = tuple((o, x) for o, x, _ in gaps) if len(words) <= 10 else ()
        lines.append(
            PdfLine(text, 10.0, 11.7, left, baseline, left + 6.0 * len(text) + 30 * len(gaps), cells, gaps)
        )
        baseline -= down
    blocks, _, _ = layout([lines], "")
    out = [w for line in blocks.lines for w in line.text.split() if w.strip("|-#>")]
    assert sorted(out) == sorted(w for line in lines for w in line.text.split())


def _row(cells: list[tuple[float, str]], baseline: float) -> PdfLine:
    """A line of table cells (left edge, text), 6 points a character."""
    text, found = "", []
    for left, words in cells:
        if text:
            found.append((len(text) + 1, left))
            text += " "
        text += words
    right = cells[-1][0] + 6 * len(cells[-1][1])
    return PdfLine(text, 10.0, 11.7, cells[0][0], baseline, right, cells=tuple(found))


def test_two_cells_of_a_row_that_wrap_stay_in_their_row() -> None:
    lines = [
        _row([(72, "Project"), (250, "Capacity"), (350, "Status")], 700),
        _row([(72, "Offshore North wind"), (250, "1,400 MW"), (350, "Built in two")], 680),
        _row([(72, "farm"), (350, "phases")], 668),  # both wrapped cells go on, set closer
        _row([(72, "Grid link"), (250, "10 MW"), (350, "Planned")], 648),
    ]
    blocks, _, _ = layout([lines], "")
    assert [line.text for line in blocks.lines if line.text][2:] == [
        "| Offshore North wind farm | 1,400 MW | Built in two phases |",
        "| Grid link | 10 MW | Planned |",
    ]


def test_a_wider_gap_between_groups_of_rows_joins_no_rows() -> None:
    baselines = [700, 686, 672, 644, 630, 616]  # a group's gap before the fourth row
    lines = [_row([(72, f"Port {'abcdef'[n]}"), (250, f"{n + 1},000 t")], b) for n, b in enumerate(baselines)]
    texts = [line.text for line in layout([lines], "")[0].lines if line.text]
    assert texts[2:] == [f"| Port {'abcdef'[n]} | {n + 1},000 t |" for n in range(1, 6)]


def test_two_lists_of_short_items_side_by_side_keep_their_rows() -> None:
    """Items of three words that leave most of a column empty are no columns of prose."""
    left = ["new pier opened", "ferry route added", "harbour wall mended", "fish market roofed"]
    right = ["rents rose again", "wages held steady", "schools took pupils", "clinics got power"]
    lines = [
        PdfLine(f"{a} {b}", 10.0, 11.7, 72.0, 700.0 - 14 * n, 400.0, gaps=((len(a) + 1, 250.0, 150.0),))
        for n, (a, b) in enumerate(zip(left, right, strict=True))
    ]
    texts = [line.text for line in layout([lines], "")[0].lines if line.text]
    assert texts[0] == "| new pier opened | rents rose again |"


def _two_columns(left: list[str], right: list[str]) -> list[PdfLine]:
    lines = [_line(text, 72.0, 700.0 - 14 * n, 280.0) for n, text in enumerate(left)]
    return lines + [_line(text, 310.0, 700.0 - 14 * n, 520.0) for n, text in enumerate(right)]


def test_a_paragraph_goes_on_from_the_foot_of_the_right_column_to_the_next_page() -> None:
    first = _two_columns(
        [
            "ports grew in every town this year",
            "and the harbour took more ships",
            "than in any year before it.",
            "The ferry carried more people.",
        ],
        [
            "Rents rose in every town this year",
            "and wages stayed where they were",
            "while the council built new homes",
            "along the quay for young families",
        ],
    )
    second = _two_columns(
        [
            "who could not pay the rents of",
            "the old town centre any longer.",
            "The ferry carried more people",
            "than the year before it did.",
        ],
        [
            "the new pier opened in the spring",
            "and took the largest ships on",
            "the coast for the first time in",
            "the history of the town itself.",
        ],
    )
    blocks, _, _ = layout([first, second], "")
    texts = [line.text for line in blocks.lines if line.text]
    joined = [text for text in texts if text.startswith("Rents rose")]
    assert (
        joined
        and "young families who could not pay the rents of the old town centre any longer." in joined[0]
    )
