"""`briefing draft` on a Word report with a callout in a text box, footnotes, a header and a footer.

The callout's figure is the report's own: it reaches a slide, and `check --source` proves it. A
footnote's figure can be cited and proved, but notes, headers and footers are not drafted from.
"""

from __future__ import annotations

from pathlib import Path

from briefing.cli import main
from briefing.commands.check import check_file
from tests.draft import draft_summary as summary
from tests.sources.word_files import note_mark, notes, p, text_box, write_docx

NOTE = "The survey covered 1,200 households in 2023."


def _report(tmp_path: Path) -> Path:
    callout = text_box(p("Exports from the harbour rose 42% in 2024."))
    body = (
        p("Harbour Towns Review", "Title")
        + p("Trade", "Heading1")
        + p("The port of Dunmore grew faster than any other on the coast.", runs=callout)
        + p("Ferry traffic reached 900 crossings a month, the port says.", runs=note_mark(1))
        + p("Housing", "Heading1")
        + p("Rents in the harbour towns rose 18% since 2020, says the council.")
    )
    parts = {
        "word/footnotes.xml": notes("footnote", (1, NOTE)),
        "word/header1.xml": "<w:hdr>" + p("Confidential draft 7 of 31 May") + "</w:hdr>",
        "word/footer1.xml": "<w:ftr>" + p("Printed 3,500 copies") + "</w:ftr>",
    }
    return write_docx(tmp_path / "review.docx", body, parts=parts)


def test_a_callouts_figure_is_drafted_and_proved_but_notes_and_margins_are_not_drafted(
    tmp_path, capsys
) -> None:
    report = _report(tmp_path)
    deck = tmp_path / "deck.yaml"
    assert main(["draft", str(report), "-o", str(deck)]) == 0, capsys.readouterr().err
    text = deck.read_text(encoding="utf-8")
    assert "rose 42% in 2024" in text and "value: 42" in text
    for aside in ("1,200 households", "Confidential", "3,500", "Printed"):
        assert aside not in text
    assert [d.format() for d in check_file(deck, {None: report})] == []


DECK = """title: Harbour
sources:
  review: {title: Harbour review, file: review.docx}
sections:
  - title: Method
    slides:
      - title: Who was asked
        notes: n
        sources: [{ref: review, phrase: "covered 1,200 households"}]
        stats: [{value: VALUE, label: households}]
"""


def test_a_figure_cited_from_a_footnote_is_proved(tmp_path, capsys) -> None:
    _report(tmp_path)
    deck = tmp_path / "deck.yaml"
    deck.write_text(DECK.replace("VALUE", "1200"), encoding="utf-8")
    assert main(["check", str(deck)]) == 0, capsys.readouterr().out
    deck.write_text(DECK.replace("VALUE", "1300"), encoding="utf-8")
    assert main(["check", str(deck)]) == 1
    assert "the slide shows 1,300 but the phrase it cites says 1,200" in capsys.readouterr().out


def test_a_pull_quote_in_a_text_box_is_not_drafted_twice(tmp_path, capsys) -> None:
    said = "A fridge in the clinic changed more than any road ever did"
    body = (
        p("Clinics Review", "Title")
        + p("Power", "Heading1")
        + p(f"\u201c{said},\u201d says Halima Dida, a nurse in North Horr.")
        + p("Bills average KES 650 a month.", runs=text_box(p(f"\u201c{said}\u201d")))
        + p("Costs fell 12% in 2024.", runs=text_box(p("Clinics saved 40% on diesel.")))
    )
    report = write_docx(tmp_path / "clinics.docx", body)
    deck = tmp_path / "deck.yaml"
    assert main(["draft", str(report), "-o", str(deck)]) == 0, capsys.readouterr().err
    text = deck.read_text(encoding="utf-8")
    titles = [slide["title"] for slide in summary.slides(summary.load(deck))]
    assert sum("fridge" in title for title in titles) == 1, titles  # the quote slide, from the body's words
    assert "value: 40" in text  # a callout of its own is drafted
    assert [d.format() for d in check_file(deck, {None: report})] == []


def test_a_phrase_from_the_footer_is_proved_with_source_on_the_command_line(tmp_path, capsys) -> None:
    report = _report(tmp_path)
    deck = tmp_path / "deck.yaml"
    cited = DECK.replace("covered 1,200 households", "Printed 3,500 copies").replace("VALUE", "3500")
    deck.write_text(cited.replace("file: review.docx", "file: missing.docx"), encoding="utf-8")
    assert main(["check", str(deck), "--source", f"review={report}"]) == 0, capsys.readouterr().out
    deck.write_text(cited.replace("3,500 copies", "3,600 copies"), encoding="utf-8")
    assert main(["check", str(deck)]) == 1
    out = capsys.readouterr().out
    assert "closest passage, review.docx footer" in out, out
