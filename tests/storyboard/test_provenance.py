"""`briefing check --source`: cited phrases and shown figures proved against the source's own words."""

from __future__ import annotations

from pathlib import Path

from briefing.cli import main
from tests.shared_report import shared_report

SOURCE = """Harbour Town Survey

The harbour handled 48% of the region\u2019s freight in 2023 \u2013 a record.
Ferry crossings rose to 1,250 a day, says port director Ada Brennan.
"""

HEAD = """title: Harbour
sources:
  survey: {title: Harbour survey}
sections:
  - title: Freight
    slides:
"""


def _write(tmp_path: Path, slides: str, source: str = SOURCE, head: str = HEAD) -> tuple[Path, Path]:
    deck = tmp_path / "deck.yaml"
    deck.write_text(head + slides, encoding="utf-8")
    report = tmp_path / "survey.txt"
    report.write_text(source, encoding="utf-8")
    return deck, report


def _check(capsys, *args: str) -> tuple[int, list[str]]:
    code = main(["check", *args])
    return code, capsys.readouterr().out.splitlines()


def test_phrase_matches_despite_quotes_dashes_and_line_breaks(tmp_path, capsys) -> None:
    deck, report = _write(
        tmp_path,
        "      - title: Freight share\n"
        "        notes: n\n"
        '        sources: [{ref: survey, phrase: "48% of the region\'s freight in 2023 -   a record"}]\n'
        "        stats: [{value: 48, unit: '%', label: of freight}]\n",
    )
    assert _check(capsys, str(deck), "--source", str(report)) == (0, [])


def test_changed_figure_is_an_error_at_the_figure(tmp_path, capsys) -> None:
    deck, report = _write(
        tmp_path,
        "      - title: Freight share\n"
        "        notes: n\n"
        '        sources: [{ref: survey, phrase: "48% of the region\'s freight"}]\n'
        "        stats:\n"
        "          - {value: 84, unit: '%', label: of freight}\n",
    )
    code, out = _check(capsys, str(deck), "--source", str(report))
    assert code == 1
    assert out == [
        f"{deck.absolute()}:11:21: error: the slide shows 84% but the phrase it cites says 48%",
        "  hint: copy the figure from the cited words, or cite the words it comes from",
    ]


def test_misquoted_phrase_is_an_error_with_the_closest_passage(tmp_path, capsys) -> None:
    deck, report = _write(
        tmp_path,
        "      - title: Ferries\n"
        "        notes: n\n"
        "        sources:\n"
        "          - ref: survey\n"
        '            phrase: "Ferry crossings rose to 1,520 a day"\n'
        "        bullets: [More ferries]\n",
    )
    code, out = _check(capsys, str(deck), "--source", f"survey={report}")
    assert code == 1
    assert out == [
        f"{deck.absolute()}:11:21: error: phrase not found in source 'survey' (survey.txt): "
        '"Ferry crossings rose to 1,520 a day"',
        '  hint: closest passage, survey.txt line 4: "Ferry crossings rose to 1,250 a day,"',
    ]


def test_uncited_figure_is_a_warning_at_its_line(tmp_path, capsys) -> None:
    deck, report = _write(
        tmp_path,
        "      - title: Ferries\n"
        "        notes: n\n"
        "        bullets:\n"
        "          - Busy crossings\n"
        "          - About 900 passengers an hour\n",
    )
    code, out = _check(capsys, str(deck), "--source", str(report))
    assert code == 0
    assert out == [
        f"{deck.absolute()}:11:19: warning: figure 900 is not in any phrase this slide cites",
        "  hint: cite the words it comes from (sources: [{ref: ..., phrase: ...}])"
        ' or add note: "derived: ..."',
    ]


def test_derived_note_explains_a_figure(tmp_path, capsys) -> None:
    deck, report = _write(
        tmp_path,
        "      - title: Ferries\n"
        "        notes: n\n"
        "        sources:\n"
        "          - {ref: survey, phrase: 'rose to 1,250 a day', note: 'derived: 1,250 / 24 = 52 an hour'}\n"
        "        stats: [{value: 52, label: crossings an hour}]\n",
    )
    assert _check(capsys, str(deck), "--source", str(report)) == (0, [])


def test_source_with_file_is_checked_without_the_option(tmp_path, capsys) -> None:
    head = HEAD.replace("{title: Harbour survey}", "{title: Harbour survey, file: survey.txt}")
    deck, _ = _write(
        tmp_path,
        "      - title: Ferries\n"
        "        notes: n\n"
        "        sources: [{ref: survey, phrase: 'crossings fell to 1,250'}]\n"
        "        stats: [{value: 1250, label: crossings a day}]\n",
        head=head,
    )
    code, out = _check(capsys, str(deck))
    assert code == 1
    assert out[0].startswith(f"{deck.absolute()}:9:41: error: phrase not found in source 'survey'")


def test_missing_source_file_is_a_warning(tmp_path, capsys) -> None:
    head = HEAD.replace("{title: Harbour survey}", "{title: Harbour survey, file: gone.txt}")
    deck, _ = _write(tmp_path, "      - {title: A, notes: n, bullets: [x]}\n", head=head)
    code, out = _check(capsys, str(deck))
    assert code == 0
    assert out[0].startswith(f"{deck.absolute()}:3:3: warning: cannot read source 'survey' at ")


def test_ambiguous_source_option_is_reported(tmp_path, capsys) -> None:
    head = HEAD.replace("  survey: {title: Harbour survey}\n", "  a: {title: A}\n  b: {title: B}\n")
    deck, report = _write(tmp_path, "      - {title: A, notes: n, bullets: [x]}\n", head=head)
    code, out = _check(capsys, str(deck), "--source", str(report))
    assert code == 1
    assert out[0].endswith("error: --source " + str(report) + ": the storyboard has several sources")
    assert out[1] == "  hint: write --source REF=PATH; declared sources: a, b"


def test_source_that_does_not_exist_is_a_usage_error(tmp_path, capsys) -> None:
    deck, _ = _write(tmp_path, "      - {title: A, notes: n, bullets: [x]}\n")
    assert main(["check", str(deck), "--source", str(tmp_path / "nope.txt")]) == 2


def test_bundled_storyboard_passes_against_the_shared_report(bundled_storyboard, capsys) -> None:
    code, out = _check(capsys, str(bundled_storyboard), "--source", str(shared_report()))
    assert (code, out) == (0, [])
