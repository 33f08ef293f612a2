"""Unusual but legitimate storyboards an outside tester writes, and what ``briefing`` does with them.

Each test is one finding of a fuzzing round by hand (YAML features, numbers, text,
structure, files), named after what a user notices: a ``path:line:col`` error where
the storyboard cannot make the slides it asks for, the same text in every output
where it can, and never a traceback.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from briefing import cli


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    assert "Traceback" not in out.getvalue() + err.getvalue()
    return code, out.getvalue(), err.getvalue()


def one_slide(slide: str, head: str = "title: Deck\n") -> str:
    return f"{head}sections:\n  - title: S\n    slides:\n      - {slide}\n"


def _png(path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (8, 8), "teal").save(path)


@pytest.mark.parametrize("alt", ['""', '"   "', '"\\u200b"', '"\\u200e\\u00a0"'])
def test_an_image_whose_alt_text_shows_nothing_is_an_error_at_alt(tmp_path: Path, alt: str) -> None:
    """Found: ``alt: ""`` (or spaces, a zero-width space) passed check with no problem, though
    an image without alt text is an error: the deck's picture had nothing for a screen reader."""
    _png(tmp_path / "a.png")
    path = tmp_path / "deck.yaml"
    path.write_text(one_slide(f"{{title: Map, notes: n, image: {{path: a.png, alt: {alt}}}}}"), "utf-8")
    code, stdout, _ = run("check", str(path))
    assert code == 1
    assert stdout.startswith(f"{path}:5:58: error: 'alt' is empty\n  hint: describe the picture"), stdout
    assert run("export", str(path), "-o", str(tmp_path / "deck.pptx"))[0] == 1
    assert not (tmp_path / "deck.pptx").exists()


def test_a_quote_without_words_or_speaker_is_an_error_at_each(tmp_path: Path) -> None:
    """Found: ``quote: {text: "", who: " "}`` passed check and made an empty quote slide."""
    path = tmp_path / "deck.yaml"
    path.write_text(one_slide('{title: Q, notes: n, quote: {text: "", who: " "}}'), "utf-8")
    code, stdout, _ = run("check", str(path))
    assert code == 1
    assert f"{path}:5:44: error: 'text' is empty" in stdout
    assert f"{path}:5:53: error: 'who' is empty" in stdout


def test_a_source_with_a_mistake_is_not_also_unknown_to_the_slides_citing_it(tmp_path: Path) -> None:
    """Found: a source without a title (or with ``title: ""``) was reported twice: at the source,
    and as 'unknown source' (declare it under 'sources') at every slide citing it."""
    path = tmp_path / "deck.yaml"
    head = 'title: Deck\nsources: {r: {title: "", url: "https://example.com"}, s: {url: x}}\n'
    slide = "{title: One, notes: n, bullets: [a], sources: [{ref: r}, {ref: s}]}"
    path.write_text(one_slide(slide, head), "utf-8")
    code, stdout, _ = run("check", str(path))
    assert code == 1
    assert f"{path}:2:22: error: 'title' is empty" in stdout
    assert "missing required key 'title' in source 's'" in stdout
    assert "unknown source" not in stdout
    assert stdout.count(": error: ") == 2, stdout


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_line_of_only_tabs_is_a_blank_line_and_a_tab_may_begin_a_comment_line(
    tmp_path: Path, newline: str
) -> None:
    """Found: an editor that indents with tabs leaves a line holding a tab between two keys;
    YAML reads it as a blank line, but check said 'YAML syntax: found character that cannot
    start any token' (and so did export)."""
    lines = [
        "title: Deck",
        "\t",
        "notes: |",
        "  first",
        " \t ",
        "  second",
        "\t# the talk",
        "sections:",
        "\t\t",
    ]
    lines += ["  - title: S", "    slides: [{title: One, notes: n, bullets: [a]}]", "\t"]
    path = tmp_path / "deck.yaml"
    path.write_bytes(newline.join(lines).encode())
    assert run("check", str(path))[0] == 0
    assert run("export", str(path), "-o", str(tmp_path / "deck.pptx"))[0] == 0
    from pptx import Presentation

    notes = Presentation(str(tmp_path / "deck.pptx")).slides[0].notes_slide.notes_text_frame.text
    assert notes.split() == ["first", "second"]


def test_a_tab_that_indents_is_still_an_error_with_its_hint(tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text("title: Deck\nsections:\n\t- title: S\n", "utf-8")
    code, stdout, _ = run("check", str(path))
    assert code == 1
    assert stdout.startswith(f"{path}:3:1: error: YAML syntax: ")
    assert "  hint: use spaces, not tabs, to indent YAML" in stdout


def _cited_sources(tmp_path: Path, count: int) -> Path:
    head = "title: Deck\nsources:\n" + "".join(
        f"  r{n}: {{title: Annual report on innovation hubs {n}, publisher: Agency {n}, date: 2024,"
        f" url: 'https://example.org/reports/innovation/{n}/full-text.pdf'}}\n"
        for n in range(count)
    )
    slides = "".join(
        f"      - {{title: Slide {n}, notes: n, bullets: [a], sources: [{{ref: r{n}, phrase: p}}]}}\n"
        for n in range(count)
    )
    path = tmp_path / "deck.yaml"
    path.write_text(f"{head}sections:\n  - title: S\n    slides:\n{slides}", "utf-8")
    return path


def test_ten_sources_with_addresses_fit_the_sources_slide_in_the_app_and_the_deck(tmp_path: Path) -> None:
    """Found: ten cited sources with their addresses ran off the bottom of the Sources slide (in
    the app, the PNGs and the deck alike), with a warning to 'shorten the text' of a slide the
    user does not write. The list is now set in two columns."""
    from briefing.layout import layout_slide
    from briefing.layout.theme import resolve_theme
    from briefing.storyboard import load_storyboard

    path = _cited_sources(tmp_path, 10)
    code, stdout, _ = run("check", str(path))
    assert code == 0 and stdout == "", stdout
    storyboard = load_storyboard(path)
    closing = layout_slide(storyboard, len(storyboard.slides) - 1, resolve_theme(storyboard.theme))
    bodies = closing.text("body")
    assert len(bodies) == 2 and not any(box.overflow for box in bodies)
    assert all(box.rect.x + box.rect.w <= 1920 and box.rect.y + box.rect.h <= 1080 for box in bodies)
    assert run("export", str(path), "-o", str(tmp_path / "deck.pptx"))[0] == 0
    from pptx import Presentation

    last = Presentation(str(tmp_path / "deck.pptx")).slides[-1]
    links = [
        piece.hyperlink.address
        for shape in last.shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for piece in paragraph.runs
        if piece.hyperlink.address
    ]
    assert links == [f"https://example.org/reports/innovation/{n}/full-text.pdf" for n in range(10)]


def test_a_sources_slide_that_cannot_fit_says_so_once_at_sources(tmp_path: Path) -> None:
    path = _cited_sources(tmp_path, 30)
    code, stdout, _ = run("check", str(path))
    assert code == 0
    assert stdout.splitlines() == [
        f"{path}:2:1: warning: the Sources slide cannot show all 30 cited sources",
        "  hint: shorten the sources' titles, or leave the slide out with 'sources_slide: false' "
        "(every slide's footer and notes still cite its sources)",
    ]


def test_a_slide_repeated_by_an_alias_says_how_to_give_the_copy_its_own_id(tmp_path: Path) -> None:
    """Found: ``- *agenda`` (an alias repeating a slide with an ``id``) was 'duplicate slide id'
    at the anchor's own line, with the hint 'line 5 already uses it' (line 5 itself)."""
    path = tmp_path / "deck.yaml"
    slides = "      - &agenda {id: agenda, title: Agenda, notes: n, bullets: [a]}\n      - *agenda\n"
    path.write_text(f"title: Deck\nsections:\n  - title: S\n    slides:\n{slides}", "utf-8")
    code, stdout, _ = run("check", str(path))
    assert code == 1
    assert stdout.splitlines()[:2] == [
        f"{path}:5:22: error: duplicate slide id 'agenda'",
        "  hint: an alias (*name) repeats the slide of line 5, id and all; give the copy an id of its own"
        " with a merge key: {<<: *name, id: agenda-again}",
    ]
    path.write_text(
        path.read_text("utf-8").replace("- *agenda", "- {<<: *agenda, id: agenda-again}"), "utf-8"
    )
    code, stdout, _ = run("check", str(path))
    assert code == 0
    assert "slide title 'Agenda' is the same as the title on line 5" in stdout


def test_a_section_repeated_by_an_alias_is_not_said_to_repeat_a_title_of_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    section = "  - &part\n    title: Part\n    slides: [{title: One, notes: n, bullets: [a]}]\n"
    path.write_text(f"title: Deck\nsections:\n{section}  - *part\n", "utf-8")
    code, stdout, _ = run("check", str(path))
    assert code == 0
    assert "is the same as the title on line" not in stdout
    assert "slide title 'Part' is on line 3 twice (two slides on one line, or an alias" in stdout
    assert "slide title 'One' is on line 5 twice" in stdout
    assert "merge key: {<<: *name, title: ...}" in stdout


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_storyboard_or_csv_saved_as_utf16_is_named_as_such(tmp_path: Path, encoding: str) -> None:
    """Found: a storyboard saved as Notepad's "Unicode" (UTF-16) was 'byte 0xff is not UTF-8', or,
    without a BOM, 'control character U+0000 is not allowed in YAML' at line 1, column 2."""
    path = tmp_path / "deck.yaml"
    path.write_bytes(one_slide("{title: One, notes: n, bullets: [a]}").encode(encoding))
    code, stdout, _ = run("check", str(path))
    assert code == 1
    wide = "UTF-32" if encoding == "utf-32" else "UTF-16"
    hint = "  hint: save it as UTF-8 (Save As, encoding UTF-8)\n"
    assert stdout == f"{path}:1:1: error: the file is {wide}, not UTF-8\n{hint}"
    path.write_text(one_slide("{title: One, notes: n, chart: {type: bar, csv: d.csv}}"), "utf-8")
    (tmp_path / "d.csv").write_bytes("Year,Sales\n2024,5\n".encode(encoding))
    code, stdout, _ = run("check", str(path))
    assert code == 1
    assert stdout.startswith(f"{tmp_path / 'd.csv'}:1:1: error: the file is {wide}, not UTF-8\n")


def test_a_latin1_byte_names_the_character_it_likely_is(tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    path.write_bytes(one_slide("{title: Zürich, notes: n, bullets: [a]}").encode("cp1252"))
    code, stdout, _ = run("check", str(path))
    assert code == 1
    assert stdout.startswith(f"{path}:5:18: error: byte 0xfc is not UTF-8 (in Windows-1252, 'ü')\n")


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\u2028"])
def test_warnings_found_in_the_text_are_at_the_same_place_whatever_the_line_breaks(
    tmp_path: Path, newline: str
) -> None:
    """Found (by the generated storyboards saved otherwise): in a file with classic Mac line
    breaks (a lone CR) a 'foreign-script' or 'bare-url-link' warning was at line 1, column
    21453, while every other message counts lines as YAML does."""
    lines = [
        "title: Deck",
        "sources:",
        "  r: {title: 'https://example.com/report', url: 'https://example.com/report'}",
        "sections:",
        "  - title: S",
        "    slides:",
        "      - {title: One, notes: n, bullets: [a, 'the 上海 hub'], sources: [{ref: r}]}",
    ]
    unix = tmp_path / "unix.yaml"
    unix.write_text("\n".join(lines) + "\n", "utf-8")
    other = tmp_path / "other.yaml"
    other.write_text(newline.join(lines) + newline, "utf-8")
    said = [run("check", str(path))[1].replace(str(path), "deck.yaml") for path in (unix, other)]
    assert said[1] == said[0]
    assert "deck.yaml:3:15: warning: source 'r' links to https://example.com/report" in said[0]
    assert (
        "deck.yaml:7:50: warning: Han text in a storyboard whose language is 'en': \"the 上海 hub\""
        in said[0]
    )


CLASSIC_MAC = (
    "title: Deck\rsections:\r  - title: S\r    slides:\r      - title: One\r        notes: |\r"
    "          first line\r          second\r        bullets:\r          - a\r          - b\r"
    "      - title: Two\r        notes: m\r        bullets: [c]\r"
)


def test_keep_timings_on_a_file_with_classic_mac_line_breaks_times_each_slide() -> None:
    """Found: in a storyboard whose lines end in a lone CR, Keep timings wrote every slide's
    ``duration:`` at the end of the file (the last slide then had two, and the file no longer loaded)."""
    from briefing.storyboard.keep_timings import with_durations
    from briefing.storyboard.load import load_text

    text = with_durations(CLASSIC_MAC, {(0, 0): 95, (0, 1): 30})
    assert "\n" not in text
    assert text == CLASSIC_MAC.replace("title: One\r", "title: One\r        duration: 1m35s\r").replace(
        "title: Two\r", "title: Two\r        duration: 30s\r"
    )
    assert [s.duration for s in load_text(text, Path("deck.yaml")).sections[0].slides] == [95, 30]


def test_import_writes_into_a_file_with_classic_mac_line_breaks(tmp_path: Path) -> None:
    """Found: ``briefing import`` refused such a storyboard ('the edits cannot be written into
    this storyboard: two edits overlap') for a deck with an added bullet and a deleted slide."""
    from pptx import Presentation

    path = tmp_path / "deck.yaml"
    path.write_bytes(CLASSIC_MAC.encode())
    deck, edited = tmp_path / "deck.pptx", tmp_path / "edited.pptx"
    assert run("export", str(path), "-o", str(deck))[0] == 0
    presentation = Presentation(str(deck))
    body = next(
        s for s in presentation.slides[2].shapes if s.has_text_frame and s.text_frame.text.startswith("a")
    )
    body.text_frame.add_paragraph().text = "new bullet"
    slide_ids = presentation.slides._sldIdLst
    slide_ids.remove(list(slide_ids)[3])  # slide "Two"
    presentation.save(str(edited))
    code, _, stderr = run("import", str(edited), "--into", str(path), "--write")
    assert code == 0, stderr
    text = path.read_bytes().decode()
    assert "\n" not in text
    assert text == CLASSIC_MAC.replace("          - b\r", "          - b\r          - new bullet\r").replace(
        "      - title: Two\r        notes: m\r        bullets: [c]\r", ""
    )


@pytest.mark.parametrize(
    ("written", "seconds"),
    [("5 minutes", 300), ("1 hour 30 minutes", 5400), ("90 seconds", 90), ("2hrs", 7200), ("1 Minute", 60)],
)
def test_a_duration_in_words_parses(tmp_path: Path, written: str, seconds: int) -> None:
    """Found: ``duration: 5 minutes`` was 'not a duration' (``5 mins`` was one)."""
    from briefing.storyboard import load_storyboard

    path = tmp_path / "deck.yaml"
    path.write_text(one_slide(f"{{title: One, notes: n, duration: {written}, bullets: [a]}}"), "utf-8")
    assert run("check", str(path))[0] == 0
    assert load_storyboard(path).sections[0].slides[0].duration == seconds


@pytest.mark.parametrize("written", ["1:60", "0:75", "1:60:00"])
def test_a_clock_time_past_59_is_an_error(tmp_path: Path, written: str) -> None:
    """Found: ``duration: 1:60`` passed as two minutes; a slip in a clock time is an error."""
    path = tmp_path / "deck.yaml"
    path.write_text(one_slide(f"{{title: One, notes: n, duration: '{written}', bullets: [a]}}"), "utf-8")
    code, stdout, _ = run("check", str(path))
    assert code == 1
    assert f"{path}:5:42: error: 'duration': '{written}' is not a duration" in stdout


@pytest.mark.parametrize("chart_type", ["bar", "line", "pie", "scatter", "stacked"])
def test_a_unit_or_prefix_with_an_ampersand_or_angle_bracket_exports(tmp_path: Path, chart_type: str) -> None:
    """Found (by the generated storyboards, once they drew a prefix with "R&D"): ``prefix: "R&D "``
    or ``unit: " <x>"`` passed check, and export died with a traceback (lxml XMLSyntaxError):
    python-pptx writes the number format into the chart's XML unescaped."""
    from pptx import Presentation

    path = tmp_path / "deck.yaml"
    series = "[{name: s, values: [1, 2]}, {name: t, values: [3, 4]}]"
    chart = f"{{type: {chart_type}, categories: [1, 2], series: {series}"
    path.write_text(
        one_slide(f"{{title: One, notes: n, chart: {chart}, prefix: 'R&D ', unit: ' <x>'}}}}"), "utf-8"
    )
    assert run("check", str(path))[0] == 0
    deck = tmp_path / "deck.pptx"
    code, _, stderr = run("export", str(path), "-o", str(deck))
    assert code == 0, stderr
    (frame,) = [s for s in Presentation(str(deck)).slides[2].shapes if s.has_chart]
    codes = set(frame.chart._chartSpace.xpath(".//c:formatCode/text()"))
    assert codes == {'"R&D "#,##0" <x>"'}, codes


def test_a_title_of_only_invisible_characters_is_no_title(tmp_path: Path) -> None:
    """Found: a title of only a zero-width space or a soft hyphen passed as a title, though a
    screen reader reads nothing; an empty one was a 'no-title' warning."""
    path = tmp_path / "deck.yaml"
    slides = "".join(f'      - {{title: "{t}", notes: n, bullets: [a]}}\n' for t in ("\\u200b", "\\u00ad"))
    path.write_text(f"title: Deck\nsections:\n  - title: S\n    slides:\n{slides}", "utf-8")
    code, stdout, _ = run("check", str(path))
    assert code == 0
    assert [line for line in stdout.splitlines() if not line.startswith("  hint")] == [
        f"{path}:5:9: warning: bullets slide has no title",
        f"{path}:6:9: warning: bullets slide has no title",
    ]


def test_a_very_long_title_is_cut_where_a_message_names_its_slide(tmp_path: Path) -> None:
    """Found: a 20,000-character title made each warning about its slide 20,000 characters long."""
    path = tmp_path / "deck.yaml"
    path.write_text(one_slide(f"{{title: {'T' * 20000}, bullets: [a]}}"), "utf-8")
    code, stdout, _ = run("check", str(path))
    assert code == 0
    assert f"{path}:5:9: warning: slide '{'T' * 59}…' has no speaker notes" in stdout.splitlines()
    assert max(len(line) for line in stdout.splitlines()) < 200 + len(str(path))


def test_build_on_a_slide_without_bullets_says_it_does_nothing(tmp_path: Path) -> None:
    """Found: ``build: true`` on a stats or chart slide passed silently, and the slide showed
    everything at once in the app and the deck."""
    path = tmp_path / "deck.yaml"
    path.write_text(one_slide("{title: One, notes: n, build: true, quote: {text: q, who: w}}"), "utf-8")
    code, stdout, _ = run("check", str(path))
    assert code == 0
    assert stdout.splitlines() == [
        f"{path}:5:32: warning: 'build' has no effect on a quote slide: only bullets come one step at a time",
        "  hint: remove 'build', or put what should come step by step in 'bullets'",
    ]


def test_a_foreign_script_warning_quotes_the_words_not_a_key_path(tmp_path: Path) -> None:
    """Found: the warning ended in the key path it was found at, counted from 0
    (``sections.0.slides.0.bullets.1``), which no editor shows; it now quotes the words."""
    path = tmp_path / "deck.yaml"
    bullet = "a long English sentence that has 上海 in its middle and more words after"
    path.write_text(one_slide(f'{{title: One, notes: n, bullets: [a, "{bullet}"]}}'), "utf-8")
    code, stdout, _ = run("check", str(path))
    assert code == 0
    message = "Han text in a storyboard whose language is 'en': \"…ce that has 上海 in its mid…\""
    assert stdout.splitlines()[0] == f"{path}:5:79: warning: {message}"
